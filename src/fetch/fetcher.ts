// The polite HTTP client. One fetch runs as numbered steps, each hop of a redirect chain again:
//   1. check the URL (scheme, credentials, an IP literal against the guard);
//   2. ask robots.txt of the hop's origin (fetched once per origin; its Crawl-delay slows the host);
//   3. wait for a politeness slot for the host, then request it, the guard judging the address
//      actually connected to (connector.ts);
//   4. a redirect goes back to 1 with the next URL; a 429/5xx/timeout/reset waits (backoff or
//      Retry-After) and goes back to 3; anything else is the answer;
//   5. check the Content-Type, then read the body, decompressed, within the size cap.
// Errors are values: every failure comes back as `fail(code, message)` saying what to do next.

import { setMaxListeners } from 'node:events';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Agent, Dispatcher } from 'undici';
import { fail, ok, type Result } from '../model/index.js';
import { classifyAddress, describeForbidden, FORBIDDEN_DESCRIPTIONS, ipLiteral } from './address-guard.js';
import { ACCEPT_ENCODING, readBody } from './body.js';
import { createGuardedAgent, ForbiddenAddressError, systemResolver } from './connector.js';
import {
  backoffMs,
  isRetryableErrorCode,
  isRetryableStatus,
  parseRetryAfter,
  RETRY_AFTER_CAP_MS,
} from './retry.js';
import { createRobotsCache, productToken, ROBOTS_MAX_BYTES, type RobotsFetchOutcome } from './robots.js';
import { createScheduler } from './scheduler.js';
import type { FetchedPage, Fetcher, FetcherOptions, FetchOptions, RobotsVerdict } from './types.js';

// Defaults, as documented on FetchOptions and FetcherOptions.
const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
const DEFAULT_TOTAL_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_REDIRECTS = 5;
const DEFAULT_RETRIES = 3;
const DEFAULT_RETRY_BASE_MS = 1000;
const DEFAULT_PER_HOST_CONCURRENCY = 2;
const DEFAULT_PER_HOST_DELAY_MS = 1000;
const DEFAULT_GLOBAL_CONCURRENCY = 16;
/** robots.txt is retried at most once: a site whose robots.txt keeps failing is left alone for now. */
const ROBOTS_RETRIES = 1;
/** Bodies of redirects and error answers are read up to this to keep the connection, else dropped. */
const DISCARD_LIMIT_BYTES = 64 * 1024;
/** Statuses whose Location is followed (RFC 9110 §15.4); 300 and 304 are not redirects to follow. */
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** What each `accept` asks the server for. */
const ACCEPT_HEADERS: Record<NonNullable<FetchOptions['accept']>, string> = {
  html: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1',
  feed: 'application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,application/json;q=0.9,text/xml;q=0.9,*/*;q=0.1',
  any: '*/*',
};

type Settings = Required<Omit<FetchOptions, 'userAgent' | 'contactUrl' | 'etag' | 'lastModified'>> & {
  userAgent: string;
  etag: string | null;
  lastModified: string | null;
  /** Internal: keep the first maxBytes of a larger body (robots.txt) instead of failing. */
  truncate: boolean;
};

/** One request's outcome, before redirects and retries are decided. */
type Attempt =
  | { kind: 'done'; result: Result<FetchedPage> }
  | { kind: 'redirect'; location: string; status: number }
  | { kind: 'retry'; result: Result<FetchedPage>; retryAfterMs: number | null };

/**
 * Creates the fetcher: one per process, shared by everything that fetches, so the politeness
 * limits hold across sources. Call close() when done.
 *
 * @example
 * const fetcher = createFetcher({ contactUrl: 'https://example.org/marsad' });
 * const page = await fetcher.fetch('https://www.baladi-news.com/', { accept: 'html' });
 * if (page.ok) console.log(page.value.status, page.value.body.length);
 * await fetcher.close();
 */
