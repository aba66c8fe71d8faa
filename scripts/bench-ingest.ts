// bench:ingest — the ingest pipeline end to end (sitemap → jobs → polite fetch → extraction in
// worker threads → store → copy links) on the demo sites scaled to thousands of distinct article
// pages (scripts/lib/scaled-demo.ts), served by a real HTTP server on loopback in a child
// process. Reports pages/s end to end and per stage, DB size, peak RSS and CPU.
//
//   npm run bench:ingest                     20,000 pages, 2 workers, 32 in flight
//   npm run bench:ingest -- --pages 2000     a quick check (well under a minute)
//   npm run bench:ingest -- --json           machine output

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createFetcher } from '../src/fetch/index.js';
import { createLogger } from '../src/lib/log.js';
import { Ingest, type IngestCounts } from '../src/pipeline/ingest.js';
import { WorkerPool } from '../src/pipeline/pool.js';
import { openStore, type Store } from '../src/store/index.js';
import { type CliSpec, numberFlag, readFlags } from './lib/cli.js';
import { type ScaledDemo, type ServerStats, startScaledDemo } from './lib/scaled-demo.js';
import { renderTable } from './lib/table.js';

/** Defaults from the bench plan. */
const DEFAULT_PAGES = 20_000;
const DEFAULT_WORKERS = 2;
const DEFAULT_CONCURRENCY = 32;
/** Politeness on loopback: 8 requests in flight per host, no delay between them. */
const PER_HOST_CONCURRENCY = 8;
const PER_HOST_DELAY_MS = 0;
/** Pages timed one at a time after the run, to see each stage's cost without queueing. */
const DEFAULT_CALIBRATE_PAGES = 200;

/** The target: pages per second end to end on the two-core machine, network excluded. */
const TARGET_PAGES_PER_SECOND = 100;
/** A 1-minute load average above this (the machine's core count when it was set) means other
 * jobs shared the CPU: the numbers are then pessimistic. */
const BUSY_LOAD = 2;

/** How often RSS is sampled (worker threads share the process, so this covers them). */
const RSS_SAMPLE_MS = 200;
/** How often a progress line goes to stderr. */
const PROGRESS_MS = 5_000;

const USER_AGENT = 'MarsadBench/0.1 (+http://127.0.0.1/bench)';

const CLI: CliSpec = {
  usage: 'npm run bench:ingest --',
  summary: [
    'Ingests the demo sites scaled to --pages distinct article pages (variant k of a page at',
    '/v<k><path>, its own canonical URL and ~20% of its words replaced) from 7 loopback hosts, one',
    'sitemap each, through the real fetcher, worker pool, SQLite store and copy linking, in this',
    'process with a temporary data directory. The HTTP server runs in a child process.',
  ].join('\n'),
  flags: [
    {
      name: 'pages',
      type: 'string',
      valueName: 'N',
      help: `article pages to serve and ingest (default ${DEFAULT_PAGES})`,
    },
    {
      name: 'workers',
      type: 'string',
      valueName: 'N',
      help: `extraction worker threads (default ${DEFAULT_WORKERS})`,
    },
    {
      name: 'concurrency',
      type: 'string',
      valueName: 'N',
      help: `pages in flight, fetch + process (default ${DEFAULT_CONCURRENCY}; ${PER_HOST_CONCURRENCY} per host)`,
    },
    {
      name: 'calibrate',
      type: 'string',
      valueName: 'N',
      help: `after the run, time N pages one at a time per stage (default ${DEFAULT_CALIBRATE_PAGES}; 0 skips)`,
    },
    {
      name: 'gzip',
      type: 'boolean',
      help: 'serve gzip-compressed responses (costs the server and fetcher CPU)',
    },
    { name: 'keep', type: 'boolean', help: 'keep the temporary data directory and print where it is' },
    { name: 'json', type: 'boolean', help: 'print the results as JSON' },
  ],
  epilogue: [
    'Stage times are summed over pages by the pipeline (src/pipeline/ingest.ts) and overlap across',
    'the pages in flight: "fetch" includes waiting for a politeness slot, "process" includes waiting',
    'for a free worker. "In stage" is the average number of pages in that stage (sum ÷ wall time).',
    'The calibration times pages one at a time (no queueing) to give each stage its own capacity.',
    'Exit status 0 unless the run fails; missing the target is reported, not an error.',
  ].join('\n'),
};

