// Feeds → article URLs: RSS 0.9x/2.0, RSS 1.0 (RDF), Atom, JSON Feed, parsed by feedsmith.
// The stages of readFeed, in order:
//   1. size and emptiness;  2. gunzip;  3. sniff, turning away what is not a feed (an HTML page
//   gets the feed links it names in the message);  4. decode (BOM, XML declaration, charset);
//   5. parse, and once, if the XML is cut short, retry on the complete items;
//   6. map items: link resolved against the feed URL, http(s) only, duplicates dropped.

import { type Element, isTag } from 'domhandler';
import { getElementsByTagName } from 'domutils';
import { DetectError, MalformedError, parseFeed } from 'feedsmith';
import { parseDocument } from 'htmlparser2';
import type { Result } from '../model/index.js';
import { fail, ok } from '../model/index.js';
import { decodeUtf8, decodeXml, gunzip, isBinary, isGzip } from './bytes.js';
import { toIsoDate } from './dates.js';
import { rootElementQName, sniffKind } from './detect.js';
import { MAX_FEED_BYTES, MAX_FEED_ITEMS, MAX_SUMMARY_CHARS, SNIFF_BYTES } from './limits.js';
import { toPlainText } from './text.js';
import type { Feed, FeedItem, SourceKind } from './types.js';
import { asBaseUrl, resolveHttpUrl } from './urls.js';

export interface ReadFeedOptions {
  /** The feed's own URL: relative item links are resolved against it. */
  url?: string | null;
  /** The HTTP Content-Type; its charset is used when the XML declaration names none. */
  contentType?: string | null;
}

/** What readFeed says for sources that are not feeds, naming the reader that fits. */
const NOT_A_FEED: Partial<Record<SourceKind, string>> = {
  opml: 'this is an OPML list of feeds, not a feed; read it with readOpml',
  sitemap: 'this is a sitemap, not a feed; read it with readSitemap',
  sitemapindex: 'this is a sitemap index, not a feed; read it with readSitemap',
  warc: 'this is a WARC archive, not a feed; read it with readWarc',
  urllist: 'this is a list of URLs, not a feed; read it with readUrlList',
};

/** <link rel="alternate"> types that name a feed in an HTML page. */
const FEED_LINK_TYPES = new Set([
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/feed+json',
  'application/json',
]);
/** Bytes of an HTML page searched for feed links (they are in <head>). */
const HTML_HEAD_BYTES = 256 * 1024;

/** The end of an item (RSS, RDF) or entry (Atom), with an optional namespace prefix. */
const ITEM_END = /<\/(?:[\w.-]+:)?(?:item|entry)\s*>/gi;

type ParsedFeed = ReturnType<typeof parseFeed>;
/** Item types as parseFeed returns them (feedsmith's generic types, resolved for string dates). */
type FeedOf<F extends ParsedFeed['format']> = Extract<ParsedFeed, { format: F }>['feed'];
type RssItem = NonNullable<FeedOf<'rss'>['items']>[number];
type RdfItem = NonNullable<FeedOf<'rdf'>['items']>[number];
type AtomEntry = NonNullable<FeedOf<'atom'>['entries']>[number];
type JsonItem = NonNullable<FeedOf<'json'>['items']>[number];

/**
 * Reads a feed's items. Never throws: bad input gives `source.unsupported` (not a feed),
 * `source.malformed` (a broken feed), `source.empty` (no usable items) or `source.too-large`.
 *
 * @example
 * const r = readFeed(bytes, { url: 'https://example.com/feed/' });
 * if (r.ok) for (const item of r.value.items) queue(item.url);
 */
export function readFeed(bytes: Uint8Array, options: ReadFeedOptions = {}): Result<Feed> {
  try {
    return readFeedOrThrow(bytes, options);
  } catch (err) {
    // A bug or a parser failure we did not foresee (e.g. stack depth): still a value.
    return fail('source.malformed', `could not read the feed: ${(err as Error).message}`, err);
  }
}

