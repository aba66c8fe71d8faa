// What kind of source is this? Content first (magic bytes, the XML root element, JSON Feed's
// version, lines of URLs), then the Content-Type, then the file extension — servers and file
// names lie more often than the bytes do.

import { decodeXml, gunzipPrefix, isBinary, isGzip } from './bytes.js';
import { SNIFF_BYTES } from './limits.js';
import type { DetectOptions, SourceKind } from './types.js';

/** A WARC file starts with its version line (WARC/1.0, WARC/1.1). */
const WARC_MAGIC = /^WARC\/\d/;
/** JSON Feed's required `version` value (https://www.jsonfeed.org/version/1.1/). */
const JSON_FEED_VERSION = /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//;
/** Lines that count as URLs when sniffing a URL list: any scheme, or a host and path without
 * one (readUrlList then reports the ones it cannot use). */
const URL_LINE = /^(?:[a-z][a-z0-9+.-]*:\/\/\S+|(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+\/\S*)$/i;
/** A comment after a URL on the same line: `https://example.com/a  # from the newsletter`. */
const TRAILING_COMMENT = /\s+#.*$/;
/** Share of non-comment lines that must be URLs for text to be a URL list: a few bad lines are
 * reported by readUrlList, a page of prose with a link in it is not a list. */
const URL_LIST_SHARE = 0.8;

/** XML root element (local name, lower-cased) → kind. */
const ROOT_KINDS: Record<string, SourceKind> = {
  rss: 'rss',
  feed: 'atom',
  rdf: 'rdf',
  opml: 'opml',
  urlset: 'sitemap',
  sitemapindex: 'sitemapindex',
  html: 'html',
};

/** Content-Type media type → kind. */
const CONTENT_TYPE_KINDS: Record<string, SourceKind> = {
  'application/rss+xml': 'rss',
  'application/atom+xml': 'atom',
  'application/rdf+xml': 'rdf',
  'application/feed+json': 'jsonfeed',
  'text/x-opml': 'opml',
  'text/x-opml+xml': 'opml',
  'application/opml+xml': 'opml',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'application/warc': 'warc',
  'text/uri-list': 'urllist',
};

/** File extension (lower-cased, after any .gz) → kind. */
const EXTENSION_KINDS: Record<string, SourceKind> = {
  '.rss': 'rss',
  '.atom': 'atom',
  '.rdf': 'rdf',
  '.opml': 'opml',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.warc': 'warc',
  '.txt': 'urllist',
};

/**
 * The kind of a source from its bytes, with the URL or path and Content-Type as fallbacks.
 * Gzip data (sitemap.xml.gz, crawl.warc.gz) is looked into.
 *
 * @example detectSourceKind(bytesOf('<?xml version="1.0"?><rss version="2.0">…')) === 'rss'
 * @example detectSourceKind(gzipped, { url: 'https://example.com/sitemap.xml.gz' }) === 'sitemap'
 */
export function detectSourceKind(bytes: Uint8Array, options: DetectOptions = {}): SourceKind {
  const sample = isGzip(bytes) ? gunzipPrefix(bytes) : bytes;
  if (sample.length === 0) return 'unknown';
  const sniffed = sniffKind(
    sample.subarray(0, SNIFF_BYTES),
    options.contentType,
    sample.length > SNIFF_BYTES,
  );
  if (sniffed !== 'unknown') return sniffed;
  if (isBinary(sample)) return 'unknown';
  return kindFromContentType(options.contentType) ?? kindFromExtension(options.url) ?? 'unknown';
}

/** The kind from content alone ('unknown' when the content does not say); `cut` says the
 * sample is a prefix of longer data. */
export function sniffKind(sample: Uint8Array, contentType?: string | null, cut = false): SourceKind {
  const ascii = Buffer.from(sample.subarray(0, 16)).toString('latin1');
  if (WARC_MAGIC.test(ascii)) return 'warc';
  if (isBinary(sample)) return 'unknown';
  const text = decodeXml(sample, contentType)
    .text.replace(/^\uFEFF/, '')
    .trimStart();
  if (text.startsWith('{')) return JSON_FEED_VERSION.test(text) ? 'jsonfeed' : 'unknown';
  if (text.startsWith('<')) return kindFromRoot(rootElementName(text));
  return looksLikeUrlList(text, cut) ? 'urllist' : 'unknown';
}

/** Prolog items before the root element: declaration, processing instructions, comments, doctype. */
const PROLOG_ITEM = /^(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>)\s*/i;

/**
 * The local name of the first element, lower-cased (`rdf:RDF` → `rdf`), skipping the XML
 * prolog; `html` for an HTML doctype; null when there is none in the sample.
 */
export function rootElementName(text: string): string | null {
  if (/^\s*(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*)*<!DOCTYPE\s+html\b/i.test(text)) return 'html';
  const qname = rootElementQName(text);
  if (qname === null) return null;
  return qname.slice(qname.indexOf(':') + 1).toLowerCase();
}

/** The qualified name of the first element as written (`rdf:RDF`), after the XML prolog. */
export function rootElementQName(text: string): string | null {
  let rest = text.replace(/^\uFEFF/, '').trimStart();
  for (let guard = 0; guard < 100; guard++) {
    const m = PROLOG_ITEM.exec(rest);
    if (!m) break;
    rest = rest.slice(m[0].length);
  }
  const root = /^<([A-Za-z_][\w.-]*(?::[\w.-]+)?)[\s/>]/.exec(rest);
  return root ? root[1] : null;
}

function kindFromRoot(name: string | null): SourceKind {
  if (name === null) return 'unknown';
  if (name === 'head' || name === 'body') return 'html';
  return ROOT_KINDS[name] ?? 'unknown';
}

/** `cut`: the sample ends in the middle of the data, so its last line may be partial. */
function looksLikeUrlList(text: string, cut: boolean): boolean {
  const lines = text.split(/\r?\n/);
  if (cut && lines.length > 1) lines.pop();
  let urls = 0;
  let others = 0;
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (URL_LINE.test(line.replace(TRAILING_COMMENT, ''))) urls++;
    else others++;
  }
  return urls > 0 && urls / (urls + others) >= URL_LIST_SHARE;
}

function kindFromContentType(contentType: string | null | undefined): SourceKind | null {
  if (!contentType) return null;
  const type = contentType.split(';')[0].trim().toLowerCase();
  return CONTENT_TYPE_KINDS[type] ?? null;
}

function kindFromExtension(url: string | null | undefined): SourceKind | null {
  if (!url) return null;
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    // a file path, not a URL
  }
  const lower = path.toLowerCase().replace(/\.gz$/, '');
  const dot = lower.lastIndexOf('.');
  if (dot < 0 || dot < lower.lastIndexOf('/')) return null;
  return EXTENSION_KINDS[lower.slice(dot)] ?? null;
}
