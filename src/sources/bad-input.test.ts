// Every reader against every bad input: truncated XML, an HTML page, a feed without items, a
// binary file, random bytes, a huge sitemap, a truncated WARC, a gzip bomb, deep nesting.
// Invariants: no throw, an answer within CALL_LIMIT_MS, and either a value or an error with a
// source.* code and a message. Then the specific answer each reader owes for the main cases.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { mulberry32 } from '../../test/helpers/prng.js';
import type { Result } from '../model/index.js';
import { detectSourceKind, readFeed, readOpml, readSitemap, readUrlList, readWarc } from './index.js';

const FIXTURES = new URL('../../test/fixtures/sources/', import.meta.url);
const fixture = (path: string) => new Uint8Array(readFileSync(new URL(path, FIXTURES)));
const bytesOf = (s: string) => new TextEncoder().encode(s);
/** A bound, not a benchmark: each call takes milliseconds; 10 s on a shared box means a hang. */
const CALL_LIMIT_MS = 10_000;

const rng = mulberry32(20171010);
const random = new Uint8Array(64 * 1024).map(() => rng.int(256));
const sitemap60k = bytesOf(
  `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${Array.from(
    { length: 60_000 },
    (_, i) => `<url><loc>https://big.example/${i}</loc></url>`,
  ).join('')}</urlset>`,
);
const warc = bytesOf(
  'WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.example/\r\nContent-Length: 500\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html>',
);

const BAD_INPUTS: Array<[string, Uint8Array]> = [
  ['truncated feed XML', fixture('malformed/truncated-feed.xml')],
  ['feed cut inside the channel title', fixture('feeds/rss2.xml').subarray(0, 200)],
  ['HTML page', fixture('malformed/page.html')],
  ['feed with no items', fixture('malformed/empty-feed.xml')],
  ['truncated sitemap', fixture('malformed/truncated-sitemap.xml')],
  [
    'binary file (PNG header)',
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]),
  ],
  ['random bytes', random],
  ['random bytes behind a gzip header', new Uint8Array([0x1f, 0x8b, 8, 0, ...random.subarray(0, 4096)])],
  ['60,000-URL sitemap', sitemap60k],
  ['truncated WARC', warc],
  ['empty', new Uint8Array(0)],
  ['only whitespace', bytesOf('  \n\t\n')],
  [
    'XML with 100,000 nested elements',
    bytesOf(`<rss version="2.0"><channel>${'<x>'.repeat(100_000)}</channel></rss>`),
  ],
  [
    'entity expansion (billion laughs)',
    bytesOf(
      '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><rss version="2.0"><channel><title>&c;</title><item><link>https://x.example/&c;</link></item></channel></rss>',
    ),
  ],
  ['gzip bomb', gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x3c), { level: 1 })],
];

const SOURCE_CODES = new Set(['source.malformed', 'source.unsupported', 'source.empty', 'source.too-large']);

function assertWellFormed(name: string, r: Result<unknown>) {
  if (r.ok) return;
  assert.ok(SOURCE_CODES.has(r.error.code), `${name}: unexpected code ${r.error.code}`);
  assert.ok(r.error.message.length > 10, `${name}: message too short: ${r.error.message}`);
}

async function timed<T>(name: string, f: () => T | Promise<T>): Promise<T> {
  const started = Date.now();
  const out = await f();
  const took = Date.now() - started;
  assert.ok(took < CALL_LIMIT_MS, `${name} took ${took} ms`);
  return out;
}

async function warcResults(bytes: Uint8Array) {
  const out: Array<Result<unknown>> = [];
  for await (const r of readWarc(bytes)) out.push(r);
  return out;
}

describe('every reader on every bad input: no throw, bounded time, a clear answer', () => {
  for (const [name, bytes] of BAD_INPUTS) {
    it(name, async () => {
      await timed(`detect ${name}`, () => detectSourceKind(bytes));
      assertWellFormed(`readFeed ${name}`, await timed(`readFeed ${name}`, () => readFeed(bytes)));
      assertWellFormed(`readSitemap ${name}`, await timed(`readSitemap ${name}`, () => readSitemap(bytes)));
      assertWellFormed(`readOpml ${name}`, await timed(`readOpml ${name}`, () => readOpml(bytes)));
      assertWellFormed(`readUrlList ${name}`, await timed(`readUrlList ${name}`, () => readUrlList(bytes)));
      for (const r of await timed(`readWarc ${name}`, () => warcResults(bytes)))
        assertWellFormed(`readWarc ${name}`, r);
    });
  }
});

describe('the answer each reader owes', () => {
  const code = (r: Result<unknown>) => (r.ok ? 'ok' : r.error.code);
  it('truncated feed XML → the complete items, with a warning', () => {
    const r = readFeed(fixture('malformed/truncated-feed.xml'), { url: 'https://akhbar.example/rss.xml' });
    assert.ok(r.ok);
    assert.equal(r.value.items.length, 2);
    assert.equal(r.value.warnings.length, 1);
  });
  it('a feed cut before any item → malformed', () => {
    assert.equal(code(readFeed(fixture('feeds/rss2.xml').subarray(0, 200))), 'source.malformed');
  });
  it('HTML page as a feed, a sitemap, an OPML file → unsupported', () => {
    const page = fixture('malformed/page.html');
    assert.deepEqual(
      [code(readFeed(page)), code(readSitemap(page)), code(readOpml(page))],
      ['source.unsupported', 'source.unsupported', 'source.unsupported'],
    );
  });
  it('feed with no items → empty', () => {
    assert.equal(code(readFeed(fixture('malformed/empty-feed.xml'))), 'source.empty');
  });
  it('binary file and random bytes → unsupported everywhere', async () => {
    for (const bytes of [BAD_INPUTS[5][1], random]) {
      assert.deepEqual(
        [code(readFeed(bytes)), code(readSitemap(bytes)), code(readOpml(bytes)), code(readUrlList(bytes))],
        ['source.unsupported', 'source.unsupported', 'source.unsupported', 'source.unsupported'],
      );
      assert.deepEqual((await warcResults(bytes)).map(code), ['source.unsupported']);
    }
  });
  it('random bytes behind a gzip header → malformed (not valid gzip)', () => {
    assert.equal(code(readFeed(BAD_INPUTS[7][1])), 'source.malformed');
  });
  it('gzip bomb → too large', () => {
    const bomb = BAD_INPUTS.at(-1)![1];
    assert.equal(code(readFeed(bomb)), 'source.too-large');
    assert.equal(code(readSitemap(bomb)), 'source.too-large');
  });
  it('60,000-URL sitemap → the first 50,000 and a warning', () => {
    const r = readSitemap(sitemap60k);
    assert.ok(r.ok);
    assert.equal(r.value.urls.length, 50_000);
    assert.equal(r.value.warnings.length, 1);
  });
  it('truncated WARC → one error value', async () => {
    const results = await warcResults(warc);
    assert.equal(results.length, 1);
    assert.ok(!results[0].ok);
    assert.match(results[0].error.message, /ends inside https:\/\/x\.example\//);
  });
  it('nested elements and entity tricks → an answer, not a crash', () => {
    const deep = readFeed(BAD_INPUTS[12][1]);
    assert.ok(!deep.ok);
    const laughs = readFeed(BAD_INPUTS[13][1]);
    // feedsmith leaves DTD entities unexpanded, so the link keeps "&c;" literally, escaped.
    if (laughs.ok) assert.ok(laughs.value.items.every((i) => i.url.length < 200));
  });
});
