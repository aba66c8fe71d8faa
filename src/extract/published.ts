// Publication and modification dates, as numbered stages; the first that gives a valid date wins:
//   1. JSON-LD datePublished   2. <meta> (article:published_time, pubdate, dc.date…)
//   3. <time datetime> in the article's header or body   4. a visible date near the headline
//   5. a date in the URL path   6. a relative time ("منذ ساعتين", "أمس") against the fetch time.
// Comments, related teasers and footers are never read (the copyright year is not a date).

import { parseDates } from '../arabic/dates.js';
import { type Block, linkDensity } from './blocks.js';
import { attr, collapse, type Element } from './dom.js';
import { getMeta, type PageMeta } from './metadata/collect.js';

const PUBLISHED_META = [
  'article:published_time',
  'og:published_time',
  'og:article:published_time',
  'datepublished',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'publication_date',
  'dc.date.issued',
  'dcterms.issued',
  'dcterms:issued',
  'dc.date',
  'dc:date',
  'dcterms.date',
  'dc.date.created',
  'dcterms.created',
  'sailthru.date',
  'parsely-pub-date',
  'article.published',
  'date',
  'datecreated',
] as const;

const MODIFIED_META = [
  'article:modified_time',
  'og:updated_time',
  'datemodified',
  'dcterms.modified',
  'last-modified',
] as const;

export type DateSource = 'json-ld' | 'meta' | 'time' | 'visible' | 'url' | 'relative';

export interface DatesResult {
  published: string | null;
  modified: string | null;
  source: DateSource | null;
}

/** Years outside this range are typos or copyright lines, not publication dates. */
const MIN_YEAR = 1995;

/**
 * Normalise a machine-readable date to ISO 8601, keeping the precision and zone the page
 * gives: "2019-02-08", "2020-04-24T21:22:00", "2020-08-24T09:23:13Z". Null if unreadable.
 */
export function normaliseIsoDate(raw: string | null | undefined, now: Date): string | null {
  if (!raw) return null;
  const s = collapse(raw);
  const m = s.match(
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2}|GMT|UTC)?)?/i,
  );
  if (m) {
    const [, y, mo, d, h, mi, se, zone] = m;
    const date = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
    if (!isSaneDate(Number(y), Number(mo), Number(d), now)) return null;
    if (h === undefined) return date;
    let z = zone ?? '';
    if (/^(?:GMT|UTC)$/i.test(z)) z = 'Z';
    else if (z && z !== 'Z' && !z.includes(':')) z = `${z.slice(0, 3)}:${z.slice(3)}`;
    return `${date}T${h.padStart(2, '0')}:${mi}:${se ?? '00'}${z}`;
  }
  // RFC 2822 and other forms Date understands ("Tue, 10 Oct 2017 18:00:00 GMT").
  if (/[a-z]{3}/i.test(s) && /\d{4}/.test(s)) {
    const t = Date.parse(s);
    if (!Number.isNaN(t)) {
      const d = new Date(t);
      if (isSaneDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), now))
        return d.toISOString().replace('.000', '');
    }
  }
  return null;
}

function isSaneDate(y: number, m: number, d: number, now: Date): boolean {
  if (y < MIN_YEAR || m < 1 || m > 12 || d < 1 || d > 31) return false;
  return Date.UTC(y, m - 1, d) <= now.getTime() + 2 * 86_400_000;
}

/** A date in the URL path: /2020/8/24/, /2020-08-24-, /20200824/. */
export function dateFromUrl(url: string | null, now: Date): string | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m =
    path.match(/\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?=[/-]|$)/) ??
    path.match(/\/((?:19|20)\d{2})(\d{2})(\d{2})(?=[/_-])/);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isSaneDate(y, mo, d, now)) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** "(GMT+0400)", "GMT+3", "+03:00" right after a visible time. */
