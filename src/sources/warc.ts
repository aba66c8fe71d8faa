// WARC archives (.warc, .warc.gz) → archived HTTP responses, streamed one record at a time.
//
// warcio finds the records (and inflates .warc.gz members); the HTTP head of each response is
// read here, from the record's own bounded reader, because warcio's HTTP parser reads from the
// whole file until it finds a blank line — one broken record could pull the rest of a large
// archive into memory. warcio then removes chunked transfer and gzip/deflate content encoding
// as the body is read; brotli is undone here with zlib.
//
// Errors are values in the stream: a bad record gives one error and reading goes on; a run of
// junk between records gives one error; a file cut short ends with an error; nothing throws.

import { brotliDecompressSync } from 'node:zlib';
import { LimitReader, StatusAndHeaders, WARCParser, type WARCRecord } from 'warcio';
import type { Result } from '../model/index.js';
import { fail, ok } from '../model/index.js';
import { gunzipPrefix, isGzip } from './bytes.js';
import { toIsoDate } from './dates.js';
import {
  MAX_HTTP_HEADER_BYTES,
  MAX_HTTP_HEADER_LINES,
  MAX_WARC_BODY_BYTES,
  WARC_INPUT_CHUNK_BYTES,
} from './limits.js';
import type { WarcOptions, WarcResponse } from './types.js';

export type WarcInput = Uint8Array | AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;

/** Bytes read before deciding whether the input is a WARC at all. */
const PEEK_BYTES = 2048;
/** The version line that starts every record. */
const WARC_VERSION_LINE = /^WARC\/\d/;
/** An HTTP status line: `HTTP/1.1 200 OK`, `HTTP/2 404`. */
const HTTP_STATUS_LINE = /^HTTP\/\d+(?:\.\d+)?\s+(\d{3})\b/i;
/** Content codings warcio's inflater removes (pako: gzip, zlib, raw deflate). */
const INFLATE_CODINGS = new Set(['gzip', 'x-gzip', 'deflate']);

/**
 * The HTTP responses archived in a WARC file, in file order. Request, metadata, warcinfo,
 * resource and revisit records are skipped. Each value is a `Result`: a response, or an error
 * about one record (bad HTTP head, body over `maxBodyBytes`, file cut short).
 *
 * @example
 * for await (const r of readWarc(createReadStream('crawl.warc.gz'))) {
 *   if (r.ok) pages.push(r.value); else log.warn({ code: r.error.code }, r.error.message);
 * }
 */
