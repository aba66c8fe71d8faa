// The fetch stage's public shapes: options, the fetched page, the fetcher, robots.txt verdicts.

import type { Result } from '../model/index.js';
import type { ForbiddenReason } from './address-guard.js';

/** Options of one fetch; each falls back to the fetcher's defaults, then to the default named here. */
export interface FetchOptions {
  /** Default `Marsad/<version> (+<contactUrl>)`, or `Marsad/<version>` when no contact URL is set. */
  userAgent?: string;
  /** Where site owners can read about the crawler and reach its operator; named in the User-Agent. */
  contactUrl?: string;
  /** Default false: refuse loopback, private, link-local, CGNAT, multicast and metadata addresses. */
  allowPrivate?: boolean;
  /** Default 10 MB. Counted on the wire and after decompression; beyond it → `fetch.too-large`. */
  maxBytes?: number;
  /** Default 10 s. */
  connectTimeoutMs?: number;
  /**
   * Default 30 s: one request — connect, headers and the whole body — per redirect hop and per
   * attempt; time waiting for a politeness slot does not count.
   */
  totalTimeoutMs?: number;
  /** Default 5. */
  maxRedirects?: number;
  /**
   * Default 3 further attempts after timeouts, connection resets, 408, 429 and 5xx, with
   * exponential backoff and jitter; a Retry-After up to 60 s is honoured (and holds back every
   * request to that host), a longer one fails the fetch at once.
   */
  retries?: number;
  /** Validators from the previous fetch: sent as If-None-Match / If-Modified-Since. */
  etag?: string | null;
  lastModified?: string | null;
  /**
   * Default 'any'. 'html': Content-Type text/html or application/xhtml+xml (or none);
   * 'feed': XML, JSON or text/* (or none). Anything else → `fetch.content-type`.
   */
  accept?: 'html' | 'feed' | 'any';
  /** Default true: obey robots.txt (and its Crawl-delay) for our user agent. */
  respectRobots?: boolean;
}

/** One address a name resolves to. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a hostname to its addresses (default: the system resolver, dns.lookup). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

/** The guard's decision for an address reached through `hostname`: why it is refused, or null. */
export type AddressPolicy = (address: string, hostname: string) => ForbiddenReason | null;

/** createFetcher's options: fetch defaults, politeness limits, and two seams for tests. */
export interface FetcherOptions extends FetchOptions {
  /** Default 2 requests in flight per host (hostname:port). */
  perHostConcurrency?: number;
  /** Default 1000 ms between request starts to the same host; robots.txt Crawl-delay raises it (up to 30 s). */
  perHostDelayMs?: number;
  /** Default 16 requests in flight in all. */
  globalConcurrency?: number;
  /** Default 1000 ms: the first backoff wait is between half of this and this, doubling after. */
  retryBaseMs?: number;
  /** Replaces DNS; tests map made-up names (public.test) to loopback. */
  lookup?: Resolver;
  /** Replaces the guard's decision (default: classifyAddress of the address); tests only. */
  guard?: AddressPolicy;
}

export interface FetchedPage {
  /** The URL asked for. */
  url: string;
  /** The URL that answered, after redirects. */
  finalUrl: string;
  status: number;
  /** Response headers, names in lower case; repeated headers joined with ", ". */
  headers: Record<string, string>;
  contentType: string | null;
  /** The body, decompressed, not charset-decoded (extraction decodes). Empty for 304. */
  body: Uint8Array;
  /** ISO 8601: when the final response's headers arrived. */
  fetchedAt: string;
  /** Wall time of the whole fetch: robots.txt, politeness waits, redirects, retries. */
  ms: number;
  /** The URLs that answered with a redirect, in order (redirects[0] is `url` if it redirected). */
  redirects: string[];
  /** True for 304 Not Modified: keep the stored copy. */
  notModified: boolean;
  /** Validators to send next time (on 304, the ones sent unless the server gave new ones). */
  etag: string | null;
  lastModified: string | null;
}

/** What robots.txt says about one URL. */
export interface RobotsVerdict {
  /** "https://example.com" — robots.txt is per origin. */
  origin: string;
  /**
   * 'parsed': robots.txt was read. 'none': it answered 4xx, so everything is allowed.
   * 'unreachable': 5xx, timeout or network error, so everything is disallowed for now (RFC 9309 §2.3.1.4).
   */
  status: 'parsed' | 'none' | 'unreachable';
  allowed: boolean;
  /** The Crawl-delay for our user agent (capped at 30 s), or null. */
  crawlDelayMs: number | null;
  /** Sitemap: lines, for the sources stage. */
  sitemaps: string[];
  /** Why robots.txt is unreachable, for 'unreachable'. */
  reason: string | null;
}

export interface Fetcher {
  /**
   * Fetches `url` politely. Resolves to an error value (never rejects) for anything the network
   * or the server does; 2xx and 304 are `ok`, other statuses `fetch.status`.
   */
  fetch(url: string, options?: FetchOptions): Promise<Result<FetchedPage>>;
  /** What robots.txt of `url`'s origin says about `url` (fetched once per origin, then cached). */
  robots(url: string, options?: FetchOptions): Promise<Result<RobotsVerdict>>;
  /** Aborts what is in flight and waiting, closes connections. */
  close(): Promise<void>;
}
