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
export const ARABIC_LETTER_RE = /[\u0621-\u063A\u0641-\u064A\u0671-\u06D3\u06D5\u06FA-\u06FF\u0750-\u077F\u08A0-\u08FF]/;

/** Arabic-script letters, globally, for counting. */
export const ARABIC_LETTERS_G = /[\u0621-\u063A\u0641-\u064A\u0671-\u06D3\u06D5\u06FA-\u06FF\u0750-\u077F\u08A0-\u08FF]/g;

/** A run of Arabic-script word characters (letters, marks, tatweel). */
export const ARABIC_WORD_G = /[\u0621-\u064A\u064B-\u065F\u0670-\u06D3\u06D5\u06FA-\u06FF\u0750-\u077F\u08A0-\u08FF]+/g;

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
