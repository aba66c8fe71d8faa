// HTML bytes → Article. The cascade, in order:
//   0. input checks (empty, binary, too large) and decoding (decode.ts)
//   1. metadata (metadata/collect.ts) and the page as text blocks (blocks.ts)
//   2. headline and site names (title.ts)
//   3. body by container scoring (body.ts)                       → extractedBy 'scored-container'
//   4. if that finds no body: JSON-LD articleBody                 → 'json-ld-body'
//   5. if still nothing and the page says it is an article: its description → 'meta-description'
//   6. bylines, credited outlet (byline.ts), dates (published.ts), language, lead image
//   7. is it an article at all (isListing)
// Never throws: a failure inside becomes a warning and an empty, non-article result.

import { countWords } from '../arabic/chars.js';
import { foldKey, keysOverlap } from '../arabic/keys.js';
import { detectLanguage } from '../arabic/language.js';
import type { Article, ExtractedBy } from '../model/index.js';
import { boilerplateWord, collectBlocks } from './blocks.js';
import { extractBody, toParagraphs } from './body.js';
import { titleMatcher } from './boilerplate.js';
import {
  findBylines,
  findCreditedOutlet,
  findCreditLine,
  isBylineLine,
  namesInBylineLine,
} from './byline.js';
import { decodeHtml } from './decode.js';
import { attr, type Element, findFirst, isElement, parseHtml } from './dom.js';
import { checkContentType, checkInput, DEFAULT_MAX_BYTES } from './input.js';
import { collectMeta, getMeta, logoNames, type PageMeta } from './metadata/collect.js';
import type { ExtractOptions } from './options.js';
import { findDates } from './published.js';
import { chooseTitle, hostOf, isPlaceholderTitle, siteKeysOf } from './title.js';

/** Characters of the body that language detection reads: a few paragraphs decide it. */
const LANGUAGE_SAMPLE_CHARS = 3000;

/** How much of a page's text is searched for headline spacing, site names and bylines. */
const PAGE_TEXT_MAX_CHARS = 300_000;

/** Words of body text an article needs, by how strongly its markup says it is an article. */
const MIN_WORDS_NO_SIGNAL = 120;
const MIN_WORDS_ONE_SIGNAL = 50;
const MIN_WORDS_STRONG_SIGNALS = 25;
/** A container with this many headline links, and few words per link, is a listing. */
const LISTING_MIN_HEADLINE_LINKS = 8;
const LISTING_WORDS_PER_LINK = 15;
/** Headline + teaser lists: many blocks, a large share of them not prose. Articles on the dev
 * corpus stay under 0.25 once they have 20 blocks; teaser listings are at 0.45 and above. */
const LISTING_MIN_BLOCKS = 20;
const LISTING_NON_PROSE_SHARE = 0.4;
/** Linked headings inside the body container: an article's body has none; a listing has one per card. */
const LISTING_MIN_LINKED_HEADINGS = 3;
/** …and at least one linked headline for every two prose blocks (an article's inline "read also"
 * teasers stay far below). */
const LISTING_LINKED_PER_PROSE = 0.5;

/** URL paths of tag, category, author and search pages. */
const LISTING_URL_RE =
  /\/(?:tag|tags|category|categories|section|sections|topic|topics|author|authors|search|archive|page\/\d+)(?:\/|$)|[?&](?:q|s|query|search)=/i;

function emptyArticle(encoding: string, warnings: string[], url: string | null): Article {
  return {
    isArticle: false,
    url,
    canonicalUrl: null,
    siteName: null,
    outlet: null,
    title: null,
    authors: [],
    published: null,
    modified: null,
    language: null,
    text: '',
    paragraphs: [],
    leadImage: null,
    related: [],
    encoding,
    extractedBy: 'none',
    warnings,
  };
}

/**
 * Extract the article from an HTML page. Give raw bytes so the encoding can be detected;
 * a string is taken as already decoded.
 *
 * @example
 *   const a = extractArticle(readFileSync('page.html'), { url: 'https://example.com/a/1' });
 *   a.title; a.outlet; a.published; a.text
 */
export function extractArticle(input: Uint8Array | string, options: ExtractOptions = {}): Article {
  const url = options.url ?? null;
  try {
    return extract(input, options);
  } catch (err) {
    // MARSAD_DEBUG=1 lets a bug surface with its stack instead of becoming a warning.
    if (process.env.MARSAD_DEBUG) throw err;
    const message = err instanceof Error ? err.message : String(err);
    return emptyArticle('utf-8', [`extract.failed: ${message}`], url);
  }
}