export function createFetcher(defaults: FetcherOptions = {}): Fetcher {
  const scheduler = createScheduler({
    perHostConcurrency: defaults.perHostConcurrency ?? DEFAULT_PER_HOST_CONCURRENCY,
    perHostDelayMs: defaults.perHostDelayMs ?? DEFAULT_PER_HOST_DELAY_MS,
    globalConcurrency: defaults.globalConcurrency ?? DEFAULT_GLOBAL_CONCURRENCY,
  });
  const lookup = defaults.lookup ?? systemResolver;
  const guard = defaults.guard ?? ((address: string) => classifyAddress(address));
  const retryBaseMs = defaults.retryBaseMs ?? DEFAULT_RETRY_BASE_MS;
  const closing = new AbortController();
  // Every request and backoff wait listens to it (and removes its listener): many at once is normal.
  setMaxListeners(0, closing.signal);
  const agents = new Map<string, Agent>();
  const robotsCache = createRobotsCache();

  function settingsFor(options: FetchOptions = {}): Settings {
    const o = { ...defaults, ...withoutUndefined(options) };
    return {
      userAgent: o.userAgent ?? defaultUserAgent(o.contactUrl),
      allowPrivate: o.allowPrivate ?? false,
      maxBytes: o.maxBytes ?? DEFAULT_MAX_BYTES,
      connectTimeoutMs: o.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
      totalTimeoutMs: o.totalTimeoutMs ?? DEFAULT_TOTAL_TIMEOUT_MS,
      maxRedirects: o.maxRedirects ?? DEFAULT_MAX_REDIRECTS,
      retries: o.retries ?? DEFAULT_RETRIES,
      etag: o.etag ?? null,
      lastModified: o.lastModified ?? null,
      accept: o.accept ?? 'any',
      respectRobots: o.respectRobots ?? true,
      truncate: false,
    };
  }

  /** One agent per (guarded?, connect timeout): connections made for --allow-private are never reused unguarded. */
  function agentFor(s: Settings): Agent {
    const key = `${s.allowPrivate}:${s.connectTimeoutMs}`;
    let agent = agents.get(key);
    if (!agent) {
      agent = createGuardedAgent({
        connectTimeoutMs: s.connectTimeoutMs,
        lookup,
        guard: s.allowPrivate ? null : guard,
      });
      agents.set(key, agent);
    }
    return agent;
  }

  async function run(url: string, s: Settings): Promise<Result<FetchedPage>> {
    const started = performance.now();
    if (closing.signal.aborted) return fail('fetch.failed', `cannot fetch ${url}: the fetcher is closed`);
    let current: URL;
    try {
      current = new URL(url);
    } catch {
      return fail('fetch.bad-url', `not a valid URL: ${url}`);
    }
    const redirects: string[] = [];
    for (;;) {
      // 1. The URL itself.
      const checked = checkUrl(current, s, redirects.length > 0 ? redirects[redirects.length - 1] : null);
      if (!checked.ok) return checked;
      // 2. robots.txt.
      if (s.respectRobots) {
        const verdict = await robotsVerdict(current, s);
        if (!verdict.ok) return afterRedirect(verdict, redirects, current);
        if (!verdict.value.allowed) return fail('fetch.robots', robotsRefusal(current, s, verdict.value));
      }
      // 3-4. The request, with retries.
      const attempt = await requestWithRetries(current, s);
      if (attempt.kind === 'done') {
        if (!attempt.result.ok) return afterRedirect(attempt.result, redirects, current);
        const page = attempt.result.value;
        return ok({ ...page, url, redirects, ms: Math.round(performance.now() - started) });
      }
      // A redirect: back to 1 with the next URL.
      if (redirects.length >= s.maxRedirects) {
        return fail(
          'fetch.too-many-redirects',
          `${url} redirected more than ${s.maxRedirects} times (last to ${attempt.location}); fetch the final URL directly or raise maxRedirects`,
          { redirects: [...redirects, current.href] },
        );
      }
      let next: URL;
      try {
        next = new URL(attempt.location, current);
      } catch {
        return fail('fetch.bad-url', `${current.href} redirected to an invalid URL: ${attempt.location}`);
      }
      redirects.push(current.href);
      current = next;
    }
  }

  /** Step 1: only http(s), no credentials, and an IP literal must pass the guard before any connection. */
  function checkUrl(url: URL, s: Settings, redirectedFrom: string | null): Result<void> {
    const via = redirectedFrom ? `${redirectedFrom} redirected to ${url.href}: ` : '';
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      return fail(
        'fetch.bad-url',
        `${via}only http and https URLs are fetched, not ${url.protocol.slice(0, -1)}`,
      );
    }
    if (url.username || url.password) {
      // Not echoed: the message would show the password.
      const which = redirectedFrom ? `${redirectedFrom} redirected to a URL that` : `the URL of ${url.host}`;
      return fail(
        'fetch.bad-url',
        `${which} carries a user name or password; Marsad does not send credentials in URLs, remove them`,
      );
    }
    const ip = ipLiteral(url.hostname);
    if (ip && !s.allowPrivate) {
      const reason = guard(ip, ip);
      if (reason)
        return fail('fetch.forbidden-address', `${via}${forbiddenAdvice(describeForbidden(ip, reason))}`);
    }
    return ok(undefined);
  }

  /** Step 2: the cached verdict (robots.txt is fetched with the settings of the fetch that first needs it); Crawl-delay raises the host's delay. */
  async function robotsVerdict(url: URL, s: Settings): Promise<Result<RobotsVerdict>> {
    const verdict = await robotsCache.check(url, productToken(s.userAgent), (origin) =>
      loadRobots(origin, s),
    );
    if (verdict.ok && verdict.value.crawlDelayMs !== null) {
      scheduler.setHostDelay(hostKey(url), verdict.value.crawlDelayMs);
    }
    return verdict;
  }

  async function loadRobots(origin: string, pageSettings: Settings): Promise<Result<RobotsFetchOutcome>> {
    const s: Settings = {
      ...pageSettings,
      maxBytes: ROBOTS_MAX_BYTES,
      truncate: true,
      retries: Math.min(pageSettings.retries, ROBOTS_RETRIES),
      etag: null,
      lastModified: null,
      accept: 'any',
      // RFC 9309 §2.3.1.2: follow at least five redirects; more → treat as missing (below).
      maxRedirects: DEFAULT_MAX_REDIRECTS,
      respectRobots: false,
    };
    const got = await run(`${origin}/robots.txt`, s);
    if (got.ok) return ok({ kind: 'found', text: new TextDecoder('utf-8').decode(got.value.body) });
    const { code, message, cause } = got.error;
    const status = (cause as { status?: number } | undefined)?.status;
    // 4xx (but 429, which means "slow down") → no robots.txt: everything is allowed (§2.3.1.3).
    if (code === 'fetch.status' && status !== undefined && status >= 400 && status < 500 && status !== 429) {
      return ok({ kind: 'missing', status });
    }
    if (code === 'fetch.too-many-redirects') return ok({ kind: 'missing', status: 0 });
    // The guard's refusal is the answer for the page too; it is not a fact about robots.txt.
    if (code === 'fetch.forbidden-address' || code === 'fetch.bad-url') return got;
    return ok({ kind: 'unreachable', reason: `${code}: ${message}` });
  }

  /** Steps 3-4: the request, again after a retryable failure. */
  async function requestWithRetries(url: URL, s: Settings): Promise<Exclude<Attempt, { kind: 'retry' }>> {
    for (let attempt = 0; ; attempt++) {
      const outcome = await requestOnce(url, s);
      if (outcome.kind !== 'retry') return outcome;
      if (attempt >= s.retries) return { kind: 'done', result: outcome.result };
      const retryAfter = outcome.retryAfterMs;
      if (retryAfter !== null && retryAfter > RETRY_AFTER_CAP_MS) {
        const error = outcome.result.ok ? null : outcome.result.error;
        return {
          kind: 'done',
          result: fail(
            error?.code ?? 'fetch.status',
            `${error?.message ?? url.href} — it asks to come back in ${Math.round(retryAfter / 1000)} s, longer than the ${RETRY_AFTER_CAP_MS / 1000} s Marsad waits; try again later`,
            { ...(error?.cause as object | undefined), retryAfterMs: retryAfter },
          ),
        };
      }
      if (retryAfter !== null) {
        // The server speaks for itself: nothing goes to that host before then.
        scheduler.deferHost(hostKey(url), Date.now() + retryAfter);
      } else {
        try {
          await sleep(backoffMs(attempt, retryBaseMs), undefined, { signal: closing.signal });
        } catch {
          return {
            kind: 'done',
            result: fail('fetch.failed', `fetching ${url.href} stopped: the fetcher was closed`),
          };
        }
      }
    }
  }

  /** Step 3 (and 5): one request to one URL, in a politeness slot, within the total timeout. */
  async function requestOnce(url: URL, s: Settings): Promise<Attempt> {
    let release: () => void;
    try {
      release = await scheduler.acquire(hostKey(url));
    } catch {
      return {
        kind: 'done',
        result: fail('fetch.failed', `fetching ${url.href} stopped: the fetcher was closed`),
      };
    }
    // One controller per request, aborted by its timer or by close(); the listener on the
    // fetcher-wide signal is removed afterwards so thousands of fetches do not pile them up.
    const abort = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      abort.abort(new Error('total timeout'));
    }, s.totalTimeoutMs);
    const onClose = () => abort.abort(closing.signal.reason);
    closing.signal.addEventListener('abort', onClose, { once: true });
    let body: Dispatcher.ResponseData['body'] | null = null;
    try {
      const res = await agentFor(s).request({
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: 'GET',
        headers: requestHeaders(s),
        signal: abort.signal,
      });
      body = res.body;
      return await answer(url, s, res);
    } catch (error) {
      if (body) dropBody(body);
      return failure(url, s, error, timedOut);
    } finally {
      clearTimeout(timer);
      closing.signal.removeEventListener('abort', onClose);
      release();
    }
  }

  /** Steps 4-5 for a response that arrived. */
  async function answer(url: URL, s: Settings, res: Dispatcher.ResponseData): Promise<Attempt> {
    const status = res.statusCode;
    const headers = flattenHeaders(res.headers);
    const fetchedAt = new Date().toISOString();
    const contentType = headers['content-type'] ?? null;
    const cause = { url: url.href, status };

    if (REDIRECT_STATUSES.has(status) && headers.location) {
      await discard(res.body);
      return { kind: 'redirect', location: headers.location, status };
    }
    if (status === 304) {
      await discard(res.body);
      const page = pageOf(url, status, headers, new Uint8Array(0), fetchedAt, true);
      page.etag ??= s.etag;
      page.lastModified ??= s.lastModified;
      return { kind: 'done', result: ok(page) };
    }
    if (isRetryableStatus(status)) {
      await discard(res.body);
      return {
        kind: 'retry',
        retryAfterMs: parseRetryAfter(headers['retry-after']),
        result: fail('fetch.status', `${url.href} answered HTTP ${status}${statusHint(status)}`, cause),
      };
    }
    if (status < 200 || status > 299) {
      await discard(res.body);
      return {
        kind: 'done',
        result: fail('fetch.status', `${url.href} answered HTTP ${status}${statusHint(status)}`, cause),
      };
    }
    if (!isAcceptableContentType(s.accept, contentType)) {
      dropBody(res.body);
      return {
        kind: 'done',
        result: fail(
          'fetch.content-type',
          `${url.href} is ${contentType}, not ${s.accept === 'html' ? 'an HTML page' : 'a feed (XML, JSON or text)'}; if it is meant to be read anyway, fetch it with accept: 'any'`,
          { ...cause, contentType },
        ),
      };
    }
    const declared = Number(headers['content-length']);
    if (!s.truncate && Number.isFinite(declared) && declared > s.maxBytes) {
      dropBody(res.body);
      return { kind: 'done', result: tooLarge(url, s, `it declares ${declared} bytes`) };
    }
    const read = await readBody(res.body, {
      contentEncoding: headers['content-encoding'],
      maxBytes: s.maxBytes,
      truncate: s.truncate,
    });
    switch (read.kind) {
      case 'ok':
        return { kind: 'done', result: ok(pageOf(url, status, headers, read.bytes, fetchedAt, false)) };
      case 'too-large':
        if (s.truncate)
          return { kind: 'done', result: ok(pageOf(url, status, headers, read.bytes, fetchedAt, false)) };
        return { kind: 'done', result: tooLarge(url, s, 'the body (decompressed) goes on past it') };
      case 'unsupported-encoding':
        return {
          kind: 'done',
          result: fail(
            'fetch.encoding',
            `${url.href} is compressed with "${read.encoding}", which Marsad cannot undo (it asks for ${ACCEPT_ENCODING})`,
            cause,
          ),
        };
      case 'corrupt':
        return {
          kind: 'done',
          result: fail(
            'fetch.encoding',
            `${url.href}: the ${read.encoding} body is corrupt and could not be decompressed (${read.error.message})`,
            { ...cause, error: read.error },
          ),
        };
    }
  }

  function pageOf(
    url: URL,
    status: number,
    headers: Record<string, string>,
    body: Uint8Array,
    fetchedAt: string,
    notModified: boolean,
  ): FetchedPage {
    return {
      url: url.href,
      finalUrl: url.href,
      status,
      headers,
      contentType: headers['content-type'] ?? null,
      body,
      fetchedAt,
      ms: 0,
      redirects: [],
      notModified,
      etag: headers.etag ?? null,
      lastModified: headers['last-modified'] ?? null,
    };
  }

  function tooLarge(url: URL, s: Settings, why: string): Result<FetchedPage> {
    return fail(
      'fetch.too-large',
      `${url.href} is larger than the ${formatBytes(s.maxBytes)} limit (${why}); raise maxBytes if the page is really that big`,
      { url: url.href, maxBytes: s.maxBytes },
    );
  }

  /** Maps a thrown error (network, timeout, guard) to an attempt: retry or done. */
  function failure(url: URL, s: Settings, error: unknown, timedOut: boolean): Attempt {
    const cause = { url: url.href, error };
    if (timedOut) {
      return {
        kind: 'retry',
        retryAfterMs: null,
        result: fail(
          'fetch.timeout',
          `${url.href} did not answer in full within ${s.totalTimeoutMs} ms; try again later or raise totalTimeoutMs`,
          cause,
        ),
      };
    }
    if (closing.signal.aborted) {
      return {
        kind: 'done',
        result: fail('fetch.failed', `fetching ${url.href} stopped: the fetcher was closed`, cause),
      };
    }
    const forbidden = findForbidden(error);
    if (forbidden) {
      const { hostname, address, reason } = forbidden;
      const what = ipLiteral(hostname)
        ? describeForbidden(address, reason)
        : `${hostname} resolves to ${address}, ${FORBIDDEN_DESCRIPTIONS[reason]}`;
      return { kind: 'done', result: fail('fetch.forbidden-address', forbiddenAdvice(what), cause) };
    }
    const code = errorCode(error);
    if (code === 'UND_ERR_CONNECT_TIMEOUT') {
      return {
        kind: 'retry',
        retryAfterMs: null,
        result: fail(
          'fetch.timeout',
          `could not connect to ${url.host} within ${s.connectTimeoutMs} ms; try again later`,
          cause,
        ),
      };
    }
    if (isRetryableErrorCode(code)) {
      return {
        kind: 'retry',
        retryAfterMs: null,
        result: fail(
          'fetch.failed',
          `the connection to ${url.host} failed (${code}) while fetching ${url.href}; try again later`,
          cause,
        ),
      };
    }
    if (code === 'ENOTFOUND') {
      return {
        kind: 'done',
        result: fail('fetch.failed', `${url.hostname} is not a known host name (DNS); check the URL`, cause),
      };
    }
    if (code === 'ECONNREFUSED') {
      return {
        kind: 'done',
        result: fail(
          'fetch.failed',
          `${url.host} refused the connection; is the site up and the port right?`,
          cause,
        ),
      };
    }
    const message = error instanceof Error ? error.message : String(error);
    return {
      kind: 'done',
      result: fail('fetch.failed', `could not fetch ${url.href}: ${code ? `${code} ` : ''}${message}`, cause),
    };
  }

  return {
    fetch(url, options) {
      return run(url, settingsFor(options));
    },
    async robots(url, options) {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        return fail('fetch.bad-url', `not a valid URL: ${url}`);
      }
      const s = settingsFor(options);
      const checked = checkUrl(parsed, s, null);
      if (!checked.ok) return checked;
      return robotsVerdict(parsed, s);
    },
    async close() {
      closing.abort(new Error('the fetcher is closed'));
      scheduler.close();
      await Promise.all([...agents.values()].map((a) => a.destroy()));
      agents.clear();
    },
  };
}

