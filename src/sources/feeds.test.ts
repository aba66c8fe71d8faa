// readFeed on the feed fixtures (test/fixtures/sources/feeds/<slug>.{xml,json} with
// <slug>.expected.json: feedUrl given, format, title, items and warnings expected), then the
// behaviours one at a time: charset, truncation repair, non-feeds turned away with a reason.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { detectSourceKind, readFeed } from './index.js';

const FEEDS = new URL('../../test/fixtures/sources/feeds/', import.meta.url);
const MALFORMED = new URL('../../test/fixtures/sources/malformed/', import.meta.url);
const bytesOf = (s: string) => new TextEncoder().encode(s);

interface ExpectedFeed {
  feedUrl: string;
  format: string;
  title: string | null;
  items: unknown[];
  warnings: string[];
}

const slugs = readdirSync(FEEDS)
  .filter((name) => name.endsWith('.expected.json'))
  .map((name) => name.replace('.expected.json', ''));

describe('readFeed: fixtures', () => {
  it('finds the fixtures', () => assert.ok(slugs.length >= 6, `only ${slugs.length} feed fixtures`));
  for (const slug of slugs) {
    it(slug, () => {
      const expected = JSON.parse(
        readFileSync(new URL(`${slug}.expected.json`, FEEDS), 'utf8'),
      ) as ExpectedFeed;
      const source = readdirSync(FEEDS).find(
        (n) => n.startsWith(`${slug}.`) && !n.endsWith('.expected.json'),
      )!;
      const bytes = readFileSync(new URL(source, FEEDS));
      const result = readFeed(bytes, { url: expected.feedUrl });
      assert.ok(result.ok, result.ok ? '' : `${result.error.code}: ${result.error.message}`);
      assert.equal(result.value.format, expected.format);
      assert.equal(result.value.title, expected.title);
      assert.deepEqual(result.value.items, expected.items);
      assert.deepEqual(result.value.warnings, expected.warnings);
      assert.equal(detectSourceKind(bytes, { url: expected.feedUrl }), expected.format);
    });
  }
});

