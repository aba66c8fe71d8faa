// Plain data the source readers return. URLs are absolute http(s), fragments dropped (except
// `#!` routes); dates are ISO 8601 strings in UTC or null.

export type SourceKind =
  | 'rss'
  | 'atom'
  | 'rdf'
  | 'jsonfeed'
  | 'opml'
  | 'sitemap'
  | 'sitemapindex'
  | 'html'
  | 'urllist'
  | 'warc'
  | 'unknown';

export interface DetectOptions {
  /** Where the bytes came from (a URL or a file path): its extension is a hint. */
  url?: string | null;
  /** The HTTP Content-Type, if any. */
  contentType?: string | null;
}

export interface FeedItem {
  url: string;
  title: string | null;
  /** Published (or, failing that, updated) time, ISO 8601 UTC. */
  published: string | null;
  /** Plain text, HTML stripped, at most MAX_SUMMARY_CHARS characters. */
  summary: string | null;
}

export interface Feed {
  format: 'rss' | 'atom' | 'rdf' | 'jsonfeed';
  title: string | null;
  items: FeedItem[];
  /** What was skipped or repaired, for the log; never fatal. */
  warnings: string[];
}

export interface SitemapUrl {
  url: string;
  lastmod: string | null;
  /** Google News sitemaps: <news:publication_date>, ISO 8601 UTC. */
  newsPublished: string | null;
  /** Google News sitemaps: <news:title>. */
  newsTitle: string | null;
}

export interface Sitemap {
  kind: 'urlset' | 'index';
  /** The pages listed (a urlset); empty for an index. */
  urls: SitemapUrl[];
  /** The child sitemaps listed (an index); empty for a urlset. */
  sitemaps: string[];
  warnings: string[];
}

export interface OpmlFeed {
  url: string;
  title: string | null;
  kind: 'feed';
}

export interface OpmlSourceInput {
  url: string;
  name: string;
}

export interface UrlListWarning {
  /** 1-based line number. */
  line: number;
  text: string;
  reason: string;
}

export interface UrlList {
  urls: string[];
  warnings: UrlListWarning[];
}

export interface LocalInputs {
  /** Absolute paths, sorted. */
  files: string[];
  /** Entries that could not be read (permissions, broken links), for the log. */
  warnings: string[];
}

export interface WarcResponse {
  /** WARC-Target-URI. */
  url: string;
  /** HTTP status code of the archived response. */
  status: number;
  /** HTTP response headers, names lower-cased, repeated headers joined with ", ". Kept as
   * archived: `content-encoding`/`transfer-encoding` describe the raw bytes, not `body`. */
  headers: Record<string, string>;
  contentType: string | null;
  /** The payload with chunked transfer and gzip/deflate/br content encoding removed. */
  body: Uint8Array;
  /** WARC-Date as ISO 8601 UTC. */
  date: string | null;
}

export interface WarcOptions {
  /** Bodies larger than this (after decoding) are skipped with an error value. */
  maxBodyBytes?: number;
}
