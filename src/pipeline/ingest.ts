// The ingest pipeline: sources → URLs → jobs in the store → polite fetches → extraction and
// analysis in worker threads → one transaction per page (page, article, analysis, job done)
// → copy links. Jobs live in the store, so a killed process resumes where it stopped: jobs
// left "running" go back to "pending", and a page stored before the kill is recognised by its
// URL and bytes and never stored twice.

import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FetchedPage, Fetcher } from '../fetch/index.js';
import type { Logger } from '../lib/log.js';
import { linkCopies } from '../link/index.js';
import {
  detectSourceKind,
  listLocalInputs,
  readFeed,
  readOpml,
  readSitemap,
  readUrlList,
  readWarc,
} from '../sources/index.js';
import type { JobRecord, Store } from '../store/index.js';
import type { WorkerPool } from './pool.js';

/** Job-level retries (the fetcher retries within one attempt too). */
const MAX_JOB_ATTEMPTS = 3;
/** First job retry after this long, doubling each attempt. */
const JOB_RETRY_BASE_MS = 30_000;
/** How deep sitemap indexes are followed. */
const MAX_SITEMAP_DEPTH = 3;
/** Idle wait between polls for new jobs. */
const IDLE_POLL_MS = 250;

export interface IngestDeps {
  store: Store;
  fetcher: Fetcher;
  pool: WorkerPool;
  log: Logger;
  /** Pages in flight at once (fetch + process). */
  concurrency: number;
}

/** Milliseconds spent per stage, summed over pages (stages overlap across pages in flight). */
export interface StageTimes {
  fetch: number;
  process: number;
  store: number;
  link: number;
}

export interface IngestCounts {
  times: StageTimes;
  discovered: number;
  fetched: number;
  stored: number;
  articles: number;
  unchanged: number;
  duplicates: number;
  copies: number;
  notArticles: number;
  failed: number;
}

export function emptyCounts(): IngestCounts {
  return {
    times: { fetch: 0, process: 0, store: 0, link: 0 },
    discovered: 0,
    fetched: 0,
    stored: 0,
    articles: 0,
    unchanged: 0,
    duplicates: 0,
    copies: 0,
    notArticles: 0,
    failed: 0,
  };
}

export interface DiscoverOptions {
  sourceId?: number | null;
  allowPrivate?: boolean;
  /** Validators from the last check of this source: a conditional GET, and nothing to do on 304. */
  etag?: string | null;
  lastModified?: string | null;
}

/** What a source check found out, for the next one. */
export interface DiscoverResult {
  ok: boolean;
  notModified: boolean;
  etag: string | null;
  lastModified: string | null;
}

const nowIso = () => new Date().toISOString();

/** Retryable fetch failures: the server or the network may do better later. */
function isRetryable(code: string, message: string): boolean {
  if (code === 'fetch.timeout' || code === 'fetch.failed') return true;
  return code === 'fetch.status' && /\b(?:429|5\d\d)\b/.test(message);
}

export class Ingest {
  readonly counts = emptyCounts();
  private stopping = false;
  private inFlight = 0;

  constructor(private readonly deps: IngestDeps) {}

  /** Ask the drain loop to stop taking new jobs; pages in flight finish. */
  stop() {
    this.stopping = true;
  }

  get isStopping() {
    return this.stopping;
  }

  /**
   * Turn one input (URL of a page, feed, sitemap, OPML or URL list; a local file, directory or WARC)
   * into jobs, or process it directly when it is itself a page.
   */
  async discover(input: string, opts: DiscoverOptions = {}, depth = 0): Promise<DiscoverResult> {
    const { log } = this.deps;
    const none: DiscoverResult = { ok: true, notModified: false, etag: null, lastModified: null };
    if (/^https?:\/\//i.test(input)) {
      const res = await this.deps.fetcher.fetch(input, {
        allowPrivate: opts.allowPrivate ?? false,
        accept: 'any',
        etag: depth === 0 ? (opts.etag ?? null) : null,
        lastModified: depth === 0 ? (opts.lastModified ?? null) : null,
      });
      if (!res.ok) {
        this.counts.failed++;
        log.error(`cannot read source: ${res.error.message}`, {
          url: input,
          code: res.error.code,
          stage: 'fetch',
        });
        return { ...none, ok: false };
      }
      const validators = { etag: res.value.etag, lastModified: res.value.lastModified };
      if (res.value.notModified) {
        log.debug('source not modified', { url: input, stage: 'sources' });
        return { ok: true, notModified: true, ...validators };
      }
      await this.discoverBytes(
        res.value.body,
        res.value.finalUrl,
        res.value.contentType,
        opts,
        depth,
        res.value,
      );
      return { ok: true, notModified: false, ...validators };
    }
    const path = resolve(input);
    let isDir = false;
    try {
      isDir = (await stat(path)).isDirectory();
    } catch {
      this.counts.failed++;
      log.error(`no such file or directory: ${input}`, { code: 'input.not-found', stage: 'sources' });
      return { ...none, ok: false };
    }
    if (isDir) {
      const files = await listLocalInputs(path);
      if (!files.ok) {
        log.error(files.error.message, { code: files.error.code, stage: 'sources' });
        return { ...none, ok: false };
      }
      for (const w of files.value.warnings) log.warn(w, { stage: 'sources', url: path });
      for (const f of files.value.files) await this.discover(f, opts, depth);
      return none;
    }
    const bytes = await readFile(path);
    await this.discoverBytes(bytes, pathToFileURL(path).href, null, opts, depth, null);
    return none;
  }

