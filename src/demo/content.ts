// The demo content (demo/content): outlets and their articles, read from JSON and resolved
// into what each site shows. Copies (syndication with a credit line, and the aggregator's
// republished posts) are built here from their original, so every site and the truth file
// agree on titles, paragraphs and URLs.

import { readdirSync, readFileSync } from 'node:fs';
import { datePathParts, isIsoWithZone, type MonthStyle, toArabicIndic } from './format.js';

export type TemplateName = 'wordpress' | 'modern' | 'table' | 'portal' | 'aggregator';
export type UrlStyle =
  | 'wp-query'
  | 'wp-pretty'
  | 'agency-numeric'
  | 'section-dated'
  | 'news-numeric-slug'
  | 'portal-article'
  | 'aggregator-slug';
export type FeedKind = 'rss2' | 'atom' | 'jsonfeed' | 'rdf' | 'news-sitemap';

export interface OutletSection {
  id: string;
  name: string;
}

export interface Outlet {
  id: string;
  name: string;
  shortName?: string;
  nameLatin: string;
  kind: 'original' | 'aggregator';
  country: string | null;
  description: string;
  tagline: string;
  template: TemplateName;
  urlStyle: UrlStyle;
  feed: FeedKind;
  charset: 'utf-8' | 'windows-1256';
  /** Informational; each article's `published` carries its own offset. */
  timezone: string;
  months: MonthStyle;
  digits: 'western' | 'arabic-indic';
  /** "كتب:", "بقلم", "إعداد:" … or null when the site prints no cue word. */
  bylineCue: string | null;
  /** What the byline says when an article has no author ("فريق التحرير"), or null for nothing. */
  noAuthorLabel: string | null;
  founded: number;
  sections: OutletSection[];
}

export interface Subheading {
  beforeParagraph: number;
  text: string;
}

export interface QuoteBlock {
  afterParagraph: number;
  text: string;
  cite?: string;
}

/** One entry of demo/content/articles/<outlet>.json, as written. */
export interface ArticleEntry {
  id: string;
  slug?: string;
  title?: string;
  published: string;
  modified?: string;
  author?: string | null;
  section?: string;
  story?: string | null;
  paragraphs?: string[];
  subheadings?: Subheading[];
  quoteBlock?: QuoteBlock;
  caption?: string;
  /** Agency dateline city ("حماة" → "حماة-فانا"). */
  dateline?: string;
  tags?: string[];
  copyOf?: string;
  /** Name of the credited outlet on a syndicated copy. */
  credit?: string;
  /** How the credit shows: a closing "المصدر: …" line, or a byline "Outlet – (Author)". */
  creditStyle?: 'source-line' | 'byline';
  /** Aggregator copies: drop the original's last paragraph. */
  trimLast?: boolean;
  /** Aggregator copies: Latin commas and guillemets instead of "،" and straight quotes (body only). */
  punctuationVariant?: boolean;
}

/** An article as its site shows it. */
export interface DemoArticle {
  id: string;
  outletId: string;
  /** The site's numeric id for it (WordPress post id, agency news number …). */
  number: number;
  slug: string;
  title: string;
  published: string;
  modified: string | null;
  author: string | null;
  section: string;
  story: string | null;
  paragraphs: string[];
  subheadings: Subheading[];
  quoteBlock: QuoteBlock | null;
  caption: string | null;
  dateline: string | null;
  tags: string[];
  copyOf: string | null;
  /** Credited outlet name on copies, null on originals. */
  credit: string | null;
  creditStyle: 'source-line' | 'byline' | null;
  /** Path on its site ("/?p=21119", "/lebanon/2026/10/cabinet-reshuffle.html"). */
  path: string;
}

export interface DemoContent {
  outlets: Outlet[];
  outletById: Map<string, Outlet>;
  /** All articles, originals and copies, in file order per outlet. */
  articles: DemoArticle[];
  articleById: Map<string, DemoArticle>;
  /** Articles per outlet, newest first. */
  byOutlet: Map<string, DemoArticle[]>;
}

const CONTENT_DIR = new URL('../../demo/content/', import.meta.url);

/** First numeric id per URL style, and the step between articles (looks like a busy CMS). */
const NUMBERING: Record<UrlStyle, { base: number; step: number }> = {
  'wp-query': { base: 21040, step: 17 },
  'wp-pretty': { base: 8810, step: 9 },
  'agency-numeric': { base: 184200, step: 29 },
  'section-dated': { base: 0, step: 1 },
  'news-numeric-slug': { base: 50310, step: 23 },
  'portal-article': { base: 1402000, step: 41 },
  'aggregator-slug': { base: 7700, step: 13 },
};

function readJson<T>(relative: string): T {
  return JSON.parse(readFileSync(new URL(relative, CONTENT_DIR), 'utf8')) as T;
}

