// bench:analyse — the whole analysis (gazetteer, tagger, coreference, quotes, dates) on the
// bodies of the shared corpus, one core, in one warm process: articles/s, MB/s, and the
// tagger's tokens/s on the same texts.
//
//   npm run bench:analyse [-- --seconds 10]

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { analyseText } from '../src/analyse/index.js';
import { loadTagger } from '../src/analyse/ner/index.js';
import { tokenize } from '../src/arabic/tokens.js';
import { extractArticle } from '../src/extract/index.js';

const SHARED = join(import.meta.dirname, '..', '..', 'shared', 'corpus');
const seconds = Number(process.argv[process.argv.indexOf('--seconds') + 1]) || 10;

const texts: string[] = [];
const analyseDir = join(SHARED, 'analyse', 'texts');
if (existsSync(analyseDir))
  for (const f of readdirSync(analyseDir)) texts.push(readFileSync(join(analyseDir, f), 'utf8'));
const extractDir = join(SHARED, 'extract', 'dev');
if (existsSync(extractDir)) {
  for (const f of readdirSync(extractDir).filter((x) => x.endsWith('.html') && !x.includes('cp1256'))) {
    const a = extractArticle(readFileSync(join(extractDir, f)));
    if (a.isArticle) texts.push(`${a.title}\n\n${a.text}`);
  }
}
if (texts.length === 0) {
  console.log(`bench:analyse: skipped — no corpus at ${SHARED}`);
  process.exit(0);
}
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
const tokens = texts.reduce((n, t) => n + tokenize(t).length, 0);
console.log(
  `bench:analyse — ${texts.length} article texts, ${(bytes / 1024).toFixed(0)} KB, ${tokens} tokens; load ${loadavg()[0].toFixed(2)}`,
);

for (const t of texts) analyseText(t, { published: '2020-01-01' }); // warm: loads gazetteer and weights
/**
 * Runs `run` over the texts for `seconds` of wall time. Rates are per wall second and per CPU
 * second of this process (the VM's other jobs steal wall time; CPU time is steadier).
 */
function measure(run: (t: string) => void): { perSec: number; perCpuSec: number; n: number; ms: number } {
  const start = performance.now();
  const cpu = process.cpuUsage();
  let n = 0;
  while (performance.now() - start < seconds * 1000) {
    for (const t of texts) run(t);
    n += texts.length;
  }
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  return { perSec: (n / ms) * 1000, perCpuSec: (n / cpuMs) * 1000, n, ms };
}
const all = measure((t) => analyseText(t, { published: '2020-01-01' }));
const mbps = (all.perSec * (bytes / texts.length)) / 1e6;
console.log(
  `analysis: ${all.perSec.toFixed(1)} articles/s, ${mbps.toFixed(2)} MB/s (${all.n} articles in ${(all.ms / 1000).toFixed(1)} s); per CPU-second ${all.perCpuSec.toFixed(1)} articles`,
);
const tagger = loadTagger();
const tag = measure((t) => tagger.tagText(t));
console.log(
  `tagger alone: ${((tag.perSec * tokens) / texts.length).toFixed(0)} tokens/s (${tag.perSec.toFixed(1)} articles/s); per CPU-second ${((tag.perCpuSec * tokens) / texts.length).toFixed(0)} tokens`,
);
console.log(
  `target: ≥ 100 articles/s of typical length on one core — ${all.perSec >= 100 ? 'met' : 'not met'} (wall), ${all.perCpuSec >= 100 ? 'met' : 'not met'} (CPU); load at end ${loadavg()[0].toFixed(2)}`,
);
