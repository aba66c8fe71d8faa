// The embedded store: one SQLite file through better-sqlite3 (WAL, foreign keys, numbered
// migrations each applied in its own transaction). Raw pages are kept brotli-compressed so
// `marsad reprocess` can re-run extraction and analysis without fetching again.

import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, brotliDecompressSync, constants as zc } from 'node:zlib';
import Database from 'better-sqlite3';
import { foldForSearch } from '../../arabic/normalize.js';
import { searchTerms } from '../../arabic/search-terms.js';
import type { Mention, Quote } from '../../model/index.js';
import { ftsQuery } from '../query.js';
import {
  type AnalysisRecord,
  type ArticleQuery,
  type ArticleRecord,
  type JobRecord,
  type JobState,
  type NewArticle,
  type NewJob,
  type NewSource,
  type PageRecord,
  type PageResult,
  type SourceCheck,
  type SourceRecord,
  type Store,
  type StoredResult,
  type StoreStats,
  StoreVersionError,
} from '../store.js';

/** Where the numbered .sql files live (copied next to the compiled code by the build). */
const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/sqlite/', import.meta.url));

/** How much more a query word in the title weighs than one in the text (FTS5 bm25 column weight). */
const TITLE_WEIGHT = 5;
/** Brotli quality for raw pages: 5 compresses HTML ~8× at ~30 MB/s; 11 gains little and is 20× slower. */
const RAW_BROTLI_QUALITY = 5;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 4)), name: f, sql: readFileSync(join(dir, f), 'utf8') }));
}

type Row = Record<string, unknown>;

const json = (v: unknown) => JSON.stringify(v ?? null);
const parse = <T>(v: unknown, fallback: T): T => (typeof v === 'string' ? (JSON.parse(v) as T) : fallback);

export class SqliteStore implements Store {
  readonly location: string;
  private readonly db: Database.Database;

  /** Prepared statements by SQL text: preparing costs more than running a small insert. */
  private readonly statements = new Map<string, Database.Statement>();

  private constructor(path: string, db: Database.Database) {
    this.location = path;
    this.db = db;
  }

  private sql(text: string): Database.Statement {
    let st = this.statements.get(text);
    if (!st) {
      st = this.db.prepare(text);
      this.statements.set(text, st);
    }
    return st;
  }

