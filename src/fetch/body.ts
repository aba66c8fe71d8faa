// Reading a response body: undo its Content-Encoding (gzip, deflate, br) and stop at a size cap
// while streaming, counting both the bytes on the wire and the bytes after decompression, so a
// huge body or a small "zip bomb" costs at most `maxBytes` of memory. Charset is not decoded here.

import { pipeline, type Readable, Transform, type TransformCallback } from 'node:stream';
import zlib from 'node:zlib';

/** The encodings we announce in Accept-Encoding (and can undo). */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

export type BodyOutcome =
  | { kind: 'ok'; bytes: Uint8Array }
  /** More than maxBytes; with `truncate`, `bytes` holds the first maxBytes. */
  | { kind: 'too-large'; bytes: Uint8Array }
  | { kind: 'unsupported-encoding'; encoding: string }
  | { kind: 'corrupt'; encoding: string; error: Error };

export interface ReadBodyOptions {
  /** The Content-Encoding header, e.g. "gzip" or "gzip, br" (undone right to left). */
  contentEncoding: string | undefined;
  maxBytes: number;
  /** Keep the first maxBytes of a body that is too large (robots.txt) instead of dropping it. */
  truncate?: boolean;
}

/**
 * Reads `body` to the end, decompressed, within `maxBytes`. Going over stops the stream at once:
 * the body is destroyed, so the connection is closed rather than drained. Stream errors other
 * than bad compressed data (a reset, an abort) are thrown for the caller to map.
 *
 * @example const out = await readBody(res.body, { contentEncoding: 'gzip', maxBytes: 10 << 20 });
 */
export async function readBody(body: Readable, options: ReadBodyOptions): Promise<BodyOutcome> {
  const encodings = (options.contentEncoding ?? '')
    .toLowerCase()
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '' && e !== 'identity');
  const decoders: Transform[] = [];
  for (const encoding of encodings.reverse()) {
    const decoder = makeDecoder(encoding);
    if (!decoder) {
      drop(body);
      return { kind: 'unsupported-encoding', encoding };
    }
    decoders.push(decoder);
  }

  const max = options.maxBytes;
  const tooLarge = new Error('body too large');
  let wireBytes = 0;
  // Bytes on the wire count too: a compressed body larger than the cap is refused without inflating
  // all of it. The chunk that crosses the cap still passes, so `truncate` keeps exactly maxBytes.
  const wireCounter = new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      const before = wireBytes;
      wireBytes += chunk.length;
      callback(before >= max ? tooLarge : null, chunk);
    },
  });

  const chunks: Buffer[] = [];
  let total = 0;
  const last = pipeline([body, wireCounter, ...decoders], () => {}) as unknown as Readable;
  try {
    for await (const chunk of last as AsyncIterable<Buffer>) {
      if (total + chunk.length > max) {
        if (options.truncate) chunks.push(chunk.subarray(0, max - total));
        drop(last);
        drop(body);
        return { kind: 'too-large', bytes: Buffer.concat(chunks) };
      }
      chunks.push(chunk);
      total += chunk.length;
    }
  } catch (error) {
    drop(body);
    if (error === tooLarge) return { kind: 'too-large', bytes: Buffer.concat(chunks) };
    if (isZlibError(error)) return { kind: 'corrupt', encoding: encodings.join(', '), error: error as Error };
    throw error;
  }
  return { kind: 'ok', bytes: Buffer.concat(chunks) };
}

/** Tolerate bodies cut short at a flush point, as browsers do, instead of failing the page. */
const ZLIB_OPTIONS = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };
const BROTLI_OPTIONS = {
  flush: zlib.constants.BROTLI_OPERATION_FLUSH,
  finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH,
};

function makeDecoder(encoding: string): Transform | null {
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip(ZLIB_OPTIONS);
    case 'deflate':
      return new InflateEither();
    case 'br':
      return zlib.createBrotliDecompress(BROTLI_OPTIONS);
    default:
      return null;
  }
}

/**
 * "deflate" is meant to be zlib-wrapped (RFC 9110) but some servers send raw deflate; the first
 * byte tells them apart (a zlib header's low nibble is 8, the deflate method), as browsers do.
 */
class InflateEither extends Transform {
  private inflate: zlib.Inflate | zlib.InflateRaw | null = null;

  override _transform(chunk: Buffer, encoding: BufferEncoding, callback: TransformCallback): void {
    if (!this.inflate) {
      if (chunk.length === 0) {
        callback();
        return;
      }
      this.inflate =
        (chunk[0] & 0x0f) === 0x08 ? zlib.createInflate(ZLIB_OPTIONS) : zlib.createInflateRaw(ZLIB_OPTIONS);
      this.inflate.on('data', (data: Buffer) => this.push(data));
      this.inflate.on('error', (error) => this.destroy(error));
    }
    this.inflate.write(chunk, encoding, callback);
  }

  override _flush(callback: TransformCallback): void {
    if (!this.inflate) {
      callback();
      return;
    }
    this.inflate.once('end', () => callback());
    this.inflate.end();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.inflate?.destroy();
    callback(error);
  }
}

/** Destroys a stream whose remaining errors (the abort it causes) nobody needs to hear. */
function drop(stream: Readable): void {
  stream.on('error', () => {});
  stream.destroy();
}

function isZlibError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  // zlib: Z_DATA_ERROR, Z_BUF_ERROR…; brotli: ERR__ERROR_FORMAT_… (BrotliDecoderErrorCode names).
  return typeof code === 'string' && (code.startsWith('Z_') || code.startsWith('ERR__'));
}
