// Local proclitic helpers for the tagger, over words already folded with foldForSearch.
// Written before src/arabic/segment.ts existed. Lookups here need every reading of a word, not
// segment()'s one best split; segment()'s stem as an extra feature was tried on dev (0.718 vs
// 0.736, within seed noise) and not kept. Changing these rules changes the features: retrain.
//
// Rules, in the order they apply (Buckwalter/MADA proclitic classes, simplified):
//  P1. one conjunction و or ف;
//  P2. then one preposition ب ل ك;  "لل" + X is ل + ال + X (the article's alif drops: للعراق);
//  P3. the article ال stays on the stem ("والعراق" → "العراق"): gazetteers and name lists
//      spell places and family names with it.
// Each strip needs a remainder of at least MIN_STEM letters. Known false positives: words
// whose root starts with a clitic letter ("وزير" → "زير", "بريطانيا" → "ريطانيا"); callers look
// a word up as written first and fall back to the stripped forms, and the tagger keeps the
// written word as a feature too.

/** Shortest remainder a proclitic may leave (letters): "بوش" is never ب + وش. */
const MIN_STEM = 3;
const CONJUNCTIONS = 'وف';
const PREPOSITIONS = 'بلك';

/**
 * The readings of a folded word, least stripped first: the word itself, then without a
 * conjunction, then without a preposition (with "لل" read as ل + ال).
 *
 * @example
 * procliticCandidates('وللعراق') // → ['وللعراق', 'للعراق', 'العراق']
 */
export function procliticCandidates(word: string): string[] {
  const out = [word];
  const level1 = [word];
  if (word.length - 1 >= MIN_STEM && CONJUNCTIONS.includes(word[0])) {
    out.push(word.slice(1));
    level1.push(word.slice(1));
  }
  for (const w of level1) {
    if (w.length - 1 < MIN_STEM) continue;
    if (w.startsWith('لل') && w.length - 2 >= MIN_STEM - 1) out.push(`ال${w.slice(2)}`);
    else if (PREPOSITIONS.includes(w[0])) out.push(w.slice(1));
  }
  return out;
}

/** The most stripped reading: the stem the tagger's stem features use. */
export function stemOf(word: string): string {
  const c = procliticCandidates(word);
  return c[c.length - 1];
}

/** The stem without the article, when what is left is long enough ("العراق" → "عراق"). */
export function withoutArticle(stem: string): string {
  return stem.startsWith('ال') && stem.length - 2 >= MIN_STEM - 1 ? stem.slice(2) : stem;
}

/** The proclitic letters in front of `stem` in `word` ("وبال…" → "وب"), "" when none. */
export function procliticsOf(word: string, stem: string): string {
  if (stem.startsWith('ال') && !word.endsWith(stem)) return word.slice(0, word.length - stem.length + 2);
  return word.slice(0, word.length - stem.length);
}