function extract(input: Uint8Array | string, options: ExtractOptions): Article {
  const url = options.url ?? null;
  const fetchedAt = options.fetchedAt ?? null;
  const warnings: string[] = [];

  // 0. Input checks and decoding.
  let html: string;
  let encoding = 'utf-8';
  if (typeof input === 'string') {
    html = input;
    if (html.trim() === '') return emptyArticle(encoding, ['input.empty: the input is empty'], url);
  } else {
    const problem = checkContentType(options.contentType) ?? checkInput(input);
    if (problem) return emptyArticle(encoding, [`${problem.code}: ${problem.message}`], url);
    let bytes = input;
    const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
    if (bytes.length > max) {
      warnings.push(`input.too-large: ${bytes.length} bytes; only the first ${max} were read`);
      bytes = bytes.subarray(0, max);
    }
    const decoded = decodeHtml(bytes, options.contentType);
    html = decoded.html;
    encoding = decoded.encoding;
    warnings.push(...decoded.warnings);
  }
  if (html.length > (options.maxBytes ?? DEFAULT_MAX_BYTES)) {
    html = html.slice(0, options.maxBytes ?? DEFAULT_MAX_BYTES);
    if (!warnings.some((w) => w.startsWith('input.too-large')))
      warnings.push('input.too-large: the page was cut');
  }

  // 1. Metadata and blocks.
  const doc = parseHtml(html);
  const pm = collectMeta(doc);
  const blocks = collectBlocks(doc);
  // The page's text, for finding the headline's spacing, site names and visible bylines: those
  // stand near the top, so a huge page contributes its first PAGE_TEXT_MAX_CHARS only.
  let pageText = '';
  for (const b of blocks) {
    if (pageText.length > PAGE_TEXT_MAX_CHARS) break;
    pageText += `${b.text} `;
  }
  const canonicalUrl = resolveUrl(
    pm.canonical ?? getMeta(pm, 'og:url') ?? pm.jsonLd.find((j) => j.url)?.url ?? null,
    url,
  );
  const pageUrl = url ?? canonicalUrl;

  // 2. Headline and site names.
  const siteKeys = siteKeysOf(pm, pageUrl);
  let blockKeys: Set<string> | null = null;
  const shownAsBlock = (text: string) => {
    blockKeys ??= new Set(blocks.filter((b) => b.words <= 40).map((b) => foldKey(b.text)));
    return blockKeys.has(foldKey(text));
  };
  const t = chooseTitle(pm, siteKeys, pageText, shownAsBlock);
  const siteName = chooseSiteName(pm, t.stripped, pageUrl, pageText);

  // 3. Body.
  const body = extractBody(blocks, t.title);
  let kept = body.kept;

  // 6a. Bylines around the start of the body (taken out of the body).
  const firstKept = kept.length > 0 ? kept[0].index : 0;
  const isTitle = titleMatcher(t.title);
  const titleIndex = t.title ? blocks.findIndex((b) => b.index < firstKept + 1 && isTitle(b.text)) : -1;
  const regionStart = titleIndex >= 0 ? titleIndex + 1 : Math.max(0, firstKept - 8);
  let visibleKey: string | null = null;
  const isVisible = (name: string) => {
    visibleKey ??= foldKey(pageText);
    return visibleKey.includes(foldKey(name));
  };
  const by = findBylines(doc, pm, blocks, { start: regionStart, end: firstKept + 3 }, isVisible, siteKeys);
  if (by.bylineBlocks.size > 0) kept = kept.filter((b) => !by.bylineBlocks.has(b));
  // 6a'. Credit and byline lines closing the body ("المصدر: وكالات", "إعداد: …") are read, not kept.
  let tailOutlet: string | null = null;
  while (kept.length > 1) {
    const last = kept[kept.length - 1];
    const credit = findCreditLine(last.text);
    if (credit) tailOutlet ??= credit;
    else if (isBylineLine(last.text)) {
      for (const n of namesInBylineLine(last.text)) if (!by.authors.includes(n)) by.authors.push(n);
    } else break;
    kept = kept.slice(0, -1);
  }
  let paragraphs = kept === body.kept ? body.paragraphs : toParagraphs(kept);

  // 4–5. Fallbacks when the blocks gave no body.
  let extractedBy: ExtractedBy = paragraphs.length > 0 ? 'scored-container' : 'none';
  const ldBody = pm.jsonLd.find((j) => j.articleBody && j.articleBody.length > 200)?.articleBody;
  if (paragraphs.length === 0 && ldBody) {
    paragraphs = ldBody
      .split(/\n\s*\n|\r?\n/)
      .map((p) => p.replace(/\s+/g, ' ').trim())
      .filter(Boolean);
    extractedBy = 'json-ld-body';
  }
  // The headline shown as a heading on the page (an <h1>, or an <h2> on older templates).
  const titleShown =
    t.source === 'h1' || blocks.some((b) => b.heading > 0 && b.heading <= 3 && isTitle(b.text));
  const signals = articleSignals(pm, titleShown);
  if (paragraphs.length === 0 && signals >= 2) {
    const description = getMeta(pm, 'og:description', 'description', 'twitter:description');
    if (description && countWords(description) >= 10) {
      paragraphs = [description];
      extractedBy = 'meta-description';
      warnings.push('extract.thin: no body found; the page description stands for it');
    }
  }

  // 6b. Outlet: a credit in the byline or the text, else the hosting site.
  let outlet = by.outlet ?? tailOutlet ?? findCreditedOutlet(paragraphs);
  if (outlet && siteName && keysOverlap(foldKey(outlet), foldKey(siteName), 3)) outlet = siteName;
  if (outlet && siteKeys.some((k) => keysOverlap(foldKey(outlet!), k, 3))) outlet = siteName ?? outlet;
  outlet ??= siteName;

  // 6c. Dates, from the headline to a little into the body.
  const bodyStartIdx = kept.length > 0 ? kept[0].index : blocks.length;
  // After the headline first (where datelines stand), then just before it.
  const nearEnd = Math.min(blocks.length, bodyStartIdx + 3);
  const nearBlocks =
    titleIndex >= 0
      ? [...blocks.slice(titleIndex, nearEnd), ...blocks.slice(Math.max(0, titleIndex - 6), titleIndex)]
      : blocks.slice(Math.max(0, bodyStartIdx - 12), nearEnd);
  const dates = findDates(pm, { url: pageUrl, fetchedAt, nearBlocks, timeAllowed: isArticleTime });

  // 7. Article or listing.
  const words = paragraphs.reduce((n, p) => n + countWords(p), 0);
  const isArticle = decideIsArticle({
    words,
    signals,
    headlineLinks: body.headlineLinks,
    blocks: body.freeBlocks,
    nonProseShare: body.nonProseShare,
    linkedHeadings: body.linkedHeadings,
    proseBlocks: body.proseBlocks,
    url: pageUrl,
  });

  const text = paragraphs.join('\n\n');
  const language = detectLanguage(
    `${t.title ?? ''}\n${(text || pageText).slice(0, LANGUAGE_SAMPLE_CHARS)}`,
  ).language;
  const rawTitle = pm.titleTag && !isPlaceholderTitle(pm.titleTag) ? pm.titleTag : null;
  // A home or section page with no name in its markup: its short <title> is the site's name.
  const listingSiteName =
    siteName ?? (rawTitle && countWords(rawTitle) <= HOME_TITLE_MAX_WORDS ? rawTitle : null);
  return {
    isArticle,
    url,
    canonicalUrl,
    siteName: isArticle ? siteName : listingSiteName,
    outlet: isArticle ? outlet : listingSiteName,
    title: isArticle ? t.title : (rawTitle ?? t.title),
    authors: isArticle ? by.authors : [],
    published: isArticle ? dates.published : null,
    modified: isArticle ? dates.modified : null,
    language,
    text: isArticle ? text : '',
    paragraphs: isArticle ? paragraphs : [],
    leadImage: isArticle ? leadImage(pm, body.container, pageUrl) : null,
    related: isArticle ? body.related.map((l) => ({ title: l.title, url: resolveUrl(l.url, pageUrl) })) : [],
    encoding,
    extractedBy: isArticle ? extractedBy : 'none',
    warnings,
  };
}