function requestHeaders(s: Settings): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': s.userAgent,
    accept: ACCEPT_HEADERS[s.accept],
    'accept-encoding': ACCEPT_ENCODING,
  };
  if (s.etag) headers['if-none-match'] = s.etag;
  if (s.lastModified) headers['if-modified-since'] = s.lastModified;
  return headers;
}

/**
 * Whether a Content-Type fits what was asked for. A missing one passes: many servers omit it,
 * and extraction sniffs the bytes anyway.
 */
export function isAcceptableContentType(accept: FetchOptions['accept'], contentType: string | null): boolean {
  if (accept === 'any' || accept === undefined || !contentType) return true;
  const mime = contentType.split(';')[0].trim().toLowerCase();
  if (mime === '') return true;
  if (accept === 'html') return mime === 'text/html' || mime === 'application/xhtml+xml';
  // Feeds: RSS/Atom/RDF (…/xml, …+xml), JSON Feed (…/json, …+json), and text/* as some servers label XML.
  return /[/+](xml|json)$/.test(mime) || mime.startsWith('text/');
}

/**
 * A refused address reached through a redirect: say so, since the user only gave the first URL.
 * (Other failures name the URL that failed already.)
 */
function afterRedirect<T>(result: Result<T>, redirects: string[], current: URL): Result<T> {
  if (result.ok || result.error.code !== 'fetch.forbidden-address' || redirects.length === 0) return result;
  const from = redirects[redirects.length - 1];
  return {
    ok: false,
    error: { ...result.error, message: `${from} redirected to ${current.href}: ${result.error.message}` },
  };
}