function readFeedOrThrow(input: Uint8Array, options: ReadFeedOptions): Result<Feed> {
  const warnings: string[] = [];
  // 1. Size and emptiness.
  if (input.length === 0) return fail('source.empty', 'the feed is empty (0 bytes)');
  if (input.length > MAX_FEED_BYTES) {
    return fail('source.too-large', `the feed is ${input.length} bytes; the limit is ${MAX_FEED_BYTES}`);
  }
  // 2. Gzip, as in feed.xml.gz saved to disk.
  let bytes = input;
  if (isGzip(bytes)) {
    const unzipped = gunzip(bytes, MAX_FEED_BYTES);
    if (!unzipped.ok) return unzipped;
    bytes = unzipped.value.bytes;
    if (unzipped.value.truncated) warnings.push('the gzip data is truncated; read what was there');
  }
  // 3. Sniff.
  if (isBinary(bytes)) return fail('source.unsupported', 'binary data, not a feed');
  const kind = sniffKind(bytes.subarray(0, SNIFF_BYTES), options.contentType, bytes.length > SNIFF_BYTES);
  if (kind === 'html') return notAFeedButHtml(bytes, options);
  const notFeed = NOT_A_FEED[kind];
  if (notFeed) return fail('source.unsupported', notFeed);
  // 4. Decode.
  const isJson = kind === 'jsonfeed' || (kind === 'unknown' && firstNonSpace(bytes) === 0x7b);
  let text: string;
  if (isJson) {
    text = decodeUtf8(bytes);
  } else {
    const decoded = decodeXml(bytes, options.contentType);
    text = decoded.text;
    if (decoded.warning) warnings.push(decoded.warning);
  }
  // 5. Parse, with one retry on the complete items of a truncated document.
  const parsed = parseOnce(text);
  let feed: ParsedFeed;
  if (parsed.ok) {
    feed = parsed.value;
  } else if (parsed.error.code === 'source.malformed' && !isJson) {
    const repaired = closeAfterLastItem(text);
    const retry = repaired === null ? null : parseOnce(repaired.text);
    if (retry === null || !retry.ok) return parsed;
    feed = retry.value;
    warnings.push(`${parsed.error.message}; kept the ${repaired!.items} complete items before the damage`);
  } else {
    return parsed;
  }
  // 6. Items.
  return collectItems(feed, options.url ?? null, warnings);
}

function parseOnce(text: string): Result<ParsedFeed> {
  try {
    return ok(parseFeed(text, { maxItems: MAX_FEED_ITEMS + 1 }));
  } catch (err) {
    if (err instanceof DetectError) {
      return fail('source.unsupported', 'not a feed: no RSS, Atom, RDF or JSON Feed document found', err);
    }
    const reason =
      err instanceof MalformedError && err.cause instanceof Error
        ? err.cause.message
        : (err as Error).message;
    return fail('source.malformed', `the feed is not well-formed: ${reason}`, err);
  }
}

/**
 * A truncated (or otherwise broken) feed cut after its last complete item and closed, so the
 * items before the damage are kept. Null when there is no complete item or no root to close.
 */
function closeAfterLastItem(text: string): { text: string; items: number } | null {
  let lastEnd = -1;
  let items = 0;
  ITEM_END.lastIndex = 0;
  for (let m = ITEM_END.exec(text); m !== null; m = ITEM_END.exec(text)) {
    lastEnd = m.index + m[0].length;
    items++;
  }
  if (lastEnd < 0) return null;
  const root = rootElementQName(text);
  if (root === null) return null;
  const local = root.slice(root.indexOf(':') + 1).toLowerCase();
  // RSS 0.9x/2.0 items sit inside <channel>; RDF items and Atom entries sit under the root.
  const closing = local === 'rss' ? `</channel></${root}>` : `</${root}>`;
  return { text: text.slice(0, lastEnd) + closing, items };
}

