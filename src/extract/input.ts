// Checks on the raw input before any parsing: empty, binary, too large.

import type { MarsadError } from '../model/index.js';

/** Default cap on the bytes parsed: news pages are rarely over 1 MB (the largest in the dev corpus is
 * 530 KB); a 20 MB page is an endless comment thread or junk, and parsing it would take seconds. */
export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

/** Magic numbers of formats that are often served or saved under an .html name. */
const BINARY_SIGNATURES: Array<[string, number[]]> = [
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['ZIP archive', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip data', [0x1f, 0x8b]],
  ['WebP/RIFF data', [0x52, 0x49, 0x46, 0x46]],
];

/** Share of control bytes (other than NUL, tab, CR, LF, FF, ESC) in the first 4 KB above which
 * input is binary. Text in any encoding we read has none; random bytes have ~10%. NUL is left out
 * because pages with stray NULs are still pages (browsers drop them). */
const BINARY_CONTROL_SHARE = 0.03;

/** Content types that are certainly not a page. */
const NOT_HTML_TYPE_RE =
  /^(?:image|audio|video|font)\/|^application\/(?:json|pdf|zip|gzip|octet-stream|x-|javascript|msword|vnd\.)/i;

/** An error when the declared content type says the bytes are not a page. */
export function checkContentType(contentType: string | null | undefined): MarsadError | null {
  const type = contentType?.split(';')[0].trim() ?? '';
  if (type === '' || !NOT_HTML_TYPE_RE.test(type)) return null;
  return { code: 'input.not-html', message: `the content type is ${type}, not an HTML page` };
}

/** Returns an error when the bytes are not a document we can read, else null. */
export function checkInput(bytes: Uint8Array): MarsadError | null {
  if (bytes.length === 0 || /^\s*$/.test(Buffer.from(bytes.subarray(0, 4096)).toString('latin1'))) {
    if (bytes.length <= 4096) return { code: 'input.empty', message: 'the input is empty' };
  }
  for (const [name, sig] of BINARY_SIGNATURES) {
    if (sig.every((b, i) => bytes[i] === b)) {
      return { code: 'input.binary', message: `the input is a ${name}, not an HTML page` };
    }
  }
  const head = bytes.subarray(0, 4096);
  const isUtf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (!isUtf16) {
    let controls = 0;
    for (const b of head)
      if (b > 0 && b < 0x20 && b !== 9 && b !== 10 && b !== 12 && b !== 13 && b !== 27) controls++;
    if (head.length > 0 && controls / head.length > BINARY_CONTROL_SHARE) {
      return { code: 'input.binary', message: 'the input looks like binary data, not an HTML page' };
    }
  }
  return null;
}