const VISIBLE_ZONE_RE = /^\s*\)?\s*\(?\s*(?:GMT|UTC|غرينتش|جرينتش)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?/i;

/** Words just before a visible date that make it the modification date. */
const UPDATED_BEFORE_RE =
  /(?:آخر تحديث|اخر تحديث|تم التحديث|تحديث|حُدّث|حدث في|updated|last update)\s*[:：]?\s*(?:في\s*)?$/i;

/** The first visible date introduced as an update ("آخر تحديث: …"), at the precision given. */
function visibleModified(blocks: Block[]): string | null {
  for (const b of blocks) {
    if (b.inComments || b.boilerplate || b.words > 40) continue;
    for (const m of parseDates(b.text, {})) {
      if (!m.value || m.kind === 'relative' || m.kind === 'weekday') continue;
      if (!UPDATED_BEFORE_RE.test(b.text.slice(Math.max(0, m.start - 25), m.start))) continue;
      let value = m.value;
      if (m.granularity === 'day') {
        const time = b.text
          .slice(m.end, m.end + DATELINE_TIME_REACH)
          .match(/(?<![\d:])([0-9]{1,2}):([0-9]{2})(?![\d:])/);
        if (time) value = `${value.slice(0, 10)}T${time[1].padStart(2, '0')}:${time[2]}`;
      }
      return value.length === 16 ? `${value}:00` : value;
    }
  }
  return null;
}

/** How far after a visible date a time of day is looked for (same dateline). */
const DATELINE_TIME_REACH = 40;

/** A visible date in a short block: absolute dates first (day precision or better). */
function visibleDate(
  blocks: Block[],
  now: Date,
  fetchedAt: Date | null,
): { value: string; source: DateSource } | null {
  let relative: string | null = null;
  for (const b of blocks) {
    // Tickers, sidebars, teaser links and comments carry other stories' times.
    // (An article's own <footer> often holds its date: that mark alone does not exclude a block.)
    if (b.inComments || (b.boilerplate && b.boilerplate !== 'footer') || b.words > 40 || linkDensity(b) > 0.3)
      continue;
    const mentions = parseDates(b.text, { reference: fetchedAt ?? undefined });
    for (const m of mentions) {
      if (!m.value) continue;
      if (m.kind === 'relative' || m.kind === 'weekday') {
        // Resolved in UTC against the fetch time: say so with a Z.
        if (fetchedAt && !relative && /منذ|قبل|أمس|امس|البارحة/.test(m.text)) {
          relative = m.value.length === 16 ? `${m.value}:00Z` : m.value;
        }
        continue;
      }
      if (m.granularity !== 'day' && m.granularity !== 'minute') continue;
      // "آخر تحديث: ١٦ جويلية ٢٠٢١": an update stamp, not the publication date.
      if (UPDATED_BEFORE_RE.test(b.text.slice(Math.max(0, m.start - 25), m.start))) continue;
      const year = Number(m.value.slice(0, 4));
      if (year < MIN_YEAR || Date.parse(m.value.slice(0, 10)) > now.getTime() + 2 * 86_400_000) continue;
      let value = m.value;
      let end = m.end;
      // "الأحد، 04 آب 2013، آخر تحديث 02:21 (GMT+0400)": a dateline's time may follow the date.
      if (m.granularity === 'day') {
        const time = b.text
          .slice(end, end + DATELINE_TIME_REACH)
          .match(/(?<![\d:])(\d{1,2}):(\d{2})(?![\d:])/);
        if (time && Number(time[1]) < 24 && Number(time[2]) < 60) {
          value = `${value.slice(0, 10)}T${time[1].padStart(2, '0')}:${time[2]}`;
          end += time.index! + time[0].length;
        }
      }
      if (value.length === 16) {
        value += ':00';
        const zone = b.text.slice(end).match(VISIBLE_ZONE_RE);
        if (zone) value += `${zone[1]}${zone[2].padStart(2, '0')}:${zone[3] ?? '00'}`;
      }
      return { value, source: 'visible' };
    }
  }
  return relative ? { value: relative, source: 'relative' } : null;
}

/** <time class="updated"> / itemprop=dateModified: the modification date, not the publication. */
const MODIFIED_TIME_RE = /updated|modified/i;

function timeElementDate(times: Element[], allowed: (el: Element) => boolean, now: Date): string | null {
  for (const t of times) {
    if (!allowed(t)) continue;
    const v = normaliseIsoDate(attr(t, 'datetime') ?? attr(t, 'content'), now);
    if (v) return v;
  }
  return null;
}

export function findDates(
  pm: PageMeta,
  opts: {
    url: string | null;
    fetchedAt: Date | null;
    /** Short blocks around the headline and the start of the body, in page order. */
    nearBlocks: Block[];
    /** Whether a <time> element stands in the article (not in comments, related lists, footers). */
    timeAllowed: (el: Element) => boolean;
  },
): DatesResult {
  const now = opts.fetchedAt ?? new Date();
  const ld = pm.jsonLd.find((j) => j.datePublished);
  const modified =
    normaliseIsoDate(pm.jsonLd.find((j) => j.dateModified)?.dateModified, now) ??
    normaliseIsoDate(getMeta(pm, ...MODIFIED_META), now) ??
    timeElementDate(
      pm.times,
      (t) =>
        MODIFIED_TIME_RE.test(`${t.attribs.class ?? ''} ${t.attribs.itemprop ?? ''}`) && opts.timeAllowed(t),
      now,
    );

  const stages: Array<[DateSource, () => string | null]> = [
    ['json-ld', () => normaliseIsoDate(ld?.datePublished, now)],
    [
      'meta',
      () =>
        firstValid(
          PUBLISHED_META.map((k) => getMeta(pm, k)),
          now,
        ),
    ],
    [
      'time',
      () =>
        timeElementDate(
          pm.times,
          (t) =>
            !MODIFIED_TIME_RE.test(`${t.attribs.class ?? ''} ${t.attribs.itemprop ?? ''}`) &&
            opts.timeAllowed(t),
          now,
        ),
    ],
  ];
  for (const [source, run] of stages) {
    const v = run();
    if (v) return { published: v, modified, source };
  }
  const visible = visibleDate(opts.nearBlocks, now, opts.fetchedAt);
  if (visible?.source === 'visible') {
    return {
      published: visible.value,
      modified: modified ?? visibleModified(opts.nearBlocks),
      source: 'visible',
    };
  }
  const fromUrl = dateFromUrl(opts.url, now);
  if (fromUrl) return { published: fromUrl, modified, source: 'url' };
  if (visible) return { published: visible.value, modified, source: 'relative' };
  return { published: null, modified, source: null };
}

function firstValid(values: Array<string | null>, now: Date): string | null {
  for (const v of values) {
    const n = normaliseIsoDate(v, now);
    if (n) return n;
  }
  return null;
}