/** How many of the page's own statements say "this is an article". */
function articleSignals(pm: PageMeta, h1IsTitle: boolean): number {
  let n = 0;
  if ((getMeta(pm, 'og:type') ?? '').toLowerCase() === 'article') n++;
  if (pm.jsonLd.some((j) => j.type !== 'WebPage')) n++;
  if (getMeta(pm, 'article:published_time', 'datepublished', 'pubdate')) n++;
  if (h1IsTitle) n++;
  return n;
}

function decideIsArticle(x: {
  words: number;
  signals: number;
  headlineLinks: number;
  blocks: number;
  nonProseShare: number;
  linkedHeadings: number;
  proseBlocks: number;
  url: string | null;
}): boolean {
  // Teaser cards: linked headlines, each with a teaser (search results, section pages).
  if (
    x.linkedHeadings >= LISTING_MIN_LINKED_HEADINGS &&
    x.linkedHeadings >= x.proseBlocks * LISTING_LINKED_PER_PROSE
  )
    return false;
  // A listing: many headline links in the chosen container and few words per link…
  if (x.headlineLinks >= LISTING_MIN_HEADLINE_LINKS && x.headlineLinks * LISTING_WORDS_PER_LINK > x.words)
    return false;
  // …or many blocks, a large share of them headlines rather than prose (alashak-2013-iraq).
  if (x.blocks >= LISTING_MIN_BLOCKS && x.nonProseShare >= LISTING_NON_PROSE_SHARE) return false;
  if (x.url && LISTING_URL_RE.test(x.url) && x.signals < 2) return false;
  if (x.words >= MIN_WORDS_NO_SIGNAL) return true;
  if (x.words >= MIN_WORDS_ONE_SIGNAL && x.signals >= 1) return true;
  return x.words >= MIN_WORDS_STRONG_SIGNALS && x.signals >= 2;
}

