// robots.txt per RFC 9309: read once per origin and cached, parsed with robots-parser, asked for
// our user agent's product token. What a failed fetch means is decided here, not by the fetcher.

import robotsParserModule from 'robots-parser';
import type { Result } from '../model/index.js';
import { ok } from '../model/index.js';
import type { RobotsVerdict } from './types.js';

/** RFC 9309 §2.5: parse at least the first 500 KiB; we read 512 KiB and parse what we got. */
export const ROBOTS_MAX_BYTES = 512 * 1024;
/** A Crawl-delay above this is taken as this: a site asking for minutes between pages still gets read. */
export const CRAWL_DELAY_CAP_MS = 30_000;
/** RFC 9309 §2.4: a cached robots.txt should not be used for more than 24 hours. */
const ROBOTS_TTL_MS = 24 * 60 * 60 * 1000;
/** After a failure (5xx, timeout) everything is disallowed "for now": try again after this. */
const UNREACHABLE_TTL_MS = 5 * 60 * 1000;

/** What fetching robots.txt gave: its text, a 4xx, or a failure. */
export type RobotsFetchOutcome =
  | { kind: 'found'; text: string }
  | { kind: 'missing'; status: number }
  | { kind: 'unreachable'; reason: string };

// robots-parser is CommonJS (`module.exports = function`) but typed with `export default`: under
// NodeNext the default import is the function at run time while TypeScript sees the module.
const robotsParser = robotsParserModule as unknown as typeof robotsParserModule.default;
type Robot = ReturnType<typeof robotsParser>;

interface Entry {
  status: RobotsVerdict['status'];
  robot: Robot | null;
  reason: string | null;
  expiresAt: number;
}

/** Fetches one origin's robots.txt. */
export type RobotsLoader = (origin: string) => Promise<Result<RobotsFetchOutcome>>;

export interface RobotsCache {
  /**
   * The verdict for `url` for the product token `agent`. `load` runs on a cache miss only; an
   * error value from it (the address guard refused the origin) is passed on and not cached.
   */
  check(url: URL, agent: string, load: RobotsLoader): Promise<Result<RobotsVerdict>>;
}

/**
 * A robots.txt cache, one entry per origin; concurrent misses share one fetch.
 *
 * @example
 * const cache = createRobotsCache();
 * const verdict = await cache.check(new URL('https://example.com/a'), 'Marsad', fetchRobotsTxt);
 */
export function createRobotsCache(now: () => number = Date.now): RobotsCache {
  const entries = new Map<string, Promise<Result<Entry>>>();

  async function entryFor(origin: string, load: RobotsLoader): Promise<Result<Entry>> {
    const cached = entries.get(origin);
    if (cached) {
      const entry = await cached;
      if (!entry.ok || entry.value.expiresAt > now()) return entry;
      if (entries.get(origin) === cached) entries.delete(origin);
      return entryFor(origin, load);
    }
    const pending = load(origin).then((outcome) => {
      if (!outcome.ok) entries.delete(origin);
      return outcome.ok ? ok(toEntry(origin, outcome.value, now())) : outcome;
    });
    entries.set(origin, pending);
    return pending;
  }

  return {
    async check(url, agent, load) {
      const entry = await entryFor(url.origin, load);
      if (!entry.ok) return entry;
      return ok(verdictFor(url, agent, entry.value));
    },
  };
}

/** The product token robots.txt groups are matched against: "Marsad/0.1.0 (+…)" → "Marsad". */
export function productToken(userAgent: string): string {
  return userAgent.trim().split(/[/\s]/)[0] || '*';
}

function toEntry(origin: string, outcome: RobotsFetchOutcome, at: number): Entry {
  switch (outcome.kind) {
    case 'found': {
      const robot = robotsParser(`${origin}/robots.txt`, outcome.text);
      return { status: 'parsed', robot, reason: null, expiresAt: at + ROBOTS_TTL_MS };
    }
    case 'missing':
      return { status: 'none', robot: null, reason: null, expiresAt: at + ROBOTS_TTL_MS };
    case 'unreachable':
      return {
        status: 'unreachable',
        robot: null,
        reason: outcome.reason,
        expiresAt: at + UNREACHABLE_TTL_MS,
      };
  }
}

function verdictFor(url: URL, agent: string, entry: Entry): RobotsVerdict {
  const base = { origin: url.origin, status: entry.status, reason: entry.reason };
  if (!entry.robot) {
    return { ...base, allowed: entry.status === 'none', crawlDelayMs: null, sitemaps: [] };
  }
  // robots-parser answers undefined for a URL of another origin; ours never is, but fail closed.
  const allowed = entry.robot.isAllowed(url.href, agent) ?? false;
  const delay = entry.robot.getCrawlDelay(agent);
  const crawlDelayMs =
    typeof delay === 'number' && Number.isFinite(delay) && delay > 0
      ? Math.min(CRAWL_DELAY_CAP_MS, Math.round(delay * 1000))
      : null;
  return { ...base, allowed, crawlDelayMs, sitemaps: entry.robot.getSitemaps() };
}
