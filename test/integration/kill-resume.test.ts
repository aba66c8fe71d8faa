// Killing an ingest with SIGKILL in the middle of 2,000 pages and starting it again ends with
// every page stored exactly once: none lost, none duplicated. SIGINT finishes cleanly.

import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import Database from 'better-sqlite3';
import { type NewsSite, startNewsSite } from '../helpers/news-site.js';

const PAGES = 2000;
const CLI = join(import.meta.dirname, '..', 'helpers', 'marsad-cli.ts');

let site: NewsSite;
before(async () => {
  site = await startNewsSite(PAGES, { delayMs: 2 });
});
after(async () => {
  await site.close();
});

function ingest(dataDir: string, extraEnv: Record<string, string> = {}): ChildProcess {
  return spawn(
    process.execPath,
    ['--import', 'tsx', CLI, 'ingest', '--allow-private', '--data-dir', dataDir, site.sitemapUrl],
    {
      env: {
        ...process.env,
        MARSAD_HOST_DELAY_MS: '0',
        MARSAD_HOST_CONCURRENCY: '16',
        MARSAD_WORKERS: '1',
        ...extraEnv,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

function count(dataDir: string, sql: string): number {
  try {
    const db = new Database(join(dataDir, 'marsad.db'), { readonly: true, fileMustExist: true });
    try {
      return Number((db.prepare(sql).get() as { n: number }).n);
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

async function waitFor(pred: () => boolean, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (!pred()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

function exit(
  child: ChildProcess,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }> {
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  return new Promise((r) => child.on('exit', (code, signal) => r({ code, signal, out })));
}

test('SIGKILL in the middle of a 2,000-page ingest, then a restart: every page stored exactly once', {
  timeout: 240_000,
}, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'marsad-kill-'));
  try {
    const first = ingest(dataDir);
    const firstExit = exit(first);
    await waitFor(() => count(dataDir, 'SELECT COUNT(*) AS n FROM pages') >= 400, 120_000);
    first.kill('SIGKILL');
    const r1 = await firstExit;
    assert.equal(r1.signal, 'SIGKILL');
    const before = count(dataDir, 'SELECT COUNT(*) AS n FROM pages');
    assert.ok(before > 0 && before < PAGES, `killed mid-way (${before} pages stored)`);
    assert.ok(
      count(dataDir, "SELECT COUNT(*) AS n FROM jobs WHERE state = 'running'") > 0,
      'jobs were in flight at the kill',
    );

    const r2 = await exit(ingest(dataDir));
    assert.equal(r2.code, 0, r2.out);
    assert.equal(count(dataDir, 'SELECT COUNT(*) AS n FROM pages'), PAGES, 'no page lost');
    assert.equal(count(dataDir, 'SELECT COUNT(DISTINCT url) AS n FROM pages'), PAGES, 'no page twice');
    assert.equal(count(dataDir, 'SELECT COUNT(*) AS n FROM articles'), PAGES, 'an article per page');
    assert.equal(count(dataDir, 'SELECT COUNT(DISTINCT canonical_url) AS n FROM articles'), PAGES);
    assert.equal(count(dataDir, "SELECT COUNT(*) AS n FROM jobs WHERE state != 'done'"), 0, 'every job done');
    // Pages in flight at the kill were fetched twice; nothing else was.
    const refetched = [...site.hits.entries()].filter(([p, n]) => p.startsWith('/news/') && n > 1).length;
    assert.ok(refetched <= 64, `only the pages in flight were fetched again (${refetched})`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('SIGINT finishes the pages in flight and exits cleanly; a second run completes', {
  timeout: 240_000,
}, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'marsad-int-'));
  site.hits.clear();
  try {
    const child = ingest(dataDir);
    const done = exit(child);
    await waitFor(() => count(dataDir, 'SELECT COUNT(*) AS n FROM pages') >= 200, 120_000);
    child.kill('SIGINT');
    const r = await done;
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, /finishing the pages in flight/);
    assert.equal(
      count(dataDir, "SELECT COUNT(*) AS n FROM jobs WHERE state = 'running'"),
      0,
      'nothing left running',
    );
    const r2 = await exit(ingest(dataDir));
    assert.equal(r2.code, 0, r2.out);
    assert.equal(count(dataDir, 'SELECT COUNT(*) AS n FROM pages'), PAGES);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
