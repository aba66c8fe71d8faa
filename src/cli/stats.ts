// `marsad stats`: what the store holds.

import type { AppContext } from './context.js';

export const statsHelp = `Usage: marsad stats

Counts of sources, pages, articles, copies and jobs in the data directory, and its size.`;

export async function runStats(args: string[], ctx: AppContext): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    ctx.stdout(`${statsHelp}\n`);
    return 0;
  }
  const s = await ctx.store.stats();
  const mb = (n: number | null) => (n === null ? '—' : `${(n / 1e6).toFixed(1)} MB`);
  ctx.stdout(
    `${[
      `store:     ${ctx.store.location} (${mb(s.dbBytes)}; raw pages ${mb(s.rawBytes)} before compression)`,
      `sources:   ${s.sources}`,
      `pages:     ${s.pages}`,
      `articles:  ${s.articles} (${s.copies} marked as copies of another)`,
      `jobs:      ${s.jobs.pending} pending, ${s.jobs.running} running, ${s.jobs.done} done, ${s.jobs.failed} failed`,
    ].join('\n')}\n`,
  );
  return 0;
}
