// detectSourceKind: content first, then Content-Type, then extension; gzip looked into.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { detectSourceKind, type SourceKind } from './index.js';

const FIXTURES = new URL('../../test/fixtures/sources/', import.meta.url);
const bytesOf = (s: string) => new TextEncoder().encode(s);
const fixture = (path: string) => readFileSync(new URL(path, FIXTURES));

describe('detectSourceKind', () => {
  const byContent: Array<[string, Uint8Array, SourceKind]> = [
    ['RSS 2.0', fixture('feeds/rss2.xml'), 'rss'],
    ['RSS 0.91 with a DOCTYPE', fixture('feeds/rss091.xml'), 'rss'],
    ['RSS 1.0 (rdf:RDF)', fixture('feeds/rdf.xml'), 'rdf'],
    ['Atom', fixture('feeds/atom.xml'), 'atom'],
    ['JSON Feed', fixture('feeds/jsonfeed.json'), 'jsonfeed'],
    ['windows-1256 RSS', fixture('feeds/rss-windows-1256.xml'), 'rss'],
    ['OPML', fixture('opml/nested.opml'), 'opml'],
    ['sitemap with a stylesheet PI', fixture('sitemaps/sitemap.xml'), 'sitemap'],
    ['sitemap index', fixture('sitemaps/sitemap-index.xml'), 'sitemapindex'],
    ['HTML page', fixture('malformed/page.html'), 'html'],
    ['URL list', fixture('lists/urls.txt'), 'urllist'],
    ['gzipped sitemap', gzipSync(fixture('sitemaps/news-sitemap.xml')), 'sitemap'],
    ['WARC', bytesOf('WARC/1.0\r\nWARC-Type: warcinfo\r\n'), 'warc'],
    ['gzipped WARC', gzipSync(bytesOf('WARC/1.1\r\nWARC-Type: warcinfo\r\n')), 'warc'],
    [
      'BOM + comment before the root',
      bytesOf(
        '\uFEFF<!-- generated --><?xml-stylesheet href="x"?>\n<feed xmlns="http://www.w3.org/2005/Atom">',
      ),
      'atom',
    ],
    ['plain JSON is not a feed', bytesOf('{"items": []}'), 'unknown'],
    ['empty', new Uint8Array(0), 'unknown'],
    ['binary', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'unknown'],
    ['prose with one link', bytesOf('Read this: https://x.example/a\nand then that\nand more\n'), 'unknown'],
  ];
  for (const [name, bytes, kind] of byContent) {
    it(`by content: ${name} → ${kind}`, () => assert.equal(detectSourceKind(bytes), kind));
  }

  it('content wins over a lying Content-Type and extension', () => {
    assert.equal(
      detectSourceKind(fixture('feeds/atom.xml'), {
        url: 'https://x.example/page.html',
        contentType: 'text/html',
      }),
      'atom',
    );
  });

  it('falls back to the Content-Type, then to the extension', () => {
    const fragment = bytesOf('<div>تعليق</div>');
    assert.equal(detectSourceKind(fragment, { contentType: 'text/html; charset=utf-8' }), 'html');
    assert.equal(detectSourceKind(fragment, { url: 'https://x.example/feed.rss' }), 'rss');
    assert.equal(detectSourceKind(fragment, { url: '/data/page.htm' }), 'html');
    assert.equal(detectSourceKind(fragment, { url: 'https://x.example/data.xml' }), 'unknown');
  });

  it('does not trust an extension on binary data', () => {
    assert.equal(detectSourceKind(new Uint8Array([0, 1, 2, 3, 4, 5]), { url: 'x.rss' }), 'unknown');
  });

  it('is quick on a gzip bomb (only a prefix is inflated)', () => {
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024, 0x41), { level: 1 });
    const started = Date.now();
    assert.equal(detectSourceKind(bomb), 'unknown');
    assert.ok(Date.now() - started < 2000);
  });
});
