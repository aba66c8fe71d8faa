// Arabic stopwords: a curated list in data/stopwords-ar.txt (source and licence in
// data/SOURCES.md), matched on the search fold so spelling variants meet.

import { readFileSync } from 'node:fs';
import { foldForSearch } from './normalize.js';

/** Resolved against this module, so it works from src/arabic (tsx) and from dist/arabic. */
const STOPWORDS_URL = new URL('../../data/stopwords-ar.txt', import.meta.url);

let stopwords: Set<string> | null = null;

function loadStopwords(): Set<string> {
  const set = new Set<string>();
  for (const line of readFileSync(STOPWORDS_URL, 'utf8').split('\n')) {
    const word = line.trim();
    if (word === '' || word.startsWith('#')) continue;
    set.add(foldForSearch(word));
  }
  return set;
}

/** Conjunctions that may be glued to a stopword: وفي, فإن, ولكن. */
function isConjunctionCode(c: number): boolean {
  return c === 0x0648 || c === 0x0641; // و ف
}

/**
 * Is `word` an Arabic stopword? Compared on the search fold (harakat, hamza and ى/ي spellings do
 * not matter) and again after a leading و or ف (وفي, فهذا). The list is read once, on first use.
 *
 * @example
 * isStopword('إلى')   // → true
 * isStopword('وَفِي') // → true
 * isStopword('وزير')  // → false
 */
export function isStopword(word: string): boolean {
  if (stopwords === null) stopwords = loadStopwords();
  const f = foldForSearch(word);
  if (stopwords.has(f)) return true;
  return f.length > 2 && isConjunctionCode(f.charCodeAt(0)) && stopwords.has(f.slice(1));
}
