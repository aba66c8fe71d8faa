// Turning the links sources give (relative, padded, with fragments) into absolute http(s) URLs.

/** Whitespace feeds leave inside links (line breaks, tabs, NBSP) when templates wrap them. */
const INNER_WHITESPACE = /[\t\n\r\u00a0]+/g;

/**
 * Resolves `raw` against `base` and keeps it only if it is http(s). The fragment is dropped —
 * `page#comments` and `page` are one page — except `#!` routes, which name different pages
 * on some older news sites.
 *
 * @example resolveHttpUrl('/news/1#top', 'https://example.com/feed') === 'https://example.com/news/1'
 * @example resolveHttpUrl('mailto:x@y', 'https://example.com/') === null
 */
export function resolveHttpUrl(raw: string | null | undefined, base?: string | null): string | null {
  if (typeof raw !== 'string') return null;
  const cleaned = raw.replace(INNER_WHITESPACE, '').trim();
  if (cleaned === '') return null;
  let url: URL;
  try {
    url = base ? new URL(cleaned, base) : new URL(cleaned);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.hostname === '') return null;
  if (!url.hash.startsWith('#!')) url.hash = '';
  return url.href;
}

/** A base URL usable with `new URL(x, base)`, or null (file paths and junk are not bases). */
export function asBaseUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).href;
  } catch {
    return null;
  }
}
