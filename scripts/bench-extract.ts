// bench:extract — how fast Marsad's extractArticle is on the shared corpus pages, next to
// Readability (on linkedom, its fast setup, and on jsdom, its usual one) and a bare
// htmlparser2 DOM build (the floor: no extractor can beat parsing the page once).
//
// Each system runs in its own child process (`node --import tsx scripts/bench-extract.ts
// --system NAME`) so its peak RSS is its own; the parent runs them one after the other (the
// machine has two shared cores: running them side by side would skew both) and prints the table.
import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { type CliSpec, numberFlag, readFlags } from './lib/cli.js';
import { type CorpusPage, loadCorpus } from './lib/corpus.js';
import { decodeForBaseline } from './lib/decode.js';
import { loadExtractArticle } from './lib/marsad.js';
import { DEFAULT_CORPUS_DIR, REPO_ROOT } from './lib/paths.js';
import { renderTable } from './lib/table.js';

/** Warm-up passes over every page before timing: lets the JIT settle and fills caches. */
const DEFAULT_WARMUP_PASSES = 2;
/**
 * Warm-up stops early, after its first pass, once it has taken this long: one ~5 s pass of
 * Readability+jsdom is warm enough, and a second would cost the time budget.
 */
const WARMUP_MAX_SECONDS = 3;
/**
 * Timed passes continue until this many seconds have passed (whole passes only). Readability
 * on jsdom needs ~5 s a pass over the dev corpus, so it gets one or two timed passes and the
 * whole bench stays under a minute on two shared cores; the fast systems get hundreds.
 */
const DEFAULT_MIN_SECONDS = 5;
/**
 * A child that runs longer than this is killed. An unloaded run takes ~15 s for the slowest
 * system (jsdom); the margin is for a machine shared with other jobs.
 */
const CHILD_TIMEOUT_MS = 90_000;

/** Targets from the extraction plan, shown next to the measured numbers. */
const TARGET_PAGES_PER_SECOND = 100;
const TARGET_VS_READABILITY_LINKEDOM = 6;
const TARGET_VS_BARE_PARSE = 2.5;
const TARGET_MAX_PAGE_MS = 1000;

const SYSTEMS = ['marsad', 'readability-linkedom', 'readability-jsdom', 'htmlparser2'] as const;
type SystemName = (typeof SYSTEMS)[number];

const SYSTEM_LABELS: Record<SystemName, string> = {
  marsad: 'Marsad extractArticle',
  'readability-linkedom': 'Readability + linkedom',
  'readability-jsdom': 'Readability + jsdom',
  htmlparser2: 'htmlparser2 parseDocument (bare)',
};

const CLI: CliSpec = {
  usage: 'npm run bench:extract --',
  summary: [
    'Times Marsad, Readability+linkedom, Readability+jsdom and a bare htmlparser2 parse on the corpus',
    'pages, each warm, each in its own child process. Marsad gets the raw bytes and decodes inside',
    'its timed loop; the other systems get text decoded once before theirs (BOM / <meta charset> /',
    'UTF-8, the truth encoding for a page that declares none). Readability is timed on parse() only.',
  ].join('\n'),
  flags: [
    {
      name: 'corpus',
      type: 'string',
      valueName: 'DIR',
      help: `corpus directory (default ${DEFAULT_CORPUS_DIR})`,
    },
    {
      name: 'system',
      type: 'string',
      valueName: 'NAME',
      help: `run one system in this process and print its result as JSON (${SYSTEMS.join(', ')})`,
    },
    { name: 'only', type: 'string', valueName: 'A,B', help: 'run only these systems (comma-separated)' },
    {
      name: 'warmup',
      type: 'string',
      valueName: 'N',
      help: `warm-up passes before timing (default ${DEFAULT_WARMUP_PASSES})`,
    },
    {
      name: 'seconds',
      type: 'string',
      valueName: 'S',
      help: `time whole passes for at least S seconds (default ${DEFAULT_MIN_SECONDS})`,
    },
    { name: 'passes', type: 'string', valueName: 'N', help: 'time exactly N passes instead of --seconds' },
    {
      name: 'in-process',
      type: 'boolean',
      help: 'run every system in this process (RSS is then shared and only sampled)',
    },
    { name: 'json', type: 'boolean', help: 'print the results as JSON instead of the table' },
  ],
  epilogue: [
    "Peak RSS in child mode is the child's own high-water mark (process.resourceUsage().maxRSS),",
    "which includes Node, tsx, the system's modules and the corpus in memory.",
    'Numbers on shared cores vary by ±10–20% from run to run; the bench always exits 0 unless a',
    'system fails to run.',
  ].join('\n'),
};

