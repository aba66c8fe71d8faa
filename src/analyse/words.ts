// The words of a text with their offsets and search folds, for the phrase-shape heuristics of
// the analyse stage (organisation names by their head noun, roles around person names). One scan
// per text; every word knows whether only whitespace separates it from the word before, because
// a name never runs across punctuation (`لواء الإسلام - جبهة النصرة` is two names).

import { bmpTable } from '../arabic/chars.js';
import { foldCodeUnit, foldForSearch } from '../arabic/normalize.js';
import { isStopword } from '../arabic/stopwords.js';

/** One word of a text. Its fold is computed on first use: most words are never asked. */
export class Word {
  private folded: string | null = null;
  constructor(
    /** The text the word is in. */
    readonly source: string,
    readonly start: number,
    readonly end: number,
    /** True when only whitespace lies between this word and the one before it. */
    readonly joined: boolean,
    /** endingCode of the fold (its last letters), computed without folding the word. */
    readonly ending: number,
  ) {}

  /** The word as written. */
  get text(): string {
    return this.source.slice(this.start, this.end);
  }

  /** foldForSearch of the word: hamza forms → ا, ى → ي, ة → ه, harakat and tatweel gone. */
  get fold(): string {
    this.folded ??= foldWord(this.text);
    return this.folded;
  }
}

/** Word characters: letters of any script with their marks, digits, tatweel (and astral halves). */
const WORD_CHAR = bmpTable(/[\p{L}\p{M}\p{N}\u0640]/u);
WORD_CHAR.fill(1, 0xd800, 0xe000);

/** Whitespace the gap between two words may hold and still join them. */
function isSpaceOnly(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0xa0 && c !== 0x09 && !(c >= 0x2000 && c <= 0x200b) && c !== 0x202f) return false;
  }
  return to > from;
}

/**
 * Words of `text`, in order.
 * @example scanWords('وزارة العمل، اليوم').map((w) => [w.fold, w.joined]) // → [['وزاره', false], ['العمل', true], ['اليوم', false]]
 */
export function scanWords(text: string): Word[] {
  const words: Word[] = [];
  let prevEnd = -1;
  const n = text.length;
  for (let i = 0; i < n; ) {
    if (!WORD_CHAR[text.charCodeAt(i)]) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && WORD_CHAR[text.charCodeAt(i)]) i++;
    const joined = prevEnd >= 0 && isSpaceOnly(text, prevEnd, start);
    words.push(new Word(text, start, i, joined, foldedEnding(text, start, i)));
    prevEnd = i;
  }
  return words;
}

/** foldForSearch of one word, unit by unit (the whole-text function costs more per call). */
function foldWord(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const f = foldCodeUnit(word.charCodeAt(i));
    if (f === -2) return foldForSearch(word);
    if (f >= 0) out += String.fromCharCode(f);
  }
  return out;
}

/** Letters of a word's end that endingCode keeps: three make the prefilter rare enough. */
const ENDING_LETTERS = 3;

/**
 * A 16-bit hash of the last three code units of a folded word (fewer for a shorter word), for
 * a table lookup before any string is folded or hashed. Words with the same end hash alike.
 */
export function endingCode(fold: string): number {
  let code = 0;
  for (let i = Math.max(0, fold.length - ENDING_LETTERS); i < fold.length; i++)
    code = (code * 31 + fold.charCodeAt(i)) & 0xffff;
  return code;
}

/** A table of the endings of `folds`: `table[word.ending]` is 1 when the word may be one of them. */
export function endingTable(folds: Iterable<string>): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (const f of folds) table[endingCode(f)] = 1;
  return table;
}

/** endingCode of a word's fold, read off its last letters without folding the whole word. */
function foldedEnding(text: string, start: number, end: number): number {
  // The last three letters, last first (-1: none).
  let c3 = -1;
  let c2 = -1;
  let c1 = -1;
  for (let i = end - 1; i >= start && c1 < 0; i--) {
    const f = foldCodeUnit(text.charCodeAt(i));
    if (f === -2) return endingCode(foldForSearch(text.slice(start, end)));
    if (f < 0) continue;
    if (c3 < 0) c3 = f;
    else if (c2 < 0) c2 = f;
    else c1 = f;
  }
  let code = 0;
  if (c1 >= 0) code = c1;
  if (c2 >= 0) code = (code * 31 + c2) & 0xffff;
  if (c3 >= 0) code = (code * 31 + c3) & 0xffff;
  return code;
}

