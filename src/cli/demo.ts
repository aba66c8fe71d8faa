// `marsad demo` (what `npm start` runs): start the bundled sample sites on a local HTTP server,
// ingest them through the real fetcher and pipeline into the data directory, and report.

import { parseArgs } from 'node:util';
import { DEMO_BASE_PORT, startDemoServer } from '../demo/server.js';
import type { AppContext } from './context.js';
import { startProgress } from './progress.js';
import { createRuntime } from './runtime.js';

export const demoHelp = `Usage: marsad demo [--demo-port PORT]

Starts the bundled sample news sites (fictional Arabic outlets and an aggregator) on
127.0.0.1, ingests them through the real fetcher — robots.txt, feeds, sitemaps, politeness —
into the data directory (default ./marsad-data), and prints what was found. Running it again
fetches nothing new: pages already stored are recognised.

Options:
      --demo-port PORT   first port of the sample sites (default ${DEMO_BASE_PORT}; one port per site)`;

/** Delay between requests to one sample site: our own loopback server, no need to wait a second. */
const DEMO_HOST_DELAY_MS = 20;

export async function runDemo(args: string[], ctx: AppContext): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { 'demo-port': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    ctx.stdout(`${demoHelp}\n`);
    return 0;
  }
  const basePort = values['demo-port'] ? Number(values['demo-port']) : DEMO_BASE_PORT;
  if (!Number.isInteger(basePort) || basePort < 0 || basePort > 65000) {
    ctx.stderr('marsad demo: --demo-port takes a port number\n');
    return 2;
  }
  const demo = await startDemoServer({ basePort });
  ctx.stdout(`Sample sites on a local HTTP server:\n`);
  for (const s of demo.sites)
    ctx.stdout(`  ${s.name.padEnd(24)} ${s.baseUrl}  (${s.pages} articles, feed ${s.feedUrl})\n`);
  const config = {
    ...ctx.config,
    hostDelayMs: process.env.MARSAD_HOST_DELAY_MS ? ctx.config.hostDelayMs : DEMO_HOST_DELAY_MS,
  };
  const rt = createRuntime({ ...ctx, config }, { allowPrivate: true });
  const progress = startProgress(
    rt.ingest.counts,
    async () => (await ctx.store.jobCounts()).pending,
    ctx.stderr,
    ctx.isTTY ?? false,
  );
  const started = Date.now();
  try {
    for (const s of demo.sites) {
      await ctx.store.addSource({
        url: s.feedUrl,
        kind: 'feed',
        name: s.name,
        scheduleMinutes: 60,
        allowPrivate: true,
      });
      const source = await ctx.store.getSource(s.feedUrl);
      await rt.ingest.discover(s.feedUrl, { sourceId: source?.id ?? null, allowPrivate: true });
    }
    await rt.ingest.drain(true);
  } finally {
    progress.stop();
    await rt.close();
    await demo.close();
  }
  const c = rt.ingest.counts;
  const st = await ctx.store.stats();
  const secs = (Date.now() - started) / 1000;
  ctx.stdout(
    `\nIngested in ${secs.toFixed(1)} s: ${c.stored} new pages (${c.articles} articles), ${c.copies} copy links, ` +
      `${c.unchanged + c.duplicates} already known, ${c.failed} failed.\n` +
      `The store (${ctx.store.location}) now holds ${st.articles} articles, ${st.copies} of them copies of another outlet's article.\n\n` +
      `Try:\n` +
      `  npx marsad search الرقة                 articles about Raqqa, best match first\n` +
      `  npx marsad show 1                      one article with its entities and quotes\n` +
      `  npx marsad stats\n` +
      `  npx marsad analyse --format text test/fixtures/extract/aggregator-republished/source.html\n`,
  );
  return c.failed > 0 && st.articles === 0 ? 1 : 0;
}