describe('readFeed: behaviours', () => {
  it('decodes windows-1256 by the XML declaration (no mojibake, no U+FFFD)', () => {
    const bytes = readFileSync(new URL('rss-windows-1256.xml', FEEDS));
    const r = readFeed(bytes, { url: 'http://furat.example/rss.php' });
    assert.ok(r.ok);
    assert.equal(r.value.items[0].title, 'افتتاح جسر جديد فوق نهر الفرات يربط ضفتي المدينة');
    assert.ok(!JSON.stringify(r.value).includes('\uFFFD'));
  });

  it('uses the Content-Type charset when the XML declaration names none', () => {
    const xml = readFileSync(new URL('rss-windows-1256.xml', FEEDS))
      .toString('latin1')
      .replace(' encoding="windows-1256"', '');
    const r = readFeed(Buffer.from(xml, 'latin1'), {
      contentType: 'application/rss+xml; charset=windows-1256',
    });
    assert.ok(r.ok);
    assert.equal(r.value.title, 'صوت الفرات');
  });

  it('reads a UTF-16 feed with a BOM', () => {
    const xml = readFileSync(new URL('rss2.xml', FEEDS), 'utf8').replace(
      'encoding="UTF-8"',
      'encoding="UTF-16"',
    );
    const r = readFeed(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]), {
      url: 'https://akhbar.example/rss.xml',
    });
    assert.ok(r.ok);
    assert.equal(r.value.items.length, 3);
  });

  it('reads a gzipped feed', () => {
    const r = readFeed(gzipSync(readFileSync(new URL('atom.xml', FEEDS))), {
      url: 'https://janoub.example/atom.xml',
    });
    assert.ok(r.ok);
    assert.equal(r.value.items.length, 2);
  });

  it('keeps the complete items of a truncated feed, with a warning', () => {
    const r = readFeed(readFileSync(new URL('truncated-feed.xml', MALFORMED)), {
      url: 'https://akhbar.example/rss.xml',
    });
    assert.ok(r.ok, r.ok ? '' : r.error.message);
    assert.deepEqual(
      r.value.items.map((i) => i.url),
      [
        'https://akhbar.example/local/2017/10/water-network',
        'https://akhbar.example/culture/book-fair?id=7&lang=ar',
      ],
    );
    assert.match(
      r.value.warnings.join('\n'),
      /not well-formed: .*; kept the 2 complete items before the damage/,
    );
  });

  it('turns away an HTML page, naming the feeds it links to', () => {
    const r = readFeed(readFileSync(new URL('page.html', MALFORMED)), { url: 'https://akhbar.example/' });
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'source.unsupported');
    assert.match(r.error.message, /HTML page, not a feed/);
    assert.deepEqual((r.error.cause as { feedLinks: string[] }).feedLinks, [
      'https://akhbar.example/rss.xml',
      'https://akhbar.example/atom.xml',
    ]);
  });

  it('says a feed without items is empty', () => {
    const r = readFeed(readFileSync(new URL('empty-feed.xml', MALFORMED)));
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'source.empty');
    assert.match(r.error.message, /RSS feed has no items/);
  });

  it('says so when no item has a usable link', () => {
    const r = readFeed(
      bytesOf('<rss version="2.0"><channel><title>t</title><item><title>a</title></item></channel></rss>'),
    );
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'source.empty');
    assert.match(r.error.message, /none of the 1 items/);
  });

  it('skips relative links when there is no feed URL to resolve them against', () => {
    const xml =
      '<rss version="2.0"><channel><title>t</title><item><link>/a</link></item><item><link>https://x.example/b</link></item></channel></rss>';
    const r = readFeed(bytesOf(xml));
    assert.ok(r.ok);
    assert.deepEqual(
      r.value.items.map((i) => i.url),
      ['https://x.example/b'],
    );
  });

  it('names the right reader for a sitemap, an OPML file and a WARC', () => {
    const cases: Array<[string, RegExp]> = [
      ['<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>', /readSitemap/],
      ['<opml version="2.0"><body><outline xmlUrl="https://x.example/f"/></body></opml>', /readOpml/],
      ['WARC/1.1\r\nWARC-Type: warcinfo\r\n\r\n', /readWarc/],
    ];
    for (const [text, reader] of cases) {
      const r = readFeed(bytesOf(text));
      assert.ok(!r.ok);
      assert.equal(r.error.code, 'source.unsupported');
      assert.match(r.error.message, reader);
    }
  });

  it('cuts long summaries and strips markup from titles', () => {
    const long = 'كلمة '.repeat(1000);
    const xml = `<rss version="2.0"><channel><title>t</title><item><title><![CDATA[<b>عاجل</b>: خبر]]></title><link>https://x.example/1</link><description>${long}</description></item></channel></rss>`;
    const r = readFeed(bytesOf(xml));
    assert.ok(r.ok);
    assert.equal(r.value.items[0].title, 'عاجل: خبر');
    assert.ok(r.value.items[0].summary!.length <= 1001);
    assert.ok(r.value.items[0].summary!.endsWith('…'));
  });

  it('reads a date without a zone as UTC, and drops placeholder dates', () => {
    const xml =
      '<rss version="2.0"><channel><title>t</title>' +
      '<item><link>https://x.example/1</link><pubDate>2017-10-10 18:00:00</pubDate></item>' +
      '<item><link>https://x.example/2</link><pubDate>0001-01-01T00:00:00Z</pubDate></item>' +
      '<item><link>https://x.example/3</link><pubDate>الثلاثاء ١٠ أكتوبر</pubDate></item>' +
      '</channel></rss>';
    const r = readFeed(bytesOf(xml));
    assert.ok(r.ok);
    assert.deepEqual(
      r.value.items.map((i) => i.published),
      ['2017-10-10T18:00:00.000Z', null, null],
    );
  });
});
