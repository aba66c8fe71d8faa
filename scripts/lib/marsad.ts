// Loads Marsad's extractor for the scripts. The import is dynamic so that the comparison
// systems still run (and the scripts type-check) while src/extract/ is being written; the
// function's type is pinned here from the model types.
import type { ExtractOptions } from '../../src/extract/options.js';
import type { Article } from '../../src/model/article.js';

export type ExtractArticle = (input: Uint8Array | string, options?: ExtractOptions) => Article;

/** The extractor's only door (STYLE.md practice 1). */
const EXTRACT_MODULE = new URL('../../src/extract/index.js', import.meta.url).href;

/** The extractor, or a message saying why it could not be loaded. */
export async function loadExtractArticle(): Promise<
  { ok: true; extractArticle: ExtractArticle } | { ok: false; message: string }
> {
  try {
    const mod = (await import(EXTRACT_MODULE)) as { extractArticle?: unknown };
    if (typeof mod.extractArticle !== 'function') {
      return { ok: false, message: `${EXTRACT_MODULE} does not export a function extractArticle` };
    }
    return { ok: true, extractArticle: mod.extractArticle as ExtractArticle };
  } catch (error) {
    return {
      ok: false,
      message: `cannot load ${EXTRACT_MODULE}: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