export async function* readWarc(
  input: WarcInput,
  options: WarcOptions = {},
): AsyncGenerator<Result<WarcResponse>> {
  const maxBody = options.maxBodyBytes ?? MAX_WARC_BODY_BYTES;
  let source: AsyncIterable<Uint8Array>;
  try {
    const peeked = await peek(rechunk(toAsyncIterable(input)), PEEK_BYTES);
    if (peeked.head.length === 0) {
      yield fail('source.empty', 'the WARC file is empty (0 bytes)');
      return;
    }
    const start = isGzip(peeked.head) ? gunzipPrefix(peeked.head) : peeked.head;
    if (!WARC_VERSION_LINE.test(Buffer.from(start.subarray(0, 16)).toString('latin1'))) {
      yield fail('source.unsupported', 'not a WARC file: it does not start with a WARC/1.x record');
      return;
    }
    source = peeked.all;
  } catch (err) {
    yield fail('source.malformed', `cannot read the WARC input: ${(err as Error).message}`, err);
    return;
  }

  const parser = new WARCParser(source, { parseHttp: false });
  let inJunk = false;
  for (;;) {
    let record: WARCRecord | null;
    try {
      record = await parser.parse();
    } catch (err) {
      // The parser's position is unknown after this; stop rather than guess.
      yield fail(
        'source.malformed',
        `the WARC file is unreadable after byte ${parser.offset}: ${(err as Error).message}`,
        err,
      );
      return;
    }
    if (record === null) return;
    const raw = record.reader;
    if (!(raw instanceof LimitReader)) {
      yield fail('source.malformed', `unexpected record reader at byte ${parser.offset}`);
      return;
    }

    const target = record.warcTargetURI;
    const type = record.warcType ?? 'untyped';
    const where = target
      ? `${target} (${type} record at byte ${parser.offset})`
      : `the ${type} record at byte ${parser.offset}`;

    let result: Result<WarcResponse> | null = null;
    if (!WARC_VERSION_LINE.test(record.warcHeaders.statusline)) {
      // Junk where a record should start (a wrong Content-Length upstream): one error per run.
      if (!inJunk) {
        result = fail(
          'source.malformed',
          `not a WARC record at byte ${parser.offset}; skipping to the next one`,
        );
      }
      inJunk = true;
    } else if (record.warcHeaders.headers.get('Content-Length') === null) {
      // Content-Length is mandatory (WARC 1.1 §5.2); without it the file was cut in the headers.
      inJunk = false;
      result = fail('source.malformed', `${where} has no Content-Length (is the file truncated?)`);
    } else {
      inJunk = false;
      if (record.warcType === 'response') {
        try {
          result = await readResponse(record, raw, maxBody, where);
        } catch (err) {
          result = fail('source.malformed', `bad response record ${where}: ${(err as Error).message}`, err);
        }
      }
    }
    let missing: number;
    try {
      missing = await drain(record, raw);
    } catch (err) {
      if (result) yield result;
      yield fail(
        'source.malformed',
        `the WARC file is unreadable after byte ${parser.offset}: ${(err as Error).message}`,
        err,
      );
      return;
    }
    if (missing > 0) {
      // Cut short: a partial body is not given out as a page; an earlier error still is.
      if (result && !result.ok) yield result;
      yield fail('source.malformed', `the WARC file ends inside ${where} (${missing} bytes missing)`);
    } else if (result) {
      yield result;
    }
  }
}

/**
 * Reads what is left of a record and marks it consumed. warcio's own skip (LimitReader.skipFully)
 * loops forever when the file ends inside a record — it subtracts 0 bytes read at end of input
 * from what is left, without end — so every record is drained here, by iteration, which stops at
 * the end of input. Returns the bytes the record still lacked (0 unless the file is cut short).
 */
async function drain(record: WARCRecord, raw: LimitReader): Promise<number> {
  if (!record.consumed) {
    for await (const _chunk of raw) {
      // discarded
    }
    record.consumed = 'skipped';
  }
  return Math.max(0, raw.limit);
}

async function readResponse(
  record: WARCRecord,
  raw: LimitReader,
  maxBody: number,
  where: string,
): Promise<Result<WarcResponse>> {
  // 1. The WARC headers: a usable target URL, a length within bounds.
  const url = archivedUrl(record.warcTargetURI);
  if (url === null) return fail('source.malformed', `no usable WARC-Target-URI in ${where}`);
  const length = record.warcContentLength;
  if (!Number.isFinite(length) || length < 0) {
    return fail('source.malformed', `no valid Content-Length in ${where}`);
  }
  if (length > maxBody + MAX_HTTP_HEADER_BYTES) {
    return fail('source.too-large', `${where} is ${length} bytes; skipped (limit ${maxBody})`);
  }

  // 2. The HTTP head, read from this record only.
  const head = await readHttpHead(raw);
  if (!head.ok) {
    return fail(head.error.code, `${head.error.message} in ${where}`);
  }
  const { status, statusLine, headers } = head.value;

  // 3. The body, decoded by warcio (chunked, gzip, deflate) as it is read; brotli here.
  const contentEncoding = (headers['content-encoding'] ?? '').trim().toLowerCase();
  const transferCodings = (headers['transfer-encoding'] ?? '')
    .toLowerCase()
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const forWarcio = new Headers();
  // warcio only recognises exactly "chunked"; "gzip, chunked" or "Chunked" would stay raw.
  if (transferCodings.includes('chunked')) forWarcio.set('transfer-encoding', 'chunked');
  const coding = INFLATE_CODINGS.has(contentEncoding)
    ? contentEncoding
    : transferCodings.find((c) => INFLATE_CODINGS.has(c));
  if (coding) forWarcio.set('content-encoding', coding === 'x-gzip' ? 'gzip' : coding);
  record.httpHeaders = new StatusAndHeaders({ statusline: statusLine, headers: forWarcio });

  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of record) {
    size += chunk.length;
    if (size > maxBody) {
      // Leaving the loop leaves the rest unread; drain() reads past it before the next record.
      return fail('source.too-large', `the body of ${where} is over ${maxBody} bytes; skipped`);
    }
    chunks.push(chunk);
  }
  let body: Uint8Array = Buffer.concat(chunks, size);
  if (contentEncoding === 'br') {
    try {
      body = brotliDecompressSync(body, { maxOutputLength: maxBody });
    } catch (err) {
      return fail(
        'source.malformed',
        `brotli body of ${where} does not decode: ${(err as Error).message}`,
        err,
      );
    }
  }
  return ok({
    url,
    status,
    headers,
    contentType: headers['content-type'] ?? null,
    body,
    date: toIsoDate(record.warcDate),
  });
}

