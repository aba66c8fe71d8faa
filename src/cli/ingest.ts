// `marsad ingest <url|feed|sitemap|opml|file|dir|warc>...`

import { parseArgs } from 'node:util';
import type { AppContext } from './context.js';
import { startProgress } from './progress.js';
import { createRuntime } from './runtime.js';

export const ingestHelp = `Usage: marsad ingest [options] <url|feed|sitemap|opml|urls.txt|file|dir|warc>...

Fetches and stores news: a page URL is fetched and extracted; a feed (RSS, Atom, JSON Feed),
sitemap (also indexes and news sitemaps), OPML list or URL list queues the pages it names;
local HTML files, directories and WARC/WARC.gz archives are read from disk. Pages go through
extraction, analysis and copy detection, and are kept (raw bytes too) in the data directory.
Interrupted runs resume: run the same command again.

Options:
      --allow-private   allow loopback and private addresses (a local test server)
  -h, --help            show this help

Examples:
  marsad ingest https://example.com/feed.xml
  marsad ingest --data-dir ./archive crawl.warc.gz saved-pages/`;

export async function runIngest(args: string[], ctx: AppContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'allow-private': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    ctx.stdout(`${ingestHelp}\n`);
    return 0;
  }
  if (positionals.length === 0) {
    ctx.stderr(
      `marsad ingest: give at least one URL, feed, sitemap, file, directory or WARC\n\n${ingestHelp}\n`,
    );
    return 2;
  }
  const rt = createRuntime(ctx, { allowPrivate: values['allow-private'] });
  const progress = startProgress(
    rt.ingest.counts,
    async () => (await ctx.store.jobCounts()).pending,
    ctx.stderr,
    ctx.isTTY ?? false,
  );
  const started = Date.now();
  try {
    for (const input of positionals) {
      if (rt.ingest.isStopping) break;
      await rt.ingest.discover(input, { allowPrivate: values['allow-private'] });
    }
    await rt.ingest.drain(true);
  } finally {
    progress.stop();
    await rt.close();
  }
  const c = rt.ingest.counts;
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  ctx.stdout(
    `ingested in ${secs} s: ${c.stored} pages stored (${c.articles} articles, ${c.notArticles} not articles), ` +
      `${c.copies} copy links, ${c.duplicates} duplicates skipped, ${c.unchanged} unchanged, ${c.failed} failed\n`,
  );
  if (rt.ingest.isStopping) ctx.stdout('stopped early: run the same command again to go on\n');
  return c.failed > 0 && c.stored === 0 ? 1 : 0;
}
