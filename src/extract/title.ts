// The headline without the hosting site's name, and the site names the page gives.
// Candidates: og:title, twitter:title, JSON-LD headline, visible <h1>s and <title>; an <h1>
// that the title tags contain wins (it is what readers see), otherwise the best tag value
// with the site-name segments cut off its ends. Segments are cut only on evidence (they
// match a site name or the domain), so a headline that really contains a dash stays whole.

import { foldKey, keysOverlap } from '../arabic/keys.js';
import { collapse, type Element, textOf } from './dom.js';
import { getMeta, logoNames, type PageMeta } from './metadata/collect.js';

/** Separators between a headline and a site name in <title>/og:title. */
const TITLE_SEPARATOR_RE = /\s+[-–—|:·•»«~]\s+|\s*\|\s*|\s+::\s+|\s+[-–—]{2}\s+/g;

/** Placeholder titles of templates: not a title at all. */
const PLACEHOLDER_TITLE_RE =
  /^(?:untitled(?: document)?|title|home|index|new page \d*|document|صفحة جديدة|بدون عنوان)$/i;

/** An h1 must cover at least this share of the cleaned tag title to be taken for it. */
const H1_MIN_COVER = 0.6;

export interface TitleResult {
  title: string | null;
  /** Segments cut from the title because they name the site (site-name candidates). */
  stripped: string[];
  source: 'h1' | 'og:title' | 'json-ld' | 'title' | 'none';
}

export function isPlaceholderTitle(t: string): boolean {
  return PLACEHOLDER_TITLE_RE.test(t.trim());
}

interface Segment {
  text: string;
  sep: string;
}

function splitSegments(t: string): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const m of t.matchAll(TITLE_SEPARATOR_RE)) {
    out.push({ text: t.slice(last, m.index), sep: m[0] });
    last = m.index! + m[0].length;
  }
  out.push({ text: t.slice(last), sep: '' });
  return out.filter((s) => s.text.trim() !== '');
}

/** Does `segment` name the site: equal to or overlapping a known name or the domain label? */
function isSiteSegment(segment: string, siteKeys: string[]): boolean {
  const k = foldKey(segment);
  if (k.length === 0) return false;
  return siteKeys.some((s) => keysOverlap(k, s, 4) || (s.length >= 4 && k.startsWith(s)));
}

/** Cut site-name segments off both ends of a title; returns the rest and what was cut. */
export function stripSiteName(raw: string, siteKeys: string[]): { title: string; stripped: string[] } {
  let segs = splitSegments(raw);
  const stripped: string[] = [];
  if (segs.length < 2) return { title: collapse(raw), stripped };
  let changed = true;
  while (changed && segs.length > 1) {
    changed = false;
    const lastSeg = segs[segs.length - 1];
    if (isSiteSegment(lastSeg.text, siteKeys)) {
      stripped.push(collapse(lastSeg.text));
      segs = segs.slice(0, -1);
      changed = true;
      // "headline - الصباح | Assabah": a short segment just before a cut one is the same
      // site's other name.
      const prev = segs[segs.length - 1];
      // (A name has no clause punctuation: "القائم: من المستفيد؟" is the headline's own tail.)
      if (
        segs.length > 1 &&
        prev.text.trim().split(/\s+/).length <= 3 &&
        prev.sep.trim() !== '' &&
        !/[:：؟?!،,.]/.test(prev.text)
      ) {
        const before = segs[segs.length - 2];
        if (before.text.trim().split(/\s+/).length > 3) {
          stripped.push(collapse(prev.text));
          segs = segs.slice(0, -1);
        }
      }
      continue;
    }
    if (isSiteSegment(segs[0].text, siteKeys)) {
      stripped.push(collapse(segs[0].text));
      segs = segs.slice(1);
      changed = true;
    }
  }
  const title = segs.map((s, i) => (i < segs.length - 1 ? s.text + s.sep : s.text)).join('');
  return { title: collapse(title), stripped };
}

/** Site-name keys from metadata and the URL's host (e.g. "youm7" from www.youm7.com). */
export function siteKeysOf(pm: PageMeta, url: string | null): string[] {
  const names = [
    getMeta(pm, 'og:site_name'),
    getMeta(pm, 'application-name'),
    getMeta(pm, 'twitter:site')?.replace(/^@/, ''),
    ...pm.jsonLd.map((j) => j.publisher),
    ...pm.jsonLdSiteNames,
    ...logoNames(pm, hostOf(url)),
  ];
  const keys = names.filter((n): n is string => !!n).map(foldKey);
  const host = hostOf(url);
  if (host) {
    const label = host.replace(/^(?:www\d?|m|amp|ar|arabic)\./, '').split('.')[0];
    keys.push(foldKey(label), foldKey(host));
  }
  return [...new Set(keys.filter((k) => k.length >= 3))];
}