/** The archived URL if it is absolute http(s) (fragment kept: it is what was archived). */
function archivedUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

interface HttpHead {
  status: number;
  statusLine: string;
  headers: Record<string, string>;
}

/** Status line and header lines up to the blank line, bounded in lines and bytes. */
async function readHttpHead(raw: LimitReader): Promise<Result<HttpHead>> {
  const lines: string[] = [];
  let bytes = 0;
  for (;;) {
    const line = await raw.readlineRaw(MAX_HTTP_HEADER_BYTES);
    if (line === null) break; // the record ended: a response with headers only
    bytes += line.length;
    if (bytes > MAX_HTTP_HEADER_BYTES || lines.length > MAX_HTTP_HEADER_LINES) {
      return fail('source.malformed', 'HTTP headers too long (not an HTTP response?)');
    }
    const text = decodeHeaderLine(line).replace(/\r?\n$/, '');
    if (text === '' || text === '\r') break;
    lines.push(text);
  }
  const statusLine = (lines[0] ?? '').trim();
  const m = HTTP_STATUS_LINE.exec(statusLine);
  if (!m) return fail('source.malformed', `no HTTP status line (found "${statusLine.slice(0, 60)}")`);
  const headers: Record<string, string> = {};
  let last: string | null = null;
  for (const line of lines.slice(1)) {
    // Obsolete line folding (RFC 7230 §3.2.4): a continuation of the previous header.
    if (/^[ \t]/.test(line) && last !== null) {
      headers[last] = `${headers[last]} ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
    last = name;
  }
  return ok({ status: Number(m[1]), statusLine, headers });
}

/** Header bytes are Latin-1 by the RFC and UTF-8 in practice: UTF-8 when valid, else Latin-1. */
function decodeHeaderLine(line: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(line);
  } catch {
    return Buffer.from(line).toString('latin1');
  }
}

function toAsyncIterable(input: WarcInput): AsyncIterable<Uint8Array> {
  if (input instanceof Uint8Array) {
    return (async function* () {
      yield input;
    })();
  }
  if (Symbol.asyncIterator in input) return input as AsyncIterable<Uint8Array>;
  const reader = (input as ReadableStream<Uint8Array>).getReader();
  return (async function* () {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  })();
}

/** Cuts chunks to WARC_INPUT_CHUNK_BYTES, which bounds what one inflate step can produce. */
async function* rechunk(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    if (!(chunk instanceof Uint8Array)) throw new TypeError('the WARC stream must give bytes, not text');
    for (let i = 0; i < chunk.length; i += WARC_INPUT_CHUNK_BYTES) {
      yield chunk.subarray(i, i + WARC_INPUT_CHUNK_BYTES);
    }
  }
}

/** Reads the first `n` bytes (or all, if shorter), and gives back the whole stream. */
async function peek(
  source: AsyncGenerator<Uint8Array>,
  n: number,
): Promise<{ head: Uint8Array; all: AsyncIterable<Uint8Array> }> {
  const buffered: Uint8Array[] = [];
  let size = 0;
  while (size < n) {
    const next = await source.next();
    if (next.done) break;
    buffered.push(next.value);
    size += next.value.length;
  }
  const all = (async function* () {
    yield* buffered;
    yield* source;
  })();
  return { head: Buffer.concat(buffered, size), all };
}
