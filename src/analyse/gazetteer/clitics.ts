// Proclitic readings of a folded word, for matching names glued to a conjunction or preposition:
// `والتحالف`, `بداعش`, `لقسد`, `وبريف`, `للرقة` (whose span keeps `لل`, see below). Only the one-letter proclitics that attach to
// nouns are stripped (و ف, then ب ل ك), at most two, and the remainder must keep two letters.
// Known false positive: a name that itself starts with one of these letters can also be read as
// a clitic + a shorter name (`لبنان` → ل + `بنان`); the caller prefers the reading with the
// shorter prefix when both match the same number of words.

const WAW = 0x0648; // و
const FA = 0x0641; // ف
const BA = 0x0628; // ب
const LAM = 0x0644; // ل
const KAF = 0x0643; // ك
/** Shortest remainder kept after stripping (two letters: `قسد` ← `لقسد` is fine, `ل` is not). */
const MIN_REMAINDER = 2;

function isConjunction(c: number): boolean {
  return c === WAW || c === FA;
}
function isPreposition(c: number): boolean {
  return c === BA || c === LAM || c === KAF;
}

/** Readings of one word, written into reused arrays (the scan calls this for every word). */
export interface Readings {
  count: number;
  words: string[];
  /** Folded code units stripped from the front of the word for each reading. */
  prefix: number[];
}

export function createReadings(): Readings {
  return { count: 0, words: ['', '', '', '', ''], prefix: [0, 0, 0, 0, 0] };
}

function push(r: Readings, word: string, prefix: number): void {
  r.words[r.count] = word;
  r.prefix[r.count] = prefix;
  r.count++;
}

/**
 * Fill `out` with the readings of folded `word`: itself first, then with proclitics stripped.
 * `ل` + `ال` is written `لل` (the alef drops), so `للتحالف` also reads as `التحالف`.
 *
 * @example
 * procliticReadings('وللتحالف', r) // r.words → ['وللتحالف', 'للتحالف', 'لتحالف', 'التحالف']
 */
export function procliticReadings(word: string, out: Readings): Readings {
  out.count = 0;
  push(out, word, 0);
  const c0 = word.charCodeAt(0);
  let rest = word;
  let prefix = 0;
  if (isConjunction(c0) && word.length - 1 >= MIN_REMAINDER) {
    rest = word.slice(1);
    prefix = 1;
    push(out, rest, prefix);
  }
  const c1 = rest.charCodeAt(0);
  if (isPreposition(c1) && rest.length - 1 >= MIN_REMAINDER) {
    const after = rest.slice(1);
    push(out, after, prefix + 1);
    // The elided reading keeps the ل in the span (`للتحالف`, not `لتحالف`): the noun's article
    // is written only through it.
    if (c1 === LAM && after.charCodeAt(0) === LAM) push(out, `ا${after}`, prefix);
  }
  return out;
}
