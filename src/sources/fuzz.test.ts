// Fuzz the feed and sitemap readers with seeded mutations of the fixtures (byte flips, cuts,
// duplicated slices, stray markup, random UTF-8 / windows-1256 bytes, lying encodings, gzip
// wrapping) and a few WARC mutations. Invariants: nothing throws, each call ends within
// CALL_LIMIT_MS, and values are well-formed (absolute http(s) URLs, ISO dates or null).
// Reproduce a failure with MARSAD_FUZZ_SEED=<seed> (and MARSAD_FUZZ_ROUNDS=<n>); the report
// names the round, the fixture and the mutations.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { WARCRecord, WARCSerializer } from 'warcio';
import { mulberry32, type Rng } from '../../test/helpers/prng.js';
import type { Result } from '../model/index.js';
import { detectSourceKind, readFeed, readOpml, readSitemap, readUrlList, readWarc } from './index.js';

const SEED = Number(process.env.MARSAD_FUZZ_SEED ?? 20171010);
const ROUNDS = Number(process.env.MARSAD_FUZZ_ROUNDS ?? 300);
const WARC_ROUNDS = 40;
/** A bound, not a benchmark: a fixture takes milliseconds; 2 s means something blew up. */
const CALL_LIMIT_MS = 2000;

const FIXTURES = new URL('../../test/fixtures/sources/', import.meta.url);
function load(dir: string): Array<[string, Uint8Array]> {
  return readdirSync(new URL(`${dir}/`, FIXTURES))
    .filter((n) => !n.endsWith('.expected.json'))
    .map((n) => [`${dir}/${n}`, new Uint8Array(readFileSync(new URL(`${dir}/${n}`, FIXTURES)))]);
}
const fixtures = [...load('feeds'), ...load('sitemaps'), ...load('opml')];

const STRAY = [
  '<',
  '>',
  '"',
  '&',
  '\0',
  '</item>',
  '<item>',
  '</entry>',
  '<entry>',
  '<url>',
  '</url>',
  '<loc>',
  '</loc>',
  '<![CDATA[',
  ']]>',
  '<!--',
  '-->',
  '<?xml version="1.0" encoding="utf-16"?>',
  '&#xD800;',
  '&nbsp;',
  '&#0;',
  'xml:base="javascript:alert(1)"',
  '<link>//evil.example/x</link>',
  '<link>https://[::1/</link>',
  '\uFEFF',
];
const ARABIC = 'قال مصدر محلي إن الاشتباكات اندلعت في ريف حلب الشمالي، «وأضاف» أن الوضع متوتر؛ ١٢٣';

