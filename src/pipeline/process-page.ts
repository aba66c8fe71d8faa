// The CPU-bound part of ingesting one page, run in a worker thread: extraction, analysis and
// fingerprints. Plain data in, plain data out (it crosses a thread boundary).

import { searchTerms } from '../arabic/index.js';
import { extractArticle } from '../extract/index.js';
import { fingerprint } from '../link/index.js';
import type { AnalysisRecord, NewArticle } from '../store/index.js';

/** Bumped when extraction or analysis changes what they store; `marsad reprocess` re-runs older rows. */
export const PIPELINE_VERSION = 1;

export interface PageInput {
  bytes: Uint8Array;
  url: string;
  contentType: string | null;
  fetchedAt: string;
}

export interface ProcessedPage {
  article: Omit<NewArticle, 'pageId'> | null;
  analysis: AnalysisRecord | null;
  bands: string[];
  /** Why there is no article (listing page, empty page…), for logs and stats. */
  skipped: string | null;
}

export type Analyse = (article: Omit<NewArticle, 'pageId'>) => AnalysisRecord | null;

export function processPage(input: PageInput, analyse: Analyse | null = null): ProcessedPage {
  const a = extractArticle(input.bytes, {
    url: input.url,
    contentType: input.contentType,
    fetchedAt: new Date(input.fetchedAt),
  });
  if (!a.isArticle || a.text.trim() === '') {
    const why = a.warnings.find((w) => w.startsWith('input.')) ?? 'extract.not-article';
    return { article: null, analysis: null, bands: [], skipped: why };
  }
  const fp = fingerprint(`${a.title ?? ''}\n\n${a.text}`);
  const article: Omit<NewArticle, 'pageId'> = {
    ...a,
    url: input.url,
    contentHash: fp.contentHash,
    minhash: fp.minhash,
    pipelineVersion: PIPELINE_VERSION,
    // Search terms here, in the worker, rather than on the main thread that writes the store.
    searchTitle: searchTerms(a.title ?? ''),
    searchText: searchTerms(a.text),
  };
  let analysis: AnalysisRecord | null = null;
  if (analyse) {
    try {
      analysis = analyse(article);
    } catch (err) {
      // A bug in analysis must not lose the article: it is stored without, and says so.
      article.warnings = [
        ...article.warnings,
        `analyse.failed: ${err instanceof Error ? err.message : String(err)}`,
      ];
    }
  }
  return { article, analysis, bands: fp.bands, skipped: null };
}