function notAFeedButHtml(bytes: Uint8Array, options: ReadFeedOptions): Result<Feed> {
  const links = feedLinksInHtml(bytes.subarray(0, HTML_HEAD_BYTES), options.url ?? null);
  const hint = links.length > 0 ? `; the page names these feeds: ${links.join(' ')}` : '';
  return fail('source.unsupported', `this is an HTML page, not a feed${hint}`, { feedLinks: links });
}

/** <link rel="alternate" type="application/rss+xml" href="…"> in an HTML page, resolved. */
export function feedLinksInHtml(bytes: Uint8Array, pageUrl: string | null): string[] {
  const doc = parseDocument(decodeUtf8(bytes));
  const base = asBaseUrl(pageUrl);
  const found: string[] = [];
  for (const node of getElementsByTagName('link', doc.children, true, 50)) {
    if (!isTag(node)) continue;
    const el = node as Element;
    const rel = (el.attribs.rel ?? '').toLowerCase().split(/\s+/);
    const type = (el.attribs.type ?? '').toLowerCase().split(';')[0].trim();
    if (!rel.includes('alternate') || !FEED_LINK_TYPES.has(type)) continue;
    const url = resolveHttpUrl(el.attribs.href, base);
    if (url && !found.includes(url)) found.push(url);
  }
  return found;
}

function firstNonSpace(bytes: Uint8Array): number | null {
  for (let i = 0; i < Math.min(bytes.length, 1024); i++) {
    const b = bytes[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0xef && b !== 0xbb && b !== 0xbf)
      return b;
  }
  return null;
}

/** One item as every format gives it, candidates best first, before resolution. Values are
 * `unknown`: feedsmith's types say string, but hostile JSON can put anything there. */
interface RawItem {
  links: unknown[];
  title: unknown;
  dates: unknown[];
  summaries: unknown[];
}

function collectItems(parsed: ParsedFeed, feedUrl: string | null, warnings: string[]): Result<Feed> {
  const base = asBaseUrl(feedUrl);
  let title: string | null;
  let raws: RawItem[];
  let itemBase = base;
  switch (parsed.format) {
    case 'rss':
      title = toPlainText(str(parsed.feed.title));
      raws = (parsed.feed.items ?? []).map(rssItem);
      break;
    case 'rdf':
      title = toPlainText(str(parsed.feed.title));
      raws = (parsed.feed.items ?? []).map(rdfItem);
      break;
    case 'atom': {
      title = toPlainText(str(parsed.feed.title?.value));
      // xml:base on the feed applies to every entry (RFC 4287 §2, XML Base).
      itemBase = asBaseUrl(resolveAny(parsed.feed.xml?.base, base)) ?? base;
      raws = (parsed.feed.entries ?? []).map((e) => atomEntry(e, itemBase));
      break;
    }
    case 'json':
      title = toPlainText(str(parsed.feed.title));
      raws = (Array.isArray(parsed.feed.items) ? parsed.feed.items : []).map(jsonItem);
      break;
  }
  const format = parsed.format === 'json' ? 'jsonfeed' : parsed.format;
  if (raws.length === 0) return fail('source.empty', `the ${formatName(format)} feed has no items`);
  if (raws.length > MAX_FEED_ITEMS) {
    warnings.push(`the feed has more than ${MAX_FEED_ITEMS} items; kept the first ${MAX_FEED_ITEMS}`);
    raws = raws.slice(0, MAX_FEED_ITEMS);
  }

  const items: FeedItem[] = [];
  const seen = new Set<string>();
  let linkless = 0;
  let duplicates = 0;
  for (const raw of raws) {
    const url = firstHttpUrl(raw.links, itemBase);
    if (url === null) {
      linkless++;
      continue;
    }
    if (seen.has(url)) {
      duplicates++;
      continue;
    }
    seen.add(url);
    items.push({
      url,
      title: toPlainText(str(raw.title)),
      published: firstDate(raw.dates),
      summary: firstText(raw.summaries),
    });
  }
  if (linkless > 0) warnings.push(`${linkless} item(s) without a usable http(s) link skipped`);
  if (duplicates > 0) warnings.push(`${duplicates} duplicate item(s) dropped`);
  if (items.length === 0) {
    return fail('source.empty', `none of the ${raws.length} items of the feed has a usable http(s) link`);
  }
  return ok({ format, title, items, warnings });
}