/** What one system measured. */
interface SystemResult {
  system: SystemName;
  pages: number;
  passes: number;
  seconds: number;
  inputBytes: number;
  pagesPerSecond: number;
  megabytesPerSecond: number;
  meanPageMs: number;
  /** The slowest single page run in the timed passes, and which page it was. */
  maxPageMs: number;
  maxPageId: string;
  /** Peak resident set size in MB, and how it was measured. */
  peakRssMb: number;
  rssMethod: 'maxRSS (own process)' | 'sampled (shared process)';
  /** RSS after loading modules and the corpus, before the first page. */
  startRssMb: number;
  /** Pages that threw, with the first message. */
  errors: Record<string, string>;
}

interface BenchOptions {
  warmup: number;
  seconds: number;
  passes: number | null;
}

/** A page prepared for one system: the input its timed call gets. */
interface Job {
  id: string;
  bytes: number;
  run: () => unknown;
}

async function main(argv: string[]): Promise<number> {
  const flags = readFlags(CLI, argv, 'bench:extract');
  if (typeof flags === 'number') return flags;
  const problems: string[] = [];
  const options: BenchOptions = {
    warmup: numberFlag(flags, 'warmup', problems) ?? DEFAULT_WARMUP_PASSES,
    seconds: numberFlag(flags, 'seconds', problems) ?? DEFAULT_MIN_SECONDS,
    passes: numberFlag(flags, 'passes', problems),
  };
  const systems = selectSystems(flags.system ?? flags.only);
  if (typeof systems === 'string') problems.push(systems);
  if (typeof flags.system === 'string' && flags.system.includes(','))
    problems.push('--system takes one name');
  if (typeof systems === 'string' || problems.length > 0) {
    console.error(`bench:extract: ${problems.join('; ')}`);
    return 2;
  }

  const corpusDir = typeof flags.corpus === 'string' ? flags.corpus : DEFAULT_CORPUS_DIR;
  const corpus = loadCorpus(corpusDir);
  if (corpus === null) {
    console.log(
      `bench:extract: skipped — no corpus at ${corpusDir} (the shared corpus lives outside the repository).`,
    );
    return 0;
  }

  // Child mode: one system, JSON out.
  if (typeof flags.system === 'string') {
    const result = await benchSystem(systems[0], corpus, options, 'maxRSS (own process)');
    console.log(JSON.stringify(result));
    return typeof result === 'string' ? 1 : 0;
  }

  const loadBefore = loadavg()[0];
  const results: (SystemResult | { system: SystemName; failure: string })[] = [];
  for (const system of systems) {
    if (!flags.json) console.error(`bench:extract: running ${SYSTEM_LABELS[system]}…`);
    const outcome = flags['in-process']
      ? await benchSystem(system, corpus, options, 'sampled (shared process)')
      : runChild(system, corpusDir, options);
    results.push(typeof outcome === 'string' ? { system, failure: outcome } : outcome);
  }

  const load = { before: loadBefore, after: loadavg()[0], cores: availableParallelism() };
  if (flags.json) {
    console.log(JSON.stringify({ corpus: corpusDir, options, load, results }, null, 2));
  } else {
    printReport(corpusDir, corpus, options, results, flags['in-process'] === true);
    printLoad(load);
  }
  return results.some((r) => 'failure' in r) ? 1 : 0;
}

function selectSystems(raw: string | boolean | undefined): SystemName[] | string {
  if (typeof raw !== 'string') return [...SYSTEMS];
  const names = raw.split(',').map((s) => s.trim());
  const unknown = names.filter((n) => !(SYSTEMS as readonly string[]).includes(n));
  if (unknown.length > 0) return `unknown system(s) ${unknown.join(', ')}; systems: ${SYSTEMS.join(', ')}`;
  return names as SystemName[];
}

