// eval:dedup — ingests the bundled demo sites (real loopback server, real fetcher and pipeline)
// into a temporary data directory and scores copy detection against demo/truth.json: which
// articles are copies of which (aggregator republications and credited syndication).
//
//   npm run eval:dedup            precision, recall, and every wrong or missed link
//   npm run eval:dedup -- --json  the summary as JSON

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli/main.js';
import { openStore } from '../src/store/index.js';

interface TruthArticle {
  id: string;
  outlet: string;
  siteName: string;
  url: string;
  copyOf: string | null;
  creditedOutlet: string | null;
}

const asJson = process.argv.includes('--json');
const truth = JSON.parse(readFileSync(new URL('../demo/truth.json', import.meta.url), 'utf8')) as {
  articles: TruthArticle[];
};
const byKey = new Map<string, TruthArticle>();
for (const a of truth.articles) byKey.set(`${a.siteName}\u0000${a.url}`, a);

const dataDir = mkdtempSync(join(tmpdir(), 'marsad-dedup-'));
const quiet = { stdout: () => {}, stderr: () => {}, isTTY: false };
const started = Date.now();
const code = await main(['demo', '--data-dir', dataDir, '--demo-port', '0', '--log-level', 'error'], quiet);
if (code !== 0) {
  console.error(`eval:dedup: the demo ingest failed (exit ${code})`);
  process.exit(1);
}
const seconds = (Date.now() - started) / 1000;
const store = await openStore(dataDir);
const articles = await store.listArticles({ limit: 100_000 });
const idOf = new Map<number, string>();
const unmatched: string[] = [];
for (const a of articles) {
  const u = new URL(a.url);
  const t = byKey.get(`${a.siteName}\u0000${u.pathname}${u.search}`);
  if (t) idOf.set(a.id, t.id);
  else unmatched.push(`${a.siteName} ${a.url}`);
}
const predicted = new Map<string, string>();
for (const a of articles) {
  if (a.copyOf === null) continue;
  const me = idOf.get(a.id);
  const orig = idOf.get(a.copyOf);
  if (me && orig) predicted.set(me, orig);
}
const expected = new Map(truth.articles.filter((a) => a.copyOf).map((a) => [a.id, a.copyOf as string]));
let correct = 0;
const wrong: string[] = [];
for (const [copy, orig] of predicted) {
  if (expected.get(copy) === orig) correct++;
  else wrong.push(`${copy} → ${orig} (truth: ${expected.get(copy) ?? 'not a copy'})`);
}
const missed = [...expected].filter(([copy]) => !predicted.has(copy)).map(([c, o]) => `${c} → ${o}`);
const precision = predicted.size === 0 ? 0 : correct / predicted.size;
const recall = expected.size === 0 ? 1 : correct / expected.size;
const summary = {
  articlesStored: articles.length,
  articlesInTruth: truth.articles.length,
  copiesInTruth: expected.size,
  copyLinksFound: predicted.size,
  correct,
  precision,
  recall,
  ingestSeconds: seconds,
};
await store.close();
rmSync(dataDir, { recursive: true, force: true });

if (asJson) console.log(JSON.stringify({ ...summary, wrong, missed, unmatched }, null, 2));
else {
  console.log(`eval:dedup — demo sites ingested through the real pipeline in ${seconds.toFixed(1)} s`);
  console.log(
    `articles stored ${articles.length} of ${truth.articles.length} in the truth (${unmatched.length} unmatched)`,
  );
  console.log(`copy links: ${predicted.size} found, ${expected.size} in the truth, ${correct} correct`);
  console.log(`precision ${precision.toFixed(3)}   recall ${recall.toFixed(3)}   (target ≥ 0.98 both)`);
  for (const w of wrong) console.log(`  wrong:  ${w}`);
  for (const m of missed) console.log(`  missed: ${m}`);
  for (const u of unmatched.slice(0, 10)) console.log(`  not in truth: ${u}`);
}
process.exit(precision >= 0.98 && recall >= 0.98 ? 0 : 1);