  private async discoverBytes(
    bytes: Uint8Array,
    url: string,
    contentType: string | null,
    opts: DiscoverOptions,
    depth: number,
    fetched: FetchedPage | null,
  ): Promise<void> {
    const { store, log } = this.deps;
    const kind = detectSourceKind(bytes, { url, contentType });
    const enqueue = async (urls: string[]) => {
      const n = await store.enqueue(
        urls.map((u) => ({
          url: u,
          sourceId: opts.sourceId ?? null,
          allowPrivate: opts.allowPrivate ?? false,
        })),
        nowIso(),
      );
      this.counts.discovered += n;
      log.info(`queued ${n} new of ${urls.length} URLs`, { url, stage: 'sources', kind });
    };
    switch (kind) {
      case 'rss':
      case 'atom':
      case 'rdf':
      case 'jsonfeed': {
        const feed = readFeed(bytes, { url });
        if (!feed.ok) return this.sourceError(url, feed.error.code, feed.error.message);
        return enqueue(feed.value.items.map((i) => i.url));
      }
      case 'sitemap':
      case 'sitemapindex': {
        const sm = readSitemap(bytes, { url });
        if (!sm.ok) return this.sourceError(url, sm.error.code, sm.error.message);
        if (sm.value.urls.length > 0) await enqueue(sm.value.urls.map((u) => u.url));
        if (depth >= MAX_SITEMAP_DEPTH) {
          if (sm.value.sitemaps.length > 0)
            log.warn('sitemap index nested too deep; children skipped', { url, stage: 'sources' });
          return;
        }
        for (const child of sm.value.sitemaps) await this.discover(child, opts, depth + 1);
        return;
      }
      case 'opml': {
        const list = readOpml(bytes);
        if (!list.ok) return this.sourceError(url, list.error.code, list.error.message);
        for (const s of list.value) await this.discover(s.url, opts, depth + 1);
        return;
      }
      case 'urllist': {
        const list = readUrlList(new TextDecoder().decode(bytes));
        if (!list.ok) return this.sourceError(url, list.error.code, list.error.message);
        for (const w of list.value.warnings)
          log.warn(`line ${w.line} skipped: ${w.reason}`, { url, stage: 'sources' });
        return enqueue(list.value.urls);
      }
      case 'warc': {
        for await (const rec of readWarc(bytes)) {
          if (!rec.ok) {
            this.counts.failed++;
            log.warn(`WARC record skipped: ${rec.error.message}`, {
              url,
              code: rec.error.code,
              stage: 'sources',
            });
            continue;
          }
          const r = rec.value;
          if (r.status < 200 || r.status >= 300) continue;
          await this.processPage(null, opts.sourceId ?? null, {
            url: r.url,
            finalUrl: r.url,
            status: r.status,
            headers: r.headers,
            contentType: r.contentType,
            body: r.body,
            fetchedAt: r.date ?? nowIso(),
            ms: 0,
          });
        }
        return;
      }
      case 'html':
        return this.processPage(null, opts.sourceId ?? null, {
          url,
          finalUrl: fetched?.finalUrl ?? url,
          status: fetched?.status ?? null,
          headers: fetched?.headers ?? {},
          contentType: contentType,
          body: bytes,
          fetchedAt: fetched?.fetchedAt ?? nowIso(),
          ms: fetched?.ms ?? null,
        });
      default:
        return this.sourceError(
          url,
          'source.unsupported',
          `${url}: not a page, feed, sitemap, OPML, URL list or WARC`,
        );
    }
  }

  private sourceError(url: string, code: string, message: string) {
    this.counts.failed++;
    this.deps.log.error(message, { url, code, stage: 'sources' });
  }