/** Runs one system in a child process and reads its JSON line; a message when it fails. */
function runChild(system: SystemName, corpusDir: string, options: BenchOptions): SystemResult | string {
  const args = [
    '--import',
    'tsx',
    fileURLToPath(import.meta.url),
    '--system',
    system,
    '--corpus',
    corpusDir,
    '--warmup',
    String(options.warmup),
    ...(options.passes === null
      ? ['--seconds', String(options.seconds)]
      : ['--passes', String(options.passes)]),
  ];
  const child = spawnSync(process.execPath, args, {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: CHILD_TIMEOUT_MS,
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.error) return `child failed: ${child.error.message}`;
  const line = child.stdout.trim().split('\n').at(-1) ?? '';
  try {
    const parsed = JSON.parse(line) as SystemResult | string;
    return parsed;
  } catch {
    return `child exited with status ${child.status} and no result${line ? `: ${line.slice(0, 200)}` : ''}`;
  }
}

/** Prepares the jobs for a system: everything outside the timed call happens here. */
async function prepareJobs(system: SystemName, corpus: CorpusPage[]): Promise<Job[] | string> {
  if (system === 'marsad') {
    const loaded = await loadExtractArticle();
    if (!loaded.ok) return loaded.message;
    const { extractArticle } = loaded;
    // Marsad gets the bytes: decoding is part of its timed work.
    return corpus.map((p) => ({
      id: p.id,
      bytes: p.bytes.length,
      run: () => extractArticle(p.bytes, { url: p.truth.url }),
    }));
  }
  // Each child loads only its own system's modules, so its RSS is its own.
  const run = await loadRunner(system);
  // The other systems get text decoded once, here, before the timed loop.
  return corpus.map((p) => {
    const html = decodeForBaseline(p.bytes, p.truth.encoding).html;
    const url = p.truth.url;
    return { id: p.id, bytes: p.bytes.length, run: () => run(html, url) };
  });
}

async function loadRunner(
  system: Exclude<SystemName, 'marsad'>,
): Promise<(html: string, url: string | null) => unknown> {
  if (system === 'htmlparser2') {
    const { parseDocument } = await import('htmlparser2');
    return (html) => parseDocument(html);
  }
  const readability = await import('./lib/readability.js');
  return system === 'readability-linkedom'
    ? (html) => readability.parseReadabilityLinkedom(html)
    : (html, url) => readability.parseReadabilityJsdom(html, url);
}

async function benchSystem(
  system: SystemName,
  corpus: CorpusPage[],
  options: BenchOptions,
  rssMethod: SystemResult['rssMethod'],
): Promise<SystemResult | string> {
  const jobs = await prepareJobs(system, corpus);
  if (typeof jobs === 'string') return jobs;

  const startRss = process.memoryUsage().rss;
  let sampledPeak = startRss;
  const errors: Record<string, string> = {};
  const runJob = (job: Job): number => {
    const t0 = performance.now();
    try {
      job.run();
    } catch (error) {
      errors[job.id] ??= error instanceof Error ? error.message : String(error);
    }
    const ms = performance.now() - t0;
    sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss);
    return ms;
  };

  const warmupStart = performance.now();
  for (let pass = 0; pass < options.warmup; pass++) {
    if (pass > 0 && performance.now() - warmupStart > WARMUP_MAX_SECONDS * 1000) break;
    for (const job of jobs) runJob(job);
  }

  const maxMs = new Map<string, number>();
  let totalMs = 0;
  let passes = 0;
  const enough = () =>
    options.passes === null ? totalMs >= options.seconds * 1000 : passes >= options.passes;
  while (!enough()) {
    for (const job of jobs) {
      const ms = runJob(job);
      totalMs += ms;
      maxMs.set(job.id, Math.max(maxMs.get(job.id) ?? 0, ms));
    }
    passes++;
  }

  const pages = passes * jobs.length;
  const inputBytes = passes * jobs.reduce((a, j) => a + j.bytes, 0);
  const seconds = totalMs / 1000;
  const [maxPageId, maxPageMs] = [...maxMs].reduce((a, b) => (b[1] > a[1] ? b : a), ['', 0]);
  const peakRss = rssMethod === 'maxRSS (own process)' ? process.resourceUsage().maxRSS * 1024 : sampledPeak;
  return {
    system,
    pages,
    passes,
    seconds,
    inputBytes,
    pagesPerSecond: pages / seconds,
    megabytesPerSecond: inputBytes / 1e6 / seconds,
    meanPageMs: totalMs / pages,
    maxPageMs,
    maxPageId,
    peakRssMb: peakRss / 1e6,
    rssMethod,
    startRssMb: startRss / 1e6,
    errors,
  };
}

// ---------------------------------------------------------------------------------------------
// Report

/** Speeds only mean something next to how busy the machine was. */
function printLoad(load: { before: number; after: number; cores: number }): void {
  const busy = Math.max(load.before, load.after) > load.cores;
  console.log(
    `\nLoad average (1 min) before/after: ${load.before.toFixed(1)} / ${load.after.toFixed(1)} on ${load.cores} core(s)${busy ? ' — the machine was busy: speeds are understated, compare ratios rather than pages/s.' : '.'}`,
  );
}