interface Options {
  pages: number;
  workers: number;
  concurrency: number;
  calibrate: number;
  gzip: boolean;
  keep: boolean;
}

/** One-at-a-time costs measured after the run (null when skipped). */
interface Calibration {
  pages: number;
  /** Through the real fetcher, one request at a time (loopback, server render included). */
  fetchMs: number;
  /** Through the worker pool, one task at a time: extraction (+ analysis) + the thread hop. */
  processMs: number;
}

interface Report {
  options: Options;
  server: string;
  load: { start: number; end: number; cores: number; busy: boolean };
  sites: { id: string; pages: number }[];
  pages: number;
  seconds: number;
  discoverySeconds: number;
  warmupSeconds: number;
  pagesPerSecond: number;
  targetPagesPerSecond: number;
  stages: {
    fetch: StageReport;
    process: StageReport;
    store: StageReport;
    link: StageReport;
  };
  /** The main thread fetches, stores and links; its CPU per page bounds the pipeline. */
  mainThread: {
    /** performance.eventLoopUtilization: time not idle in the poll, waiting for a CPU included. */
    eventLoopUtilization: number;
    /** From /proc (Linux): CPU time ÷ pages, and time spent runnable but waiting for a core. */
    cpuMsPerPage: number | null;
    runQueueWaitSeconds: number | null;
    capacityPagesPerSecond: number | null;
  };
  cpu: {
    pipelineSeconds: number;
    coresUsed: number;
    /** Every thread but the main one (extraction workers, their loaders, libuv, GC) ÷ pages. */
    otherThreadsMsPerPage: number | null;
    serverSeconds: number;
  };
  html: { bytes: number; megabytesPerSecond: number; meanPageKb: number };
  db: { bytes: number; megabytes: number; megabytesPer1000Articles: number; rawBytesStored: number };
  rss: { peakSampledMb: number; maxRssMb: number; serverMaxRssMb: number };
  counts: Omit<IngestCounts, 'times'>;
  analysis: 'on' | 'off (no mentions or quotes stored)';
  calibration: Calibration | null;
  serverStats: ServerStats;
  dataDir: string | null;
}

interface StageReport {
  /** Summed ms ÷ pages through the stage (articles for link). */
  meanMs: number;
  /** Average pages in the stage at once (summed ms ÷ wall ms). */
  inStage: number;
  /** Pages/s the stage could sustain alone, where it can be told; null otherwise. */
  capacityPagesPerSecond: number | null;
}

async function main(argv: string[]): Promise<number> {
  const flags = readFlags(CLI, argv, 'bench:ingest');
  if (typeof flags === 'number') return flags;
  const problems: string[] = [];
  const options: Options = {
    pages: numberFlag(flags, 'pages', problems) ?? DEFAULT_PAGES,
    workers: numberFlag(flags, 'workers', problems) ?? DEFAULT_WORKERS,
    concurrency: numberFlag(flags, 'concurrency', problems) ?? DEFAULT_CONCURRENCY,
    calibrate: numberFlag(flags, 'calibrate', problems) ?? DEFAULT_CALIBRATE_PAGES,
    gzip: flags.gzip === true,
    keep: flags.keep === true,
  };
  for (const name of ['pages', 'workers', 'concurrency'] as const) {
    if (!Number.isInteger(options[name]) || options[name] < 1)
      problems.push(`--${name} needs a whole number ≥ 1`);
  }
  if (problems.length > 0) {
    console.error(`bench:ingest: ${problems.join('; ')}`);
    return 2;
  }
  const asJson = flags.json === true;
  const say = (line: string) => {
    if (!asJson) process.stderr.write(`${line}\n`);
  };

  const loadStart = loadavg()[0];
  if (loadStart > BUSY_LOAD)
    say(
      `bench:ingest: warning — load average ${loadStart.toFixed(2)} > ${BUSY_LOAD} at start; the numbers will be pessimistic.`,
    );

  say(`bench:ingest: starting the scaled demo server (${options.pages} pages)…`);
  const demo = await startScaledDemo({ pages: options.pages, gzip: options.gzip });
  const dataDir = mkdtempSync(join(tmpdir(), 'marsad-bench-ingest-'));
  let store: Store | null = null;
  try {
    store = await openStore(dataDir);
    const outcome = await run(options, demo, store, dataDir, say).catch((err: unknown) =>
      err instanceof Error ? err : new Error(String(err)),
    );
    if (outcome instanceof Error) {
      console.error(`bench:ingest: the run failed: ${outcome.message}`);
      return 1;
    }
    const report = outcome;
    report.load.start = loadStart;
    report.load.busy = Math.max(report.load.start, report.load.end) > BUSY_LOAD;
    if (asJson) console.log(JSON.stringify(report, null, 2));
    else printReport(report);
    return 0;
  } finally {
    await store?.close();
    await demo.close();
    if (!options.keep) rmSync(dataDir, { recursive: true, force: true });
  }
}

