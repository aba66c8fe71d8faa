// Bytes before parsing: gzip (sitemap.xml.gz, page.warc.gz), binary data, and the text encoding
// of XML documents (BOM, then the XML declaration, then the Content-Type charset, then UTF-8).

import { constants, gunzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import type { Result } from '../model/index.js';
import { fail, ok } from '../model/index.js';

/** The gzip magic number (RFC 1952 §2.3.1). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

export interface Gunzipped {
  bytes: Uint8Array;
  /** The gzip stream ended early; `bytes` is what could be recovered. */
  truncated: boolean;
}

/**
 * Decompresses gzip with a cap on the output. A truncated stream gives the bytes recovered so
 * far (`truncated: true`); output past `maxBytes` is `source.too-large`; a corrupt stream is
 * `source.malformed`.
 */
export function gunzip(bytes: Uint8Array, maxBytes: number): Result<Gunzipped> {
  try {
    return ok({ bytes: gunzipSync(bytes, { maxOutputLength: maxBytes }), truncated: false });
  } catch (err) {
    if (err instanceof RangeError || (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      return fail('source.too-large', `gzip data expands past ${maxBytes} bytes`);
    }
    // A truncated stream ("unexpected end of file"): flush what was decoded.
    try {
      const partial = gunzipSync(bytes, { maxOutputLength: maxBytes, finishFlush: constants.Z_SYNC_FLUSH });
      if (partial.length > 0) return ok({ bytes: partial, truncated: true });
    } catch {
      // fall through: corrupt, not just short
    }
    return fail('source.malformed', `not valid gzip data: ${(err as Error).message}`, err);
  }
}

/**
 * The first bytes of a gzip stream, decompressed, for sniffing. Only a prefix of the compressed
 * input is inflated so a gzip bomb cannot blow up sniffing; errors give an empty array.
 */
export function gunzipPrefix(bytes: Uint8Array, compressedBytes = 2048): Uint8Array {
  try {
    return gunzipSync(bytes.subarray(0, compressedBytes), {
      finishFlush: constants.Z_SYNC_FLUSH,
      maxOutputLength: 4 * 1024 * 1024,
    });
  } catch {
    return new Uint8Array(0);
  }
}

/** Control bytes that never appear in text files (NUL and C0 controls other than \t \n \f \r, ESC). */
function isBinaryByte(b: number): boolean {
  return b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b;
}

/** Share of control bytes in the sample above which data is binary: text has none, and a couple
 * of stray control characters in a real feed must not turn it away. */
const BINARY_CONTROL_SHARE = 0.02;

/**
 * Is this binary data rather than text? Looks at the first `sample` bytes: any NUL outside a
 * UTF-16 document, or more than 2% C0 control bytes.
 */
export function isBinary(bytes: Uint8Array, sample = 4096): boolean {
  if (utf16Bom(bytes) !== null) return false;
  const n = Math.min(bytes.length, sample);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] === 0) return true;
    if (isBinaryByte(bytes[i])) controls++;
  }
  return n > 0 && controls / n > BINARY_CONTROL_SHARE;
}

function utf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** encoding="…" in an XML declaration, read from the ASCII prefix of the document. */
const XML_DECLARATION_ENCODING = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/;
/** charset=… in a Content-Type header. */
const CONTENT_TYPE_CHARSET = /;\s*charset\s*=\s*["']?([A-Za-z0-9._:-]+)/i;

/** Names feeds use for Arabic code pages that TextDecoder does not know under that name. */
const CHARSET_ALIASES: Record<string, string> = {
  cp1256: 'windows-1256',
  'win-1256': 'windows-1256',
  'ms-arab': 'windows-1256',
  arabic: 'iso-8859-6',
};

export interface DecodedText {
  text: string;
  /** The encoding used, as a TextDecoder label. */
  encoding: string;
  /** Set when the declared encoding was unknown and UTF-8 was used instead. */
  warning: string | null;
}

/**
 * Decodes an XML document to a string: a BOM wins, then the XML declaration's encoding, then
 * the Content-Type charset, then UTF-8 (the XML default). Invalid bytes become U+FFFD.
 *
 * @example decodeXml(bytesOf('<?xml version="1.0" encoding="windows-1256"?>…')).encoding === 'windows-1256'
 */
export function decodeXml(bytes: Uint8Array, contentType?: string | null): DecodedText {
  const bom = utf16Bom(bytes);
  if (bom) return { text: decodeWith(bytes.subarray(2), bom), encoding: bom, warning: null };
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decodeWith(bytes.subarray(3), 'utf-8'), encoding: 'utf-8', warning: null };
  }
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  const declared =
    XML_DECLARATION_ENCODING.exec(head)?.[1] ??
    (contentType ? CONTENT_TYPE_CHARSET.exec(contentType)?.[1] : undefined);
  if (declared) {
    const label = CHARSET_ALIASES[declared.toLowerCase()] ?? declared.toLowerCase();
    // A document that claims UTF-16 without a BOM but reads as ASCII is really UTF-8.
    if (!label.startsWith('utf-16')) {
      const text = tryDecode(bytes, label);
      if (text !== null) return { text, encoding: label, warning: null };
      return {
        text: decodeWith(bytes, 'utf-8'),
        encoding: 'utf-8',
        warning: `unknown encoding "${declared}"; read as UTF-8`,
      };
    }
  }
  return { text: decodeWith(bytes, 'utf-8'), encoding: 'utf-8', warning: null };
}

/** UTF-8 text (JSON, URL lists), BOM dropped. */
export function decodeUtf8(bytes: Uint8Array): string {
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return decodeWith(bytes.subarray(start), 'utf-8');
}

function decodeWith(bytes: Uint8Array, label: string): string {
  return new TextDecoder(label, { ignoreBOM: true }).decode(bytes);
}

/** TextDecoder first (WHATWG labels), iconv-lite for the rest; null when neither knows it. */
function tryDecode(bytes: Uint8Array, label: string): string | null {
  try {
    return decodeWith(bytes, label);
  } catch {
    if (iconv.encodingExists(label)) return iconv.decode(Buffer.from(bytes), label);
    return null;
  }
}