/** Index of the first word starting at or after `offset`. */
export function firstWordFrom(words: readonly Word[], offset: number): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Proclitic strings that go before a noun: a conjunction, a preposition, or both. */
const PROCLITIC_PREFIXES = ['', 'و', 'ف', 'ب', 'ل', 'ك', 'وب', 'ول', 'وك', 'فب', 'فل', 'فك'];

/**
 * Every written form of the folded noun `base` with its proclitics, mapped to `[base, letters
 * before it]`, so a scanner looks a word up once instead of stripping it. `definite` adds the
 * forms with the article (`الوزاره`, `بالوزاره`, and `للوزاره`, whose span keeps its `لل`).
 * @example procliticForms('وزاره', true).get('بالوزاره') // → ['الوزاره', 1]
 */
export function procliticForms(base: string, definite: boolean): Map<string, [string, number]> {
  const forms = new Map<string, [string, number]>();
  for (const p of PROCLITIC_PREFIXES) forms.set(p + base, [base, p.length]);
  if (definite) {
    const withArticle = `ال${base}`;
    for (const p of PROCLITIC_PREFIXES) forms.set(p + withArticle, [withArticle, p.length]);
    for (const p of ['', 'و', 'ف']) forms.set(`${p}لل${base}`, [withArticle, p.length]);
  }
  return forms;
}

/** Offset in the original word after `letters` folded letters (skipping harakat and tatweel). */
export function offsetAfterLetters(text: string, start: number, letters: number): number {
  let i = start;
  let n = 0;
  while (n < letters && i < text.length) {
    i++;
    n++;
    while (i < text.length && /[\p{M}\u0640]/u.test(text[i])) i++;
  }
  return i;
}

/** A word with the article: `ال` + at least two letters (`الري`, `الوزاره`), not a function word. */
export function isDefinite(fold: string): boolean {
  return fold.startsWith('ال') && fold.length >= 4 && !isStopword(fold);
}

/**
 * Frequent nouns that end like a nisba adjective (folded, without the article): an object after
 * a name (`وقعت وزارة الصحة الاتفاقيةَ`) is not read as the name's adjective. Not complete.
 */
const NISBA_LOOKALIKES = new Set(
  `اتفاقية عملية قضية ميزانية هدية أغلبية أكثرية شخصية جنسية حرية استراتيجية رؤية مسؤولية
  عضوية أولوية هوية وصية ضحية كمية نوعية تغطية تسوية تنمية ترقية تربية توصية تعزية كرسي وادي
  مبنى معنى مستشفى مرمى قاضي`
    .split(/\s+/)
    .filter(Boolean)
    .map(foldForSearch),
);

/**
 * A nisba-shaped word without its article: `مائيه`, `مصري`, `اردنيين`, `سوريون` (folded, four
 * letters or more). Relative adjectives are most of the adjectives in names and roles.
 */
export function isNisba(bare: string): boolean {
  if (bare.length < 4 || NISBA_LOOKALIKES.has(bare)) return false;
  return (
    bare.endsWith('يه') ||
    bare.endsWith('ي') ||
    (bare.length >= 5 && (bare.endsWith('يين') || bare.endsWith('يون')))
  );
}

/**
 * For names found already (character spans), a function from a word index to the index just
 * past the known name that starts at that word, or -1.
 */
export function knownNameEnds(
  words: readonly Word[],
  known: ReadonlyArray<{ start: number; end: number }>,
): (w: number) => number {
  const byStart = new Map<number, number>();
  for (const k of known) byStart.set(k.start, Math.max(k.end, byStart.get(k.start) ?? 0));
  return (w) => {
    const end = byStart.get(words[w].start);
    if (end === undefined) return -1;
    let j = w;
    while (j < words.length && words[j].start < end) j++;
    return j;
  };
}