/** "minbar-007" → 7. */
function serialOf(id: string): number {
  const m = /-(\d+)$/.exec(id);
  if (!m) throw new Error(`article id without a serial number: ${id}`);
  return Number(m[1]);
}

/** The article's path on its own site, by the outlet's URL style. */
export function articlePath(
  outlet: Outlet,
  a: { number: number; slug: string; section: string; published: string },
): string {
  const { yyyy, mm, dd } = datePathParts(a.published);
  switch (outlet.urlStyle) {
    case 'wp-query':
      return `/?p=${a.number}`;
    case 'wp-pretty':
      return `/${yyyy}/${mm}/${dd}/${a.slug}/`;
    case 'agency-numeric':
      return `/ar/news/${yyyy}/${mm}/${a.number}.htm`;
    case 'section-dated':
      return `/${a.section}/${yyyy}/${mm}/${a.slug}.html`;
    case 'news-numeric-slug':
      return `/news/${a.number}/${a.slug}`;
    case 'portal-article':
      return `/ar/${a.section}/${a.number}.html`;
    case 'aggregator-slug':
      return `/news/${a.slug}-${a.number}.html`;
  }
}

/** A section's listing page on its site. */
export function sectionPath(outlet: Outlet, section: string): string {
  switch (outlet.template) {
    case 'wordpress':
    case 'aggregator':
      return `/category/${section}/`;
    case 'table':
      return `/ar/cat/${section}.htm`;
    case 'portal':
      return `/ar/${section}/`;
    case 'modern':
      return outlet.urlStyle === 'section-dated' ? `/${section}/` : `/section/${section}`;
  }
}

/** The site's feed or sitemap entry point. */
export function feedPath(outlet: Outlet): string {
  switch (outlet.feed) {
    case 'rss2':
      return outlet.template === 'aggregator' ? '/rss.xml' : '/feed/';
    case 'atom':
      return '/feed.atom';
    case 'jsonfeed':
      return '/feed.json';
    case 'rdf':
      return '/ar/rss.rdf';
    case 'news-sitemap':
      return '/sitemap.xml';
  }
}

/** Text as the site prints it: Arabic-Indic digits where the outlet uses them. */
function displayText(outlet: Outlet, text: string): string {
  return outlet.digits === 'arabic-indic' ? toArabicIndic(text) : text;
}

/** The aggregator's copying noise: Latin commas and guillemets for straight double quotes. */
export function punctuationVariant(text: string): string {
  let open = true;
  return text.replace(/،/g, ',').replace(/"/g, () => {
    const q = open ? '«' : '»';
    open = !open;
    return q;
  });
}

function fail(message: string): never {
  throw new Error(`demo content: ${message}`);
}

let cached: DemoContent | null = null;

/** Read and resolve demo/content (cached: the files are read once per process). */
export function loadContent(): DemoContent {
  if (cached) return cached;
  const outlets = readJson<Outlet[]>('outlets.json');
  const outletById = new Map(outlets.map((o) => [o.id, o]));
  const files = new Set(readdirSync(new URL('articles/', CONTENT_DIR)).filter((f) => f.endsWith('.json')));
  const entries: { outlet: Outlet; entry: ArticleEntry }[] = [];
  for (const outlet of outlets) {
    const file = `${outlet.id}.json`;
    if (!files.has(file)) continue;
    for (const entry of readJson<ArticleEntry[]>(`articles/${file}`)) entries.push({ outlet, entry });
  }

  const articleById = new Map<string, DemoArticle>();
  const articles: DemoArticle[] = [];
  const add = (a: DemoArticle) => {
    if (articleById.has(a.id)) fail(`duplicate article id ${a.id}`);
    articleById.set(a.id, a);
    articles.push(a);
  };

  // Originals first, so that copies can be built from them whatever the file order.
  for (const { outlet, entry } of entries) {
    if (entry.copyOf) continue;
    add(resolveOriginal(outlet, entry));
  }
  for (const { outlet, entry } of entries) {
    if (!entry.copyOf) continue;
    const original = articleById.get(entry.copyOf) ?? fail(`${entry.id}: copyOf ${entry.copyOf} is unknown`);
    if (original.copyOf) fail(`${entry.id}: copyOf ${entry.copyOf}, which is itself a copy`);
    add(resolveCopy(outlet, entry, original, outletById.get(original.outletId)!));
  }

  const byOutlet = new Map<string, DemoArticle[]>();
  for (const outlet of outlets) {
    const own = articles.filter((a) => a.outletId === outlet.id);
    own.sort((x, y) => Date.parse(y.published) - Date.parse(x.published) || y.number - x.number);
    byOutlet.set(outlet.id, own);
    const paths = new Set<string>();
    for (const a of own) {
      if (paths.has(a.path)) fail(`${a.id}: path ${a.path} is used twice on ${outlet.id}`);
      paths.add(a.path);
    }
  }
  cached = { outlets, outletById, articles, articleById, byOutlet };
  return cached;
}