export function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * Choose the headline.
 * @example chooseTitle(pm, ['itsover9000']) // "… في الرقة" for "… في الرقة - It's Over 9000!"
 */
export function chooseTitle(
  pm: PageMeta,
  siteKeys: string[],
  pageText: string,
  shownAsBlock: (text: string) => boolean = () => false,
): TitleResult {
  const og = getMeta(pm, 'og:title', 'twitter:title');
  const ld = pm.jsonLd.find((j) => j.headline)?.headline ?? null;
  const tag = pm.titleTag && !isPlaceholderTitle(pm.titleTag) ? pm.titleTag : null;

  const cleaned: Array<{ text: string; stripped: string[]; source: TitleResult['source'] }> = [];
  for (const [value, source] of [
    [og, 'og:title'],
    [ld, 'json-ld'],
    [tag, 'title'],
  ] as const) {
    if (value) {
      const r = stripSiteName(value, siteKeys);
      cleaned.push({ text: r.title, stripped: r.stripped, source });
    }
  }
  const stripped = cleaned.flatMap((c) => c.stripped);

  // 1. A visible <h1> that the tag titles contain (or that contains them) is the headline.
  const raw = [og, ld, tag].filter((v): v is string => !!v);
  const h1 = bestH1(pm.h1s, [...cleaned.map((c) => c.text), ...raw], siteKeys);
  if (h1) return { title: h1, stripped, source: 'h1' };

  // 2. Otherwise the first cleaned tag title, preferring one that had a site name cut off
  //    (evidence it was cleaned) over one that never carried it.
  const best = cleaned[0];
  if (!best) return { title: null, stripped, source: 'none' };
  let text = best.text;
  // 2b. "فانا :: headline" with no name to match "فانا": if the page shows the rest as a line of
  //     its own (the headline in bold over the body), the short end segment is the site's.
  if (best.stripped.length === 0) {
    const segs = splitSegments(text);
    if (segs.length >= 2) {
      const first = segs[0].text.trim();
      const last = segs[segs.length - 1].text.trim();
      const withoutFirst = text.slice(text.indexOf(segs[1].text)).trim();
      const withoutLast = text
        .slice(0, text.lastIndexOf(segs[segs.length - 1].text))
        .replace(/\s*[-–—|:·•»«~]+\s*$/, '')
        .trim();
      if (first.split(/\s+/).length <= 3 && shownAsBlock(withoutFirst)) {
        stripped.push(first);
        text = withoutFirst;
      } else if (last.split(/\s+/).length <= 3 && shownAsBlock(withoutLast)) {
        stripped.push(last);
        text = withoutLast;
      }
    }
  }
  // 3. "European Commission - Press release - <Arabic headline>": in a title that mixes an
  //    Arabic headline with Latin-only segments, the Latin segments are the site's chrome.
  if (best.stripped.length === 0) {
    const segs = splitSegments(text);
    const arabic = segs.filter((s) => ARABIC_RE.test(s.text));
    if (
      arabic.length > 0 &&
      arabic.length < segs.length &&
      segs.every((s) => ARABIC_RE.test(s.text) || !NON_ASCII_RE.test(s.text))
    ) {
      stripped.push(...segs.filter((s) => !ARABIC_RE.test(s.text)).map((s) => collapse(s.text)));
      text = collapse(arabic.map((s) => s.text).join(' - '));
    }
  }
  return { title: respace(text, pageText), stripped, source: best.source };
}

const ARABIC_RE = /[\u0600-\u06FF]/;
/** Any character outside ASCII (a Latin-only segment has none). */
const NON_ASCII_RE = /[^\u0020-\u007E\s]/;

function bestH1(h1s: Element[], tagTitles: string[], siteKeys: string[]): string | null {
  let best: string | null = null;
  for (const el of h1s.slice(0, 10)) {
    const text = textOf(el);
    const k = foldKey(text);
    if (k.length < 8 || text.split(/\s+/).length < 2) continue;
    if (siteKeys.some((s) => keysOverlap(k, s, 4) && k.length <= s.length + 4)) continue;
    for (const t of tagTitles) {
      const tk = foldKey(t);
      const cover = Math.min(k.length, tk.length) / Math.max(k.length, tk.length);
      if ((tk.includes(k) || k.includes(tk)) && cover >= H1_MIN_COVER) {
        if (!best || text.length > best.length) best = text;
      }
    }
  }
  return best;
}

/** If the page shows the title with different spacing (a <title> that glued two lines), use the page's. */
function respace(title: string, pageText: string): string {
  if (pageText.includes(title) || title.length > 300) return title;
  const chars = [...title.replace(/\s+/g, '')].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (chars.length < 8) return title;
  const re = new RegExp(chars.join('\\s*'));
  const m = pageText.match(re);
  return m ? collapse(m[0]) : title;
}
