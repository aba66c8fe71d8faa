// URL lists: one URL a line, `#` comments, blank lines ignored. A bad line is a warning with
// its line number, never the end of the list.

import type { Result } from '../model/index.js';
import { fail, ok } from '../model/index.js';
import { decodeUtf8, isBinary } from './bytes.js';
import { MAX_URL_LIST_BYTES } from './limits.js';
import type { UrlList, UrlListWarning } from './types.js';
import { resolveHttpUrl } from './urls.js';

/** Lines longer than this are not URLs (browsers cap URLs near 2 MB; real article URLs are < 2 KB). */
const MAX_LINE_CHARS = 8192;
/** A URL written without a scheme (`example.com/news/1`): read as https. */
const SCHEMELESS_HOST = /^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:[/:?#]|$)/i;

/**
 * Reads a list of URLs. Returns the http(s) URLs in order, duplicates dropped, and a warning for
 * each line that is not one. Fails only on binary data, a list too large, or no URL at all.
 *
 * @example
 * readUrlList('# Syrian outlets\nhttps://www.baladi-news.com/ar/articles/1\nnot a url\n')
 * // → ok({ urls: ['https://www.baladi-news.com/ar/articles/1'],
 * //        warnings: [{ line: 3, text: 'not a url', reason: 'not an http(s) URL' }] })
 */
export function readUrlList(input: string | Uint8Array): Result<UrlList> {
  let text: string;
  if (typeof input === 'string') {
    text = input;
  } else {
    if (input.length > MAX_URL_LIST_BYTES) {
      return fail(
        'source.too-large',
        `the URL list is ${input.length} bytes; the limit is ${MAX_URL_LIST_BYTES}`,
      );
    }
    if (isBinary(input)) return fail('source.unsupported', 'binary data, not a list of URLs');
    text = decodeUtf8(input);
  }
  if (text.length > MAX_URL_LIST_BYTES) {
    return fail(
      'source.too-large',
      `the URL list is ${text.length} characters; the limit is ${MAX_URL_LIST_BYTES}`,
    );
  }

  const urls: string[] = [];
  const seen = new Set<string>();
  const warnings: UrlListWarning[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '' || line.startsWith('#')) continue;
    const shown = line.length > 200 ? `${line.slice(0, 200)}…` : line;
    if (line.length > MAX_LINE_CHARS) {
      warnings.push({ line: i + 1, text: shown, reason: `longer than ${MAX_LINE_CHARS} characters` });
      continue;
    }
    // A trailing comment after the URL: `https://example.com/a  # from the newsletter`.
    const candidate = line.replace(/\s+#.*$/, '');
    if (/\s/.test(candidate)) {
      warnings.push({ line: i + 1, text: shown, reason: 'contains spaces; one URL a line' });
      continue;
    }
    const url =
      resolveHttpUrl(candidate) ??
      (SCHEMELESS_HOST.test(candidate) ? resolveHttpUrl(`https://${candidate}`) : null);
    if (url === null) {
      warnings.push({ line: i + 1, text: shown, reason: 'not an http(s) URL' });
      continue;
    }
    if (seen.has(url)) {
      warnings.push({ line: i + 1, text: shown, reason: 'duplicate of an earlier line' });
      continue;
    }
    seen.add(url);
    urls.push(url);
  }
  if (urls.length === 0) {
    const why = warnings.length > 0 ? `; ${warnings.length} line(s) were not URLs` : '';
    return fail('source.empty', `the list has no URLs${why}`, { warnings });
  }
  return ok({ urls, warnings });
}
