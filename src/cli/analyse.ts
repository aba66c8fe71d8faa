// `marsad analyse [--format json|text] [--published DATE] <file.html|file.txt|->`

import { parseArgs } from 'node:util';
import { analyseText, hasTagger } from '../analyse/index.js';
import { extractArticle } from '../extract/index.js';
import { readInput } from '../lib/read-input.js';
import type { CommandContext } from './context.js';

export const analyseHelp = `Usage: marsad analyse [--format json|text] [--published DATE] <file.html|file.txt|url|->

Reads an article's Arabic text: entities (people, organisations, places, with every name the
text uses for them and a person's role), attributed statements (speaker, cue, statement and
whether the source is an official statement, a named person, an organisation, anonymous, the
media or a document), places with coordinates, and dates resolved against the publication date.

An HTML page is extracted first (its headline and body are analysed, its publication date used).
A text file is analysed as it is; give --published for relative dates ("مساء الثلاثاء", "أمس")
to be resolved — without a date they are reported unresolved rather than guessed.

Options:
  -f, --format FORMAT   json (default: the full analysis, offsets into "text") or text
      --published DATE  publication date (ISO 8601), e.g. 2017-10-10T18:00:00+03:00
  -h, --help            show this help`;

const looksLikeHtml = (bytes: Uint8Array) =>
  /^\s*(?:\uFEFF)?\s*</.test(Buffer.from(bytes.subarray(0, 512)).toString('latin1'));

export async function runAnalyse(args: string[], ctx: CommandContext): Promise<number> {
  let values: { format?: string; published?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f' },
        published: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    ctx.stderr(`marsad analyse: ${(err as Error).message}\n\n${analyseHelp}\n`);
    return 2;
  }
  if (values.help) {
    ctx.stdout(`${analyseHelp}\n`);
    return 0;
  }
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'text') {
    ctx.stderr(`marsad analyse: --format is json or text, not "${format}"\n`);
    return 2;
  }
  if (values.published && Number.isNaN(Date.parse(values.published))) {
    ctx.stderr(
      `marsad analyse: --published takes an ISO date such as 2017-10-10, not "${values.published}"\n`,
    );
    return 2;
  }
  if (positionals.length !== 1) {
    ctx.stderr(`marsad analyse: give one file, URL or - (stdin)\n\n${analyseHelp}\n`);
    return 2;
  }
  const raw = await readInput(positionals[0], ctx.readStdin);
  if (!raw.ok) {
    ctx.stderr(`marsad analyse: ${raw.error.code}: ${raw.error.message}\n`);
    return 1;
  }
  let text: string;
  let published = values.published ?? null;
  let title: string | null = null;
  if (looksLikeHtml(raw.value.bytes) || /html?$/i.test(positionals[0])) {
    const a = extractArticle(raw.value.bytes, {
      url: raw.value.url,
      contentType: raw.value.contentType,
      fetchedAt: raw.value.fetchedAt,
    });
    if (!a.isArticle) {
      ctx.stderr(`marsad analyse: ${positionals[0]} is not an article (a listing or an empty page)\n`);
      return 1;
    }
    title = a.title;
    text = a.title ? `${a.title}\n\n${a.text}` : a.text;
    published ??= a.published;
  } else {
    text = new TextDecoder().decode(raw.value.bytes);
  }
  const analysis = analyseText(text, { published });
  const warnings = hasTagger()
    ? []
    : ['analyse.no-tagger: the tagger weights are missing; names come from the gazetteer only'];
  if (format === 'json') {
    ctx.stdout(
      `${JSON.stringify({ input: positionals[0], title, published, text, ...analysis, warnings }, null, 2)}\n`,
    );
    return 0;
  }
  const out: string[] = [];
  const kinds = ['person', 'organisation', 'place', 'other'] as const;
  for (const k of kinds) {
    const list = analysis.entities.filter((e) => e.kind === k);
    if (list.length === 0) continue;
    out.push(`${k}s:`);
    for (const e of list) {
      const extra = [
        e.role,
        e.nameEn,
        e.lat !== undefined ? `${e.lat.toFixed(3)}, ${e.lon!.toFixed(3)}` : null,
      ]
        .filter(Boolean)
        .join(' · ');
      out.push(
        `  ${e.nameAr} ×${e.count}${extra ? ` (${extra})` : ''}  [${e.surfaces.join(' / ')}]  ${e.id}`,
      );
    }
  }
  if (analysis.quotes.length) out.push('quotes:');
  for (const q of analysis.quotes) {
    out.push(
      `  ${q.speaker}${q.role ? ` (${q.role})` : ''} — ${q.cue} [${q.sourceType}${q.direct ? ', direct' : ''}]: ${q.text.slice(0, 120)}`,
    );
  }
  if (analysis.dates.length) out.push('dates:');
  for (const d of analysis.dates)
    out.push(
      `  ${d.text} → ${d.value ?? '(unresolved: no publication date)'}${d.partOfDay ? ` (${d.partOfDay})` : ''}`,
    );
  for (const w of warnings) out.push(`warning: ${w}`);
  ctx.stdout(`${out.join('\n')}\n`);
  return 0;
}