async function run(
  options: Options,
  demo: ScaledDemo,
  store: Store,
  dataDir: string,
  say: (line: string) => void,
): Promise<Report> {
  const log = createLogger('error', (line) => process.stderr.write(line), false);
  const fetcher = createFetcher({
    userAgent: USER_AGENT,
    allowPrivate: true,
    perHostConcurrency: PER_HOST_CONCURRENCY,
    perHostDelayMs: PER_HOST_DELAY_MS,
    globalConcurrency: options.concurrency,
  });
  const pool = new WorkerPool(options.workers);
  const ingest = new Ingest({ store, fetcher, pool, log, concurrency: options.concurrency });
  try {
    // Workers load their modules (through tsx here) on their first task: do that before the clock.
    const w0 = performance.now();
    await Promise.all(
      Array.from({ length: options.workers }, () =>
        pool.run({
          bytes: new TextEncoder().encode('<html><body><h1>تجربة</h1><p>نص قصير للإحماء.</p></body></html>'),
          url: 'http://127.0.0.1/warm-up',
          contentType: 'text/html; charset=utf-8',
          fetchedAt: new Date().toISOString(),
        }),
      ),
    );
    const warmupSeconds = (performance.now() - w0) / 1000;

    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, RSS_SAMPLE_MS);
    const started = performance.now();
    const progress = setInterval(() => {
      const s = (performance.now() - started) / 1000;
      const c = ingest.counts;
      say(
        `  ${s.toFixed(0)} s: ${c.fetched} of ${options.pages} pages (${(c.fetched / s).toFixed(1)} pages/s), ${c.failed} failed`,
      );
    }, PROGRESS_MS);
    const elu0 = performance.eventLoopUtilization();
    const cpu0 = process.cpuUsage();
    const threads0 = threadTimes();

    for (const site of demo.sites) await ingest.discover(site.sitemapUrl, { allowPrivate: true });
    const discovered = performance.now();
    await ingest.drain(true);
    const finished = performance.now();

    const cpu = process.cpuUsage(cpu0);
    const elu = performance.eventLoopUtilization(elu0);
    const threads1 = threadTimes();
    const threads =
      threads0 && threads1
        ? {
            mainCpuMs: threads1.mainCpuMs - threads0.mainCpuMs,
            mainWaitMs: threads1.mainWaitMs - threads0.mainWaitMs,
            allCpuMs: threads1.allCpuMs - threads0.allCpuMs,
          }
        : null;
    clearInterval(progress);
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const maxRss = process.resourceUsage().maxRSS * 1024;
    const loadEnd = loadavg()[0];

    const stats = await store.stats();
    const analysis = (await hasAnalysis(store)) ? 'on' : 'off (no mentions or quotes stored)';
    const serverStats = await demo.stats();
    say(`bench:ingest: ingested in ${((finished - started) / 1000).toFixed(1)} s; calibrating…`);
    const calibration =
      options.calibrate > 0 ? await calibrate(options.calibrate, demo, fetcher, pool) : null;

    const wallMs = finished - started;
    const { times, ...counts } = ingest.counts;
    const pages = counts.fetched;
    const perPage = (ms: number, n: number) => (n > 0 ? ms / n : 0);
    const storeMs = perPage(times.store, pages);
    const linkMs = perPage(times.link, counts.articles);
    const mainMsPerPage = threads ? perPage(threads.mainCpuMs, pages) : null;
    const capacity = (ms: number | null) => (ms && ms > 0 ? 1000 / ms : null);
    return {
      options,
      server: `${demo.where}, ${options.gzip ? 'gzip' : 'identity'} responses, variant bodies rendered per request`,
      load: { start: 0, end: loadEnd, cores: availableParallelism(), busy: false },
      sites: demo.sites.map((s) => ({ id: s.id, pages: s.pages })),
      pages,
      seconds: wallMs / 1000,
      discoverySeconds: (discovered - started) / 1000,
      warmupSeconds,
      pagesPerSecond: pages / (wallMs / 1000),
      targetPagesPerSecond: TARGET_PAGES_PER_SECOND,
      stages: {
        fetch: {
          meanMs: perPage(times.fetch, pages + counts.failed),
          inStage: times.fetch / wallMs,
          capacityPagesPerSecond: null,
        },
        process: {
          meanMs: perPage(times.process, pages),
          inStage: times.process / wallMs,
          capacityPagesPerSecond: calibration ? (options.workers * 1000) / calibration.processMs : null,
        },
        store: { meanMs: storeMs, inStage: times.store / wallMs, capacityPagesPerSecond: capacity(storeMs) },
        link: { meanMs: linkMs, inStage: times.link / wallMs, capacityPagesPerSecond: capacity(linkMs) },
      },
      mainThread: {
        eventLoopUtilization: elu.utilization,
        cpuMsPerPage: mainMsPerPage,
        runQueueWaitSeconds: threads ? threads.mainWaitMs / 1000 : null,
        capacityPagesPerSecond: capacity(mainMsPerPage),
      },
      cpu: {
        pipelineSeconds: (cpu.user + cpu.system) / 1e6,
        coresUsed: (cpu.user + cpu.system) / 1000 / wallMs,
        otherThreadsMsPerPage: threads ? perPage(threads.allCpuMs - threads.mainCpuMs, pages) : null,
        serverSeconds: (serverStats.cpuUserMs + serverStats.cpuSystemMs) / 1000,
      },
      html: {
        bytes: stats.rawBytes,
        megabytesPerSecond: stats.rawBytes / 1e6 / (wallMs / 1000),
        meanPageKb: perPage(stats.rawBytes, stats.pages) / 1000,
      },
      db: {
        bytes: stats.dbBytes ?? 0,
        megabytes: (stats.dbBytes ?? 0) / 1e6,
        megabytesPer1000Articles:
          stats.articles > 0 ? (stats.dbBytes ?? 0) / 1e6 / (stats.articles / 1000) : 0,
        rawBytesStored: stats.rawBytes,
      },
      rss: { peakSampledMb: peakRss / 1e6, maxRssMb: maxRss / 1e6, serverMaxRssMb: serverStats.maxRssMb },
      counts,
      analysis,
      calibration,
      serverStats,
      dataDir: options.keep ? dataDir : null,
    };
  } finally {
    await pool.close();
    await fetcher.close();
  }
}

