// eval:quotes — scores findQuotes (src/analyse/quotes) in three parts:
//   1. the written gold, test/fixtures/quotes/gold.json: precision / recall / F1 of speaker + span
//      (a predicted quote matches a gold one when their statements overlap by at least half of the
//      longer one and the speakers, folded, contain one another), source-type and direct/indirect
//      accuracy on the matched quotes, and every miss and false positive;
//   2. the real texts of shared/corpus/analyse (when present) with that folder's own scorer,
//      check.mjs: findQuotes runs on each texts/<id>.txt (the whole file: headline, blank line,
//      body — the offsets check.mjs reads are into that file) and writes { "quotes": [...] }, the
//      quotes part of `marsad analyse --format json`; check.mjs then scores the folder and its
//      quote figures are printed (its entity, merge and date figures are 0 here: not measured);
//   3. speed on Arabic text (the gold and corpus texts repeated to ~4 MB).
//
//   npm run eval:quotes                 all three
//   npm run eval:quotes -- --quiet      figures only, no lists of misses
//   npm run eval:quotes -- --corpus DIR another copy of the analyse corpus
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { findQuotes } from '../src/analyse/quotes/index.js';
import { foldForSearch } from '../src/arabic/index.js';
import type { Quote, QuoteSourceType } from '../src/model/analysis.js';
import { REPO_ROOT } from './lib/paths.js';

const GOLD_PATH = resolve(REPO_ROOT, 'test/fixtures/quotes/gold.json');
const DEFAULT_ANALYSE_CORPUS = resolve(REPO_ROOT, '../shared/corpus/analyse');
/** Share of the longer statement two spans must overlap to be the same statement. */
const MIN_OVERLAP = 0.5;
/** Bytes of Arabic text to time. */
const BENCH_BYTES = 4_000_000;

interface GoldQuote {
  speaker: string;
  role: string | null;
  cue: string;
  statement: string;
  direct: boolean;
  sourceType: QuoteSourceType;
}

interface GoldText {
  /**
   * dev: written with the finder and tuned on. heldout: written once the code was frozen (first
   * score P 0.884 R 0.905 F1 0.894; the generic faults it showed were fixed after, so it is dev
   * now too). heldout2: written last and never tuned on — the honest figure.
   */
  split?: 'dev' | 'heldout' | 'heldout2';
  text: string;
  note?: string;
  quotes: GoldQuote[];
}

