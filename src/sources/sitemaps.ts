// Sitemaps → page URLs: <urlset> (with Google News <news:news> entries), <sitemapindex>,
// gzipped (.xml.gz) and plain-text sitemaps (one URL a line, which the protocol allows).
// Parsed with htmlparser2 in XML mode, which never throws and keeps what it can of broken XML;
// a document without its closing root tag is reported as truncated.

import { type Element, isTag } from 'domhandler';
import { textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';
import type { Result } from '../model/index.js';
import { fail, ok } from '../model/index.js';
import { decodeXml, gunzip, isBinary, isGzip } from './bytes.js';
import { toIsoDate } from './dates.js';
import { sniffKind } from './detect.js';
import { MAX_SITEMAP_BYTES, MAX_SITEMAP_URLS, SNIFF_BYTES } from './limits.js';
import type { Sitemap, SitemapUrl, SourceKind } from './types.js';
import { readUrlList } from './url-list.js';
import { asBaseUrl, resolveHttpUrl } from './urls.js';

export interface ReadSitemapOptions {
  /** The sitemap's own URL: relative <loc>s (against the protocol, but seen) resolve against it. */
  url?: string | null;
  contentType?: string | null;
}

const NOT_A_SITEMAP: Partial<Record<SourceKind, string>> = {
  rss: 'this is an RSS feed, not a sitemap; read it with readFeed',
  atom: 'this is an Atom feed, not a sitemap; read it with readFeed',
  rdf: 'this is an RSS 1.0 (RDF) feed, not a sitemap; read it with readFeed',
  jsonfeed: 'this is a JSON Feed, not a sitemap; read it with readFeed',
  opml: 'this is an OPML list of feeds, not a sitemap; read it with readOpml',
  html: 'this is an HTML page, not a sitemap',
  warc: 'this is a WARC archive, not a sitemap; read it with readWarc',
};

/**
 * Reads a sitemap, a sitemap index or a Google News sitemap (gzipped or not). At most 50,000
 * URLs are kept (the protocol's limit), with a warning. Never throws.
 *
 * @example
 * const r = readSitemap(bytes, { url: 'https://example.com/sitemap-news.xml' });
 * if (r.ok && r.value.kind === 'index') for (const child of r.value.sitemaps) queue(child);
 */
export function readSitemap(bytes: Uint8Array, options: ReadSitemapOptions = {}): Result<Sitemap> {
  try {
    return readSitemapOrThrow(bytes, options);
  } catch (err) {
    return fail('source.malformed', `could not read the sitemap: ${(err as Error).message}`, err);
  }
}

function readSitemapOrThrow(input: Uint8Array, options: ReadSitemapOptions): Result<Sitemap> {
  const warnings: string[] = [];
  if (input.length === 0) return fail('source.empty', 'the sitemap is empty (0 bytes)');
  let bytes = input;
  if (isGzip(bytes)) {
    const unzipped = gunzip(bytes, MAX_SITEMAP_BYTES);
    if (!unzipped.ok) return unzipped;
    bytes = unzipped.value.bytes;
    if (unzipped.value.truncated) warnings.push('the gzip data is truncated; read what was there');
  }
  if (bytes.length > MAX_SITEMAP_BYTES) {
    return fail(
      'source.too-large',
      `the sitemap is ${bytes.length} bytes; the protocol's limit is ${MAX_SITEMAP_BYTES}`,
    );
  }
  if (isBinary(bytes)) return fail('source.unsupported', 'binary data, not a sitemap');
  const kind = sniffKind(bytes.subarray(0, SNIFF_BYTES), options.contentType, bytes.length > SNIFF_BYTES);
  const notSitemap = NOT_A_SITEMAP[kind];
  if (notSitemap) return fail('source.unsupported', notSitemap);
  if (kind === 'urllist') return fromTextSitemap(bytes, warnings);

  const decoded = decodeXml(bytes, options.contentType);
  if (decoded.warning) warnings.push(decoded.warning);
  const doc = parseDocument(decoded.text, { xmlMode: true, withEndIndices: true });
  const root = doc.children.find(isTag);
  const rootName = root ? localName(root) : null;
  if (!root || (rootName !== 'urlset' && rootName !== 'sitemapindex')) {
    return fail('source.unsupported', 'not a sitemap: no <urlset> or <sitemapindex> root element');
  }
  const entryName = rootName === 'urlset' ? 'url' : 'sitemap';
  let entries = childElements(root, entryName);
  if (!hasClosingTag(decoded.text, root.name)) {
    // The parser closes what was left open at the end, so a cut-off last entry looks whole
    // (`<loc>https://example.com/ne` reads as https://example.com/ne): drop it unless its own
    // closing tag is in the text.
    const last = entries[entries.length - 1];
    if (last && !endsWithClosingTag(decoded.text, last, entryName)) entries = entries.slice(0, -1);
    warnings.push(
      `the sitemap is truncated (no closing </${root.name}>); kept the ${entries.length} complete entries`,
    );
  }
  const base = asBaseUrl(options.url);
  return rootName === 'urlset' ? readUrlset(entries, base, warnings) : readIndex(entries, base, warnings);
}

function readUrlset(entryElements: Element[], base: string | null, warnings: string[]): Result<Sitemap> {
  const urls: SitemapUrl[] = [];
  const seen = new Set<string>();
  let entries = 0;
  let unusable = 0;
  let duplicates = 0;
  for (const entry of entryElements) {
    entries++;
    const url = resolveHttpUrl(childText(entry, 'loc'), base);
    if (url === null) {
      unusable++;
      continue;
    }
    if (seen.has(url)) {
      duplicates++;
      continue;
    }
    if (urls.length === MAX_SITEMAP_URLS) {
      warnings.push(
        `the sitemap lists more than ${MAX_SITEMAP_URLS} URLs (the protocol's limit); kept the first ${MAX_SITEMAP_URLS}`,
      );
      break;
    }
    seen.add(url);
    // Google News: <news:news><news:publication_date/><news:title/></news:news>; any prefix.
    const news = childElements(entry, 'news')[0];
    urls.push({
      url,
      lastmod: toIsoDate(childText(entry, 'lastmod')),
      newsPublished: news ? toIsoDate(childText(news, 'publication_date')) : null,
      newsTitle: news ? clean(childText(news, 'title')) : null,
    });
  }
  if (unusable > 0) warnings.push(`${unusable} <url> entr(ies) without a usable http(s) <loc> skipped`);
  if (duplicates > 0) warnings.push(`${duplicates} duplicate URL(s) dropped`);
  if (urls.length === 0) {
    return fail(
      'source.empty',
      entries === 0 ? 'the sitemap lists no URLs' : `none of the ${entries} <url> entries has a usable <loc>`,
    );
  }
  return ok({ kind: 'urlset', urls, sitemaps: [], warnings });
}

function readIndex(entryElements: Element[], base: string | null, warnings: string[]): Result<Sitemap> {
  const sitemaps: string[] = [];
  const seen = new Set<string>();
  let entries = 0;
  for (const entry of entryElements) {
    entries++;
    const url = resolveHttpUrl(childText(entry, 'loc'), base);
    if (url === null || seen.has(url)) continue;
    if (sitemaps.length === MAX_SITEMAP_URLS) {
      warnings.push(
        `the sitemap index lists more than ${MAX_SITEMAP_URLS} sitemaps; kept the first ${MAX_SITEMAP_URLS}`,
      );
      break;
    }
    seen.add(url);
    sitemaps.push(url);
  }
  if (sitemaps.length === 0) {
    return fail(
      'source.empty',
      entries === 0 ? 'the sitemap index lists no sitemaps' : 'no <sitemap> entry has a usable <loc>',
    );
  }
  return ok({ kind: 'index', urls: [], sitemaps, warnings });
}

/** A text sitemap: UTF-8, one URL a line (sitemaps.org "Text file"). */
function fromTextSitemap(bytes: Uint8Array, warnings: string[]): Result<Sitemap> {
  const list = readUrlList(bytes);
  if (!list.ok) return list;
  for (const w of list.value.warnings.slice(0, 10)) warnings.push(`line ${w.line}: ${w.reason}`);
  if (list.value.warnings.length > 10)
    warnings.push(`… and ${list.value.warnings.length - 10} more bad lines`);
  let urls = list.value.urls;
  if (urls.length > MAX_SITEMAP_URLS) {
    warnings.push(
      `the sitemap lists more than ${MAX_SITEMAP_URLS} URLs (the protocol's limit); kept the first ${MAX_SITEMAP_URLS}`,
    );
    urls = urls.slice(0, MAX_SITEMAP_URLS);
  }
  return ok({
    kind: 'urlset',
    urls: urls.map((url) => ({ url, lastmod: null, newsPublished: null, newsTitle: null })),
    sitemaps: [],
    warnings,
  });
}

/** Local name, lower-cased: `news:publication_date` → `publication_date`, `sm:URL` → `url`. */
function localName(el: Element): string {
  const name = el.name.toLowerCase();
  return name.slice(name.indexOf(':') + 1);
}

function childElements(parent: Element, name: string): Element[] {
  const out: Element[] = [];
  for (const child of parent.children) if (isTag(child) && localName(child) === name) out.push(child);
  return out;
}

/** Text of the first direct child named `name` (so <image:loc> inside <image:image> is not <loc>). */
function childText(parent: Element, name: string): string | null {
  const child = childElements(parent, name)[0];
  return child ? textContent(child).trim() : null;
}

function clean(text: string | null): string | null {
  const t = text?.replace(/\s+/g, ' ').trim();
  return t ? t : null;
}

/** Was this element closed in the text (`</url>`, `</sm:url>`), not just at the end of input? */
function endsWithClosingTag(text: string, el: Element, name: string): boolean {
  const end = el.endIndex;
  if (end === null) return false;
  const tail = text.slice(Math.max(0, end - 64), end + 1);
  return new RegExp(`</\\s*(?:[\\w.-]+:)?${name}\\s*>$`, 'i').test(tail);
}

/** Did the document get to its end? Looks for `</root>` in the last bytes. */
function hasClosingTag(text: string, rootName: string): boolean {
  const tail = text.slice(-1024).toLowerCase();
  return tail.includes(`</${rootName.toLowerCase()}`);
}