function rssItem(item: RssItem): RawItem {
  // A guid is the item's permalink unless it says isPermaLink="false" (RSS 2.0 spec).
  const guid = item.guid && item.guid.isPermaLink !== false ? item.guid.value : undefined;
  return {
    links: [item.link, guid, ...atomLinks(item.atom?.links)],
    title: item.title ?? item.dc?.titles?.[0] ?? item.atom?.title?.value,
    dates: [
      item.pubDate,
      item.dc?.dates?.[0],
      item.dcterms?.issued?.[0],
      item.dcterms?.created?.[0],
      item.atom?.published,
      item.atom?.updated,
      item.dcterms?.modified?.[0],
    ],
    summaries: [item.description, item.content?.encoded, item.dc?.descriptions?.[0]],
  };
}

function rdfItem(item: RdfItem): RawItem {
  return {
    links: [item.link, item.rdf?.about],
    title: item.title ?? item.dc?.titles?.[0],
    dates: [
      item.dc?.dates?.[0],
      item.dcterms?.issued?.[0],
      item.dcterms?.created?.[0],
      item.dcterms?.modified?.[0],
    ],
    summaries: [item.description, item.content?.encoded, item.dc?.descriptions?.[0]],
  };
}

function atomEntry(entry: AtomEntry, feedBase: string | null): RawItem {
  const entryBase = resolveAny(entry.xml?.base, feedBase);
  return {
    links: atomLinks(entry.links).map((href) => resolveAny(href, entryBase) ?? undefined),
    title: entry.title?.value,
    dates: [entry.published, entry.updated, entry.dc?.dates?.[0], entry.dcterms?.issued?.[0]],
    summaries: [entry.summary?.value, entry.content?.src ? undefined : entry.content?.value],
  };
}

function jsonItem(item: JsonItem): RawItem {
  // `id` is often the permalink; use it only when it is already an absolute URL.
  const id = typeof item.id === 'string' && /^https?:\/\//i.test(item.id) ? item.id : undefined;
  return {
    links: [item.url, item.external_url, id],
    title: item.title,
    dates: [item.date_published, item.date_modified],
    summaries: [item.summary, item.content_text, item.content_html],
  };
}

/** The page links of an Atom entry, best first: alternate HTML, alternate anything. */
function atomLinks(
  links: ReadonlyArray<{ href?: unknown; rel?: string; type?: string }> | undefined,
): string[] {
  if (!Array.isArray(links)) return [];
  const alternate = links.filter((l) => l && (l.rel === undefined || l.rel === 'alternate') && str(l.href));
  const html = alternate.filter((l) => l.type === undefined || /html/i.test(l.type));
  return [...html, ...alternate].map((l) => l.href as string);
}

function resolveAny(href: unknown, base: string | null): string | null {
  if (typeof href !== 'string') return base;
  try {
    return base ? new URL(href.trim(), base).href : new URL(href.trim()).href;
  } catch {
    return null;
  }
}

function firstHttpUrl(candidates: unknown[], base: string | null): string | null {
  for (const candidate of candidates) {
    const url = resolveHttpUrl(str(candidate), base);
    if (url) return url;
  }
  return null;
}

function firstDate(candidates: unknown[]): string | null {
  for (const candidate of candidates) {
    const date = toIsoDate(str(candidate));
    if (date) return date;
  }
  return null;
}

function firstText(candidates: unknown[]): string | null {
  for (const candidate of candidates) {
    const text = toPlainText(str(candidate), MAX_SUMMARY_CHARS);
    if (text) return text;
  }
  return null;
}

/** A string value, or undefined for anything else (numbers are written as strings). */
function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function formatName(format: Feed['format']): string {
  return { rss: 'RSS', rdf: 'RSS 1.0 (RDF)', atom: 'Atom', jsonfeed: 'JSON Feed' }[format];
}
