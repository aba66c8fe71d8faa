// Extraction fixtures: loading test/fixtures/extract/<slug>/{source.html, expected.json, meta.json}
// and comparing an Article with what a careful reader wrote in expected.json.
// Fields absent from expected.json are not checked; the README beside the fixtures says what each pins.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ExtractOptions } from '../../src/extract/options.js';
import type { Article } from '../../src/model/index.js';

export const FIXTURES_DIR = new URL('../fixtures/extract/', import.meta.url).pathname;

/** meta.json: what the caller knew about the page, passed to extractArticle as options. */
export interface FixtureMeta {
  url?: string | null;
  contentType?: string | null;
  fetchedAt?: string | null;
  maxBytes?: number;
}

export interface ExpectedRelated {
  title: string;
  /** Absolute, or relative to meta.url; null when the related item has no link. */
  url: string | null;
}

/** expected.json, written by hand from the page. Every key present is checked. */
export interface Expected {
  isArticle?: boolean;
  title?: string | null;
  siteName?: string | null;
  outlet?: string | null;
  authors?: string[];
  /** ISO 8601 at the page's precision: `2017-10-10`, `2021-07-15T10:30` (local) or with a zone (compared as instants). */
  published?: string | null;
  modified?: string | null;
  language?: string | null;
  canonicalUrl?: string | null;
  leadImage?: string | null;
  /** Canonical lower-case label: utf-8, windows-1256, iso-8859-6. */
  encoding?: string;
  /** The body paragraphs in order, compared after whitespace collapse. */
  paragraphs?: string[];
  related?: ExpectedRelated[];
  /** Boilerplate snippets that must not appear in the article text. */
  without?: string[];
  /** Regular expressions; each must match at least one warning. */
  warnings?: string[];
  /** Upper bound on the length of `text` (non-article pages: little or no text). */
  maxTextChars?: number;
}

const EXPECTED_KEYS = new Set<string>([
  'isArticle',
  'title',
  'siteName',
  'outlet',
  'authors',
  'published',
  'modified',
  'language',
  'canonicalUrl',
  'leadImage',
  'encoding',
  'paragraphs',
  'related',
  'without',
  'warnings',
  'maxTextChars',
]);

export interface Fixture {
  slug: string;
  dir: string;
  /** The page's raw bytes: never decoded by the test. */
  bytes: Buffer;
  meta: FixtureMeta;
  options: ExtractOptions;
  expected: Expected;
}

export function optionsFromMeta(meta: FixtureMeta): ExtractOptions {
  const options: ExtractOptions = {};
  if (meta.url !== undefined) options.url = meta.url;
  if (meta.contentType !== undefined) options.contentType = meta.contentType;
  if (meta.fetchedAt !== undefined)
    options.fetchedAt = meta.fetchedAt === null ? null : new Date(meta.fetchedAt);
  if (meta.maxBytes !== undefined) options.maxBytes = meta.maxBytes;
  return options;
}

/** Every fixture directory, sorted by slug. */
export function loadFixtures(root: string = FIXTURES_DIR): Fixture[] {
  return readdirSync(root)
    .filter((slug) => statSync(join(root, slug)).isDirectory())
    .sort()
    .map((slug) => {
      const dir = join(root, slug);
      const metaPath = join(dir, 'meta.json');
      const meta: FixtureMeta = existsSync(metaPath) ? JSON.parse(readFileSync(metaPath, 'utf8')) : {};
      return {
        slug,
        dir,
        bytes: readFileSync(join(dir, 'source.html')),
        meta,
        options: optionsFromMeta(meta),
        expected: JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected,
      };
    });
}

/** Collapse every run of whitespace (NBSP and line breaks too) to one space, and trim. */
export function collapse(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** Resolve `url` against `base` when it can be; otherwise return it as it is. */
export function resolveUrl(url: string | null | undefined, base: string | null | undefined): string | null {
  if (url === null || url === undefined) return null;
  try {
    return new URL(url, base ?? undefined).href;
  } catch {
    return url;
  }
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

type DatePrecision = 'date' | 'local' | 'zoned';

interface ParsedDate {
  precision: DatePrecision;
  /** yyyy-mm-dd, yyyy-mm-ddThh:mm:ss (local), or epoch milliseconds as a string (zoned). */
  key: string;
}

export function parseIsoDate(value: string): ParsedDate | null {
  const m = ISO_RE.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, , zone] = m;
  if (h === undefined) return { precision: 'date', key: `${y}-${mo}-${d}` };
  if (zone === undefined) return { precision: 'local', key: `${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}` };
  const ms = Date.parse(value.trim());
  return Number.isNaN(ms) ? null : { precision: 'zoned', key: String(ms) };
}

/**
 * Whether `actual` says the same as `expected`: same precision (a date only, a local time
 * without zone, or a time with zone), and the same day / local time / instant. Missing
 * seconds count as :00 and zoned times are compared as instants, so `…T09:00:00Z` equals
 * `…T12:00:00.000+03:00`.
 */
export function sameDate(expected: string | null, actual: string | null): boolean {
  if (expected === null || actual === null) return expected === actual;
  const e = parseIsoDate(expected);
  const a = parseIsoDate(actual);
  if (!e || !a) return expected === actual;
  return e.precision === a.precision && e.key === a.key;
}

function show(value: unknown): string {
  return JSON.stringify(value);
}

function clip(text: string, max = 140): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** A line diff of two string arrays (LCS), with the first differing character of replaced lines. */
export function diffLines(expected: string[], actual: string[]): string[] {
  const n = expected.length;
  const m = actual.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = expected[i] === actual[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && expected[i] === actual[j]) {
      out.push(`    = ${clip(expected[i], 60)}`);
      i++;
      j++;
    } else if (i < n && j < m && lcs[i + 1][j] === lcs[i][j + 1] && lcs[i + 1][j + 1] === lcs[i][j]) {
      // Neither side is kept by the LCS here: a replaced line; show where the two first differ.
      out.push(
        `    - ${clip(expected[i])}`,
        `    + ${clip(actual[j])}`,
        `      ${firstDifference(expected[i], actual[j])}`,
      );
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) {
      out.push(`    + ${clip(actual[j])}`);
      j++;
    } else {
      out.push(`    - ${clip(expected[i])}`);
      i++;
    }
  }
  return out;
}

