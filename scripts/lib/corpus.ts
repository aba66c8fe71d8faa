// Loads the shared extraction corpus: every `<id>.json` truth file and its `<id>.html` bytes.
// The layout and the meaning of each truth field are in shared/corpus/extract/README.md;
// manifest.json repeats the truth files and is not read.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One truth file, as the corpus README defines it. */
export interface Truth {
  id: string;
  url: string | null;
  kind: 'article' | 'listing';
  encoding: string;
  /** Present only on derived (transcoded) pages. */
  derived?: string;
  site_name: string | null;
  outlet: string | null;
  title: string | null;
  authors: string[];
  published: string | null;
  language: string | null;
  with: string[];
  without: string[];
  notes?: string;
}

export interface CorpusPage {
  id: string;
  truth: Truth;
  /** The page's original bytes, never re-encoded. */
  bytes: Uint8Array;
}

/**
 * Reads every truth file of `dir` with its page, articles first, then by id.
 * Returns null when the directory does not exist (the corpus lives outside the repository and
 * may be absent); throws when a truth file is malformed, since that is a corpus bug.
 */
export function loadCorpus(dir: string): CorpusPage[] | null {
  if (!existsSync(dir)) return null;
  const pages: CorpusPage[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.json') || name === 'manifest.json') continue;
    const truth = parseTruth(readFileSync(join(dir, name), 'utf8'), name);
    pages.push({ id: truth.id, truth, bytes: new Uint8Array(readFileSync(join(dir, `${truth.id}.html`))) });
  }
  return pages.sort((a, b) => kindOrder(a) - kindOrder(b) || a.id.localeCompare(b.id));
}

function kindOrder(page: CorpusPage): number {
  return page.truth.kind === 'article' ? 0 : 1;
}

function parseTruth(json: string, file: string): Truth {
  const t = JSON.parse(json) as Truth;
  const problems: string[] = [];
  if (typeof t.id !== 'string' || `${t.id}.json` !== file) problems.push('id does not match the file name');
  if (t.kind !== 'article' && t.kind !== 'listing') problems.push(`kind ${JSON.stringify(t.kind)}`);
  if (typeof t.encoding !== 'string') problems.push('no encoding');
  if (!Array.isArray(t.with) || !Array.isArray(t.without)) problems.push('with/without are not arrays');
  if (!Array.isArray(t.authors)) problems.push('authors is not an array');
  if (problems.length > 0) throw new Error(`corpus truth ${file}: ${problems.join('; ')}`);
  return t;
}
