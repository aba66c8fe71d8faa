// `marsad extract [--format jsonl|json|text|md] <file|url|->...`

import { parseArgs } from 'node:util';
import { extractArticle } from '../extract/index.js';
import { errorLine, readInput } from '../lib/read-input.js';
import type { Article } from '../model/index.js';
import type { CommandContext } from './context.js';

export const FORMATS = ['jsonl', 'json', 'text', 'md'] as const;
type Format = (typeof FORMATS)[number];

export const extractHelp = `Usage: marsad extract [--format jsonl|json|text|md] <file|url|->...

Turns each news page into a clean article with its provenance: title without the site's
name, site and original outlet, authors, dates, body paragraphs, related links.

Inputs are HTML files, http(s) URLs (a plain GET), or - for standard input. Several inputs
are processed in order in one process; one that fails prints an error record and the
others go on. The exit status is 1 if any input failed.

Options:
  -f, --format FORMAT   jsonl (default: one JSON object per input), json (one array),
                        text (title and body), md (Markdown with metadata)
      --url URL         the page's URL, for a file or stdin (resolves links, URL dates)
  -h, --help            show this help

Examples:
  marsad extract page.html
  marsad extract --format text https://example.com/news/1
  curl -s https://example.com/a | marsad extract --url https://example.com/a -`;

type Record = ({ input: string } & Article) | ReturnType<typeof errorLine>;

export async function runExtract(args: string[], ctx: CommandContext): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (err) {
    ctx.stderr(`marsad extract: ${(err as Error).message}\n\n${extractHelp}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    ctx.stdout(`${extractHelp}\n`);
    return 0;
  }
  const format = (values.format ?? 'jsonl') as Format;
  if (!FORMATS.includes(format)) {
    ctx.stderr(`marsad extract: unknown format "${format}"; use one of ${FORMATS.join(', ')}\n`);
    return 2;
  }
  if (positionals.length === 0) {
    ctx.stderr(`marsad extract: give at least one file, URL or - (stdin)\n\n${extractHelp}\n`);
    return 2;
  }
  let failed = 0;
  const all: Record[] = [];
  for (const input of positionals) {
    const raw = await readInput(input, ctx.readStdin);
    let record: Record;
    if (!raw.ok) {
      record = errorLine(input, raw.error);
      failed++;
    } else {
      const article = extractArticle(raw.value.bytes, {
        url: values.url ?? raw.value.url,
        contentType: raw.value.contentType,
        fetchedAt: raw.value.fetchedAt,
      });
      record = { input, ...article };
    }
    if (format === 'json') all.push(record);
    else ctx.stdout(render(record, format));
  }
  if (format === 'json') ctx.stdout(`${JSON.stringify(all, null, 2)}\n`);
  if (failed > 0) ctx.stderr(`marsad extract: ${failed} of ${positionals.length} inputs failed\n`);
  return failed > 0 ? 1 : 0;
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f' },
      url: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

function render(r: Record, format: Format): string {
  if (format === 'jsonl') return `${JSON.stringify(r)}\n`;
  if ('error' in r)
    return format === 'md'
      ? `> **${r.input}**: ${r.error.code}: ${r.error.message}\n\n`
      : `# ${r.input}: error ${r.error.code}: ${r.error.message}\n\n`;
  if (format === 'text') {
    const head = [r.title, [r.outlet, r.authors.join('، '), r.published].filter(Boolean).join(' · ')].filter(
      Boolean,
    );
    return `${head.join('\n')}\n\n${r.isArticle ? r.text : '(not an article)'}\n\n`;
  }
  const meta = [
    ['site', r.siteName],
    ['outlet', r.outlet],
    ['authors', r.authors.join('، ')],
    ['published', r.published],
    ['url', r.canonicalUrl ?? r.url],
  ].filter(([, v]) => v);
  const rel = r.related.map((l) => `- ${l.url ? `[${l.title}](${l.url})` : l.title}`).join('\n');
  return [
    `# ${r.title ?? r.input}`,
    meta.map(([k, v]) => `- **${k}**: ${v}`).join('\n'),
    r.isArticle ? r.text : '_not an article_',
    rel ? `## related\n\n${rel}` : '',
  ]
    .filter(Boolean)
    .join('\n\n')
    .concat('\n\n');
}
