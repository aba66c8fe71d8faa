// Politeness: a queue per host ("hostname:port"), at most N requests in flight per host, a minimum
// delay between request starts to the same host, and a global cap on requests in flight.
// Waiters are woken by releases and by one timer per host, never by polling.

/** Limits for createScheduler. */
export interface SchedulerLimits {
  perHostConcurrency: number;
  perHostDelayMs: number;
  globalConcurrency: number;
}

export interface Scheduler {
  /**
   * Waits for a slot on `host`; the returned function gives it back (call it exactly once).
   * Rejects when the scheduler is closed or `signal` aborts while waiting.
   */
  acquire(host: string, signal?: AbortSignal): Promise<() => void>;
  /** Raises the minimum delay between request starts to `host` (robots.txt Crawl-delay). */
  setHostDelay(host: string, delayMs: number): void;
  /** Makes no request to `host` start before `untilMs` (epoch ms; a server's Retry-After). */
  deferHost(host: string, untilMs: number): void;
  /** Rejects every waiter; later acquire calls reject too. */
  close(): void;
}

/** How long an idle host's state is kept; longer than any delay it could still be owed (the 60 s Retry-After cap). */
const FORGET_IDLE_HOST_MS = 120_000;

interface Waiter {
  grant: (release: () => void) => void;
  reject: (error: Error) => void;
}

interface HostState {
  active: number;
  delayMs: number;
  /** Epoch ms before which no request may start. */
  nextStartAt: number;
  lastStartAt: number;
  waiters: Waiter[];
  timer: NodeJS.Timeout | null;
}

/**
 * A politeness scheduler.
 *
 * @example
 * const s = createScheduler({ perHostConcurrency: 2, perHostDelayMs: 1000, globalConcurrency: 16 });
 * const release = await s.acquire('example.com:443');
 * try { … } finally { release(); }
 */
export function createScheduler(limits: SchedulerLimits, now: () => number = Date.now): Scheduler {
  const hosts = new Map<string, HostState>();
  let globalActive = 0;
  let closed = false;

  function state(host: string): HostState {
    let s = hosts.get(host);
    if (!s) {
      s = {
        active: 0,
        delayMs: limits.perHostDelayMs,
        nextStartAt: 0,
        lastStartAt: -Infinity,
        waiters: [],
        timer: null,
      };
      hosts.set(host, s);
    }
    return s;
  }

  /** Starts every waiter that may start now; arms one timer per host that waits for its delay. */
  function pump(): void {
    for (const [host, s] of hosts) {
      while (s.waiters.length > 0 && globalActive < limits.globalConcurrency) {
        if (s.active >= limits.perHostConcurrency) break;
        const wait = s.nextStartAt - now();
        if (wait > 0) {
          if (!s.timer) {
            s.timer = setTimeout(() => {
              s.timer = null;
              pump();
            }, wait);
          }
          break;
        }
        const waiter = s.waiters.shift()!;
        s.active++;
        globalActive++;
        s.lastStartAt = now();
        s.nextStartAt = s.lastStartAt + s.delayMs;
        waiter.grant(once(() => release(s)));
      }
      forgetIfIdle(host, s);
    }
  }

  function release(s: HostState): void {
    s.active--;
    globalActive--;
    pump();
  }

  /**
   * Drops the state of a host idle for a while, so a long crawl of many hosts does not keep them
   * all. A host with a raised delay (Crawl-delay) is kept: forgetting it would forget the delay.
   */
  function forgetIfIdle(host: string, s: HostState): void {
    if (s.active > 0 || s.waiters.length > 0 || s.timer || s.delayMs !== limits.perHostDelayMs) return;
    const t = now();
    if (s.nextStartAt <= t && t - s.lastStartAt > FORGET_IDLE_HOST_MS) hosts.delete(host);
  }

  return {
    acquire(host, signal) {
      if (closed) return Promise.reject(new Error('the fetcher is closed'));
      return new Promise((resolve, reject) => {
        const s = state(host);
        const onAbort = () => {
          const i = s.waiters.indexOf(waiter);
          if (i >= 0) s.waiters.splice(i, 1);
          reject(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
        };
        const waiter: Waiter = {
          grant: (release) => {
            signal?.removeEventListener('abort', onAbort);
            resolve(release);
          },
          reject: (error) => {
            signal?.removeEventListener('abort', onAbort);
            reject(error);
          },
        };
        if (signal?.aborted) return onAbort();
        signal?.addEventListener('abort', onAbort, { once: true });
        s.waiters.push(waiter);
        pump();
      });
    },
    setHostDelay(host, delayMs) {
      const s = state(host);
      if (delayMs <= s.delayMs) return;
      s.delayMs = delayMs;
      s.nextStartAt = Math.max(s.nextStartAt, s.lastStartAt + delayMs);
      rearm(s);
    },
    deferHost(host, untilMs) {
      const s = state(host);
      s.nextStartAt = Math.max(s.nextStartAt, untilMs);
      rearm(s);
    },
    close() {
      closed = true;
      for (const s of hosts.values()) {
        if (s.timer) clearTimeout(s.timer);
        s.timer = null;
        for (const w of s.waiters.splice(0)) w.reject(new Error('the fetcher is closed'));
      }
    },
  };

  /** A host's start time moved later: its armed timer would fire early, so arm it again. */
  function rearm(s: HostState): void {
    if (s.timer) clearTimeout(s.timer);
    s.timer = null;
    pump();
  }
}

function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    fn();
  };
}
