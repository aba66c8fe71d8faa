// When and how long to wait before trying a request again: which failures are worth another
// try, exponential backoff with jitter, and the server's own Retry-After.

/** Retry-After beyond this is not waited for: the request fails and says when to come back. */
export const RETRY_AFTER_CAP_MS = 60_000;
/** No backoff wait is longer than this, however many attempts came before. */
export const BACKOFF_CAP_MS = 30_000;

/** Statuses that say "try again later": 408 Request Timeout, 429 Too Many Requests, and 5xx. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599);
}

/**
 * Error codes (Node's and undici's) of failures that may pass: resets, timeouts, a DNS server
 * that did not answer. A refused connection or an unknown name is not retried: it will not
 * change within seconds.
 */
const RETRYABLE_ERROR_CODES = new Set([
  'ECONNRESET',
  'EPIPE',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

export function isRetryableErrorCode(code: string | undefined): boolean {
  return code !== undefined && RETRYABLE_ERROR_CODES.has(code);
}

/**
 * Milliseconds to wait before attempt `attempt + 1` (attempt counts from 0): `baseMs · 2^attempt`,
 * of which a random half is dropped ("equal jitter"), so clients that failed together do not
 * come back together.
 *
 * @example backoffMs(0, 1000, () => 0.5) // 750
 */
export function backoffMs(attempt: number, baseMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, baseMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * The wait a Retry-After header asks for, in ms (0 for a date in the past), or null when the
 * header is missing or unreadable. It is either delay-seconds or an HTTP date (RFC 9110 §10.2.3).
 *
 * @example parseRetryAfter('120', 0) // 120000
 * @example parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('2015-10-21T07:27:00Z')) // 60000
 */
export function parseRetryAfter(value: string | undefined | null, nowMs: number = Date.now()): number | null {
  if (value === undefined || value === null) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return null;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}
