// The Store: everything Marsad keeps. One interface, so that the PostgreSQL implementation
// can follow the SQLite one without changing callers: every method is async, takes and
// returns plain records, and names its job. No stage logic here: callers decide, the store keeps.

import type { Article, Entity, Mention, Quote } from '../model/index.js';

export type SourceKind = 'feed' | 'sitemap' | 'page' | 'urls' | 'file' | 'dir' | 'warc';

export interface SourceRecord {
  id: number;
  url: string;
  kind: SourceKind;
  name: string | null;
  language: string | null;
  scheduleMinutes: number;
  allowPrivate: boolean;
  etag: string | null;
  lastModified: string | null;
  lastCheckedAt: string | null;
  nextCheckAt: string | null;
  lastError: string | null;
  errorCount: number;
  createdAt: string;
}

export type NewSource = Pick<SourceRecord, 'url' | 'kind'> &
  Partial<Pick<SourceRecord, 'name' | 'language' | 'scheduleMinutes' | 'allowPrivate'>>;

export interface SourceCheck {
  etag?: string | null;
  lastModified?: string | null;
  checkedAt: string;
  nextCheckAt: string;
  error?: string | null;
}

export interface PageRecord {
  id: number;
  url: string;
  finalUrl: string;
  sourceId: number | null;
  status: number | null;
  headers: Record<string, string>;
  contentType: string | null;
  fetchedAt: string;
  fetchMs: number | null;
  /** The bytes as received (uncompressed here; the store compresses them). */
  raw: Uint8Array;
  sha256: string;
}

export type NewPage = Omit<PageRecord, 'id'>;

/** What analysis adds to an article, stored beside it. */
export interface AnalysisRecord {
  mentions: Mention[];
  quotes: Quote[];
  /** The entities the mentions point at (kept so entity pages work without the gazetteer). */
  entities?: Entity[];
}

export interface ArticleRecord extends Omit<Article, 'url'> {
  id: number;
  pageId: number;
  url: string;
  contentHash: string;
  /** MinHash signature (uint32 values). */
  minhash: Uint32Array | null;
  storyId: number | null;
  copyOf: number | null;
  pipelineVersion: number;
  createdAt: string;
  updatedAt: string;
}

export type NewArticle = Omit<ArticleRecord, 'id' | 'createdAt' | 'updatedAt' | 'storyId' | 'copyOf'> & {
  copyOf?: number | null;
  storyId?: number | null;
  /** The title's and text's search terms (arabic/search-terms.ts), when the caller computed them
   * already (the pipeline does, in a worker); else the store computes them. */
  searchTitle?: string[];
  searchText?: string[];
};

export type JobState = 'pending' | 'running' | 'done' | 'failed';

export interface JobRecord {
  id: number;
  kind: 'fetch';
  url: string;
  sourceId: number | null;
  allowPrivate: boolean;
  state: JobState;
  attempts: number;
  nextTryAt: string;
  errorCode: string | null;
  errorMessage: string | null;
  pageId: number | null;
}

export interface NewJob {
  url: string;
  sourceId?: number | null;
  allowPrivate?: boolean;
}

/** Everything one processed page produces, written in ONE transaction with the job's completion. */
export interface PageResult {
  jobId: number | null;
  page: NewPage;
  /** Null when the page is not an article (listing, error page): the page is still kept. */
  article: Omit<NewArticle, 'pageId'> | null;
  analysis: AnalysisRecord | null;
  /** LSH band keys of the article's MinHash signature. */
  bands: string[];
}

export interface StoredResult {
  pageId: number;
  articleId: number | null;
  /** False when the page (same URL) or the article (same canonical URL or content hash) was already there. */
  inserted: boolean;
  duplicateOf: number | null;
}

export interface ArticleQuery {
  /** Search words, "phrases", -exclusions and OR (store/query.ts). */
  q?: string;
  /** With a query: best matches first (default) or newest first. Without one: always newest. */
  sort?: 'relevance' | 'date';
  since?: string;
  until?: string;
  outlet?: string;
  limit?: number;
  offset?: number;
}

export interface StoreStats {
  sources: number;
  pages: number;
  articles: number;
  copies: number;
  jobs: Record<JobState, number>;
  rawBytes: number;
  dbBytes: number | null;
}

export interface Store {
  /** Where it lives, for messages ("./marsad-data/marsad.db"). */
  readonly location: string;

  addSource(source: NewSource): Promise<SourceRecord>;
  listSources(): Promise<SourceRecord[]>;
  getSource(idOrUrl: number | string): Promise<SourceRecord | null>;
  removeSource(idOrUrl: number | string): Promise<boolean>;
  recordSourceCheck(id: number, check: SourceCheck): Promise<void>;
  dueSources(now: string): Promise<SourceRecord[]>;

  /** Queue URLs to fetch; URLs already queued (in any state) are skipped. Returns how many were new. */
  enqueue(jobs: NewJob[], now: string): Promise<number>;
  /** Take up to `limit` ready jobs (pending, next try due) and mark them running. */
  claimJobs(limit: number, now: string): Promise<JobRecord[]>;
  /** After a crash: jobs left running go back to pending. Returns how many. */
  requeueRunning(): Promise<number>;
  failJob(id: number, code: string, message: string, retryAt: string | null): Promise<void>;
  /** Mark done without storing anything (e.g. not modified, robots-disallowed with reason). */
  finishJob(id: number, code: string | null, message: string | null): Promise<void>;
  jobCounts(): Promise<Record<JobState, number>>;

  /** Store a fetched page, its article and analysis, and complete the job — atomically. */
  storeResult(result: PageResult): Promise<StoredResult>;
  pageByUrl(url: string): Promise<PageRecord | null>;
  getPage(id: number): Promise<PageRecord | null>;
  /** Page ids (in id order) fetched at or after `since`, for reprocessing. */
  pageIds(since?: string): Promise<number[]>;
  /** Replace a page's article and analysis (reprocess). */
  replaceArticle(
    pageId: number,
    article: Omit<NewArticle, 'pageId'> | null,
    analysis: AnalysisRecord | null,
    bands: string[],
  ): Promise<number | null>;

  getArticle(id: number): Promise<ArticleRecord | null>;
  listArticles(query: ArticleQuery): Promise<ArticleRecord[]>;
  /** Articles sharing at least one LSH band with `bands` (candidates for near-duplicates). */
  lshCandidates(bands: string[], excludeId?: number): Promise<ArticleRecord[]>;
  setCopyOf(articleId: number, copyOf: number | null): Promise<void>;
  mentionsOf(articleId: number): Promise<Mention[]>;
  quotesOf(articleId: number): Promise<Quote[]>;

  stats(): Promise<StoreStats>;
  close(): Promise<void>;
}

export class StoreVersionError extends Error {
  constructor(
    message: string,
    readonly code: 'store.too-new' | 'store.out-of-sync',
  ) {
    super(message);
  }
}
