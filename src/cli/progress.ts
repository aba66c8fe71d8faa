// Progress of long work: a line redrawn in place on a terminal, a log line every few seconds otherwise.

import type { IngestCounts } from '../pipeline/ingest.js';

const TTY_INTERVAL_MS = 200;
const LOG_INTERVAL_MS = 5000;

export function startProgress(
  counts: IngestCounts,
  queued: () => Promise<number>,
  write: (s: string) => void,
  isTTY: boolean,
): { stop: () => void } {
  const started = Date.now();
  let queue = 0;
  let busy = false;
  const line = () => {
    const secs = (Date.now() - started) / 1000;
    const rate = secs > 0 ? (counts.stored + counts.unchanged + counts.duplicates) / secs : 0;
    return `fetched ${counts.fetched} · stored ${counts.stored} (${counts.articles} articles, ${counts.copies} copy links) · duplicates ${counts.duplicates} · failed ${counts.failed} · queued ${queue} · ${rate.toFixed(1)} pages/s`;
  };
  const timer = setInterval(
    () => {
      if (busy) return;
      busy = true;
      queued()
        .then((n) => {
          queue = n;
          write(isTTY ? `\r\x1b[2K${line()}` : `${line()}\n`);
        })
        .finally(() => {
          busy = false;
        });
    },
    isTTY ? TTY_INTERVAL_MS : LOG_INTERVAL_MS,
  );
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      if (isTTY) write(`\r\x1b[2K${line()}\n`);
    },
  };
}
