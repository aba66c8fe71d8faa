// Options of extractArticle: what the caller knows about the page besides its bytes.

export interface ExtractOptions {
  /** The URL the page came from: resolves relative links, gives a domain and a URL-path date. */
  url?: string | null;
  /** The HTTP Content-Type header, whose charset outranks a <meta> declaration. */
  contentType?: string | null;
  /** When the page was fetched: the reference for relative dates ("منذ ساعتين", "أمس"). */
  fetchedAt?: Date | null;
  /** Pages larger than this many bytes are cut before parsing (default 8 MB), with a warning. */
  maxBytes?: number;
}
