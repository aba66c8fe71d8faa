// Fuzz extractArticle with seeded mutations of the fixture pages (byte flips, truncations,
// duplicated slices, stray < > " NUL, random UTF-8 and windows-1256 bytes, dropped closing tags,
// lying charsets, tiny maxBytes) and with pure garbage. Invariants: it never throws, each call
// ends within CALL_LIMIT_MS, and the Article is well-formed. Reproduce a failure with
// MARSAD_FUZZ_SEED=<seed> (and MARSAD_FUZZ_ROUNDS=<n>); the report names round, fixture and mutations.

import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { before, describe, test } from 'node:test';
import iconv from 'iconv-lite';
import { extractArticle } from '../src/extract/index.js';
import type { ExtractOptions } from '../src/extract/options.js';
import type { Article } from '../src/model/index.js';
import { loadFixtures } from './helpers/fixtures.js';
import { mulberry32, type Rng } from './helpers/prng.js';

const SEED = Number(process.env.MARSAD_FUZZ_SEED ?? 20171010);
const ROUNDS = Number(process.env.MARSAD_FUZZ_ROUNDS ?? 300);
/** Rounds of pure garbage (random bytes, random strings) on top of the mutated pages. */
const GARBAGE_ROUNDS = 40;
/** A bound, not a benchmark: a fixture page takes milliseconds; 2 s means something blew up. */
const CALL_LIMIT_MS = 2000;

const fixtures = loadFixtures();

const ARABIC_SAMPLE =
  'قال مصدر محلي إن الاشتباكات اندلعت في ريف حلب الشمالي، «وأضاف» أن الوضع متوتر؛ هل من جديد؟ ١٢٣ ـ';
const STRAY = [
  '<',
  '>',
  '"',
  "'",
  '\0',
  '&',
  '</',
  '<!--',
  '-->',
  '<p>',
  '<script>',
  ']]>',
  '&#x0;',
  '&nbsp',
];
const CHARSETS = ['utf-8', 'windows-1256', 'iso-8859-6', 'utf-16le', 'x-no-such-charset', 'latin1', ''];

type Mutation = { name: string; apply: (bytes: Buffer, rng: Rng) => Buffer };

function insertAt(bytes: Buffer, at: number, piece: Uint8Array): Buffer {
  return Buffer.concat([bytes.subarray(0, at), piece, bytes.subarray(at)]);
}

function randomUtf8(rng: Rng, n: number): Buffer {
  let s = '';
  for (let i = 0; i < n; i++) {
    const range = rng.pick([
      [0x20, 0x7e],
      [0x600, 0x6ff],
      [0x750, 0x77f],
      [0xfb50, 0xfdff],
      [0x200c, 0x200f],
      [0x1f300, 0x1f64f],
    ]);
    s += String.fromCodePoint(range[0] + rng.int(range[1] - range[0] + 1));
  }
  return Buffer.from(s, 'utf8');
}

const MUTATIONS: Mutation[] = [
  {
    name: 'flip-bytes',
    apply: (b, rng) => {
      const out = Buffer.from(b);
      for (let k = 1 + rng.int(40); k > 0 && out.length > 0; k--)
        out[rng.int(out.length)] ^= 1 + rng.int(255);
      return out;
    },
  },
  { name: 'truncate', apply: (b, rng) => b.subarray(0, rng.int(b.length + 1)) },
  {
    name: 'duplicate-slice',
    apply: (b, rng) => {
      const from = rng.int(b.length + 1);
      const slice = b.subarray(from, from + 1 + rng.int(8192));
      let out = b;
      for (let k = 1 + rng.int(3); k > 0; k--) out = insertAt(out, rng.int(out.length + 1), slice);
      return out;
    },
  },
  {
    name: 'delete-slice',
    apply: (b, rng) => {
      const from = rng.int(b.length + 1);
      return Buffer.concat([b.subarray(0, from), b.subarray(from + 1 + rng.int(4096))]);
    },
  },
  {
    name: 'insert-stray-markup',
    apply: (b, rng) => {
      let out = b;
      for (let k = 1 + rng.int(30); k > 0; k--)
        out = insertAt(out, rng.int(out.length + 1), Buffer.from(rng.pick(STRAY)));
      return out;
    },
  },
  {
    name: 'insert-random-utf8',
    apply: (b, rng) => insertAt(b, rng.int(b.length + 1), randomUtf8(rng, 1 + rng.int(200))),
  },
  {
    name: 'insert-windows-1256',
    apply: (b, rng) => {
      const from = rng.int(ARABIC_SAMPLE.length);
      return insertAt(b, rng.int(b.length + 1), iconv.encode(ARABIC_SAMPLE.slice(from), 'windows-1256'));
    },
  },
  {
    name: 'insert-high-bytes',
    apply: (b, rng) => {
      const junk = Buffer.alloc(1 + rng.int(64));
      for (let i = 0; i < junk.length; i++) junk[i] = 0x80 + rng.int(128);
      return insertAt(b, rng.int(b.length + 1), junk);
    },
  },
  {
    name: 'drop-closing-tags',
    apply: (b, rng) => {
      const keep = rng.next();
      const text = b
        .toString('latin1')
        .replace(/<\/[a-zA-Z][a-zA-Z0-9]*\s*>/g, (tag) => (rng.next() < keep ? tag : ''));
      return Buffer.from(text, 'latin1');
    },
  },
  {
    // Up to ~10,000 unclosed elements: deep enough to catch recursion and quadratic walks,
    // small enough to keep the rounds fast (100,000 levels are in extract-bad-input.test.ts).
    name: 'nest-deep',
    apply: (b, rng) =>
      insertAt(b, rng.int(b.length + 1), Buffer.from('<div><span>'.repeat(500 + rng.int(4500)))),
  },
];