function printReport(
  corpusDir: string,
  corpus: CorpusPage[],
  options: BenchOptions,
  results: (SystemResult | { system: SystemName; failure: string })[],
  inProcess: boolean,
): void {
  const totalBytes = corpus.reduce((a, p) => a + p.bytes.length, 0);
  console.log(
    `bench:extract — ${corpus.length} pages, ${(totalBytes / 1e6).toFixed(2)} MB a pass, from ${corpusDir}`,
  );
  console.log(
    `${options.warmup} warm-up pass(es) (fewer past ${WARMUP_MAX_SECONDS} s), then ${options.passes === null ? `whole passes for ≥ ${options.seconds} s` : `${options.passes} pass(es)`} per system, ${inProcess ? 'all in this process (RSS sampled, shared)' : 'one system per child process'}.`,
  );
  console.log(
    'Marsad gets raw bytes and decodes inside its timed loop; the others get text decoded once before theirs.',
  );
  console.log(
    'Readability is timed on parse() alone (no isProbablyReaderable); jsdom includes window.close().\n',
  );

  const rows = results.map((r) =>
    'failure' in r
      ? [SYSTEM_LABELS[r.system], 'failed', '', '', '', '', '', '', 'see below']
      : [
          SYSTEM_LABELS[r.system],
          r.pagesPerSecond.toFixed(1),
          r.megabytesPerSecond.toFixed(2),
          r.meanPageMs.toFixed(2),
          r.maxPageMs.toFixed(1),
          r.maxPageId,
          r.peakRssMb.toFixed(0),
          String(r.passes),
          Object.keys(r.errors).length === 0 ? '' : `${Object.keys(r.errors).length} page(s) threw`,
        ],
  );
  console.log(
    renderTable(
      ['system', 'pages/s', 'MB/s', 'mean ms', 'max ms', 'slowest page', 'peak RSS MB', 'passes', 'errors'],
      rows,
      ['left', 'right', 'right', 'right', 'right', 'left', 'right', 'right'],
    ),
  );
  for (const r of results) {
    if ('failure' in r) {
      console.log(`  ${SYSTEM_LABELS[r.system]} failed: ${r.failure}`);
      continue;
    }
    for (const [id, message] of Object.entries(r.errors))
      console.log(`  ${SYSTEM_LABELS[r.system]} threw on ${id}: ${message}`);
  }

  const get = (name: SystemName) =>
    results.find((r): r is SystemResult => r.system === name && !('failure' in r));
  const marsad = get('marsad');
  const linkedom = get('readability-linkedom');
  const jsdom = get('readability-jsdom');
  const bare = get('htmlparser2');
  const check = (ok: boolean) => (ok ? '✓' : '✗');
  const targetRows: string[][] = [];
  if (marsad) {
    targetRows.push([
      'Marsad pages/s',
      marsad.pagesPerSecond.toFixed(1),
      `≥ ${TARGET_PAGES_PER_SECOND}`,
      check(marsad.pagesPerSecond >= TARGET_PAGES_PER_SECOND),
    ]);
    if (linkedom) {
      const ratio = marsad.pagesPerSecond / linkedom.pagesPerSecond;
      targetRows.push([
        'Marsad vs Readability+linkedom (speed)',
        `${ratio.toFixed(2)}×`,
        `≥ ${TARGET_VS_READABILITY_LINKEDOM}×`,
        check(ratio >= TARGET_VS_READABILITY_LINKEDOM),
      ]);
    }
    if (jsdom) {
      targetRows.push([
        'Marsad vs Readability+jsdom (speed)',
        `${(marsad.pagesPerSecond / jsdom.pagesPerSecond).toFixed(2)}×`,
        '',
        '',
      ]);
    }
    if (bare) {
      const ratio = bare.pagesPerSecond / marsad.pagesPerSecond;
      targetRows.push([
        'bare parse vs Marsad (Marsad time ÷ parse time)',
        `${ratio.toFixed(2)}×`,
        `≤ ${TARGET_VS_BARE_PARSE}×`,
        check(ratio <= TARGET_VS_BARE_PARSE),
      ]);
    }
    targetRows.push([
      `Marsad slowest page (${marsad.maxPageId})`,
      `${marsad.maxPageMs.toFixed(1)} ms`,
      `< ${TARGET_MAX_PAGE_MS} ms`,
      check(marsad.maxPageMs < TARGET_MAX_PAGE_MS),
    ]);
  }
  if (targetRows.length > 0) {
    console.log(
      `\n${renderTable(['ratio', 'measured', 'target', 'met'], targetRows, ['left', 'right', 'right'])}`,
    );
  }
}

process.exitCode = await main(process.argv.slice(2));
