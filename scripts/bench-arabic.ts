// Throughput of the Arabic text core on the visible text of the shared corpus pages, single core:
// normalize (store, search), tokenize, splitSentences, stem over word tokens, the whole chain, and
// Snowball's Arabic stemmer over the same tokens in the same run.
//
//   npm run bench:arabic
// Targets (from the task that introduced src/arabic): ≥ 20 MB/s for normalise + tokenise,
// ≥ 5 MB/s for the whole chain. MB = 10^6 bytes of UTF-8 input.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import snowballFactory from 'snowball-stemmers';
import { normalize, splitSentences, stem, tokenize } from '../src/arabic/index.js';
import { DEFAULT_CORPUS_DIR } from './lib/paths.js';

/** Each stage processes at least this much text (the page texts repeated). */
const TARGET_BYTES = 50e6;
/**
 * Snowball's stemmer runs at ~0.2 MB/s: 50 MB would take four minutes, so it gets this much of
 * the same token stream; the ratio is still measured in the same run.
 */
const SNOWBALL_TARGET_BYTES = 2e6;
/** A line is kept when at least this share of its non-space characters are Arabic letters. */
const MIN_ARABIC_SHARE = 0.5;
const ARABIC_LETTER_G = /[\u0621-\u064A\u0671-\u06D3]/g;

/** Visible text of an HTML page: scripts, styles and tags stripped, a few entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<(script|style|noscript)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<br\s*\/?>|<\/(p|div|li|h[1-6]|tr|td)>/gi, '\n')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)));
}

function arabicLines(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/[ \t\r]+/g, ' ').trim();
    const visible = line.replace(/\s/g, '').length;
    if (visible === 0) continue;
    const arabic = line.match(ARABIC_LETTER_G)?.length ?? 0;
    if (arabic / visible >= MIN_ARABIC_SHARE) out.push(line);
  }
  return out;
}

function loadDocuments(dir: string): string[] {
  const docs: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.html') || name.includes('-cp1256')) continue;
    const html = new TextDecoder('utf-8').decode(readFileSync(join(dir, name)));
    const lines = arabicLines(visibleText(html));
    if (lines.length > 0) docs.push(lines.join('\n'));
  }
  return docs;
}

interface Result {
  label: string;
  mbPerSecond: number;
}

/**
 * Runs `work` over the documents, round after round, until `target` bytes; returns MB per second
 * of this process's CPU time (user + system) — "single core" on a shared machine, where wall-clock
 * time also counts other people's jobs. Wall-clock MB/s is printed beside it.
 */
function measure(
  label: string,
  docs: string[],
  docBytes: number[],
  work: (doc: string, i: number) => void,
  target = TARGET_BYTES,
): Result {
  // warm-up rounds (JIT), not timed
  for (let round = 0; round < 2; round++) docs.forEach(work);
  let bytes = 0;
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  while (bytes < target) {
    for (let i = 0; i < docs.length; i++) {
      work(docs[i], i);
      bytes += docBytes[i];
    }
  }
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const seconds = (cpu.user + cpu.system) / 1e6;
  const mb = bytes / 1e6;
  const mbPerSecond = mb / seconds;
  console.log(
    `${label.padEnd(34)} ${mbPerSecond.toFixed(1).padStart(6)} MB/s  (${mb.toFixed(0)} MB, ${seconds.toFixed(1)} s CPU; wall ${(mb / wall).toFixed(1)} MB/s)`,
  );
  return { label, mbPerSecond };
}

function main(): void {
  if (!existsSync(DEFAULT_CORPUS_DIR)) {
    console.log(`bench:arabic skipped: corpus not found at ${DEFAULT_CORPUS_DIR}`);
    return;
  }
  const docs = loadDocuments(DEFAULT_CORPUS_DIR);
  const encoder = new TextEncoder();
  const docBytes = docs.map((d) => encoder.encode(d).length);
  const total = docBytes.reduce((a, b) => a + b, 0);
  console.log(
    `# bench:arabic — ${docs.length} pages, ${(total / 1e3).toFixed(0)} kB of Arabic lines, repeated to ≥ ${TARGET_BYTES / 1e6} MB per stage (Snowball: ${SNOWBALL_TARGET_BYTES / 1e6} MB); MB/s per CPU-second`,
  );

  // Word tokens of each document, prepared outside the timed loops for the stemmer comparison.
  const words = docs.map((d) =>
    tokenize(d)
      .filter((t) => t.kind === 'word')
      .map((t) => t.text),
  );
  const snowball = snowballFactory.newStemmer('arabic');
  let sink = 0;

  measure('normalize(store)', docs, docBytes, (d) => {
    sink += normalize(d, 'store').text.length;
  });
  measure('normalize(search)', docs, docBytes, (d) => {
    sink += normalize(d, 'search').text.length;
  });
  measure('tokenize', docs, docBytes, (d) => {
    sink += tokenize(d).length;
  });
  const normTok = measure('normalize(store) + tokenize', docs, docBytes, (d) => {
    sink += tokenize(normalize(d, 'store').text).length;
  });
  measure('splitSentences', docs, docBytes, (d) => {
    sink += splitSentences(d).length;
  });
  const ours = measure('stem (word tokens)', docs, docBytes, (_, i) => {
    for (const w of words[i]) sink += stem(w).length;
  });
  const theirs = measure(
    'snowball arabic (same tokens)',
    docs,
    docBytes,
    (_, i) => {
      for (const w of words[i]) sink += snowball.stem(w).length;
    },
    SNOWBALL_TARGET_BYTES,
  );
  const chain = measure('chain: store+tokens+sentences+stem', docs, docBytes, (d) => {
    const stored = normalize(d, 'store').text;
    const tokens = tokenize(stored);
    sink += splitSentences(stored, tokens).length;
    for (const t of tokens) if (t.kind === 'word') sink += stem(t.text).length;
  });

  console.log(
    `stem vs snowball: ours ${(ours.mbPerSecond / theirs.mbPerSecond).toFixed(2)}× snowball's speed`,
  );
  const check = (what: string, got: number, want: number): void =>
    console.log(
      `target ${what}: ${got.toFixed(1)} MB/s (target ≥ ${want}) ${got >= want ? 'met' : 'MISSED'}`,
    );
  check('normalize + tokenize', normTok.mbPerSecond, 20);
  check('whole chain', chain.mbPerSecond, 5);
  if (sink === -1) console.log(sink); // keep the results alive
}

main();
