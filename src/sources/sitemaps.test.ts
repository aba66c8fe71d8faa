// readSitemap on the sitemap fixtures (test/fixtures/sources/sitemaps/<slug>.xml with
// <slug>.expected.json), then gzip, the 50,000-URL cap, truncation, text sitemaps and non-sitemaps.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { detectSourceKind, readSitemap } from './index.js';

const SITEMAPS = new URL('../../test/fixtures/sources/sitemaps/', import.meta.url);
const MALFORMED = new URL('../../test/fixtures/sources/malformed/', import.meta.url);
const bytesOf = (s: string) => new TextEncoder().encode(s);

const slugs = readdirSync(SITEMAPS)
  .filter((name) => name.endsWith('.expected.json'))
  .map((name) => name.replace('.expected.json', ''));

/** A urlset of `n` generated URLs. */
function bigSitemap(n: number): string {
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n',
  ];
  for (let i = 0; i < n; i++) parts.push(`<url><loc>https://big.example/news/${i}</loc></url>\n`);
  parts.push('</urlset>\n');
  return parts.join('');
}

describe('readSitemap: fixtures', () => {
  it('finds the fixtures', () => assert.equal(slugs.length, 3));
  for (const slug of slugs) {
    it(slug, () => {
      const expected = JSON.parse(readFileSync(new URL(`${slug}.expected.json`, SITEMAPS), 'utf8'));
      const bytes = readFileSync(new URL(`${slug}.xml`, SITEMAPS));
      const r = readSitemap(bytes, { url: expected.sitemapUrl });
      assert.ok(r.ok, r.ok ? '' : `${r.error.code}: ${r.error.message}`);
      const { sitemapUrl: _, ...want } = expected;
      assert.deepEqual(r.value, want);
      assert.equal(detectSourceKind(bytes), expected.kind === 'index' ? 'sitemapindex' : 'sitemap');
    });
  }
});

describe('readSitemap: behaviours', () => {
  it('reads a gzipped sitemap (.xml.gz), and detects it', () => {
    const gz = gzipSync(readFileSync(new URL('news-sitemap.xml', SITEMAPS)));
    const r = readSitemap(gz, { url: 'https://janoub.example/news-sitemap.xml.gz' });
    assert.ok(r.ok);
    assert.equal(r.value.urls.length, 2);
    assert.equal(r.value.urls[1].newsTitle, 'انقطاع الكهرباء عن أحياء المدينة & عاصفة رملية');
    assert.equal(detectSourceKind(gz, { url: 'https://janoub.example/news-sitemap.xml.gz' }), 'sitemap');
  });

  it('keeps what a truncated gzip stream held', () => {
    const gz = gzipSync(bigSitemap(2000));
    const r = readSitemap(gz.subarray(0, Math.floor(gz.length / 2)));
    assert.ok(r.ok, r.ok ? '' : r.error.message);
    assert.ok(r.value.urls.length > 100 && r.value.urls.length < 2000, `${r.value.urls.length} urls`);
    assert.match(r.value.warnings.join('\n'), /gzip data is truncated/);
    assert.match(r.value.warnings.join('\n'), /sitemap is truncated/);
  });

  it('caps a 60,000-URL sitemap at 50,000 with a warning, in bounded time', () => {
    const started = Date.now();
    const r = readSitemap(bytesOf(bigSitemap(60_000)));
    assert.ok(r.ok);
    assert.equal(r.value.urls.length, 50_000);
    assert.equal(r.value.urls[49_999].url, 'https://big.example/news/49999');
    assert.match(r.value.warnings[0], /more than 50000 URLs .* kept the first 50000/);
    // A bound, not a benchmark: ~1 s on a quiet laptop; generous because the test box is shared.
    assert.ok(Date.now() - started < 20_000, `took ${Date.now() - started} ms`);
  });

  it('keeps the complete entries of a truncated sitemap, not the cut-off one', () => {
    const r = readSitemap(readFileSync(new URL('truncated-sitemap.xml', MALFORMED)));
    assert.ok(r.ok);
    assert.deepEqual(
      r.value.urls.map((u) => u.url),
      ['https://janoub.example/2017/10/un-visit'],
    );
    assert.match(r.value.warnings.join('\n'), /truncated .* kept the 1 complete entries/);
  });

  it('reads a text sitemap (one URL a line)', () => {
    const r = readSitemap(bytesOf('https://x.example/a\nhttps://x.example/b\n'));
    assert.ok(r.ok);
    assert.deepEqual(
      r.value.urls.map((u) => u.url),
      ['https://x.example/a', 'https://x.example/b'],
    );
  });

  it('reads prefixed sitemap elements (<sm:urlset><sm:url><sm:loc>)', () => {
    const xml =
      '<sm:urlset xmlns:sm="http://www.sitemaps.org/schemas/sitemap/0.9"><sm:url><sm:loc>https://x.example/p</sm:loc>' +
      '<sm:lastmod>2017-10-01</sm:lastmod></sm:url></sm:urlset>';
    const r = readSitemap(bytesOf(xml));
    assert.ok(r.ok);
    assert.deepEqual(r.value.urls, [
      {
        url: 'https://x.example/p',
        lastmod: '2017-10-01T00:00:00.000Z',
        newsPublished: null,
        newsTitle: null,
      },
    ]);
  });

  it('turns away feeds and pages with the reader that fits', () => {
    const feed = readSitemap(readFileSync(new URL('../feeds/rss2.xml', SITEMAPS)));
    assert.ok(!feed.ok);
    assert.equal(feed.error.code, 'source.unsupported');
    assert.match(feed.error.message, /RSS feed, not a sitemap; read it with readFeed/);
    const page = readSitemap(readFileSync(new URL('page.html', MALFORMED)));
    assert.ok(!page.ok);
    assert.match(page.error.message, /HTML page/);
  });

  it('says an empty urlset is empty', () => {
    const r = readSitemap(bytesOf('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>'));
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'source.empty');
  });

  it('refuses a gzip bomb past the 50 MB protocol limit', () => {
    const bomb = gzipSync(Buffer.alloc(60 * 1024 * 1024, 0x20), { level: 1 });
    const r = readSitemap(bomb);
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'source.too-large');
  });
});
