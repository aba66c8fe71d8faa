// Bytes → HTML text. Decides the encoding from, in order: a byte-order mark, the HTTP
// Content-Type charset, a <meta charset> / http-equiv declaration, and — when nothing is
// declared or the declaration contradicts the bytes — detection by decoding candidates and
// scoring the result as Arabic or Latin text.

import { countArabicLetters } from '../arabic/chars.js';

export interface Decoded {
  html: string;
  /** WHATWG canonical name, lower-case: utf-8, windows-1256, iso-8859-6, windows-1252, utf-16le… */
  encoding: string;
  warnings: string[];
}

/** How far into the document a <meta> charset declaration is looked for. Browsers stop at
 * 1024 bytes; real pages often put long comments or scripts first, so we read further. */
const META_SCAN_BYTES = 16_384;

/** How much of the document the detector decodes to score candidates. */
const DETECT_SAMPLE_BYTES = 65_536;

/** Legacy encodings tried when the bytes are not valid UTF-8 (Arabic first, then Latin). */
const DETECT_CANDIDATES = ['windows-1256', 'iso-8859-6', 'windows-1252'] as const;

const META_CHARSET_RE = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([-\w:.]+)/gi;

/** Resolve a label (e.g. "CP1256", "arabic", "utf8") to its WHATWG name, or null if unknown. */
export function encodingName(label: string | null | undefined): string | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.trim().toLowerCase()).encoding;
  } catch {
    return null;
  }
}

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

function headerCharset(contentType: string | null | undefined): string | null {
  const m = contentType?.match(/charset\s*=\s*["']?([-\w:.]+)/i);
  return m ? encodingName(m[1]) : null;
}

/** The first charset a <meta> element declares (meta charset or http-equiv content-type). */
function metaCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, META_SCAN_BYTES)).toString(
    'latin1',
  );
  const noComments = head.replace(/<!--[\s\S]*?-->/g, '');
  for (const m of noComments.matchAll(META_CHARSET_RE)) {
    const name = encodingName(m[1]);
    // A page saying utf-16 in a meta is lying: an ASCII-compatible parse could not have read it.
    if (name) return name.startsWith('utf-16') ? 'utf-8' : name;
  }
  return null;
}

/** The bytes as UTF-8 text, or null when they are not valid UTF-8 (one pass does both). */
function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function hasHighBytes(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return true;
  return false;
}

/** Frequent Arabic function words and the article: text decoded right is full of them. */
const ARABIC_COMMON_RE =
  /(?:^|[\s(«"])(?:في|من|على|إلى|الى|عن|أن|ان|مع|التي|الذي)(?=[\s،.,)»"])|\u0627\u0644[\u0621-\u064A]/g;

/**
 * Score a decoding: well-formed Arabic (frequent words, the article ال) counts for it;
 * replacement characters, C1 controls and stray harakat at word starts count against it.
 * Latin-1-range letters count a little, so a French or English page picks windows-1252.
 */
function scoreDecoding(text: string): number {
  const common = text.match(ARABIC_COMMON_RE)?.length ?? 0;
  const arabic = countArabicLetters(text);
  const bad = text.match(/[\uFFFD\u0080-\u009F]/g)?.length ?? 0;
  const strayMarks = text.match(/(?:^|\s)[\u064B-\u0652]/g)?.length ?? 0;
  const latinExtra = text.match(/[À-ÿ]/g)?.length ?? 0;
  return common * 4 + arabic * 0.05 + latinExtra * 0.02 - bad * 3 - strayMarks * 2;
}

/** Pick the best of UTF-8 (lenient) and the legacy candidates for bytes whose encoding is unknown. */
function detectEncoding(bytes: Uint8Array): string {
  const sample = bytes.subarray(0, DETECT_SAMPLE_BYTES);
  let best = 'utf-8';
  let bestScore = scoreDecoding(new TextDecoder('utf-8').decode(sample));
  for (const candidate of DETECT_CANDIDATES) {
    const score = scoreDecoding(new TextDecoder(candidate).decode(sample));
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Decode HTML bytes. Never throws: unknown or lying declarations fall back to detection,
 * and every such decision is reported in `warnings`.
 *
 * @example decodeHtml(bytes, 'text/html; charset=windows-1256').encoding // 'windows-1256'
 */
export function decodeHtml(bytes: Uint8Array, contentType?: string | null): Decoded {
  const warnings: string[] = [];
  const bom = bomEncoding(bytes);
  let utf8: string | null = null;
  let encoding = bom ?? headerCharset(contentType);
  let source = bom ? 'bom' : encoding ? 'header' : '';
  if (!encoding) {
    encoding = metaCharset(bytes);
    source = encoding ? 'meta' : '';
  }

  if (!bom) {
    utf8 = strictUtf8(bytes);
    const valid = utf8 !== null;
    const high = hasHighBytes(bytes);
    if (!encoding) {
      encoding = !high || valid ? 'utf-8' : detectEncoding(bytes);
      if (high && !valid) warnings.push(`encoding.detected: no charset declared; detected ${encoding}`);
    } else if (encoding === 'utf-8' && !valid) {
      const detected = detectEncoding(bytes);
      if (detected !== 'utf-8') {
        warnings.push(`encoding.mismatch: ${source} says utf-8 but the bytes are ${detected}`);
        encoding = detected;
      } else {
        warnings.push('encoding.invalid: invalid UTF-8 sequences were replaced');
      }
    } else if (encoding !== 'utf-8' && high && valid && looksLikeUtf8Text(bytes)) {
      warnings.push(`encoding.mismatch: ${source} says ${encoding} but the bytes are utf-8`);
      encoding = 'utf-8';
    } else if ((encoding === 'windows-1252' || encoding === 'iso-8859-1') && high) {
      const detected = detectEncoding(bytes);
      if (detected !== encoding && detected !== 'utf-8') {
        warnings.push(`encoding.mismatch: ${source} says ${encoding} but the bytes are ${detected}`);
        encoding = detected;
      }
    }
  }

  encoding ??= 'utf-8';
  let html = encoding === 'utf-8' && utf8 !== null ? utf8 : new TextDecoder(encoding).decode(bytes);
  if (html.includes('\u0000')) {
    html = html.replaceAll('\u0000', '');
    warnings.push('input.nul-bytes: NUL bytes were removed');
  }
  return { html, encoding, warnings };
}

/** Valid UTF-8 with multi-byte sequences: a legacy declaration on such bytes is wrong. */
function looksLikeUtf8Text(bytes: Uint8Array): boolean {
  let multi = 0;
  for (let i = 0; i < bytes.length - 1 && multi < 20; i++) {
    if (bytes[i] >= 0xc2 && bytes[i] <= 0xf4 && (bytes[i + 1] & 0xc0) === 0x80) multi++;
  }
  return multi >= 20 || multi * 50 > bytes.length;
}
