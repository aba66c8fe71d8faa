// eval:analyse — the whole analysis on the hand-annotated real articles of
// ../shared/corpus/analyse: each texts/<id>.txt is analysed as `marsad analyse --format json
// --published <gold published>` would (same function, same JSON shape), the outputs are written
// to a folder and scored by the corpus's own check.mjs (E entities, M alias merge, Q quotes,
// D dates, plus places with coordinates and person roles).
//
//   npm run eval:analyse [-- --verbose] [-- --out DIR]

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { analyseText } from '../src/analyse/index.js';
import { type CliSpec, readFlags } from './lib/cli.js';
import { REPO_ROOT } from './lib/paths.js';

const spec: CliSpec = {
  usage: 'npm run eval:analyse --',
  summary: 'Analyses every text of the shared analysis corpus and scores the outputs with its check.mjs.',
  flags: [
    {
      name: 'corpus',
      type: 'string',
      valueName: 'DIR',
      help: 'corpus folder (default ../shared/corpus/analyse)',
    },
    {
      name: 'out',
      type: 'string',
      valueName: 'DIR',
      help: 'where to write <id>.json (default: a temporary folder)',
    },
    { name: 'verbose', type: 'boolean', help: 'print every miss (check.mjs -v)' },
  ],
};

const flags = readFlags(spec, process.argv.slice(2), 'eval:analyse');
if (typeof flags === 'number') process.exit(flags);
const corpus = resolve((flags.corpus as string | undefined) ?? join(REPO_ROOT, '../shared/corpus/analyse'));
if (!existsSync(join(corpus, 'check.mjs'))) {
  console.log(`eval:analyse: skipped — no corpus with check.mjs at ${corpus}`);
  process.exit(0);
}
const out = (flags.out as string | undefined) ?? mkdtempSync(join(tmpdir(), 'marsad-eval-analyse-'));
mkdirSync(out, { recursive: true });

const started = performance.now();
let count = 0;
for (const file of readdirSync(join(corpus, 'texts'))
  .filter((f) => f.endsWith('.txt'))
  .sort()) {
  const id = file.slice(0, -4);
  const text = readFileSync(join(corpus, 'texts', file), 'utf8');
  const goldPath = join(corpus, 'gold', `${id}.json`);
  const published = existsSync(goldPath)
    ? ((JSON.parse(readFileSync(goldPath, 'utf8')) as { published?: string }).published ?? null)
    : null;
  const analysis = analyseText(text, { published });
  const title = text.split('\n', 1)[0];
  writeFileSync(
    join(out, `${id}.json`),
    `${JSON.stringify({ input: file, title, published, text, ...analysis, warnings: [] }, null, 2)}\n`,
  );
  count++;
}
const ms = performance.now() - started;
console.log(`eval:analyse — ${count} texts analysed in ${(ms / 1000).toFixed(1)} s; outputs in ${out}`);
const run = spawnSync(process.execPath, [join(corpus, 'check.mjs'), out, ...(flags.verbose ? ['-v'] : [])], {
  encoding: 'utf8',
});
process.stdout.write(run.stdout);
process.stderr.write(run.stderr);
process.exit(run.status ?? 1);