function firstDifference(a: string, b: string): string {
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  const from = Math.max(0, k - 15);
  return `(first difference at char ${k}: expected «${a.slice(from, k + 25)}» got «${b.slice(from, k + 25)}»)`;
}

/**
 * Compare an Article with expected.json. Returns readable problem descriptions, empty when
 * everything present in `expected` matches. `baseUrl` (meta.url) resolves relative URLs.
 */
export function compareArticle(
  article: Article,
  expected: Expected,
  baseUrl: string | null = null,
): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(expected)) {
    if (!EXPECTED_KEYS.has(key)) problems.push(`expected.json has an unknown key ${show(key)}`);
  }

  const exact = (field: 'isArticle' | 'language') => {
    if (expected[field] !== undefined && expected[field] !== article[field]) {
      problems.push(`${field}: expected ${show(expected[field])}, got ${show(article[field])}`);
    }
  };
  const text = (field: 'title' | 'siteName' | 'outlet') => {
    const want = expected[field];
    if (want === undefined) return;
    const got = article[field];
    const same = want === null || got === null ? want === got : collapse(want) === collapse(got);
    if (!same) problems.push(`${field}: expected ${show(want)}, got ${show(got)}`);
  };
  const date = (field: 'published' | 'modified') => {
    const want = expected[field];
    if (want !== undefined && !sameDate(want, article[field])) {
      problems.push(`${field}: expected ${show(want)}, got ${show(article[field])}`);
    }
  };
  const url = (field: 'canonicalUrl' | 'leadImage') => {
    const want = expected[field];
    if (want === undefined) return;
    const got = article[field];
    if (resolveUrl(want, baseUrl) !== resolveUrl(got, baseUrl)) {
      problems.push(`${field}: expected ${show(want)}, got ${show(got)}`);
    }
  };

  exact('isArticle');
  text('title');
  text('siteName');
  text('outlet');
  if (expected.authors !== undefined) {
    const got = (article.authors ?? []).map(collapse);
    const want = expected.authors.map(collapse);
    if (show(got) !== show(want)) problems.push(`authors: expected ${show(want)}, got ${show(got)}`);
  }
  date('published');
  date('modified');
  exact('language');
  url('canonicalUrl');
  url('leadImage');
  if (expected.encoding !== undefined && expected.encoding !== (article.encoding ?? '').toLowerCase()) {
    problems.push(`encoding: expected ${show(expected.encoding)}, got ${show(article.encoding)}`);
  }

  if (expected.paragraphs !== undefined) {
    const want = expected.paragraphs.map(collapse);
    const got = (article.paragraphs ?? []).map(collapse).filter((p) => p !== '');
    if (show(want) !== show(got)) {
      problems.push(`paragraphs differ (expected ${want.length}, got ${got.length}; - missing, + extra):`);
      problems.push(...diffLines(want, got));
    }
  }

  if (expected.related !== undefined) {
    const want = expected.related.map((r) => `${collapse(r.title)} → ${resolveUrl(r.url, baseUrl)}`);
    const got = (article.related ?? []).map((r) => `${collapse(r.title)} → ${resolveUrl(r.url, baseUrl)}`);
    if (show(want) !== show(got)) {
      problems.push(`related differ (expected ${want.length}, got ${got.length}):`);
      problems.push(...diffLines(want, got));
    }
  }

  if (expected.without !== undefined) {
    const body = collapse(article.text ?? '');
    for (const snippet of expected.without) {
      const at = body.indexOf(collapse(snippet));
      if (at >= 0) {
        problems.push(
          `text contains boilerplate ${show(snippet)}: «…${body.slice(Math.max(0, at - 30), at + 60)}…»`,
        );
      }
    }
  }

  if (expected.warnings !== undefined) {
    for (const pattern of expected.warnings) {
      if (!(article.warnings ?? []).some((w) => new RegExp(pattern).test(w))) {
        problems.push(`no warning matches /${pattern}/; warnings: ${show(article.warnings)}`);
      }
    }
  }

  if (expected.maxTextChars !== undefined && (article.text ?? '').length > expected.maxTextChars) {
    problems.push(
      `text is ${article.text.length} chars, at most ${expected.maxTextChars} expected: «${clip(collapse(article.text), 200)}»`,
    );
  }
  return problems;
}
