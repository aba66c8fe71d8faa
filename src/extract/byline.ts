// Authors and the original outlet. Authors come from JSON-LD, <meta>, rel=author links,
// byline elements and byline lines ("بقلم", "كتب", "إعداد", "تحرير", "حوار", "Outlet – (Author)");
// names are cleaned of cue words and dates, and placeholders and outlet names are dropped.
// A name from markup is kept only when the page shows it: readers credit what they see.

import { countWords } from '../arabic/chars.js';
import { foldKey, keysOverlap } from '../arabic/keys.js';
import type { Block } from './blocks.js';
import { classAndId, type Document, type Element, findAll, isElement, isHidden, textOf } from './dom.js';
import { getMeta, type PageMeta } from './metadata/collect.js';

/** Cue words that open an Arabic or English byline. */
const BYLINE_CUE_RE =
  /^(?:بقلم|كتبت|كتبه|كتبها|كتب|الكاتبة|الكاتب|إعداد|اعداد|تحرير|أجرى الحوار|اجرى الحوار|حوار|تقرير|متابعة|ترجمة|مراسلة|مراسلنا|مراسل|written by|by|author)(?=[\s:：\-–]|$)\s*[:：\-–]?\s*/i;

/** "بلدي نيوز – (عمر الحسن)": an outlet, a dash, an author in parentheses. */
const OUTLET_AUTHOR_RE = /^([^()\-–—:]{2,40}?)\s*[-–—]\s*\(\s*([^()]{3,40}?)\s*\)\s*$/;

/** Names that stand for no one. */
const PLACEHOLDER_AUTHOR_RE =
  /^(?:فريق التحرير|هيئة التحرير|التحرير|المحرر|محرر الموقع|أسرة التحرير|اسرة التحرير|القسم السياسي|قسم الأخبار|admin|administrator|editor|editors|editorial team|editorial staff|staff|staff writer|newsroom|webmaster|unknown|guest|tweet|share|facebook|twitter|whatsapp|telegram|print|email|e-mail|more|follow|شارك|طباعة|تغريد|غرد|خاص|حصري|خاص بالموقع)$/i;

/** Where a name ends: dates, times, separators and the words that follow a byline. */
const NAME_END_RE =
  /\s*(?:[|،,;؛()\n\d٠-٩]|[-–—]\s|\s[-–—]|(?<![\p{L}])(?:نشر|نُشر|بتاريخ)(?![\p{L}])|(?<![\p{L}])في\s+[\d٠-٩]|الأحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت|منذ|آخر تحديث|تاريخ|published|updated).*$/u;

/** A byline element holding "City - Name". */
const CITY_THEN_NAME_RE = /^[\p{L}]+(?:\s[\p{L}]+)?\s+[-–—]\s+([\p{L}\s.]{3,40})$/u;

const BYLINE_CLASS_RE =
  /(?:^|[^a-z])(?:author|byline|writer|writeby|by-line|kateb|reporter|article-author|post-author)(?:[^a-z]|$)/;

/** Longest plausible name, in words. */
const MAX_NAME_WORDS = 5;

export interface BylineResult {
  authors: string[];
  /** The outlet a byline credits ("بلدي نيوز – (عمر الحسن)" → "بلدي نيوز"), if any. */
  outlet: string | null;
  /** Blocks that are bylines (to keep them out of the body). */
  bylineBlocks: Set<Block>;
}

/** A cue anywhere in a line: "إعداد: نور قاسم تحرير: فريق التحرير" holds two bylines. */
const BYLINE_CUE_ANYWHERE_RE =
  /(?:^|\s)(?:بقلم|كتبت|كتبه|كتبها|كتب|إعداد|اعداد|تحرير|أجرى الحوار|اجرى الحوار|حوار|تقرير|متابعة|ترجمة|مراسلة|مراسلنا|مراسل|written by|by)\s*[:：]/gi;

/** A short line that opens with a byline cue. */
export function isBylineLine(text: string): boolean {
  return countWords(text) <= 14 && BYLINE_CUE_RE.test(text) && text.replace(BYLINE_CUE_RE, '') !== text;
}

