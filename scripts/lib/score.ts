// Scores one system's output for one corpus page against its truth, and sums pages up.
// The rules are the corpus README's "Suggested scoring" made precise:
// - body: a `with` snippet found in the body is recalled, a `without` snippet found is leaked;
//   body precision = 1 − leakage, F1 = harmonic mean of that and recall (article pages only);
// - listing pages: the right answer is isArticle=false and (next to) no text, so their leakage
//   and text length are reported on their own;
// - title, site name, outlet, isArticle on every page; authors and date on article pages only.
import type { Truth } from './corpus.js';
import { bodyHas, normaliseField, prepareBody } from './text.js';

/** What any system (Marsad, Readability) said about a page, in the Article's terms. */
export interface SystemOutput {
  isArticle: boolean;
  title: string | null;
  siteName: string | null;
  outlet: string | null;
  authors: string[];
  published: string | null;
  text: string;
}

export interface FieldCheck {
  ok: boolean;
  expected: string;
  got: string;
  /** Why a near miss missed, e.g. "no zone in the value". */
  note?: string;
}

export interface BodyScore {
  /** Strict: found in the whitespace-collapsed body (the number that counts). */
  missed: string[];
  /** The missed snippets that the loose match finds: a space added or lost at a tag boundary. */
  missedButLoose: string[];
  leaked: string[];
  recall: number | null;
  leakage: number;
  f1: number | null;
  /** Loose: found with all whitespace removed from both sides. */
  looseRecall: number | null;
  looseLeakage: number;
  /** Length of the normalised body in code points. */
  chars: number;
}

export interface PageScore {
  id: string;
  kind: Truth['kind'];
  body: BodyScore;
  title: FieldCheck;
  siteName: FieldCheck;
  outlet: FieldCheck;
  /** null on listing pages. */
  authors: FieldCheck | null;
  date: FieldCheck | null;
  isArticle: FieldCheck;
}

export function scorePage(truth: Truth, out: SystemOutput): PageScore {
  const isArticlePage = truth.kind === 'article';
  return {
    id: truth.id,
    kind: truth.kind,
    body: scoreBody(truth, out.text),
    title: compareField(truth.title, out.title),
    siteName: compareField(truth.site_name, out.siteName),
    outlet: compareField(truth.outlet, out.outlet),
    authors: isArticlePage ? compareAuthors(truth.authors, out.authors) : null,
    date: isArticlePage ? compareDate(truth.published, out.published) : null,
    isArticle: {
      ok: out.isArticle === isArticlePage,
      expected: String(isArticlePage),
      got: String(out.isArticle),
    },
  };
}

function scoreBody(truth: Truth, text: string): BodyScore {
  const body = prepareBody(text);
  const share = (list: string[], mode: 'strict' | 'loose') =>
    list.length === 0 ? 0 : list.filter((s) => bodyHas(body, s, mode)).length / list.length;
  const isArticlePage = truth.kind === 'article';
  const recall = isArticlePage ? share(truth.with, 'strict') : null;
  const leakage = share(truth.without, 'strict');
  return {
    missed: truth.with.filter((s) => !bodyHas(body, s, 'strict')),
    missedButLoose: truth.with.filter((s) => !bodyHas(body, s, 'strict') && bodyHas(body, s, 'loose')),
    leaked: truth.without.filter((s) => bodyHas(body, s, 'strict')),
    recall,
    leakage,
    f1: recall === null ? null : harmonic(1 - leakage, recall),
    looseRecall: isArticlePage ? share(truth.with, 'loose') : null,
    looseLeakage: share(truth.without, 'loose'),
    chars: [...body.strict].length,
  };
}