function checkCommon(outlet: Outlet, entry: ArticleEntry): void {
  if (!isIsoWithZone(entry.published)) fail(`${entry.id}: published ${entry.published} needs a zone`);
  if (entry.modified && !isIsoWithZone(entry.modified)) fail(`${entry.id}: modified needs a zone`);
  if (!entry.id.startsWith(`${outlet.id}-`))
    fail(`${entry.id}: ids start with the outlet id (${outlet.id}-)`);
}

function resolveOriginal(outlet: Outlet, entry: ArticleEntry): DemoArticle {
  checkCommon(outlet, entry);
  const { slug, title, section, paragraphs } = entry;
  if (!slug || !title || !section || !paragraphs?.length)
    fail(`${entry.id}: slug, title, section, paragraphs`);
  if (!outlet.sections.some((s) => s.id === section)) fail(`${entry.id}: unknown section ${section}`);
  const number = numberOf(outlet, entry.id);
  const show = (t: string) => displayText(outlet, t);
  const a: DemoArticle = {
    id: entry.id,
    outletId: outlet.id,
    number,
    slug,
    title: show(title),
    published: entry.published,
    modified: entry.modified ?? null,
    author: entry.author ?? null,
    section,
    story: entry.story ?? null,
    paragraphs: paragraphs.map(show),
    subheadings: (entry.subheadings ?? []).map((s) => ({ ...s, text: show(s.text) })),
    quoteBlock: entry.quoteBlock ? { ...entry.quoteBlock, text: show(entry.quoteBlock.text) } : null,
    caption: entry.caption ? show(entry.caption) : null,
    dateline: entry.dateline ?? null,
    tags: entry.tags ?? [],
    copyOf: null,
    credit: null,
    creditStyle: null,
    path: '',
  };
  a.path = articlePath(outlet, a);
  return a;
}

function numberOf(outlet: Outlet, id: string): number {
  const { base, step } = NUMBERING[outlet.urlStyle];
  return base + serialOf(id) * step;
}

/**
 * A copy of `original` on `outlet`: the original's text (as its site showed it), with the
 * copying site's own date, section and credit; the aggregator also trims and re-punctuates.
 * A quote block becomes a plain paragraph and subheadings are dropped: copy-paste loses markup.
 */
function resolveCopy(outlet: Outlet, entry: ArticleEntry, original: DemoArticle, from: Outlet): DemoArticle {
  checkCommon(outlet, entry);
  if (from.id === outlet.id) fail(`${entry.id}: a copy of its own outlet's article`);
  const isAggregator = outlet.kind === 'aggregator';
  let paragraphs = entry.paragraphs ?? [...original.paragraphs];
  if (!entry.paragraphs && original.quoteBlock) {
    const q = original.quoteBlock;
    paragraphs.splice(q.afterParagraph + 1, 0, q.text);
  }
  if (entry.trimLast) paragraphs = paragraphs.slice(0, -1);
  const title = entry.title ?? original.title;
  // Copy-paste noise touches the text only; the headline is copied as it was.
  if (entry.punctuationVariant) paragraphs = paragraphs.map(punctuationVariant);
  const section = entry.section ?? (isAggregator ? 'middle-east' : original.section);
  if (!outlet.sections.some((s) => s.id === section)) fail(`${entry.id}: unknown section ${section}`);
  const a: DemoArticle = {
    id: entry.id,
    outletId: outlet.id,
    number: numberOf(outlet, entry.id),
    slug: entry.slug ?? original.slug,
    title,
    published: entry.published,
    modified: entry.modified ?? null,
    author: entry.author === undefined ? original.author : entry.author,
    section,
    story: entry.story === undefined ? original.story : entry.story,
    paragraphs,
    subheadings: [],
    quoteBlock: null,
    caption: entry.caption ?? original.caption,
    dateline: null,
    tags: entry.tags ?? original.tags,
    copyOf: original.id,
    credit: entry.credit ?? from.name,
    // The aggregator opens with "Outlet – (Author)" when there is an author, else ends with "المصدر:".
    creditStyle: entry.creditStyle ?? (isAggregator && original.author ? 'byline' : 'source-line'),
    path: '',
  };
  if (Date.parse(a.published) <= Date.parse(original.published)) {
    fail(`${a.id}: a copy must be published after its original ${original.id}`);
  }
  a.path = articlePath(outlet, a);
  return a;
}

/** The authors a reader sees credited on the page (placeholders like "فريق التحرير" are not authors). */
export function authorsOf(a: DemoArticle): string[] {
  return a.author ? [a.author] : [];
}
