// Reading a CLI input: a file, a URL (a plain GET; the polite fetcher is the fetch stage's job) or stdin.

import { readFile } from 'node:fs/promises';
import type { MarsadError, Result } from '../model/index.js';
import { fail, ok } from '../model/index.js';

export interface RawInput {
  bytes: Uint8Array;
  url: string | null;
  contentType: string | null;
  fetchedAt: Date;
}

/** Largest input read from a URL or stdin. */
const MAX_INPUT_BYTES = 64 * 1024 * 1024;
/** A plain GET gives up after this long. */
const URL_TIMEOUT_MS = 30_000;

export async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
    if (size > MAX_INPUT_BYTES) break;
  }
  return Buffer.concat(chunks);
}

export async function readInput(
  input: string,
  stdin: () => Promise<Uint8Array> = readStdin,
): Promise<Result<RawInput>> {
  if (input === '-') {
    return ok({ bytes: await stdin(), url: null, contentType: null, fetchedAt: new Date() });
  }
  if (/^https?:\/\//i.test(input)) return fetchUrl(input);
  try {
    const bytes = await readFile(input);
    return ok({ bytes, url: null, contentType: null, fetchedAt: new Date() });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') return fail('input.not-found', `no such file: ${input}`);
    if (e.code === 'EISDIR') return fail('input.unreadable', `${input} is a directory; give the files in it`);
    return fail('input.unreadable', `cannot read ${input}: ${e.message}`);
  }
}

async function fetchUrl(url: string): Promise<Result<RawInput>> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return fail('fetch.bad-url', `not a valid URL: ${url}`);
  }
  try {
    const res = await fetch(parsed, {
      redirect: 'follow',
      signal: AbortSignal.timeout(URL_TIMEOUT_MS),
      headers: {
        'user-agent': 'Marsad/0.1 (+https://github.com/marsad; news extraction)',
        accept: 'text/html,*/*;q=0.5',
      },
    });
    if (!res.ok) return fail('fetch.status', `${url} answered HTTP ${res.status} ${res.statusText}`);
    const buf = new Uint8Array(await res.arrayBuffer());
    if (buf.length > MAX_INPUT_BYTES)
      return fail('input.too-large', `${url} is larger than ${MAX_INPUT_BYTES} bytes`);
    return ok({
      bytes: buf,
      url: res.url || url,
      contentType: res.headers.get('content-type'),
      fetchedAt: new Date(),
    });
  } catch (err) {
    const e = err as Error;
    if (e.name === 'TimeoutError')
      return fail('fetch.timeout', `${url} did not answer within ${URL_TIMEOUT_MS / 1000} s`);
    const cause = (e as { cause?: { code?: string } }).cause?.code;
    return fail('fetch.failed', `could not fetch ${url}: ${cause ?? e.message}`);
  }
}

export function errorLine(
  input: string,
  error: MarsadError,
): { input: string; error: { code: string; message: string } } {
  return { input, error: { code: error.code, message: error.message } };
}
