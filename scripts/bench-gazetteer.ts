// Throughput of the gazetteer lookup (findMentions) on real Arabic news text, single core, and
// the time to load and index the shipped gazetteer.
//
//   npx tsx scripts/bench-gazetteer.ts
// Target (from the task that introduced src/analyse/gazetteer): ≥ 2 MB/s of findMentions.
// MB = 10^6 bytes of UTF-8 input. Text: the hand-cut article texts of shared/corpus/analyse and
// the seed article, repeated; skipped with a message when shared/ is absent.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildGazetteer, readGazetteerFile } from '../src/analyse/gazetteer/index.js';
import { REPO_ROOT } from './lib/paths.js';

/** findMentions runs over at least this much text (the texts repeated). */
const TARGET_BYTES = 20e6;
const TEXT_DIRS = [
  resolve(REPO_ROOT, '../shared/corpus/analyse/texts'),
  resolve(REPO_ROOT, '../shared/seed'),
];
const TARGET_MB_PER_S = 2;

function loadTexts(): string[] {
  const texts: string[] = [];
  for (const dir of TEXT_DIRS) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort())
      if (name.endsWith('.txt')) texts.push(readFileSync(join(dir, name), 'utf8'));
  }
  return texts;
}

function main(): void {
  const texts = loadTexts();
  if (texts.length === 0) {
    console.log('bench-gazetteer: no texts under ../shared (corpus/analyse/texts, seed); skipped');
    return;
  }
  const dataFile = ['data/gazetteer.jsonl.gz', 'data/gazetteer.jsonl']
    .map((p) => resolve(REPO_ROOT, p))
    .find(existsSync);
  if (!dataFile) throw new Error('data/gazetteer.jsonl is missing: run npm run build:gazetteer');

  let t = performance.now();
  const entities = readGazetteerFile(dataFile);
  const readMs = performance.now() - t;
  t = performance.now();
  const g = buildGazetteer(entities);
  const indexMs = performance.now() - t;

  const bytesPerRound = texts.reduce((n, s) => n + Buffer.byteLength(s), 0);
  const rounds = Math.max(1, Math.ceil(TARGET_BYTES / bytesPerRound));
  // Warm-up round, not timed.
  for (const s of texts) g.findMentions(s);
  let mentions = 0;
  t = performance.now();
  for (let r = 0; r < rounds; r++) for (const s of texts) mentions += g.findMentions(s).length;
  const ms = performance.now() - t;
  const mb = (rounds * bytesPerRound) / 1e6;
  const rate = mb / (ms / 1000);

  console.log(`gazetteer: ${g.size} entities; read ${readMs.toFixed(0)} ms, index ${indexMs.toFixed(0)} ms`);
  console.log(
    `findMentions: ${mb.toFixed(1)} MB (${texts.length} texts × ${rounds}) in ${(ms / 1000).toFixed(2)} s = ` +
      `${rate.toFixed(2)} MB/s, ${(mentions / rounds).toFixed(0)} mentions per round (target ≥ ${TARGET_MB_PER_S} MB/s)`,
  );
}

main();
