// Arabic letters, punctuation, digits and marks, defined once. Every heuristic that needs
// to know what is Arabic imports it from here (STYLE.md practice 4).

/** Arabic comma, semicolon, question mark, full stop (U+06D4), and the guillemets used as quotes. */
export const ARABIC_COMMA = '\u060C'; // ،
export const ARABIC_SEMICOLON = '\u061B'; // ؛
export const ARABIC_QUESTION = '\u061F'; // ؟
export const ARABIC_FULL_STOP = '\u06D4'; // ۔
export const TATWEEL = '\u0640'; // ـ

/** Sentence-ending punctuation in Arabic and Latin text. */
export const SENTENCE_END_CHARS = `.!?…${ARABIC_QUESTION}${ARABIC_FULL_STOP}`;

/** Clause punctuation that marks running prose (counted by the body scorer). */
export const PROSE_PUNCTUATION_RE = /[.,;:!?،؛؟]/g;

/** Harakat (short vowels, shadda, sukun, tanwin), superscript alef and Quranic annotation marks. */
export const DIACRITICS_RE = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED]/g;

/** One Arabic-script letter (base block, supplement, extended-A; not digits or punctuation). */
export const ARABIC_LETTER_RE =
  /[\u0621-\u063A\u0641-\u064A\u0671-\u06D3\u06D5\u06FA-\u06FF\u0750-\u077F\u08A0-\u08FF]/;

/** Arabic-script letters, globally, for counting. */
export const ARABIC_LETTERS_G =
  /[\u0621-\u063A\u0641-\u064A\u0671-\u06D3\u06D5\u06FA-\u06FF\u0750-\u077F\u08A0-\u08FF]/g;

/** A run of Arabic-script word characters (letters, marks, tatweel). */
export const ARABIC_WORD_G =
  /[\u0621-\u064A\u064B-\u065F\u0670-\u06D3\u06D5\u06FA-\u06FF\u0750-\u077F\u08A0-\u08FF]+/g;

/** Latin words, globally. */
export const LATIN_WORD_G = /[A-Za-z\u00C0-\u024F]+/g;

/** Arabic-Indic (U+0660–0669) and Persian/Urdu extended (U+06F0–06F9) digits. */
export const ARABIC_INDIC_DIGITS = '٠١٢٣٤٥٦٧٨٩';
export const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';

/** Replace Arabic-Indic and Persian digits with ASCII digits (same length: offsets are kept). */
export function toAsciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => {
    const c = d.charCodeAt(0);
    return String.fromCharCode(48 + (c >= 0x06f0 ? c - 0x06f0 : c - 0x0660));
  });
}

/** Count of Arabic-script letters in `text`. */
export function countArabicLetters(text: string): number {
  return text.match(ARABIC_LETTERS_G)?.length ?? 0;
}

/** Count of words (Arabic-script runs and Latin runs). */
export function countWords(text: string): number {
  return (text.match(ARABIC_WORD_G)?.length ?? 0) + (text.match(LATIN_WORD_G)?.length ?? 0);
}

// ---------------------------------------------------------------------------------------------
// Code-point sets for the table-driven scanners (normalize, tokens, segment, language).
// Each is a list of inclusive [from, to] ranges so that a module can fill a lookup table once.

/** Inclusive code-point range. */
export type CodeRange = readonly [number, number];

/** Arabic-script letters (base block, supplement, extended-A), without marks, digits or tatweel. */
export const ARABIC_LETTER_RANGES: readonly CodeRange[] = [
  [0x0620, 0x063f],
  [0x0641, 0x064a],
  [0x066e, 0x066f],
  [0x0671, 0x06d3],
  [0x06d5, 0x06d5],
  [0x06ee, 0x06ef],
  [0x06fa, 0x06fc],
  [0x06ff, 0x06ff],
  [0x0750, 0x077f],
  [0x0870, 0x0887],
  [0x0889, 0x088e],
  [0x08a0, 0x08c9],
];

/**
 * Harakat, shadda, sukun, tanwin, superscript alef, hamza/madda marks and Quranic annotation
 * marks: the combining marks of the Arabic blocks (Unicode general category Mn in U+0610–061A,
 * U+064B–065F, U+0670, U+06D6–06ED, U+0898–089F, U+08CA–08FF). Same set as DIACRITICS_RE plus
 * the extended-A marks.
 */
export const ARABIC_MARK_RANGES: readonly CodeRange[] = [
  [0x0610, 0x061a],
  [0x064b, 0x065f],
  [0x0670, 0x0670],
  [0x06d6, 0x06dc],
  [0x06df, 0x06e4],
  [0x06e7, 0x06e8],
  [0x06ea, 0x06ed],
  [0x0898, 0x089f],
  [0x08ca, 0x08e1],
  [0x08e3, 0x08ff],
];

/** Arabic presentation forms A and B (ligatures and contextual shapes of legacy encodings). */
export const ARABIC_PRESENTATION_RANGES: readonly CodeRange[] = [
  [0xfb50, 0xfdff],
  [0xfe70, 0xfeff],
];

export const ZWNJ = '\u200C';
export const ZWJ = '\u200D';

/**
 * Invisible bidi controls: LRM, RLM, ALM, the embeddings/overrides LRE…RLO, the isolates
 * LRI…PDI, and the deprecated Arabic shaping/digit controls U+206A–206F (UAX #9, §2).
 */
export const BIDI_CONTROL_RANGES: readonly CodeRange[] = [
  [0x061c, 0x061c],
  [0x200e, 0x200f],
  [0x202a, 0x202e],
  [0x2066, 0x206f],
];

/** Arabic decimal separator ٫ and thousands separator ٬ (U+066B, U+066C), percent sign ٪. */
export const ARABIC_DECIMAL_SEPARATOR = '\u066B';
export const ARABIC_THOUSANDS_SEPARATOR = '\u066C';
export const ARABIC_PERCENT = '\u066A';

/** Opening and closing quotation marks as used in Arabic and Latin news text. */
export const OPENING_QUOTES = '«“‘‹„‟';
export const CLOSING_QUOTES = '»”’›';

/** True when `code` falls in one of `ranges`. For table building, not for hot loops. */
export function inRanges(code: number, ranges: readonly CodeRange[]): boolean {
  for (const [from, to] of ranges) if (code >= from && code <= to) return true;
  return false;
}

let bmpString: string | null = null;

/**
 * One flag per BMP code unit: 1 where the single-code-point regex `re` (with the `u` flag, e.g.
 * /\p{L}/u) matches the character. Runs one global replace over a string of all BMP characters,
 * which is ~20× faster than 65,536 separate `test` calls. Surrogates are never flagged.
 */
export function bmpTable(re: RegExp): Uint8Array {
  if (bmpString === null) {
    const units = new Uint16Array(0x10000);
    for (let c = 0; c < 0x10000; c++) units[c] = c >= 0xd800 && c <= 0xdfff ? 0 : c;
    bmpString = new TextDecoder('utf-16le').decode(units);
  }
  const global = new RegExp(re.source, 'gu');
  // U+FFFF is a noncharacter no class we ask about contains; it marks the matches.
  const marked = bmpString.replace(global, '\uFFFF');
  const table = new Uint8Array(0x10000);
  for (let c = 0; c < 0xffff; c++) if (marked.charCodeAt(c) === 0xffff && c !== 0) table[c] = 1;
  if (re.test('\u0000')) table[0] = 1;
  return table;
}