function harmonic(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

function show(value: string | null): string {
  return value === null ? 'null' : JSON.stringify(value);
}

/** Exact match after entity unescaping and whitespace collapse; empty counts as null. */
function compareField(expected: string | null, got: string | null): FieldCheck {
  const e = normaliseField(expected);
  const g = normaliseField(got);
  return { ok: e === g, expected: show(e), got: show(g) };
}

/** Set equality of normalised names (order and duplicates do not matter). */
function compareAuthors(expected: string[], got: string[]): FieldCheck {
  const norm = (list: string[]) =>
    [...new Set(list.map(normaliseField).filter((a): a is string => a !== null))].sort();
  const e = norm(expected);
  const g = norm(got);
  return {
    ok: e.length === g.length && e.every((a, i) => a === g[i]),
    expected: show(e.join(' | ')),
    got: show(g.join(' | ')),
  };
}

const DATE_ONLY_RE = /^(\d{4}-\d{2}-\d{2})$/;
/** A date and time as written, optional seconds/fraction, `T` or space between. */
const DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Compares a published date at the precision the truth gives:
 * - a date only (`2019-02-08`): the date part of the value as written;
 * - a local time without zone (`2020-04-24T21:22:00`): date and time as written, to the minute;
 * - a time with a zone (`2020-08-24T09:23:13Z`): the same instant, to the second, which needs a
 *   zone in the value too (a zoneless value cannot be placed on the timeline).
 */
export function compareDate(expected: string | null, got: string | null): FieldCheck {
  const e = normaliseField(expected);
  const g = normaliseField(got);
  const result = (ok: boolean, note?: string): FieldCheck => ({
    ok,
    expected: show(e),
    got: show(g),
    ...(note ? { note } : {}),
  });
  if (e === null || g === null) return result(e === g);
  const gotDateOnly = DATE_ONLY_RE.exec(g);
  const gotDateTime = DATE_TIME_RE.exec(g);
  const gotDate = gotDateOnly?.[1] ?? gotDateTime?.[1] ?? null;
  if (gotDate === null) return result(false, 'not an ISO 8601 date');
  if (DATE_ONLY_RE.test(e)) return result(gotDate === e, 'compared as a date only');
  const want = DATE_TIME_RE.exec(e);
  if (!want) return result(false, 'truth is not ISO 8601 (corpus bug)');
  if (!gotDateTime) return result(false, 'the value has no time');
  if (!want[3]) {
    return result(
      `${gotDate}T${gotDateTime[2]}` === `${want[1]}T${want[2]}`,
      'compared as local time, to the minute',
    );
  }
  if (!gotDateTime[3]) return result(false, 'the value has no zone, the truth has one');
  const seconds = (s: string) =>
    Math.floor(Date.parse(s.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) / 1000);
  return result(seconds(e) === seconds(g), 'compared as an instant, to the second');
}

/** Overall numbers for one system over a set of pages; null where no page qualifies. */
export interface Summary {
  pages: number;
  articles: number;
  listings: number;
  /** Mean per-article body F1. */
  bodyF1: number | null;
  /** Mean per-article with-recall and without-leakage. */
  recall: number | null;
  articleLeakage: number | null;
  /** Mean without-leakage on listing pages. */
  listingLeakage: number | null;
  /** Mean without-leakage over every page: the number the leakageMax floor caps. */
  leakage: number | null;
  /** Loose variants (whitespace removed), for diagnosis only. */
  looseRecall: number | null;
  looseArticleLeakage: number | null;
  /** Mean normalised body length on listing pages (should be 0 or tiny). */
  listingMeanChars: number | null;
  /** Accuracies. */
  title: number | null;
  siteName: number | null;
  outlet: number | null;
  authors: number | null;
  date: number | null;
  isArticle: number | null;
}

export function summarise(scores: PageScore[]): Summary {
  const articles = scores.filter((s) => s.kind === 'article');
  const listings = scores.filter((s) => s.kind === 'listing');
  const accuracy = (checks: (FieldCheck | null)[]) =>
    mean(checks.filter((c) => c !== null).map((c) => (c.ok ? 1 : 0)));
  return {
    pages: scores.length,
    articles: articles.length,
    listings: listings.length,
    bodyF1: mean(articles.map((s) => s.body.f1 ?? 0)),
    recall: mean(articles.map((s) => s.body.recall ?? 0)),
    articleLeakage: mean(articles.map((s) => s.body.leakage)),
    listingLeakage: mean(listings.map((s) => s.body.leakage)),
    leakage: mean(scores.map((s) => s.body.leakage)),
    looseRecall: mean(articles.map((s) => s.body.looseRecall ?? 0)),
    looseArticleLeakage: mean(articles.map((s) => s.body.looseLeakage)),
    listingMeanChars: mean(listings.map((s) => s.body.chars)),
    title: accuracy(scores.map((s) => s.title)),
    siteName: accuracy(scores.map((s) => s.siteName)),
    outlet: accuracy(scores.map((s) => s.outlet)),
    authors: accuracy(articles.map((s) => s.authors)),
    date: accuracy(articles.map((s) => s.date)),
    isArticle: accuracy(scores.map((s) => s.isArticle)),
  };
}

function mean(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}