interface ThreadTimes {
  mainCpuMs: number;
  mainWaitMs: number;
  allCpuMs: number;
}

/**
 * CPU time and run-queue wait of this process's threads from /proc/self/task/<tid>/schedstat
 * (nanoseconds on the CPU, nanoseconds runnable but waiting); null where /proc is missing.
 * The main thread's tid is the pid. Threads that exited took their counts with them.
 */
function threadTimes(): ThreadTimes | null {
  try {
    const t: ThreadTimes = { mainCpuMs: 0, mainWaitMs: 0, allCpuMs: 0 };
    for (const tid of readdirSync('/proc/self/task')) {
      let fields: string[];
      try {
        fields = readFileSync(`/proc/self/task/${tid}/schedstat`, 'utf8').trim().split(/\s+/);
      } catch {
        continue; // the thread exited meanwhile
      }
      const cpuMs = Number(fields[0]) / 1e6;
      t.allCpuMs += cpuMs;
      if (tid === String(process.pid)) {
        t.mainCpuMs = cpuMs;
        t.mainWaitMs = Number(fields[1]) / 1e6;
      }
    }
    return t;
  } catch {
    return null;
  }
}

/** Whether analysis ran: any of the first stored articles has mentions or quotes. */
async function hasAnalysis(store: Store): Promise<boolean> {
  for (const a of await store.listArticles({ limit: 50 })) {
    if ((await store.mentionsOf(a.id)).length > 0 || (await store.quotesOf(a.id)).length > 0) return true;
  }
  return false;
}

