// readOpml on nested outlines, writeOpml → readOpml round trip, and bad OPML.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { detectSourceKind, readOpml, writeOpml } from './index.js';

const OPML = new URL('../../test/fixtures/sources/opml/', import.meta.url);
const bytesOf = (s: string) => new TextEncoder().encode(s);

describe('readOpml', () => {
  it('flattens nested outlines, keeps document order, drops duplicates and non-feeds', () => {
    const bytes = readFileSync(new URL('nested.opml', OPML));
    const r = readOpml(bytes);
    assert.ok(r.ok, r.ok ? '' : r.error.message);
    assert.deepEqual(r.value, [
      { url: 'https://akhbar.example/rss.xml', title: 'أخبار المدينة', kind: 'feed' },
      { url: 'http://furat.example/rss.php', title: 'صوت الفرات', kind: 'feed' },
      { url: 'https://janoub.example/atom.xml', title: 'مرصد الجنوب (أتوم)', kind: 'feed' },
      { url: 'https://jamia.example/feed.json', title: 'صحيفة الجامعة', kind: 'feed' },
    ]);
    assert.equal(detectSourceKind(bytes, { url: 'list.opml' }), 'opml');
  });

  it('round-trips what writeOpml writes', () => {
    const sources = [
      { url: 'https://akhbar.example/rss.xml', name: 'أخبار المدينة' },
      { url: 'https://janoub.example/atom.xml?lang=ar&format=full', name: 'مرصد "الجنوب" <أتوم>' },
      { url: 'http://furat.example/rss.php', name: 'صوت الفرات' },
    ];
    const xml = writeOpml(sources);
    assert.match(xml, /^<\?xml version="1.0" encoding="utf-8"\?>/);
    const r = readOpml(bytesOf(xml));
    assert.ok(r.ok);
    assert.deepEqual(
      r.value,
      sources.map((s) => ({ url: s.url, title: s.name, kind: 'feed' })),
    );
  });

  it('errors on bad OPML without throwing', () => {
    const cases: Array<[string, Uint8Array, string]> = [
      ['empty', new Uint8Array(0), 'source.empty'],
      ['not OPML', bytesOf('<rss version="2.0"></rss>'), 'source.unsupported'],
      ['no feeds', bytesOf('<opml version="2.0"><body><outline text="x"/></body></opml>'), 'source.empty'],
      ['binary', new Uint8Array([0, 1, 2, 3, 255, 254, 0, 0]), 'source.unsupported'],
    ];
    for (const [name, bytes, code] of cases) {
      const r = readOpml(bytes);
      assert.ok(!r.ok, name);
      assert.equal(r.error.code, code, name);
    }
  });

  it('says a truncated OPML file is malformed', () => {
    const text = readFileSync(new URL('nested.opml', OPML), 'utf8');
    const r = readOpml(bytesOf(text.slice(0, text.indexOf('جامعات'))));
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'source.malformed');
    assert.match(r.error.message, /not well-formed/);
  });

  it('survives outlines nested deeper than the call stack', () => {
    const depth = 20_000;
    const xml = `<opml version="2.0"><body>${'<outline text="f">'.repeat(depth)}<outline xmlUrl="https://deep.example/f"/>${'</outline>'.repeat(depth)}</body></opml>`;
    const r = readOpml(bytesOf(xml));
    // feedsmith's XML parser caps nesting ("Maximum nested tags exceeded").
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'source.malformed');
  });
});
