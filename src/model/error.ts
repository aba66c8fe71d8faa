// Errors as typed values at stage boundaries: a code, a message, and the cause.

export type ErrorCode =
  | 'input.not-found'
  | 'input.unreadable'
  | 'input.empty'
  | 'input.binary'
  | 'input.not-html'
  | 'input.too-large'
  | 'fetch.failed'
  | 'fetch.status'
  | 'fetch.timeout'
  | 'fetch.bad-url'
  | 'fetch.forbidden-address'
  | 'fetch.robots'
  | 'fetch.too-large'
  | 'fetch.content-type'
  | 'fetch.too-many-redirects'
  | 'fetch.encoding'
  | 'extract.failed'
  | 'source.malformed'
  | 'source.unsupported'
  | 'source.empty'
  | 'source.too-large'
  | 'usage';

export interface MarsadError {
  code: ErrorCode;
  message: string;
  cause?: unknown;
}

/** A result of a stage that can fail for reasons of the input, not of the code. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: MarsadError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ErrorCode, message: string, cause?: unknown): Result<T> {
  return { ok: false, error: { code, message, ...(cause === undefined ? {} : { cause }) } };
}