  /**
   * Open (and create or migrate) the database at `path` (":memory:" for tests).
   * Throws StoreVersionError when the file was written by a newer Marsad or its history differs.
   */
  static open(path: string, migrations: Migration[] = readMigrations()): SqliteStore {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path);
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
      db.function('marsad_fold', { deterministic: true }, (s: unknown) =>
        typeof s === 'string' ? foldForSearch(s) : s,
      );
      db.function('marsad_stems', { deterministic: true }, (s: unknown) =>
        typeof s === 'string' ? searchTerms(s).join(' ') : s,
      );
      migrate(db, migrations, path);
    } catch (err) {
      db.close();
      throw err;
    }
    return new SqliteStore(path, db);
  }

  async addSource(s: NewSource): Promise<SourceRecord> {
    const now = new Date().toISOString();
    this.sql(
      `INSERT INTO sources (url, kind, name, language, schedule_minutes, allow_private, created_at, next_check_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(url) DO UPDATE SET kind = excluded.kind, name = COALESCE(excluded.name, sources.name),
           language = COALESCE(excluded.language, sources.language), schedule_minutes = excluded.schedule_minutes,
           allow_private = excluded.allow_private`,
    ).run(
      s.url,
      s.kind,
      s.name ?? null,
      s.language ?? null,
      s.scheduleMinutes ?? 60,
      s.allowPrivate ? 1 : 0,
      now,
      now,
    );
    return (await this.getSource(s.url))!;
  }

  async listSources(): Promise<SourceRecord[]> {
    return (this.sql('SELECT * FROM sources ORDER BY id').all() as Row[]).map(toSource);
  }

  async getSource(idOrUrl: number | string): Promise<SourceRecord | null> {
    const row = this.sql(
      typeof idOrUrl === 'number'
        ? 'SELECT * FROM sources WHERE id = ?'
        : 'SELECT * FROM sources WHERE url = ?',
    ).get(idOrUrl) as Row | undefined;
    return row ? toSource(row) : null;
  }

  async removeSource(idOrUrl: number | string): Promise<boolean> {
    const r = this.sql(
      typeof idOrUrl === 'number' ? 'DELETE FROM sources WHERE id = ?' : 'DELETE FROM sources WHERE url = ?',
    ).run(idOrUrl);
    return r.changes > 0;
  }

  async recordSourceCheck(id: number, c: SourceCheck): Promise<void> {
    this.sql(
      `UPDATE sources SET etag = COALESCE(?, etag), last_modified = COALESCE(?, last_modified),
           last_checked_at = ?, next_check_at = ?, last_error = ?,
           error_count = CASE WHEN ? IS NULL THEN 0 ELSE error_count + 1 END
         WHERE id = ?`,
    ).run(
      c.etag ?? null,
      c.lastModified ?? null,
      c.checkedAt,
      c.nextCheckAt,
      c.error ?? null,
      c.error ?? null,
      id,
    );
  }

  async dueSources(now: string): Promise<SourceRecord[]> {
    return (
      this.sql(
        'SELECT * FROM sources WHERE next_check_at IS NULL OR next_check_at <= ? ORDER BY next_check_at',
      ).all(now) as Row[]
    ).map(toSource);
  }

  async enqueue(jobs: NewJob[], now: string): Promise<number> {
    const insert = this.sql(
      `INSERT INTO jobs (kind, url, source_id, allow_private, next_try_at, created_at, updated_at)
       VALUES ('fetch', ?, ?, ?, ?, ?, ?) ON CONFLICT(kind, url) DO NOTHING`,
    );
    // `changes` is not reset by a DO NOTHING conflict, so count rows before and after.
    const count = this.sql('SELECT COUNT(*) AS n FROM jobs');
    return this.db.transaction(() => {
      const before = Number((count.get() as Row).n);
      for (const j of jobs) insert.run(j.url, j.sourceId ?? null, j.allowPrivate ? 1 : 0, now, now, now);
      return Number((count.get() as Row).n) - before;
    })();
  }

  async claimJobs(limit: number, now: string): Promise<JobRecord[]> {
    return this.db.transaction(() => {
      const rows = this.sql(
        `SELECT * FROM jobs WHERE state = 'pending' AND next_try_at <= ? ORDER BY next_try_at, id LIMIT ?`,
      ).all(now, limit) as Row[];
      const mark = this.sql(
        `UPDATE jobs SET state = 'running', attempts = attempts + 1, updated_at = ? WHERE id = ?`,
      );
      for (const r of rows) mark.run(now, r.id);
      return rows.map((r) => toJob({ ...r, state: 'running', attempts: Number(r.attempts) + 1 }));
    })();
  }

  async requeueRunning(): Promise<number> {
    return this.sql(`UPDATE jobs SET state = 'pending' WHERE state = 'running'`).run().changes;
  }

  async failJob(id: number, code: string, message: string, retryAt: string | null): Promise<void> {
    const now = new Date().toISOString();
    this.sql(
      `UPDATE jobs SET state = ?, error_code = ?, error_message = ?, next_try_at = COALESCE(?, next_try_at), updated_at = ? WHERE id = ?`,
    ).run(retryAt ? 'pending' : 'failed', code, message, retryAt, now, id);
  }

  async finishJob(id: number, code: string | null, message: string | null): Promise<void> {
    this.sql(
      `UPDATE jobs SET state = 'done', error_code = ?, error_message = ?, updated_at = ? WHERE id = ?`,
    ).run(code, message, new Date().toISOString(), id);
  }

  async jobCounts(): Promise<Record<JobState, number>> {
    const counts: Record<JobState, number> = { pending: 0, running: 0, done: 0, failed: 0 };
    for (const r of this.sql('SELECT state, COUNT(*) AS n FROM jobs GROUP BY state').all() as Row[]) {
      counts[r.state as JobState] = Number(r.n);
    }
    return counts;
  }

  async storeResult(result: PageResult): Promise<StoredResult> {
    return this.db.transaction((): StoredResult => {
      const p = result.page;
      const now = new Date().toISOString();
      const existing = this.sql('SELECT id, sha256 FROM pages WHERE url = ?').get(p.url) as Row | undefined;
      if (existing && existing.sha256 === p.sha256) {
        // The same bytes again (a re-run after a crash, or an unchanged page): nothing new.
        const pageId = Number(existing.id);
        const art = this.sql('SELECT id FROM articles WHERE page_id = ?').get(pageId) as Row | undefined;
        this.completeJob(result.jobId, pageId, now);
        return { pageId, articleId: art ? Number(art.id) : null, inserted: false, duplicateOf: null };
      }
      // New bytes for a known URL replace the old ones (its source is kept if none is given).
      const pageId = Number(
        (
          this.sql(
            `INSERT INTO pages (url, final_url, source_id, status, headers, content_type, fetched_at, fetch_ms, raw, raw_size, sha256)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (url) DO UPDATE SET final_url = excluded.final_url,
               source_id = COALESCE(excluded.source_id, source_id), status = excluded.status,
               headers = excluded.headers, content_type = excluded.content_type, fetched_at = excluded.fetched_at,
               fetch_ms = excluded.fetch_ms, raw = excluded.raw, raw_size = excluded.raw_size, sha256 = excluded.sha256
             RETURNING id`,
          ).get(
            p.url,
            p.finalUrl,
            p.sourceId,
            p.status,
            json(p.headers),
            p.contentType,
            p.fetchedAt,
            p.fetchMs,
            compress(p.raw),
            p.raw.length,
            p.sha256,
          ) as Row
        ).id,
      );
      let articleId: number | null = null;
      let duplicateOf: number | null = null;
      if (result.article) {
        const a = result.article;
        // The same article twice: its canonical URL again, or its text again on the same host
        // (a mobile or tracking URL). The same text on ANOTHER host is a copy: kept, and linked.
        const rows = this.sql(
          `SELECT id, url, canonical_url FROM articles WHERE page_id != ?
               AND ((canonical_url IS NOT NULL AND canonical_url = ?) OR content_hash = ?) LIMIT 20`,
        ).all(pageId, a.canonicalUrl, a.contentHash) as Row[];
        const host = hostOf(a.url);
        const dup = rows.find(
          (r) =>
            (a.canonicalUrl !== null && r.canonical_url === a.canonicalUrl) || hostOf(String(r.url)) === host,
        );
        if (dup) duplicateOf = Number(dup.id);
        else articleId = this.writeArticle(pageId, a, result.analysis, result.bands, now);
      }
      this.completeJob(result.jobId, pageId, now);
      return { pageId, articleId, inserted: !existing && duplicateOf === null, duplicateOf };
    })();
  }

  private completeJob(jobId: number | null, pageId: number, now: string) {
    if (jobId === null) return;
    this.sql(
      `UPDATE jobs SET state = 'done', page_id = ?, error_code = NULL, error_message = NULL, updated_at = ? WHERE id = ?`,
    ).run(pageId, now, jobId);
  }

  /** Insert or replace the article of a page, with its search row, LSH bands and analysis. */
  private writeArticle(
    pageId: number,
    a: Omit<NewArticle, 'pageId'>,
    analysis: AnalysisRecord | null,
    bands: string[],
    now: string,
  ): number {
    const old = this.sql('SELECT id FROM articles WHERE page_id = ?').get(pageId) as Row | undefined;
    if (old) this.deleteArticle(Number(old.id));
    const id = Number(
      this.sql(
        `INSERT INTO articles (page_id, url, canonical_url, site_name, outlet, title, authors, published, modified, language,
             text, paragraphs, lead_image, related, encoding, extracted_by, warnings, content_hash, minhash, story_id, copy_of,
             pipeline_version, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        pageId,
        a.url,
        a.canonicalUrl,
        a.siteName,
        a.outlet,
        a.title,
        json(a.authors),
        a.published,
        a.modified,
        a.language,
        a.text,
        json(a.paragraphs),
        a.leadImage,
        json(a.related),
        a.encoding,
        a.extractedBy,
        json(a.warnings),
        a.contentHash,
        a.minhash ? Buffer.from(a.minhash.buffer, a.minhash.byteOffset, a.minhash.byteLength) : null,
        a.storyId ?? null,
        a.copyOf ?? null,
        a.pipelineVersion,
        now,
        now,
      ).lastInsertRowid,
    );
    this.sql('INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)').run(
      id,
      (a.searchTitle ?? searchTerms(a.title ?? '')).join(' '),
      (a.searchText ?? searchTerms(a.text)).join(' '),
    );
    const band = this.sql('INSERT OR IGNORE INTO lsh_bands (band, article_id) VALUES (?, ?)');
    for (const b of bands) band.run(b, id);
    if (analysis) this.writeAnalysis(id, analysis);
    return id;
  }

  private writeAnalysis(articleId: number, analysis: AnalysisRecord) {
    const m = this.sql(
      'INSERT INTO mentions (article_id, entity_id, start, end, surface, type, sentence) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    for (const x of analysis.mentions)
      m.run(articleId, x.entityId, x.start, x.end, x.surface, x.type, x.sentence);
    const q = this.sql(
      `INSERT INTO quotes (article_id, speaker_id, speaker, role, cue, text, start, end, direct, source_type)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const x of analysis.quotes) {
      q.run(
        articleId,
        x.speakerId,
        x.speaker,
        x.role,
        x.cue,
        x.text,
        x.start,
        x.end,
        x.direct ? 1 : 0,
        x.sourceType,
      );
    }
    const e = this.sql(
      `INSERT INTO entities (id, kind, name_ar, name_en, aliases, lat, lon, country, admin_level, parent_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING`,
    );
    for (const x of analysis.entities ?? []) {
      e.run(
        x.id,
        x.kind,
        x.nameAr,
        x.nameEn,
        json(x.aliases),
        x.lat ?? null,
        x.lon ?? null,
        x.country ?? null,
        x.adminLevel ?? null,
        x.parentId ?? null,
      );
    }
  }

  private deleteArticle(id: number) {
    this.sql('DELETE FROM articles_fts WHERE rowid = ?').run(id);
    this.sql('UPDATE articles SET copy_of = NULL WHERE copy_of = ?').run(id);
    this.sql('DELETE FROM articles WHERE id = ?').run(id);
  }

  async pageByUrl(url: string): Promise<PageRecord | null> {
    const row = this.sql('SELECT * FROM pages WHERE url = ?').get(url) as Row | undefined;
    return row ? toPage(row) : null;
  }

  async getPage(id: number): Promise<PageRecord | null> {
    const row = this.sql('SELECT * FROM pages WHERE id = ?').get(id) as Row | undefined;
    return row ? toPage(row) : null;
  }

  async pageIds(since?: string): Promise<number[]> {
    const rows = since
      ? (this.sql('SELECT id FROM pages WHERE fetched_at >= ? ORDER BY id').all(since) as Row[])
      : (this.sql('SELECT id FROM pages ORDER BY id').all() as Row[]);
    return rows.map((r) => Number(r.id));
  }

  async replaceArticle(
    pageId: number,
    article: Omit<NewArticle, 'pageId'> | null,
    analysis: AnalysisRecord | null,
    bands: string[],
  ): Promise<number | null> {
    return this.db.transaction(() => {
      const old = this.sql('SELECT id, copy_of FROM articles WHERE page_id = ?').get(pageId) as
        | Row
        | undefined;
      if (!article) {
        if (old) this.deleteArticle(Number(old.id));
        return null;
      }
      return this.writeArticle(
        pageId,
        { ...article, copyOf: article.copyOf ?? (old?.copy_of as number | null) ?? null },
        analysis,
        bands,
        new Date().toISOString(),
      );
    })();
  }

  async getArticle(id: number): Promise<ArticleRecord | null> {
    const row = this.sql('SELECT * FROM articles WHERE id = ?').get(id) as Row | undefined;
    return row ? toArticle(row) : null;
  }

  async listArticles(q: ArticleQuery): Promise<ArticleRecord[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    let from = 'articles a';
    let order = 'a.published DESC NULLS LAST, a.id DESC';
    if (q.q) {
      const match = ftsQuery(q.q);
      if (!match) return [];
      from = 'articles_fts f JOIN articles a ON a.id = f.rowid';
      where.push('articles_fts MATCH ?');
      args.push(match);
      // bm25 is lower for better matches; a word in the title counts as much as five in the text.
      if ((q.sort ?? 'relevance') === 'relevance') order = `bm25(articles_fts, ${TITLE_WEIGHT}, 1), ${order}`;
    }
    if (q.since) {
      where.push('a.published >= ?');
      args.push(q.since);
    }
    if (q.until) {
      where.push('a.published < ?');
      args.push(q.until);
    }
    if (q.outlet) {
      where.push('(a.outlet = ? OR a.site_name = ?)');
      args.push(q.outlet, q.outlet);
    }
    const sql = `SELECT a.* FROM ${from} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY ${order} LIMIT ? OFFSET ?`;
    args.push(q.limit ?? 50, q.offset ?? 0);
    return (this.sql(sql).all(...args) as Row[]).map(toArticle);
  }

  async lshCandidates(bands: string[], excludeId?: number): Promise<ArticleRecord[]> {
    if (bands.length === 0) return [];
    const placeholders = bands.map(() => '?').join(',');
    const rows = this.sql(
      `SELECT a.* FROM articles a WHERE a.id IN (SELECT DISTINCT article_id FROM lsh_bands WHERE band IN (${placeholders}))
         AND a.id != ? ORDER BY a.id`,
    ).all(...bands, excludeId ?? -1) as Row[];
    return rows.map(toArticle);
  }

  async setCopyOf(articleId: number, copyOf: number | null): Promise<void> {
    this.sql('UPDATE articles SET copy_of = ?, updated_at = ? WHERE id = ?').run(
      copyOf,
      new Date().toISOString(),
      articleId,
    );
  }

  async mentionsOf(articleId: number): Promise<Mention[]> {
    return (
      this.sql('SELECT * FROM mentions WHERE article_id = ? ORDER BY start').all(articleId) as Row[]
    ).map((r) => ({
      entityId: String(r.entity_id),
      start: Number(r.start),
      end: Number(r.end),
      surface: String(r.surface),
      type: r.type as Mention['type'],
      sentence: Number(r.sentence),
      source: 'gazetteer',
    }));
  }

  async quotesOf(articleId: number): Promise<Quote[]> {
    return (this.sql('SELECT * FROM quotes WHERE article_id = ? ORDER BY start').all(articleId) as Row[]).map(
      (r) => ({
        speakerId: (r.speaker_id as string | null) ?? null,
        speaker: String(r.speaker),
        speakerStart: -1,
        speakerEnd: -1,
        role: (r.role as string | null) ?? null,
        cue: String(r.cue),
        text: String(r.text),
        start: Number(r.start),
        end: Number(r.end),
        direct: r.direct === 1,
        sourceType: r.source_type as Quote['sourceType'],
      }),
    );
  }

  async stats(): Promise<StoreStats> {
    const one = (sql: string) => Number((this.sql(sql).get() as Row).n ?? 0);
    let dbBytes: number | null = null;
    if (this.location !== ':memory:') {
      dbBytes = 0;
      for (const suffix of ['', '-wal']) {
        try {
          dbBytes += statSync(this.location + suffix).size;
        } catch {
          // no WAL file yet
        }
      }
    }
    return {
      sources: one('SELECT COUNT(*) AS n FROM sources'),
      pages: one('SELECT COUNT(*) AS n FROM pages'),
      articles: one('SELECT COUNT(*) AS n FROM articles'),
      copies: one('SELECT COUNT(*) AS n FROM articles WHERE copy_of IS NOT NULL'),
      jobs: await this.jobCounts(),
      rawBytes: one('SELECT SUM(raw_size) AS n FROM pages'),
      dbBytes,
    };
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

/** Apply the migrations the database lacks; refuse a database that is ahead of or differs from the code. */
function migrate(db: Database.Database, migrations: Migration[], path: string) {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  const applied = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as Array<{
    version: number;
    name: string;
  }>;
  const known = new Map(migrations.map((m) => [m.version, m]));
  const latest = migrations.at(-1)?.version ?? 0;
  for (const a of applied) {
    const m = known.get(a.version);
    if (!m) {
      throw new StoreVersionError(
        `${path} was written by a newer Marsad (schema ${a.version}, this one knows up to ${latest}); upgrade Marsad or use another --data-dir`,
        'store.too-new',
      );
    }
    if (m.name !== a.name) {
      throw new StoreVersionError(
        `${path}: migration ${a.version} is "${a.name}" in the database but "${m.name}" here`,
        'store.out-of-sync',
      );
    }
  }
  const done = new Set(applied.map((a) => a.version));
  for (const m of migrations) {
    if (done.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
    })();
  }
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

function compress(raw: Uint8Array): Buffer {
  return brotliCompressSync(raw, {
    params: { [zc.BROTLI_PARAM_QUALITY]: RAW_BROTLI_QUALITY, [zc.BROTLI_PARAM_SIZE_HINT]: raw.length },
  });
}

function toSource(r: Row): SourceRecord {
  return {
    id: Number(r.id),
    url: String(r.url),
    kind: r.kind as SourceRecord['kind'],
    name: (r.name as string | null) ?? null,
    language: (r.language as string | null) ?? null,
    scheduleMinutes: Number(r.schedule_minutes),
    allowPrivate: r.allow_private === 1,
    etag: (r.etag as string | null) ?? null,
    lastModified: (r.last_modified as string | null) ?? null,
    lastCheckedAt: (r.last_checked_at as string | null) ?? null,
    nextCheckAt: (r.next_check_at as string | null) ?? null,
    lastError: (r.last_error as string | null) ?? null,
    errorCount: Number(r.error_count),
    createdAt: String(r.created_at),
  };
}

function toJob(r: Row): JobRecord {
  return {
    id: Number(r.id),
    kind: 'fetch',
    url: String(r.url),
    sourceId: r.source_id == null ? null : Number(r.source_id),
    allowPrivate: r.allow_private === 1,
    state: r.state as JobState,
    attempts: Number(r.attempts),
    nextTryAt: String(r.next_try_at),
    errorCode: (r.error_code as string | null) ?? null,
    errorMessage: (r.error_message as string | null) ?? null,
    pageId: r.page_id == null ? null : Number(r.page_id),
  };
}

function toPage(r: Row): PageRecord {
  return {
    id: Number(r.id),
    url: String(r.url),
    finalUrl: String(r.final_url),
    sourceId: r.source_id == null ? null : Number(r.source_id),
    status: r.status == null ? null : Number(r.status),
    headers: parse(r.headers, {}),
    contentType: (r.content_type as string | null) ?? null,
    fetchedAt: String(r.fetched_at),
    fetchMs: r.fetch_ms == null ? null : Number(r.fetch_ms),
    raw: r.raw ? new Uint8Array(brotliDecompressSync(r.raw as Buffer)) : new Uint8Array(0),
    sha256: String(r.sha256),
  };
}

function toArticle(r: Row): ArticleRecord {
  const mh = r.minhash as Buffer | null;
  return {
    id: Number(r.id),
    pageId: Number(r.page_id),
    url: String(r.url),
    canonicalUrl: (r.canonical_url as string | null) ?? null,
    siteName: (r.site_name as string | null) ?? null,
    outlet: (r.outlet as string | null) ?? null,
    title: (r.title as string | null) ?? null,
    authors: parse(r.authors, []),
    published: (r.published as string | null) ?? null,
    modified: (r.modified as string | null) ?? null,
    language: (r.language as string | null) ?? null,
    text: String(r.text),
    paragraphs: parse(r.paragraphs, []),
    leadImage: (r.lead_image as string | null) ?? null,
    related: parse(r.related, []),
    encoding: String(r.encoding ?? 'utf-8'),
    extractedBy: (r.extracted_by as ArticleRecord['extractedBy']) ?? 'none',
    warnings: parse(r.warnings, []),
    isArticle: true,
    contentHash: String(r.content_hash),
    minhash: mh ? new Uint32Array(mh.buffer.slice(mh.byteOffset, mh.byteOffset + mh.byteLength)) : null,
    storyId: r.story_id == null ? null : Number(r.story_id),
    copyOf: r.copy_of == null ? null : Number(r.copy_of),
    pipelineVersion: Number(r.pipeline_version),
    createdAt: String(r.created_at),
    updatedAt: String(r.updated_at),
  };
}