/**
 * Times `n` variant pages one at a time: through the real fetcher (loopback, no queueing), then
 * through the worker pool (one task in flight). Pages are spread over every site; they were all
 * fetched already, so the bench server renders them again but nothing is stored.
 */
async function calibrate(
  n: number,
  demo: ScaledDemo,
  fetcher: ReturnType<typeof createFetcher>,
  pool: WorkerPool,
): Promise<Calibration> {
  // The sitemaps list the variant URLs; take evenly spaced ones from each site.
  const lists = await Promise.all(
    demo.sites.map(async (s) => {
      const res = await fetcher.fetch(s.sitemapUrl, { allowPrivate: true, accept: 'any' });
      if (!res.ok) return [];
      return [...new TextDecoder().decode(res.value.body).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    }),
  );
  // Evenly spaced pages of each site, interleaved site by site, the first n of them.
  const perSite = Math.ceil(n / demo.sites.length);
  const picks = lists.map((l) =>
    Array.from({ length: Math.min(perSite, l.length) }, (_, j) => l[Math.floor((j * l.length) / perSite)]),
  );
  const sample = Array.from({ length: perSite }, (_, j) =>
    picks.flatMap((p) => (j < p.length ? [p[j]] : [])),
  ).flat();
  sample.length = Math.min(sample.length, n);
  const pages: { url: string; body: Uint8Array; contentType: string | null }[] = [];
  let fetchMs = 0;
  for (const url of sample) {
    const t0 = performance.now();
    const res = await fetcher.fetch(url, { allowPrivate: true, accept: 'html' });
    fetchMs += performance.now() - t0;
    if (res.ok) pages.push({ url, body: res.value.body, contentType: res.value.contentType });
  }
  let processMs = 0;
  const fetchedAt = new Date().toISOString();
  for (const p of pages) {
    const t0 = performance.now();
    await pool.run({ bytes: p.body, url: p.url, contentType: p.contentType, fetchedAt });
    processMs += performance.now() - t0;
  }
  return {
    pages: pages.length,
    fetchMs: sample.length > 0 ? fetchMs / sample.length : 0,
    processMs: pages.length > 0 ? processMs / pages.length : 0,
  };
}

// ---------------------------------------------------------------------------------------------
// Report

function printReport(r: Report): void {
  const f1 = (x: number) => x.toFixed(1);
  const f2 = (x: number) => x.toFixed(2);
  const met = r.pagesPerSecond >= r.targetPagesPerSecond;
  const lines = [
    `bench:ingest — ${r.pages} pages from ${r.sites.length} loopback hosts (${r.sites.map((s) => `${s.id} ${s.pages}`).join(', ')})`,
    `server: ${r.server}`,
    `pipeline: this process, ${r.options.workers} worker thread(s), ${r.options.concurrency} pages in flight, ${PER_HOST_CONCURRENCY} per host, per-host delay ${PER_HOST_DELAY_MS} ms; analysis ${r.analysis}`,
    `load average (1 min): ${f2(r.load.start)} at start, ${f2(r.load.end)} at end, ${r.load.cores} core(s)${r.load.busy ? ` — WARNING: above ${BUSY_LOAD}, other jobs shared the CPU: the numbers are pessimistic` : ''}`,
    '',
    `pages          ${r.pages} in ${f1(r.seconds)} s (sitemap discovery ${f2(r.discoverySeconds)} s included; worker warm-up ${f2(r.warmupSeconds)} s before the clock)`,
    `end to end     ${f1(r.pagesPerSecond)} pages/s — target ≥ ${r.targetPagesPerSecond}: ${met ? 'met ✓' : 'missed ✗'}`,
    `HTML           ${f1(r.html.bytes / 1e6)} MB processed, ${f2(r.html.megabytesPerSecond)} MB/s, ${f1(r.html.meanPageKb)} KB a page`,
    `DB             ${f1(r.db.megabytes)} MB (file + WAL), ${f2(r.db.megabytesPer1000Articles)} MB per 1,000 articles; raw bytes stored ${f1(r.db.rawBytesStored / 1e6)} MB (kept brotli-compressed)`,
    `peak RSS       ${r.rss.peakSampledMb.toFixed(0)} MB sampled every ${RSS_SAMPLE_MS} ms (main + worker threads); kernel high-water mark ${r.rss.maxRssMb.toFixed(0)} MB; server child ${r.rss.serverMaxRssMb.toFixed(0)} MB`,
    `CPU            pipeline ${f1(r.cpu.pipelineSeconds)} s (${f2(r.cpu.coresUsed)} of ${r.load.cores} cores on average), server child ${f1(r.cpu.serverSeconds)} s`,
    r.mainThread.cpuMsPerPage === null
      ? `main thread    event loop utilisation ${(r.mainThread.eventLoopUtilization * 100).toFixed(0)}% (per-thread CPU needs Linux /proc)`
      : `main thread    ${f2(r.mainThread.cpuMsPerPage)} ms CPU a page (fetch I/O, store, link, job queue, worker messages) → at most ${r.mainThread.capacityPagesPerSecond?.toFixed(0)} pages/s on one core; waited ${f1(r.mainThread.runQueueWaitSeconds ?? 0)} s for a free core; event loop utilisation ${(r.mainThread.eventLoopUtilization * 100).toFixed(0)}%`,
    r.cpu.otherThreadsMsPerPage === null
      ? null
      : `other threads  ${f2(r.cpu.otherThreadsMsPerPage)} ms CPU a page (extraction workers, GC, libuv)`,
    `counts         ${r.counts.articles} articles, ${r.counts.notArticles} not articles, ${r.counts.duplicates} duplicates, ${r.counts.unchanged} unchanged, ${r.counts.copies} copy links, ${r.counts.failed} failures (discovered ${r.counts.discovered})`,
    '',
  ].filter((l): l is string => l !== null);
  const row = (name: string, s: StageReport, alone: string) => [
    name,
    f2(s.meanMs),
    f2(s.inStage),
    alone,
    s.capacityPagesPerSecond === null ? '·' : s.capacityPagesPerSecond.toFixed(0),
  ];
  const c = r.calibration;
  lines.push(
    renderTable(
      ['stage', 'mean ms/page', 'pages in stage', 'alone ms/page', 'capacity pages/s'],
      [
        row('fetch (incl. politeness wait)', r.stages.fetch, c ? f2(c.fetchMs) : '·'),
        row(`process (incl. wait for a worker)`, r.stages.process, c ? `${f2(c.processMs)} (1 worker)` : '·'),
        row('store (main thread)', r.stages.store, '='),
        row('link (per article, main thread)', r.stages.link, '='),
      ],
      ['left', 'right', 'right', 'right', 'right'],
    ),
  );
  lines.push(
    '',
    '"pages in stage" = summed stage time ÷ wall time (average pages there at once, of',
    `${r.options.concurrency} in flight). "alone" = ${c ? `${c.pages} pages` : 'pages'} timed one at a time after the run; process capacity =`,
    'workers ÷ alone time (if each worker had a core to itself); store and link run synchronously',
    'on the main thread, so their capacity is 1000 ÷ mean ms.',
  );
  if (r.dataDir) lines.push('', `data kept in ${r.dataDir}`);
  console.log(lines.join('\n'));
}

process.exitCode = await main(process.argv.slice(2));