/** A listing page's <title> this short is taken for the site's name. */
const HOME_TITLE_MAX_WORDS = 6;

/** Hosting site's name: the page's own Arabic name first (what readers see), then any name, then the host. */
function chooseSiteName(
  pm: PageMeta,
  stripped: string[],
  url: string | null,
  pageText: string,
): string | null {
  const candidates = [
    getMeta(pm, 'og:site_name'),
    ...pm.jsonLd.map((j) => j.publisher),
    ...pm.jsonLdSiteNames,
    // The logo's own words name the site in full ("وكالة الفيحاء للأنباء"), where a title
    // prefix may be an acronym ("فانا").
    ...logoNames(pm, hostOf(url)),
    ...stripped,
    getMeta(pm, 'application-name'),
  ].filter((c): c is string => !!c && c.length <= 80 && !/^https?:/.test(c));
  const arabic = candidates.find((c) => /[\u0600-\u06FF]/.test(c));
  if (arabic) return arabic;
  // International outlets' Arabic services: "CNNArabic" in the tags, "CNN بالعربية" in the text.
  for (const c of candidates) {
    const m = c.match(/^([A-Za-z][A-Za-z0-9 ]{1,20}?)\s*arabic(?:\.com)?$/i);
    if (!m) continue;
    const prefix = m[1].trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const seen = pageText.match(
      new RegExp(`(?<![A-Za-z])${prefix}\\s?(?:بالعربية|عربي)(?![\\u0600-\\u06FF])`, 'i'),
    );
    if (seen) return seen[0];
  }
  // "Sputnik Arabic" in the tags, "Sputnik عربي" on the home link: the name readers see.
  const words = new Set(candidates.flatMap((c) => c.toLowerCase().match(/[a-z]{4,}/g) ?? []));
  for (const name of logoNames(pm, hostOf(url))) {
    if (!/[\u0600-\u06FF]/.test(name)) continue;
    if ((name.toLowerCase().match(/[a-z]{4,}/g) ?? []).some((w) => words.has(w))) return name;
  }
  if (candidates[0]) return candidates[0];
  const host = hostOf(url);
  return host ? host.replace(/^www\d?\./, '') : null;
}

/** A <time> counts for the article unless it sits in comments, related lists or page furniture. */
function isArticleTime(el: Element): boolean {
  for (let n: Element | null = el, i = 0; n && i < 30; i++) {
    if (!isElement(n)) break;
    if (n.name === 'footer' || n.name === 'aside' || n.name === 'nav') return false;
    const bw = boilerplateWord(n);
    if (bw && bw !== 'share') return false;
    n = n.parent as Element | null;
  }
  return true;
}

function resolveUrl(href: string | null, base: string | null): string | null {
  if (!href) return null;
  try {
    return new URL(href.trim(), base ?? undefined).toString();
  } catch {
    return null;
  }
}

function leadImage(pm: PageMeta, container: Element | null, base: string | null): string | null {
  const meta = getMeta(pm, 'og:image', 'twitter:image', 'og:image:url');
  if (meta) return resolveUrl(meta, base);
  const ld = pm.jsonLd.find((j) => j.image)?.image;
  if (ld) return resolveUrl(ld, base);
  if (!container) return null;
  const img = findFirst(container, (e) => e.name === 'img');
  if (!img) return null;
  return resolveUrl(attr(img, 'data-src') ?? attr(img, 'data-lazy-src') ?? attr(img, 'src'), base);
}
