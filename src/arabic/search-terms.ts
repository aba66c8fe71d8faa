// The terms a text is searched by: its words, folded for search (normalize.ts) and reduced to
// light stems (stem.ts). The search index holds these and queries are made of them, so both
// sides meet: "الرقة" finds "بالرقة", "فيضان" finds "الفيضانات".

import { foldForSearch } from './normalize.js';
import { stem } from './stem.js';

const NON_WORD_RE = /[^\p{L}\p{N}]+/u;

/** @example searchTerms('وبالرقة فيضانات') // ['رقه', 'فيضان'] */
export function searchTerms(text: string): string[] {
  return foldForSearch(text)
    .split(NON_WORD_RE)
    .filter((w) => w.length > 0)
    .map((w) => stem(w) || w);
}
