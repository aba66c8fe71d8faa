// `marsad reprocess [--since DATE]`: re-run extraction, analysis and copy detection on stored raw pages.

import { parseArgs } from 'node:util';
import { linkCopies } from '../link/index.js';
import { WorkerPool } from '../pipeline/pool.js';
import type { AppContext } from './context.js';

export const reprocessHelp = `Usage: marsad reprocess [--since DATE]

Re-runs extraction, analysis and copy detection on the raw pages already stored (after an
upgrade of Marsad), without fetching anything.

Options:
      --since DATE   only pages fetched on or after DATE (ISO 8601, e.g. 2026-11-01)`;

export async function runReprocess(args: string[], ctx: AppContext): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { since: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    ctx.stdout(`${reprocessHelp}\n`);
    return 0;
  }
  if (values.since && Number.isNaN(Date.parse(values.since))) {
    ctx.stderr(`marsad reprocess: --since takes an ISO date such as 2026-11-01, not "${values.since}"\n`);
    return 2;
  }
  const { store } = ctx;
  const ids = await store.pageIds(values.since ? new Date(values.since).toISOString() : undefined);
  const pool = new WorkerPool(ctx.config.workers);
  let articles = 0;
  let done = 0;
  const started = Date.now();
  try {
    const queue = [...ids];
    const work = async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        const page = await store.getPage(id);
        if (!page) continue;
        const p = await pool.run({
          bytes: page.raw,
          url: page.finalUrl,
          contentType: page.contentType,
          fetchedAt: page.fetchedAt,
        });
        const articleId = await store.replaceArticle(id, p.article, p.analysis, p.bands);
        if (articleId !== null) {
          articles++;
          const me = await store.getArticle(articleId);
          if (me?.minhash)
            for (const l of linkCopies(me, await store.lshCandidates(p.bands, articleId)))
              await store.setCopyOf(l.articleId, l.copyOf);
        }
        done++;
        if (ctx.isTTY && done % 20 === 0) ctx.stderr(`\r\x1b[2Kreprocessed ${done}/${ids.length}`);
      }
    };
    await Promise.all(Array.from({ length: pool.size * 2 }, work));
  } finally {
    await pool.close();
  }
  if (ctx.isTTY) ctx.stderr('\r\x1b[2K');
  ctx.stdout(
    `reprocessed ${done} pages (${articles} articles) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
  return 0;
}
