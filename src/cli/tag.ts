// `marsad tag --conll FILE|-` and `marsad tag FILE|-`: named-entity tags of tokens or spans of text.

import { parseArgs } from 'node:util';
import { formatConll, loadTagger, parseConll, type Tagger } from '../analyse/ner/index.js';
import { readInput } from '../lib/read-input.js';
import type { CommandContext } from './context.js';

export const tagHelp = `Usage: marsad tag --conll FILE|-
       marsad tag FILE|-

Tags named entities — people (PERS), places (LOC), organisations (ORG) and other names
(MISC) — with the statistical tagger shipped in data/ner/.

With --conll the input has one token per line (the first column is read, any others are
ignored) and a blank line between sentences; the output has "TOKEN TAG" lines with BIO tags
(B-PERS, I-PERS, B-LOC, …, O) and the same sentence breaks. The whole input is tagged as
one document: a name recognised in one sentence helps with the same name in the next.

Without --conll the input is plain text; the output has one JSON object per entity:
{"start":…,"end":…,"type":"PERS","text":"…"} (UTF-16 offsets into the text).

Options:
      --conll       the input is in CoNLL format (one token per line)
  -h, --help        show this help

Examples:
  marsad tag --conll tokens.txt
  printf 'قال\\nالرئيس\\nجورج\\nبوش\\n' | marsad tag --conll -
  marsad tag article.txt`;

export async function runTag(args: string[], ctx: CommandContext): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (err) {
    ctx.stderr(`marsad tag: ${(err as Error).message}\n\n${tagHelp}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    ctx.stdout(`${tagHelp}\n`);
    return 0;
  }
  if (positionals.length !== 1) {
    ctx.stderr(`marsad tag: give one file or - (stdin)\n\n${tagHelp}\n`);
    return 2;
  }
  const raw = await readInput(positionals[0], ctx.readStdin);
  if (!raw.ok) {
    ctx.stderr(`marsad tag: ${raw.error.code}: ${raw.error.message}\n`);
    return 1;
  }
  let tagger: Tagger;
  try {
    tagger = loadTagger();
  } catch (err) {
    ctx.stderr(`marsad tag: cannot load the NER model (${(err as Error).message}); run npm run train:ner\n`);
    return 1;
  }
  const text = new TextDecoder('utf-8').decode(raw.value.bytes);
  if (values.conll) {
    const sentences = parseConll(text).map((s) => s.tokens);
    const tags = tagger.tagSentences(sentences);
    ctx.stdout(formatConll(sentences.map((tokens, j) => ({ tokens, tags: tags[j] }))));
    return 0;
  }
  for (const span of tagger.tagText(text)) ctx.stdout(`${JSON.stringify(span)}\n`);
  return 0;
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      conll: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
