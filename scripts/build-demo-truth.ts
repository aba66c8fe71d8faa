// Builds demo/truth.json from demo/content: for every article of the demo sites, what a
// perfect pipeline would find (path, headline, date, authors, story, which article it copies
// and which outlet it credits). Deterministic, so the committed file can be checked.
//
//   npx tsx scripts/build-demo-truth.ts          write demo/truth.json
//   npx tsx scripts/build-demo-truth.ts --check  exit 1 if the committed file is stale

import { readFileSync, writeFileSync } from 'node:fs';
import { buildDemoTruth } from '../src/demo/truth.js';

const TRUTH_FILE = new URL('../demo/truth.json', import.meta.url);

const text = `${JSON.stringify(buildDemoTruth(), null, 2)}\n`;
if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(TRUTH_FILE, 'utf8');
  } catch {
    // a missing file is stale too
  }
  if (committed !== text) {
    console.error('demo/truth.json is stale: run `npx tsx scripts/build-demo-truth.ts`');
    process.exit(1);
  }
  console.log('demo/truth.json is up to date');
} else {
  writeFileSync(TRUTH_FILE, text);
  const truth = JSON.parse(text) as { articles: unknown[]; stories: Record<string, unknown[]> };
  console.log(
    `wrote demo/truth.json: ${truth.articles.length} articles, ${Object.keys(truth.stories).length} stories`,
  );
}
