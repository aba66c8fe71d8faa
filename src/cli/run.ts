// `marsad run`: check the sources on their schedules and ingest what is new, until stopped.

import { parseArgs } from 'node:util';
import type { AppContext } from './context.js';
import { startProgress } from './progress.js';
import { createRuntime } from './runtime.js';

export const runHelp = `Usage: marsad run [--once]

Checks every source when it is due (see marsad sources add --every), queues new pages and
ingests them, until stopped with Ctrl-C (pages in flight are finished first).

Options:
      --once   check every source once, ingest, and exit`;

const TICK_MS = 1000;

export async function runRun(args: string[], ctx: AppContext): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { once: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    ctx.stdout(`${runHelp}\n`);
    return 0;
  }
  const { store, log } = ctx;
  if ((await store.listSources()).length === 0) {
    ctx.stderr('marsad run: no sources to follow; add one with: marsad sources add URL\n');
    return 1;
  }
  const allowPrivate = (await store.listSources()).some((s) => s.allowPrivate);
  const rt = createRuntime(ctx, { allowPrivate });
  const progress = startProgress(
    rt.ingest.counts,
    async () => (await store.jobCounts()).pending,
    ctx.stderr,
    ctx.isTTY ?? false,
  );
  // With --once the sources are checked first and the queue drained after; otherwise the queue
  // is worked on while the sources are polled.
  let drain: Promise<void> | null = values.once ? null : rt.ingest.drain(false);
  try {
    do {
      const now = new Date();
      for (const s of await store.dueSources(now.toISOString())) {
        if (rt.ingest.isStopping) break;
        log.info('checking source', { source_id: s.id, url: s.url });
        const failedBefore = rt.ingest.counts.failed;
        const r = await rt.ingest.discover(s.url, {
          sourceId: s.id,
          allowPrivate: s.allowPrivate,
          etag: s.etag,
          lastModified: s.lastModified,
        });
        const failed = !r.ok || rt.ingest.counts.failed > failedBefore;
        if (r.notModified) log.info('source unchanged since the last check', { source_id: s.id, url: s.url });
        await store.recordSourceCheck(s.id, {
          etag: r.etag,
          lastModified: r.lastModified,
          checkedAt: now.toISOString(),
          nextCheckAt: new Date(now.getTime() + s.scheduleMinutes * 60_000).toISOString(),
          error: failed ? 'the last check failed; see the log' : null,
        });
      }
      if (values.once) break;
      await new Promise((r) => setTimeout(r, TICK_MS));
    } while (!rt.ingest.isStopping);
    if (values.once) {
      drain = rt.ingest.drain(true);
      await drain;
    } else {
      rt.ingest.stop();
      await drain;
    }
  } finally {
    progress.stop();
    await rt.close();
  }
  const c = rt.ingest.counts;
  ctx.stdout(
    `stored ${c.stored} pages (${c.articles} articles), ${c.copies} copy links, ${c.failed} failed\n`,
  );
  return 0;
}