/** The names in a byline line, one per cue segment; placeholders dropped. */
export function namesInBylineLine(text: string): string[] {
  const starts = [...text.matchAll(BYLINE_CUE_ANYWHERE_RE)].map((m) => m.index!);
  if (starts[0] !== 0) starts.unshift(0);
  const segments = starts.map((st, i) => text.slice(st, starts[i + 1] ?? text.length));
  return segments.flatMap((seg) =>
    splitNames(seg.trim().replace(BYLINE_CUE_RE, '').replace(NAME_END_RE, ''))
      .map(cleanName)
      .filter((n): n is string => !!n),
  );
}

export function cleanName(raw: string): string | null {
  let s = raw.replace(/\s+/g, ' ').trim();
  s = s.replace(BYLINE_CUE_RE, '');
  s = s.replace(NAME_END_RE, '').trim();
  s = s.replace(/^[\s:：\-–—.]+|[\s:：\-–—.]+$/g, '');
  if (s === '' || PLACEHOLDER_AUTHOR_RE.test(s)) return null;
  if (/^https?:|www\.|@/.test(s)) return null;
  const words = countWords(s);
  if (words === 0 || words > MAX_NAME_WORDS || s.length > 50) return null;
  return s;
}

function splitNames(raw: string): string[] {
  return raw.split(/\s*[،,&]\s*|\s+(?:and|و)\s+(?=\S)/).filter(Boolean);
}

export function findBylines(
  doc: Document,
  pm: PageMeta,
  blocks: Block[],
  region: { start: number; end: number },
  isVisible: (name: string) => boolean,
  siteKeys: string[],
): BylineResult {
  const bylineBlocks = new Set<Block>();
  let outlet: string | null = null;
  const fromLines: string[] = [];

  // Byline lines near the start of the article (headline → first paragraphs) and byline elements.
  for (let i = Math.max(0, region.start); i < Math.min(blocks.length, region.end); i++) {
    const b = blocks[i];
    if (b.words > 12 || b.inComments) continue;
    const oa = b.text.match(OUTLET_AUTHOR_RE);
    if (oa) {
      outlet ??= oa[1].trim();
      const n = cleanName(oa[2]);
      if (n) fromLines.push(n);
      bylineBlocks.add(b);
      continue;
    }
    if (isBylineLine(b.text)) {
      fromLines.push(...namesInBylineLine(b.text));
      bylineBlocks.add(b);
      continue;
    }
    if (b.boilerplate !== 'share' && b.boilerplate !== 'social' && BYLINE_CLASS_RE.test(ancestorClasses(b))) {
      const names = namesInBylineElement(b.text);
      if (names.length > 0 && names.length <= 4) {
        fromLines.push(...names);
        bylineBlocks.add(b);
      }
    }
  }
  // Inline byline elements (<span class="writer">) inside a meta line with the date.
  for (const el of findAll(doc, isBylineElement).slice(0, MAX_BYLINE_ELEMENTS)) {
    const text = textOf(el, { skipHidden: true });
    if (text === '' || countWords(text) > 8) continue;
    const oa = text.match(OUTLET_AUTHOR_RE);
    if (oa) outlet ??= oa[1].trim();
    const names = oa ? [cleanName(oa[2])].filter((n): n is string => !!n) : namesInBylineElement(text);
    if (names.length <= 4) fromLines.push(...names);
  }

  const fromMarkup = [
    ...pm.jsonLd.flatMap((j) => j.authors),
    ...pm.authorLinks.map((a) => textOf(a)),
    ...(
      [
        'author',
        'article:author',
        'dc.creator',
        'link:author',
        'sailthru.author',
        'parsely-author',
        'byl',
      ] as const
    )
      .map((k) => getMeta(pm, k))
      .filter((v): v is string => !!v)
      .flatMap(splitNames),
  ]
    .map(cleanName)
    .filter((n): n is string => !!n)
    .filter(isVisible);

  const outletKeys = [...siteKeys, ...(outlet ? [foldKey(outlet)] : [])];
  const authors: string[] = [];
  const seen = new Set<string>();
  for (const n of [...fromMarkup, ...fromLines]) {
    const k = foldKey(n);
    if (k.length < 2 || seen.has(k)) continue;
    if (outletKeys.some((o) => keysOverlap(k, o, 3))) continue;
    // A longer form of a name already taken (or a shorter one) is the same person.
    if ([...seen].some((s) => s.includes(k) || k.includes(s))) continue;
    seen.add(k);
    authors.push(n);
  }
  return { authors, outlet, bylineBlocks };
}

