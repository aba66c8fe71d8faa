// Decoding for the comparison systems (Readability, bare htmlparser2), which take a string.
// Marsad is never given this: it gets the raw bytes and must decode them itself.
//
// What a careful user of Readability does: honour a byte-order mark, else the charset the
// page declares in a <meta>, else assume UTF-8. On a page that declares nothing and is not
// UTF-8 (the `-nocharset` derived page) that guess would garble the text, so for fairness the
// comparison systems are given the truth encoding there, and the output says so.
import iconv from 'iconv-lite';

/**
 * How many leading bytes are searched for a <meta> charset. The HTML standard's prescan stops
 * at 1024, but youm7-2024-labor-greece declares its charset at byte 1938 (after inline
 * scripts); 8 KB covers every page's <head> in the dev corpus without reaching into the body.
 */
const META_SCAN_BYTES = 8192;

/** `<meta charset=x>` and `<meta http-equiv=content-type content="…; charset=x">` alike. */
const META_CHARSET_RE = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)/i;

export type DecodingSource = 'bom' | 'meta' | 'default' | 'truth';

export interface BaselineDecoding {
  html: string;
  /** The iconv-lite encoding name used. */
  encoding: string;
  /** bom/meta: found in the bytes; default: UTF-8 assumed; truth: given from the truth file. */
  source: DecodingSource;
}

/** The encoding the bytes declare (BOM, then <meta>), or null when they declare none we know. */
export function sniffDeclaredEncoding(
  bytes: Uint8Array,
): { encoding: string; source: 'bom' | 'meta' } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { encoding: 'utf-8', source: 'bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', source: 'bom' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', source: 'bom' };
  // latin1 maps each byte to one code unit, so ASCII markup reads the same in any
  // ASCII-compatible encoding.
  const head = Buffer.from(bytes.subarray(0, META_SCAN_BYTES)).toString('latin1');
  const label = META_CHARSET_RE.exec(head)?.[1];
  if (label && iconv.encodingExists(label)) return { encoding: label.toLowerCase(), source: 'meta' };
  return null;
}

/**
 * Decodes a corpus page for a comparison system: declared encoding, else UTF-8, except that a
 * page declaring nothing gets `truthEncoding` when that is not UTF-8 (source `truth`).
 *
 * @example decodeForBaseline(bytes, 'windows-1256') // → { html, encoding: 'windows-1256', source: 'meta' }
 */
export function decodeForBaseline(bytes: Uint8Array, truthEncoding: string): BaselineDecoding {
  const declared = sniffDeclaredEncoding(bytes);
  const isUtf8 = /^utf-?8$/i.test(truthEncoding);
  const choice: { encoding: string; source: DecodingSource } =
    declared ??
    (isUtf8 ? { encoding: 'utf-8', source: 'default' } : { encoding: truthEncoding, source: 'truth' });
  // iconv-lite strips a leading BOM, as a browser does.
  return { html: iconv.decode(Buffer.from(bytes), choice.encoding), ...choice };
}
