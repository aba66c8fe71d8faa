// The Article: what extraction makes of one page. Plain data, no logic.

/** A link found in a "related articles" block: kept apart from the body. */
export interface RelatedLink {
  title: string;
  url: string | null;
}

/** Which stage of the extraction cascade produced the body (see src/extract/extract.ts). */
export type ExtractedBy =
  | 'json-ld-body'
  | 'scored-container'
  | 'paragraph-density'
  | 'meta-description'
  | 'none';

export interface Article {
  /** True when the page is one article; false for home pages, listings, tags, search results. */
  isArticle: boolean;
  /** The URL the page was fetched from (or given by the caller), if known. */
  url: string | null;
  /** `<link rel=canonical>` / og:url, resolved against `url`. */
  canonicalUrl: string | null;
  /** The hosting site's own name (og:site_name, JSON-LD publisher, application-name, domain). */
  siteName: string | null;
  /** The original outlet: equals siteName unless the page credits another outlet or agency. */
  outlet: string | null;
  /** The headline, without the hosting site's name. */
  title: string | null;
  authors: string[];
  /** ISO 8601; a date only, a local time without zone, or a full timestamp, as the page gives it. */
  published: string | null;
  modified: string | null;
  /** ISO 639-1 code, e.g. "ar". */
  language: string | null;
  /** The body: paragraphs separated by a blank line. */
  text: string;
  paragraphs: string[];
  leadImage: string | null;
  related: RelatedLink[];
  /** The character encoding the bytes were decoded with. */
  encoding: string;
  extractedBy: ExtractedBy;
  /** Things a careful reader should know (e.g. "declared charset utf-8 but bytes are windows-1256"). */
  warnings: string[];
}