/** "host:port", the unit of politeness: two ports of one name are two servers. */
function hostKey(url: URL): string {
  return `${url.hostname}:${url.port || (url.protocol === 'https:' ? '443' : '80')}`;
}

function forbiddenAdvice(what: string): string {
  return `${what}; add the source with --allow-private to fetch it`;
}

function robotsRefusal(url: URL, s: Settings, verdict: RobotsVerdict): string {
  if (verdict.status === 'unreachable') {
    return `${verdict.origin}/robots.txt could not be read (${verdict.reason}), so nothing there is fetched for now (RFC 9309); try again later`;
  }
  return `${verdict.origin}/robots.txt disallows ${url.pathname}${url.search} for ${productToken(s.userAgent)}; Marsad respects it (the site owner can allow it)`;
}

function statusHint(status: number): string {
  if (status === 404 || status === 410) return ' (the page is gone; check the URL)';
  if (status === 401 || status === 403) return ' (access refused; the site may block crawlers)';
  if (status === 429) return ' (too many requests; the site asks to slow down)';
  if (status >= 500) return ' (a server error; try again later)';
  return '';
}

function findForbidden(error: unknown): ForbiddenAddressError | null {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof ForbiddenAddressError) return e;
  }
  return null;
}

function errorCode(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/** Reads a small body to keep the connection alive; a larger one is dropped with its connection. */
async function discard(body: Dispatcher.ResponseData['body']): Promise<void> {
  try {
    await body.dump({ limit: DISCARD_LIMIT_BYTES });
  } catch {
    dropBody(body);
  }
}

/** Drops a body unread, closing its connection; the abort error that follows is expected. */
function dropBody(body: Dispatcher.ResponseData['body']): void {
  body.on('error', () => {});
  body.destroy();
}

function flattenHeaders(headers: Dispatcher.ResponseData['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function withoutUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}

let version: string | null = null;

/** `Marsad/<version> (+<contactUrl>)`: the product token robots.txt groups name, and where to reach us. */
export function defaultUserAgent(contactUrl: string | undefined): string {
  version ??= readVersion();
  return contactUrl ? `Marsad/${version} (+${contactUrl})` : `Marsad/${version}`;
}

function readVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
