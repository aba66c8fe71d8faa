// Sentence splitter for Arabic news text, over the tokens of tokens.ts (so URLs, e-mails and
// numbers such as 3.5 or ١٬٥٠٠ never end a sentence).

import { ARABIC_FULL_STOP, ARABIC_QUESTION, ARABIC_SEMICOLON, TATWEEL } from './chars.js';
import { type Token, tokenize } from './tokens.js';

export interface SentenceSpan {
  /** Offset of the first character of the sentence (whitespace trimmed). */
  start: number;
  /** Offset just past its last character. */
  end: number;
}

/** Punctuation tokens that end a sentence: . ! ? ؟ ؛ ۔ … and runs of dots (.. ...). */
const TERMINATORS = new Set([
  '.',
  '!',
  '?',
  ARABIC_QUESTION,
  ARABIC_SEMICOLON,
  ARABIC_FULL_STOP,
  '…',
  '..',
  '...',
]);

/** Closing brackets absorbed into the sentence they follow: «…؟» ends after ». */
const CLOSING_BRACKETS = new Set([')', ']', '}', '»', '”', '’', '›']);

/** Opening quote → the closer that pairs with it. ASCII " pairs with itself. */
const QUOTE_PAIRS = new Map([
  ['«', '»'],
  ['“', '”'],
  ['„', '”'],
  ['‹', '›'],
  ['"', '"'],
]);

/**
 * Single-letter Arabic abbreviations ("د." doctor, "م." engineer or AD, "أ." professor, "ص.ب"
 * PO box, "ق.م" BC, "ج.م.ع") — any single Arabic letter before a dot is taken as one.
 * Era markers after a year ("عام 1990 م.", "1443 هـ.", "300 ق.م.") do end a sentence: in the
 * news corpus they close a date far more often than they abbreviate a title.
 */
const ERA_MARKERS = new Set(['م', 'ه', 'هـ']);

/** Latin abbreviations that do not end a sentence (lower-cased, without the dot). */
const LATIN_ABBREVIATIONS = new Set(
  'mr mrs ms dr prof st jr sr inc ltd co corp vs gen col lt sgt capt gov sen rep no vol fig mt ft jan feb mar apr jun jul aug sep sept oct nov dec'.split(
    ' ',
  ),
);

/** Line breaks end a paragraph and so a sentence. */
function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029 || c === 0x85) return true;
  }
  return false;
}

function isArabicLetterCode(c: number): boolean {
  return (c >= 0x0620 && c <= 0x064a) || (c >= 0x066e && c <= 0x06d5);
}

/** Letters of a word without tatweel and harakat, for abbreviation checks. */
function bareLetters(word: string): string {
  let s = '';
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c === TATWEEL.charCodeAt(0) || (c >= 0x064b && c <= 0x065f) || c === 0x0670) continue;
    s += word[i];
  }
  return s;
}

function isLatinLower(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0xdf && c <= 0xff && c !== 0xf7);
}