type Mutation = (bytes: Uint8Array, rng: Rng) => Uint8Array;
const MUTATIONS: Array<[string, Mutation]> = [
  [
    'flip bytes',
    (b, rng) => {
      const out = b.slice();
      for (let i = 0, n = 1 + rng.int(8); i < n && out.length > 0; i++)
        out[rng.int(out.length)] = rng.int(256);
      return out;
    },
  ],
  ['truncate', (b, rng) => b.subarray(0, rng.int(b.length + 1))],
  [
    'duplicate a slice',
    (b, rng) => {
      const start = rng.int(b.length + 1);
      const end = Math.min(b.length, start + rng.int(400));
      const at = rng.int(b.length + 1);
      return concat(b.subarray(0, at), b.subarray(start, end), b.subarray(at));
    },
  ],
  [
    'insert stray markup',
    (b, rng) => {
      const at = rng.int(b.length + 1);
      return concat(b.subarray(0, at), new TextEncoder().encode(rng.pick(STRAY)), b.subarray(at));
    },
  ],
  [
    'insert Arabic UTF-8',
    (b, rng) => {
      const at = rng.int(b.length + 1);
      return concat(b.subarray(0, at), new TextEncoder().encode(ARABIC.slice(rng.int(20))), b.subarray(at));
    },
  ],
  [
    'insert windows-1256 bytes',
    (b, rng) => {
      const at = rng.int(b.length + 1);
      return concat(b.subarray(0, at), iconv.encode(ARABIC, 'windows-1256'), b.subarray(at));
    },
  ],
  [
    'lie about the encoding',
    (b, rng) => {
      const text = Buffer.from(b).toString('latin1');
      const lie = rng.pick(['windows-1256', 'utf-16', 'x-no-such-charset', 'iso-8859-6', 'utf-8']);
      return Buffer.from(text.replace(/encoding="[^"]*"/, `encoding="${lie}"`), 'latin1');
    },
  ],
  [
    'delete a range',
    (b, rng) => {
      const start = rng.int(b.length + 1);
      return concat(b.subarray(0, start), b.subarray(Math.min(b.length, start + rng.int(200))));
    },
  ],
  ['gzip it', (b) => gzipSync(b)],
];

function concat(...parts: Uint8Array[]): Uint8Array {
  return Buffer.concat(parts);
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
function assertHttpUrl(url: string, where: string) {
  assert.match(url, /^https?:\/\/[^\s]+$/, `${where}: not an absolute http(s) URL: ${url}`);
  assert.doesNotThrow(() => new URL(url), where);
}
function assertDate(date: string | null, where: string) {
  if (date !== null) assert.match(date, ISO, `${where}: not ISO: ${date}`);
}

function call<T>(where: string, f: () => Result<T>): Result<T> {
  const started = performance.now();
  let out: Result<T>;
  try {
    out = f();
  } catch (err) {
    assert.fail(`${where}: threw ${(err as Error).stack}`);
  }
  const took = performance.now() - started;
  assert.ok(took < CALL_LIMIT_MS, `${where}: took ${took.toFixed(0)} ms`);
  if (!out.ok) assert.match(out.error.code, /^source\./, `${where}: code ${out.error.code}`);
  return out;
}

describe(`sources fuzz (seed ${SEED}, ${ROUNDS} rounds)`, () => {
  it('feeds, sitemaps and OPML survive mutated fixtures', () => {
    const rng = mulberry32(SEED);
    for (let round = 0; round < ROUNDS; round++) {
      const [name, original] = rng.pick(fixtures);
      let bytes = original;
      const applied: string[] = [];
      for (let i = 0, n = 1 + rng.int(3); i < n; i++) {
        const [label, mutate] = rng.pick(MUTATIONS);
        applied.push(label);
        bytes = mutate(bytes, rng);
      }
      const where = `round ${round} (${name}: ${applied.join(', ')})`;
      const url = rng.pick(['https://fuzz.example/feed.xml', undefined, 'not a url', 'file:///tmp/x.xml']);

      try {
        detectSourceKind(bytes, { url });
      } catch (err) {
        assert.fail(`${where}: detectSourceKind threw ${(err as Error).stack}`);
      }
      const feed = call(`${where} readFeed`, () => readFeed(bytes, { url }));
      if (feed.ok) {
        assert.ok(feed.value.items.length > 0, `${where}: ok with no items`);
        const seen = new Set<string>();
        for (const item of feed.value.items) {
          assertHttpUrl(item.url, where);
          assert.ok(!seen.has(item.url), `${where}: duplicate ${item.url}`);
          seen.add(item.url);
          assertDate(item.published, where);
          assert.ok(item.summary === null || item.summary.length <= 1001, `${where}: summary too long`);
        }
      }
      const sitemap = call(`${where} readSitemap`, () => readSitemap(bytes, { url }));
      if (sitemap.ok) {
        for (const u of sitemap.value.urls) {
          assertHttpUrl(u.url, where);
          assertDate(u.lastmod, where);
          assertDate(u.newsPublished, where);
        }
        for (const s of sitemap.value.sitemaps) assertHttpUrl(s, where);
      }
      const opml = call(`${where} readOpml`, () => readOpml(bytes));
      if (opml.ok) for (const f of opml.value) assertHttpUrl(f.url, where);
      const list = call(`${where} readUrlList`, () => readUrlList(bytes));
      if (list.ok) for (const u of list.value.urls) assertHttpUrl(u, where);
    }
  });

  it('pure garbage', () => {
    const rng = mulberry32(SEED ^ 0x5eed);
    for (let round = 0; round < 40; round++) {
      const bytes = new Uint8Array(rng.int(5000)).map(() =>
        rng.next() < 0.7 ? 0x20 + rng.int(95) : rng.int(256),
      );
      const where = `garbage round ${round}`;
      call(`${where} readFeed`, () => readFeed(bytes));
      call(`${where} readSitemap`, () => readSitemap(bytes));
      call(`${where} readOpml`, () => readOpml(bytes));
      call(`${where} readUrlList`, () => readUrlList(bytes));
    }
  });

  it('WARC records survive mutation', async () => {
    const rng = mulberry32(SEED ^ 0xa4c);
    async function* once(b: Uint8Array) {
      yield b;
    }
    const build = async (gzip: boolean) => {
      const record = await WARCRecord.create(
        {
          url: 'https://fuzz.example/page',
          type: 'response',
          warcVersion: 'WARC/1.1',
          httpHeaders: { 'Content-Type': 'text/html; charset=windows-1256' },
        },
        once(iconv.encode(`<html><body>${ARABIC}</body></html>`, 'windows-1256')),
      );
      const one = await WARCSerializer.serialize(record, { gzip });
      return concat(one, one.slice());
    };
    const plain = await build(false);
    const gz = await build(true);
    for (let round = 0; round < WARC_ROUNDS; round++) {
      let bytes = rng.next() < 0.5 ? plain : gz;
      const applied: string[] = [];
      const [label, mutate] = rng.pick(MUTATIONS.slice(0, 4));
      applied.push(label);
      bytes = mutate(bytes, rng);
      const where = `WARC round ${round} (${applied.join(', ')})`;
      const started = performance.now();
      try {
        for await (const r of readWarc(bytes)) {
          if (r.ok) assertHttpUrl(r.value.url, where);
          else assert.match(r.error.code, /^source\./, where);
        }
      } catch (err) {
        assert.fail(`${where}: threw ${(err as Error).stack}`);
      }
      assert.ok(performance.now() - started < CALL_LIMIT_MS, `${where}: too slow`);
    }
  });
});
