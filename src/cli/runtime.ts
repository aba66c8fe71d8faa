// The pieces a pipeline command needs, built from the config: fetcher, worker pool, ingest —
// and a clean shutdown on SIGINT/SIGTERM (pages in flight finish; a second signal exits at once).

import { readFileSync } from 'node:fs';
import { createFetcher } from '../fetch/index.js';
import { Ingest } from '../pipeline/ingest.js';
import { WorkerPool } from '../pipeline/pool.js';
import type { AppContext } from './context.js';

export function marsadVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

export interface Runtime {
  ingest: Ingest;
  close: () => Promise<void>;
}

export function createRuntime(ctx: AppContext, opts: { allowPrivate?: boolean } = {}): Runtime {
  const { config } = ctx;
  const fetcher = createFetcher({
    userAgent: `Marsad/${marsadVersion()} (+${config.contactUrl})`,
    contactUrl: config.contactUrl,
    allowPrivate: opts.allowPrivate ?? false,
    perHostConcurrency: config.hostConcurrency,
    perHostDelayMs: config.hostDelayMs,
    globalConcurrency: config.concurrency,
  });
  const pool = new WorkerPool(config.workers);
  const ingest = new Ingest({
    store: ctx.store,
    fetcher,
    pool,
    log: ctx.log,
    concurrency: config.concurrency,
  });
  let signals = 0;
  const onSignal = (sig: NodeJS.Signals) => {
    signals++;
    if (signals > 1) {
      ctx.stderr(`\nmarsad: ${sig} again — exiting now; unfinished pages will be fetched again next time\n`);
      process.exit(130);
    }
    ctx.stderr(`\nmarsad: ${sig} — finishing the pages in flight (press Ctrl-C again to quit at once)\n`);
    ingest.stop();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    ingest,
    close: async () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await pool.close();
      await fetcher.close();
    },
  };
}