/** Folded for speaker comparison: search fold, quotation marks and punctuation out, spaces collapsed. */
function foldName(s: string): string {
  return foldForSearch(s)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function speakersMatch(pred: string, gold: string): boolean {
  const a = foldName(pred);
  const b = foldName(gold);
  return a.length > 0 && b.length > 0 && (a.includes(b) || b.includes(a));
}

function overlapShare(a: [number, number], b: [number, number]): number {
  const inter = Math.min(a[1], b[1]) - Math.max(a[0], b[0]);
  if (inter <= 0) return 0;
  return inter / Math.max(a[1] - a[0], b[1] - b[0]);
}

interface GoldScore {
  gold: number;
  predicted: number;
  matched: number;
  typeOk: number;
  directOk: number;
  roleOk: number;
  roleGold: number;
  misses: string[];
  falsePositives: string[];
}

const short = (s: string, n = 70) => (s.length > n ? `${s.slice(0, n)}…` : s);

function scoreGold(texts: Array<GoldText & { index: number }>): GoldScore {
  const r: GoldScore = {
    gold: 0,
    predicted: 0,
    matched: 0,
    typeOk: 0,
    directOk: 0,
    roleOk: 0,
    roleGold: 0,
    misses: [],
    falsePositives: [],
  };
  for (const t of texts) {
    const ti = t.index;
    const preds = findQuotes(t.text);
    r.predicted += preds.length;
    const used = new Set<Quote>();
    for (const g of t.quotes) {
      r.gold++;
      const at = t.text.indexOf(g.statement);
      if (at < 0) throw new Error(`gold text ${ti}: statement not in the text: ${g.statement}`);
      const span: [number, number] = [at, at + g.statement.length];
      const spanMatches = preds.filter(
        (p) => !used.has(p) && overlapShare([p.start, p.end], span) >= MIN_OVERLAP,
      );
      const m = spanMatches.find((p) => speakersMatch(p.speaker, g.speaker));
      if (!m) {
        const why =
          spanMatches.length > 0
            ? `speaker ${spanMatches.map((p) => p.speaker).join(' / ')}`
            : `no span (${preds.filter((p) => overlapShare([p.start, p.end], span) > 0).length} overlapping)`;
        r.misses.push(`#${ti} ${g.speaker} [${g.cue}] «${short(g.statement)}» — ${why}`);
        continue;
      }
      used.add(m);
      r.matched++;
      if (m.sourceType === g.sourceType) r.typeOk++;
      else r.misses.push(`#${ti} type ${m.sourceType} ≠ ${g.sourceType}: ${g.speaker} [${g.cue}]`);
      if (m.direct === g.direct) r.directOk++;
      else r.misses.push(`#${ti} direct ${m.direct} ≠ ${g.direct}: ${g.speaker} «${short(g.statement, 40)}»`);
      if (g.role) {
        r.roleGold++;
        if (m.role && speakersMatch(m.role, g.role)) r.roleOk++;
        else r.misses.push(`#${ti} role ${m.role ?? '—'} ≠ ${g.role}`);
      }
    }
    for (const p of preds) {
      if (!used.has(p)) r.falsePositives.push(`#${ti} ${p.speaker} [${p.cue}] «${short(p.text)}»`);
    }
  }
  return r;
}

/** Runs findQuotes on every corpus text, writes <id>.json, runs check.mjs; returns its output. */
function scoreCorpus(dir: string): string {
  const out = mkdtempSync(join(tmpdir(), 'marsad-quotes-'));
  try {
    for (const name of readdirSync(join(dir, 'texts')).filter((f) => f.endsWith('.txt'))) {
      const text = readFileSync(join(dir, 'texts', name), 'utf8');
      const quotes = findQuotes(text);
      writeFileSync(join(out, name.replace(/\.txt$/, '.json')), JSON.stringify({ quotes }, null, 1));
    }
    const run = spawnSync(process.execPath, [join(dir, 'check.mjs'), out, '-v'], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`check.mjs failed: ${run.stderr}`);
    return run.stdout;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/**
 * MB/s of UTF-8 text through findQuotes, one call per text (as the pipeline calls it), wall-clock.
 * The best of three rounds is kept: on a shared machine other jobs only ever slow a round down.
 */
function bench(samples: string[]): number {
  const bytesOnce = samples.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const repeats = Math.max(1, Math.ceil(BENCH_BYTES / 3 / bytesOnce));
  for (const t of samples) findQuotes(t); // warm-up
  let best = 0;
  for (let round = 0; round < 3; round++) {
    const t0 = performance.now();
    for (let r = 0; r < repeats; r++) for (const t of samples) findQuotes(t);
    const seconds = (performance.now() - t0) / 1000;
    best = Math.max(best, (repeats * bytesOnce) / 1e6 / seconds);
  }
  return best;
}

function main(): number {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log('Usage: npm run eval:quotes -- [--corpus DIR] [--quiet]');
    return 0;
  }
  const gold = (JSON.parse(readFileSync(GOLD_PATH, 'utf8')) as GoldText[]).map((g, index) => ({
    ...g,
    index,
  }));
  const x = (v: number) => v.toFixed(3);
  console.log(`eval:quotes — written gold, ${GOLD_PATH.slice(REPO_ROOT.length + 1)}`);
  const parts: Array<[string, typeof gold]> = [
    ['dev (tuned on)', gold.filter((g) => (g.split ?? 'dev') === 'dev')],
    ['held-out 1 (frozen code; its faults fixed since)', gold.filter((g) => g.split === 'heldout')],
    ['held-out 2 (never tuned on)', gold.filter((g) => g.split === 'heldout2')],
    ['all', gold],
  ];
  for (const [label, texts] of parts) {
    if (texts.length === 0) continue;
    const s = scoreGold(texts);
    const p = s.predicted ? s.matched / s.predicted : 0;
    const rc = s.gold ? s.matched / s.gold : 0;
    const f1 = p + rc ? (2 * p * rc) / (p + rc) : 0;
    console.log(`${label}: ${texts.length} texts, ${s.gold} statements`);
    console.log(
      `  precision ${s.matched}/${s.predicted} = ${x(p)}  recall ${s.matched}/${s.gold} = ${x(rc)}  F1 ${x(f1)}`,
    );
    console.log(
      `  on matched: source type ${s.typeOk}/${s.matched} = ${x(s.typeOk / (s.matched || 1))}, direct ${s.directOk}/${s.matched} = ${x(s.directOk / (s.matched || 1))}, role ${s.roleOk}/${s.roleGold} = ${x(s.roleOk / (s.roleGold || 1))}`,
    );
    if (!values.quiet && label !== 'all') {
      for (const m of s.misses) console.log(`  miss ${m}`);
      for (const f of s.falsePositives) console.log(`  fp   ${f}`);
    }
  }

  const corpus = values.corpus ?? DEFAULT_ANALYSE_CORPUS;
  const samples = gold.map((g) => g.text);
  if (existsSync(join(corpus, 'check.mjs'))) {
    console.log(`\nreal texts: ${corpus} (scored by its check.mjs on a quotes-only output)`);
    const report = scoreCorpus(corpus);
    for (const line of report.split('\n')) {
      if (
        /^text|^\S+-\d{4}-/.test(line) ||
        /quotes recall/.test(line) ||
        (!values.quiet && /miss quote/.test(line))
      ) {
        console.log(`  ${line}`);
      }
    }
    for (const name of readdirSync(join(corpus, 'texts')))
      samples.push(readFileSync(join(corpus, 'texts', name), 'utf8'));
  } else {
    console.log(`\nreal texts: skipped — ${corpus} is absent`);
  }
  const load = loadavg()[0].toFixed(1);
  console.log(
    `\nspeed: ${bench(samples).toFixed(1)} MB/s of Arabic text (UTF-8 bytes, ${samples.length} texts, best of 3 rounds; load average ${load} on ${cpus().length} cores)`,
  );
  return 0;
}

process.exit(main());
