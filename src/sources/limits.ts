// Every size and count the source readers stop at, in one place, with why it was set.
// Readers never grow without bound on hostile input: past a limit they stop with an error
// value (`source.too-large`) or keep a prefix and say so in `warnings`.

/** Largest feed document read. Real news feeds are tens to hundreds of KB; a few podcast feeds
 * reach 10 MB. Past 32 MB it is not a feed we want to hold as one string. */
export const MAX_FEED_BYTES = 32 * 1024 * 1024;

/** Items kept from one feed. News feeds carry 10–200 items; 10,000 only happens with a
 * full-archive feed, and we keep the first ones (newest first by convention). */
export const MAX_FEED_ITEMS = 10_000;

/** Characters kept of an item summary (after HTML is stripped). Many feeds put the whole
 * article in <description>; the article comes from the page, the summary is a preview. */
export const MAX_SUMMARY_CHARS = 1_000;

/** The sitemap protocol's own limits: 50,000 URLs and 50 MB (uncompressed) per file
 * (https://www.sitemaps.org/protocol.html#index). */
export const MAX_SITEMAP_URLS = 50_000;
export const MAX_SITEMAP_BYTES = 50 * 1024 * 1024;

/** Largest OPML and URL-list files read. A reading list of 10,000 feeds is ~2 MB. */
export const MAX_OPML_BYTES = 16 * 1024 * 1024;
export const MAX_URL_LIST_BYTES = 64 * 1024 * 1024;

/** Outline nesting followed in OPML; real lists are 1–3 folders deep. */
export const MAX_OPML_DEPTH = 64;

/** Files listed from one local directory tree before giving up with an error. */
export const MAX_LOCAL_FILES = 200_000;

/** A WARC response body over this (decoded) size is skipped with an error value; news pages
 * are under 2 MB, and 20 MB keeps one record's body comfortably in memory. */
export const MAX_WARC_BODY_BYTES = 20 * 1024 * 1024;

/** HTTP header block of a WARC response: lines and total size. Real responses have 10–40
 * header lines and a few KB; these bounds only stop garbage from being read as headers. */
export const MAX_HTTP_HEADER_LINES = 500;
export const MAX_HTTP_HEADER_BYTES = 256 * 1024;

/** Chunks handed to warcio (and so to its inflater) are cut to this size, which bounds what one
 * inflate step can produce (deflate expands at most ~1032×: 16 KB → ~16 MB). */
export const WARC_INPUT_CHUNK_BYTES = 16 * 1024;

/** Bytes looked at when sniffing a source's kind. */
export const SNIFF_BYTES = 4096;