interface RoundResult {
  round: number;
  label: string;
  ms: number;
  isArticle?: boolean;
  error?: string;
  shape?: string;
}

/** What is wrong with an Article's shape, or null. */
function shapeProblem(a: Article): string | null {
  if (typeof a !== 'object' || a === null) return 'not an object';
  if (typeof a.isArticle !== 'boolean') return 'isArticle is not a boolean';
  if (typeof a.text !== 'string') return 'text is not a string';
  if (!Array.isArray(a.paragraphs) || a.paragraphs.some((p) => typeof p !== 'string')) return 'paragraphs';
  if (!Array.isArray(a.authors) || a.authors.some((p) => typeof p !== 'string')) return 'authors';
  if (!Array.isArray(a.related) || a.related.some((r) => typeof r?.title !== 'string')) return 'related';
  if (!Array.isArray(a.warnings) || a.warnings.some((w) => typeof w !== 'string')) return 'warnings';
  if (typeof a.encoding !== 'string' || a.encoding === '') return 'encoding';
  if (a.text.includes('\0')) return 'NUL in text';
  if (a.text !== a.paragraphs.join('\n\n')) return 'text is not the paragraphs joined by a blank line';
  for (const field of ['title', 'siteName', 'outlet', 'published', 'modified', 'language'] as const) {
    if (a[field] !== null && typeof a[field] !== 'string') return `${field} is neither string nor null`;
  }
  return null;
}

function runOnce(
  round: number,
  label: string,
  input: Uint8Array | string,
  options?: ExtractOptions,
): RoundResult {
  const start = performance.now();
  try {
    const article = extractArticle(input, options);
    const ms = performance.now() - start;
    const shape = shapeProblem(article);
    const result: RoundResult = { round, label, ms, isArticle: article?.isArticle };
    if (shape) result.shape = shape;
    return result;
  } catch (error) {
    return {
      round,
      label,
      ms: performance.now() - start,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
}

function report(results: RoundResult[], what: (r: RoundResult) => string): string {
  const head = results.slice(0, 10).map((r) => `  round ${r.round} [${r.label}]: ${what(r)}`);
  const more = results.length > 10 ? [`  … and ${results.length - 10} more`] : [];
  return [`seed ${SEED} (MARSAD_FUZZ_SEED=${SEED} to reproduce):`, ...head, ...more].join('\n');
}

describe(`extractArticle fuzz (seed ${SEED}, ${ROUNDS} + ${GARBAGE_ROUNDS} rounds)`, () => {
  const results: RoundResult[] = [];

  before(() => {
    const rng = mulberry32(SEED);
    for (let round = 0; round < ROUNDS; round++) {
      const fixture = rng.pick(fixtures);
      let bytes = fixture.bytes;
      const names: string[] = [];
      for (let k = 1 + rng.int(4); k > 0; k--) {
        const mutation = rng.pick(MUTATIONS);
        bytes = mutation.apply(bytes, rng);
        names.push(mutation.name);
      }
      const options: ExtractOptions = { ...fixture.options };
      const roll = rng.next();
      if (roll < 0.15) {
        options.contentType = `text/html; charset=${rng.pick(CHARSETS)}`;
        names.push(`charset=${options.contentType.slice(19)}`);
      } else if (roll < 0.25) {
        options.maxBytes = rng.int(bytes.length + 1);
        names.push(`maxBytes=${options.maxBytes}`);
      } else if (roll < 0.3) {
        options.url = 'not a url';
        options.fetchedAt = new Date(Number.NaN);
        names.push('bad-url-and-date');
      }
      results.push(runOnce(round, `${fixture.slug}: ${names.join(', ')}`, bytes, options));
    }
    for (let round = 0; round < GARBAGE_ROUNDS; round++) {
      const n = rng.int(16 * 1024);
      if (round % 2 === 0) {
        const bytes = new Uint8Array(n);
        for (let i = 0; i < n; i++) bytes[i] = rng.int(256);
        results.push(runOnce(ROUNDS + round, `random bytes (${n})`, bytes));
      } else {
        results.push(runOnce(ROUNDS + round, `random string (${n})`, randomUtf8(rng, n).toString('utf8')));
      }
    }
  });

  test('never throws', () => {
    const thrown = results.filter((r) => r.error !== undefined);
    assert.equal(
      thrown.length,
      0,
      report(thrown, (r) => r.error ?? ''),
    );
  });

  test(`every call ends within ${CALL_LIMIT_MS} ms`, () => {
    const slow = results.filter((r) => r.ms >= CALL_LIMIT_MS);
    assert.equal(
      slow.length,
      0,
      report(slow, (r) => `${Math.round(r.ms)} ms`),
    );
  });

  test('random bytes are never an article', () => {
    const taken = results.filter((r) => r.label.startsWith('random bytes') && r.isArticle === true);
    assert.equal(
      taken.length,
      0,
      report(taken, () => 'isArticle true'),
    );
  });

  test('every Article is well-formed', () => {
    const bad = results.filter((r) => r.shape !== undefined);
    assert.equal(
      bad.length,
      0,
      report(bad, (r) => r.shape ?? ''),
    );
  });
});