  /**
   * Work through the queued jobs. With `untilIdle`, return when nothing is pending or running;
   * otherwise keep polling until stop().
   */
  async drain(untilIdle: boolean): Promise<void> {
    const { store } = this.deps;
    const requeued = await store.requeueRunning();
    if (requeued > 0)
      this.deps.log.info(`resuming ${requeued} jobs left running by an earlier run`, { stage: 'pipeline' });
    const active = new Set<Promise<void>>();
    while (!this.stopping) {
      const free = this.deps.concurrency - active.size;
      const jobs = free > 0 ? await store.claimJobs(free, nowIso()) : [];
      for (const job of jobs) {
        const p = this.runJob(job).finally(() => active.delete(p));
        active.add(p);
      }
      if (jobs.length === 0) {
        if (active.size === 0) {
          if (untilIdle && (await store.jobCounts()).pending === 0) break;
          await sleep(IDLE_POLL_MS);
        } else {
          await Promise.race(active);
        }
      } else if (active.size >= this.deps.concurrency) {
        await Promise.race(active);
      }
    }
    await Promise.all(active);
  }

  get pagesInFlight(): number {
    return this.inFlight;
  }

  private async runJob(job: JobRecord): Promise<void> {
    const { store, fetcher, log } = this.deps;
    this.inFlight++;
    try {
      const t0 = performance.now();
      const res = await fetcher.fetch(job.url, { allowPrivate: job.allowPrivate, accept: 'html' });
      this.counts.times.fetch += performance.now() - t0;
      if (!res.ok) {
        const { code, message } = res.error;
        const retry = isRetryable(code, message) && job.attempts < MAX_JOB_ATTEMPTS;
        const retryAt = retry
          ? new Date(Date.now() + JOB_RETRY_BASE_MS * 2 ** (job.attempts - 1)).toISOString()
          : null;
        await store.failJob(job.id, code, message, retryAt);
        if (!retry) this.counts.failed++;
        log.warn(message, { url: job.url, code, stage: 'fetch', retry: retryAt });
        return;
      }
      if (res.value.notModified) {
        await store.finishJob(job.id, 'fetch.not-modified', null);
        this.counts.unchanged++;
        return;
      }
      this.counts.fetched++;
      await this.processPage(job.id, job.sourceId, { ...res.value, url: job.url });
    } catch (err) {
      // A bug, not bad input: record it on the job so nothing is silently lost.
      const message = err instanceof Error ? err.message : String(err);
      await store.failJob(job.id, 'pipeline.bug', message, null);
      this.counts.failed++;
      log.error(`failed to process page: ${message}`, { url: job.url, stage: 'pipeline' });
    } finally {
      this.inFlight--;
    }
  }

  private async processPage(
    jobId: number | null,
    sourceId: number | null,
    page: {
      url: string;
      finalUrl: string;
      status: number | null;
      headers: Record<string, string>;
      contentType: string | null;
      body: Uint8Array;
      fetchedAt: string;
      ms: number | null;
    },
  ): Promise<void> {
    const { store, pool } = this.deps;
    const t0 = performance.now();
    const processed = await pool.run({
      bytes: page.body,
      url: page.finalUrl,
      contentType: page.contentType,
      fetchedAt: page.fetchedAt,
    });
    const t1 = performance.now();
    const stored = await store.storeResult({
      jobId,
      page: {
        url: page.url,
        finalUrl: page.finalUrl,
        sourceId,
        status: page.status,
        headers: page.headers,
        contentType: page.contentType,
        fetchedAt: page.fetchedAt,
        fetchMs: page.ms,
        raw: page.body,
        sha256: createHash('sha256').update(page.body).digest('hex'),
      },
      article: processed.article,
      analysis: processed.analysis,
      bands: processed.bands,
    });
    const t2 = performance.now();
    this.counts.times.process += t1 - t0;
    this.counts.times.store += t2 - t1;
    if (!stored.inserted) {
      if (stored.duplicateOf !== null) this.counts.duplicates++;
      else this.counts.unchanged++;
      return;
    }
    this.counts.stored++;
    if (stored.articleId === null) {
      this.counts.notArticles++;
      return;
    }
    this.counts.articles++;
    await this.linkCopies(stored.articleId, processed.bands);
    this.counts.times.link += performance.now() - t2;
  }

  private async linkCopies(articleId: number, bands: string[]) {
    const { store } = this.deps;
    const me = await store.getArticle(articleId);
    if (!me?.minhash) return;
    const candidates = await store.lshCandidates(bands, articleId);
    const links = linkCopies(me, candidates);
    for (const l of links) {
      await store.setCopyOf(l.articleId, l.copyOf);
      if (l.copyOf !== null) this.counts.copies++;
    }
  }
}

function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
}
