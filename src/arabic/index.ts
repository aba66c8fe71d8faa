// The public door of src/arabic: other stages import from here only (STYLE.md practice 1).
// One `export … from` line per name group, so parallel edits do not collide.
export * from './chars.js';
export type { DateMention, ParseDatesOptions, PartOfDay } from './dates.js';
export { parseDate, parseDates } from './dates.js';
export type { CalendarDate } from './hijri.js';
export { gregorianToHijri, hijriMonthLength, hijriToGregorian } from './hijri.js';
export type { DetectedLanguage, LanguageGuess } from './language.js';
export { detectLanguage } from './language.js';
export type { Normalized, NormalizeProfile } from './normalize.js';
export { foldForSearch, normalize } from './normalize.js';
export type { NumberMention } from './numbers.js';
export { parseNumbers } from './numbers.js';
export { searchTerms } from './search-terms.js';
export type { Segmentation } from './segment.js';
export { segment } from './segment.js';
export type { SentenceSpan } from './sentences.js';
export { splitSentences } from './sentences.js';
export { stem } from './stem.js';
export { isStopword } from './stopwords.js';
export type { Token, TokenKind } from './tokens.js';
export { tokenize } from './tokens.js';