/** "الرياض - فهد العتيبي" → the reporter; "كتب: …" → the name; else the text as a name list. */
function namesInBylineElement(text: string): string[] {
  if (isBylineLine(text)) return namesInBylineLine(text);
  const cityFirst = text.match(CITY_THEN_NAME_RE);
  const t = cityFirst ? cityFirst[1] : text.replace(/^(?:الكاتب|الكاتبة|المحرر|المؤلف)\s*[:：]\s*/, '');
  return splitNames(t.replace(NAME_END_RE, ''))
    .map(cleanName)
    .filter((n): n is string => !!n);
}

/** How many byline elements are read at most (a listing of author cards is not a byline). */
const MAX_BYLINE_ELEMENTS = 6;

const COMMENT_CLASS_RE = /comment|reply|respond|disqus/;

/** An element whose class names a byline, outside comments and share bars, and visible. */
function isBylineElement(el: Element): boolean {
  const cls = classAndId(el);
  if (cls === '' || !BYLINE_CLASS_RE.test(cls) || COMMENT_CLASS_RE.test(cls) || isHidden(el)) return false;
  if (el.name === 'meta' || el.name === 'link' || el.name === 'body' || el.name === 'article') return false;
  for (let n = el.parent, i = 0; n && isElement(n as Element) && i < 12; n = n.parent, i++) {
    const c = classAndId(n as Element);
    if (COMMENT_CLASS_RE.test(c) || isHidden(n as Element)) return false;
  }
  return true;
}

function ancestorClasses(b: Block): string {
  let s = '';
  let n: typeof b.el | null = b.el;
  for (let i = 0; n && isElement(n) && i < 4; i++) {
    s += ` ${classAndId(n)}`;
    n = n.parent as typeof b.el | null;
  }
  return s;
}

/** Wire agencies and generic credits, as written in datelines ("دمشق (رويترز) -") and tails. */
const AGENCY_RE =
  /\(\s*(رويترز|أ\s?ف\s?ب|ا\s?ف\s?ب|أ\.ف\.ب|فرانس\s?برس|أ\s?ب|أسوشيتد\s?برس|الأناضول|د\s?ب\s?أ|د\.ب\.أ|سانا|واس|وام|قنا|كونا|بترا|شينخوا|سبوتنيك|وكالات|يو\s?بي\s?آي|إرنا|ارنا|CNN|AFP|Reuters|AP|DPA|Anadolu|Xinhua)\s*\)/i;

/** "المصدر: X", "نقلاً عن X", "عن: X" as a credit line. */
const SOURCE_LINE_RE =
  /^(?:المصدر|مصدر الخبر|المصدر الأصلي|نقلاً عن|نقلا عن|نقلًا عن|source)\s*[:：]?\s*(.{2,50}?)\s*\.?$/i;

/** A short line that only credits a source: "المصدر: وكالات", "(وكالات)", "نقلاً عن: الشاهد". */
export function findCreditLine(p: string): string | null {
  if (countWords(p) > 10) return null;
  const m = p.match(SOURCE_LINE_RE);
  if (m) return m[1].replace(/^[«"]|[»"]$/g, '').trim();
  if (/^\(?\s*وكالات\s*\)?\.?$/.test(p.trim())) return 'وكالات';
  return null;
}

/**
 * The outlet the text credits: a byline, a source line, a wire agency in the dateline or at the end.
 * @example findCreditedOutlet(['دمشق (رويترز) - قال …']) // 'رويترز'
 */
export function findCreditedOutlet(paragraphs: string[]): string | null {
  const edges = [...paragraphs.slice(0, 2), ...paragraphs.slice(-2)];
  for (const p of edges) {
    const credit = findCreditLine(p);
    if (credit) return credit;
  }
  const first = paragraphs[0] ?? '';
  const head = first.slice(0, 120).match(AGENCY_RE);
  if (head) return head[1];
  const last = paragraphs[paragraphs.length - 1] ?? '';
  const tail = last.slice(-60).match(AGENCY_RE);
  if (tail) return tail[1];
  for (const p of edges) {
    const m = p.match(
      /(?:^|[\s(])(?:نقلاً|نقلا|نقلًا)\s+عن\s+(?:(?:موقع|صحيفة|وكالة|قناة)\s+)?([^\s،,.]+(?:\s+[^\s،,.]+){0,2})/,
    );
    if (m && countWords(p) <= 12) return m[1];
  }
  return null;
}