function isLatinLetter(c: number): boolean {
  return ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

/**
 * Is the "." at token k an abbreviation dot rather than a full stop? One clause per reason.
 */
function isAbbreviationDot(tokens: Token[], k: number, breakBefore: Uint8Array): boolean {
  const dot = tokens[k];
  const prev = k > 0 ? tokens[k - 1] : null;
  const next = k + 1 < tokens.length && !breakBefore[k + 1] ? tokens[k + 1] : null;
  // "file.Name", "v.s" — a Latin word glued after the dot continues the sentence.
  if (next && next.start === dot.end && next.kind === 'word' && isLatinLetter(next.text.charCodeAt(0)))
    return true;
  // "etc. and", "approx. five" — a lower-case Latin word after the dot continues it.
  if (next && next.kind === 'word' && isLatinLower(next.text.charCodeAt(0))) return true;
  if (!prev || prev.end !== dot.start || prev.kind !== 'word') return false;
  let bare = bareLetters(prev.text);
  // "وم." "ود." — a conjunction glued to the abbreviation.
  if (bare.length === 2 && (bare[0] === 'و' || bare[0] === 'ف') && isArabicLetterCode(bare.charCodeAt(1))) {
    bare = bare.slice(1);
  }
  if (bare.length === 1 && isArabicLetterCode(bare.charCodeAt(0))) {
    // "عام 1990 م." / "300 ق.م." — an era marker after a year closes the sentence.
    if (ERA_MARKERS.has(bare) || bare === 'م') {
      let q = k - 2;
      // step back over "ق." of "ق.م"
      if (q >= 1 && tokens[q].text === '.' && bareLetters(tokens[q - 1].text) === 'ق') q -= 2;
      if (q >= 0 && tokens[q].kind === 'number' && !breakBefore[q + 1]) return false;
    }
    return true; // د. محمد, أ. د., ص.ب, ج.م.ع
  }
  if (bare === 'هـ' || bare === 'ه') return true;
  // "J. Smith", "U.S." — a single Latin letter.
  if (bare.length === 1 && isLatinLetter(bare.charCodeAt(0))) return true;
  if (LATIN_ABBREVIATIONS.has(prev.text.toLowerCase())) return true;
  return false;
}

/**
 * Pair quotes within each paragraph; returns, for each opening quote token, the index of its
 * closer (-1 when unmatched: an unmatched quote never holds a sentence open).
 */
function pairQuotes(tokens: Token[], breakBefore: Uint8Array): { closeOf: Int32Array; isCloser: Uint8Array } {
  const closeOf = new Int32Array(tokens.length).fill(-1);
  const isCloser = new Uint8Array(tokens.length);
  const stack: Array<{ index: number; closer: string }> = [];
  for (let k = 0; k < tokens.length; k++) {
    if (breakBefore[k]) stack.length = 0;
    const t = tokens[k];
    if (t.kind !== 'punctuation' || t.text.length !== 1) continue;
    const top = stack.length > 0 ? stack[stack.length - 1] : null;
    if (top && top.closer === t.text) {
      closeOf[top.index] = k;
      isCloser[k] = 1;
      stack.pop();
      continue;
    }
    const closer = QUOTE_PAIRS.get(t.text);
    if (closer !== undefined) {
      stack.push({ index: k, closer });
      continue;
    }
    // A closer that does not match the top: close the nearest matching opener, drop those above.
    for (let s = stack.length - 2; s >= 0; s--) {
      if (stack[s].closer === t.text) {
        closeOf[stack[s].index] = k;
        isCloser[k] = 1;
        stack.length = s;
        break;
      }
    }
  }
  return { closeOf, isCloser };
}

/**
 * Split `text` into sentences; spans are trimmed of surrounding whitespace. Pass `tokens` when
 * the caller already has `tokenize(text)`, to tokenise once.
 *
 * A sentence ends at . ! ? ؟ ؛ ۔ … or a run of dots, with any closing quotes and brackets right
 * after it, and at every line break (paragraphs). It does not end:
 * - inside a number (3.5, ١٬٥٠٠) or a URL — those are single tokens;
 * - after an abbreviation: a single Arabic letter (د. م. أ. ص.ب ق.م), هـ, a single Latin initial
 *   (J. Smith) or a Latin title (Mr., Dr.), unless an era marker follows a year (عام 1990 م.);
 * - inside a quotation that goes on after the stop («قال: ذهبت. ثم عدت» stays one sentence).
 *
 * @example
 * splitSentences('قال د. أحمد: «نجحنا. وسنكمل». ثم غادر؟ نعم') // → 3 spans
 */
export function splitSentences(text: string, tokens: Token[] = tokenize(text)): SentenceSpan[] {
  const n = tokens.length;
  const spans: SentenceSpan[] = [];
  if (n === 0) return spans;
  const breakBefore = new Uint8Array(n);
  for (let k = 1; k < n; k++) if (hasLineBreak(text, tokens[k - 1].end, tokens[k].start)) breakBefore[k] = 1;
  const { closeOf, isCloser } = pairQuotes(tokens, breakBefore);

  const isCloseToken = (k: number): boolean =>
    tokens[k].kind === 'punctuation' &&
    (isCloser[k] === 1 || (CLOSING_BRACKETS.has(tokens[k].text) && tokens[k].text !== '’'));

  let sentenceStart = 0; // token index
  const open: number[] = []; // closer indices of quotes open at the current token
  for (let k = 0; k < n; k++) {
    if (breakBefore[k]) {
      if (k > sentenceStart) spans.push({ start: tokens[sentenceStart].start, end: tokens[k - 1].end });
      sentenceStart = k;
      open.length = 0;
    }
    if (closeOf[k] >= 0) open.push(closeOf[k]);
    else if (open.length > 0 && open[open.length - 1] === k) open.pop();
    const t = tokens[k];
    if (t.kind !== 'punctuation' || !TERMINATORS.has(t.text)) continue;
    if (t.text === '.' && isAbbreviationDot(tokens, k, breakBefore)) continue;
    // Absorb further terminators and closing quotes/brackets: "؟!»" ends after ».
    let e = k;
    let stillOpen = open.length;
    while (e + 1 < n && !breakBefore[e + 1]) {
      const nx = tokens[e + 1];
      if (nx.kind === 'punctuation' && TERMINATORS.has(nx.text)) e++;
      else if (isCloseToken(e + 1)) {
        if (stillOpen > 0 && open[stillOpen - 1] === e + 1) stillOpen--;
        e++;
      } else break;
    }
    // The quotation goes on after the stop: not a sentence end.
    if (stillOpen > 0) continue;
    open.length = 0;
    spans.push({ start: tokens[sentenceStart].start, end: tokens[e].end });
    sentenceStart = e + 1;
    k = e;
  }
  if (sentenceStart < n) spans.push({ start: tokens[sentenceStart].start, end: tokens[n - 1].end });
  return spans;
}
