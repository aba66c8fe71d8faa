// `marsad search [options] <query>` and `marsad show <id>`: read the archive.

import { parseArgs } from 'node:util';
import type { ArticleRecord } from '../store/index.js';
import type { AppContext } from './context.js';

export const searchHelp = `Usage: marsad search [options] [query]

Searches the stored articles' titles and text. Arabic is folded and light-stemmed the same way on both sides
(hamza forms, ta marbuta, alef maqsura, harakat, tatweel, digits; clitics and plural endings), so
"اجلاء الرقة" finds "إجلاء … بالرقّة". Without a query, lists the latest articles.

Query:
  words              every word must be there, in any order
  "a phrase"         these words together, in this order (also «…»)
  -word, -"phrase"   leave out articles that have it
  a OR b             either one
Results come best match first (a word in the title weighs five in the text), or newest first
with --sort date.

Options:
      --sort ORDER     relevance (default with a query) or date
      --since DATE     published on or after DATE (ISO 8601)
      --until DATE     published before DATE
      --outlet NAME    only this outlet or site (as it names itself)
  -n, --limit N        at most N results (default 20)
  -f, --format F       text (default) or jsonl`;

export const showHelp = `Usage: marsad show <article-id> [--format text|json]

Prints one stored article with its provenance, copies, entities and attributed statements.`;

export async function runSearch(args: string[], ctx: AppContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      sort: { type: 'string' },
      since: { type: 'string' },
      until: { type: 'string' },
      outlet: { type: 'string' },
      limit: { type: 'string', short: 'n' },
      format: { type: 'string', short: 'f' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    ctx.stdout(`${searchHelp}\n`);
    return 0;
  }
  for (const d of [values.since, values.until]) {
    if (d && Number.isNaN(Date.parse(d))) {
      ctx.stderr(`marsad search: "${d}" is not a date; use ISO 8601 such as 2026-11-01\n`);
      return 2;
    }
  }
  if (values.sort !== undefined && values.sort !== 'relevance' && values.sort !== 'date') {
    ctx.stderr(`marsad search: --sort is relevance or date, not "${values.sort}"\n`);
    return 2;
  }
  const limit = values.limit ? Number(values.limit) : 20;
  if (!Number.isInteger(limit) || limit < 1) {
    ctx.stderr('marsad search: --limit takes a positive whole number\n');
    return 2;
  }
  const results = await ctx.store.listArticles({
    q: positionals.join(' ') || undefined,
    sort: values.sort as 'relevance' | 'date' | undefined,
    since: values.since,
    until: values.until,
    outlet: values.outlet,
    limit,
  });
  if (values.format === 'jsonl') {
    for (const a of results) ctx.stdout(`${JSON.stringify(summary(a))}\n`);
    return 0;
  }
  if (results.length === 0) ctx.stdout('no articles found\n');
  for (const a of results) {
    const via =
      a.outlet && a.outlet !== a.siteName ? ` (${a.outlet} via ${a.siteName})` : ` (${a.siteName ?? '—'})`;
    const copy = a.copyOf ? `  [copy of #${a.copyOf}]` : '';
    ctx.stdout(`#${a.id}  ${a.published?.slice(0, 10) ?? '—'}  ${a.title ?? '(no title)'}${via}${copy}\n`);
  }
  return 0;
}

function summary(a: ArticleRecord) {
  return {
    id: a.id,
    url: a.url,
    title: a.title,
    siteName: a.siteName,
    outlet: a.outlet,
    authors: a.authors,
    published: a.published,
    copyOf: a.copyOf,
  };
}

export async function runShow(args: string[], ctx: AppContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', short: 'f' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    ctx.stdout(`${showHelp}\n`);
    return 0;
  }
  const id = Number(positionals[0]?.replace(/^#/, ''));
  if (!Number.isInteger(id)) {
    ctx.stderr('marsad show: give an article id (see marsad search)\n');
    return 2;
  }
  const a = await ctx.store.getArticle(id);
  if (!a) {
    ctx.stderr(`marsad show: no article #${id}\n`);
    return 1;
  }
  const mentions = await ctx.store.mentionsOf(id);
  const quotes = await ctx.store.quotesOf(id);
  if (values.format === 'json') {
    const { minhash: _m, ...rest } = a;
    ctx.stdout(`${JSON.stringify({ ...rest, mentions, quotes }, null, 2)}\n`);
    return 0;
  }
  const original = a.copyOf ? await ctx.store.getArticle(a.copyOf) : null;
  const lines = [
    a.title ?? '(no title)',
    `${a.siteName ?? '—'}${a.outlet && a.outlet !== a.siteName ? ` — republishing ${a.outlet}` : ''} · ${a.authors.join('، ') || 'no byline'} · ${a.published ?? 'no date'}`,
    a.url,
    ...(original ? [`copy of #${original.id}: ${original.title} (${original.siteName})`] : []),
    '',
    a.text,
    '',
  ];
  const names = new Map<string, { surface: string; n: number; type: string }>();
  for (const m of mentions) {
    const e = names.get(m.entityId) ?? { surface: m.surface, n: 0, type: m.type };
    e.n++;
    names.set(m.entityId, e);
  }
  if (names.size)
    lines.push(`entities: ${[...names.values()].map((e) => `${e.surface} (${e.type}×${e.n})`).join('، ')}`);
  for (const q of quotes)
    lines.push(`« ${q.speaker}${q.role ? `، ${q.role}` : ''} [${q.sourceType}]: ${q.text.slice(0, 140)}`);
  ctx.stdout(`${lines.join('\n')}\n`);
  return 0;
}
