// Quotation marks of a text, paired within each paragraph: «…», “…”, „…” and ASCII "…".
// ASCII quotes have one character for both ends, so each is read as an opener or a closer from
// its neighbours; an opener while another ASCII quote is open means the first was never closed
// (seed: `إن "مجلس الرقة … بشرية، وأضاف البيان "سيتم …"`), and it stays unterminated.

import type { Token } from '../../arabic/index.js';

export interface QuoteMarkSpan {
  /** Token index of the opening mark. */
  open: number;
  /** Token index of the closing mark, or -1 when the paragraph ended first. */
  close: number;
  /** Word and number tokens between the marks (to the paragraph end when unterminated). */
  words: number;
}

const PAIRED: ReadonlyMap<string, string> = new Map([
  ['«', '»'],
  ['“', '”'],
  ['„', '”'],
  ['‹', '›'],
]);
const CLOSERS = new Set(['»', '”', '›']);
const ASCII = '"';

/** Single-letter proclitics written before a quote: لـ"بلدي نيوز"، بـ"الجيش الحر"، و"حدات. */
const GLUED_PROCLITICS = new Set(['ل', 'ب', 'و', 'ف', 'ك']);

function isWordish(t: Token): boolean {
  return t.kind !== 'punctuation' && t.kind !== 'symbol';
}

/**
 * Pair the quotation marks of `tokens`. `paragraphOf[k]` is the paragraph index of token k.
 * Returns the spans in order of their opening mark, and `openerSpan[k]` = index of the span whose
 * opening mark is token k (-1 elsewhere).
 */
export function pairQuoteMarks(
  tokens: Token[],
  paragraphOf: Int32Array,
): { spans: QuoteMarkSpan[]; openerSpan: Int32Array } {
  const spans: QuoteMarkSpan[] = [];
  const openerSpan = new Int32Array(tokens.length).fill(-1);
  const stack: Array<{ span: number; closer: string }> = [];
  let paragraph = -1;
  const open = (k: number, closer: string) => {
    openerSpan[k] = spans.length;
    stack.push({ span: spans.length, closer });
    spans.push({ open: k, close: -1, words: 0 });
  };
  for (let k = 0; k < tokens.length; k++) {
    if (paragraphOf[k] !== paragraph) {
      paragraph = paragraphOf[k];
      stack.length = 0;
    }
    const t = tokens[k];
    if (t.kind !== 'punctuation') continue;
    const ch = t.text;
    const pairedCloser = PAIRED.get(ch);
    if (pairedCloser !== undefined) {
      open(k, pairedCloser);
      continue;
    }
    if (CLOSERS.has(ch)) {
      for (let s = stack.length - 1; s >= 0; s--) {
        if (stack[s].closer !== ch) continue;
        spans[stack[s].span].close = k;
        stack.length = s;
        break;
      }
      continue;
    }
    if (ch !== ASCII) continue;
    const prev = k > 0 && paragraphOf[k - 1] === paragraph ? tokens[k - 1] : null;
    const next = k + 1 < tokens.length && paragraphOf[k + 1] === paragraph ? tokens[k + 1] : null;
    const gluedBefore = prev !== null && prev.end === t.start;
    const gluedAfter = next !== null && next.start === t.end;
    // Opener: glued to the word after it, and not to a word before it (unless that word is a
    // lone proclitic: لـ"بلدي").
    const openerLike =
      gluedAfter &&
      (next.kind !== 'punctuation' || PAIRED.has(next.text)) &&
      (!gluedBefore || (prev.kind === 'word' && GLUED_PROCLITICS.has(prev.text)) || prev.text === '(');
    const closerLike = gluedBefore && (prev.kind !== 'punctuation' || !PAIRED.has(prev.text)) && !openerLike;
    let top = -1;
    for (let s = stack.length - 1; s >= 0; s--) {
      if (stack[s].closer === ASCII) {
        top = s;
        break;
      }
    }
    if (top >= 0 && (closerLike || !openerLike)) {
      spans[stack[top].span].close = k;
      stack.length = top;
    } else if (openerLike || (!closerLike && top < 0)) {
      // An opener while another ASCII quote is open: that one was never closed.
      if (top >= 0) stack.length = top;
      open(k, ASCII);
    }
  }
  for (const span of spans) {
    const to = span.close >= 0 ? span.close : tokens.length;
    let words = 0;
    for (let k = span.open + 1; k < to; k++) {
      if (span.close < 0 && paragraphOf[k] !== paragraphOf[span.open]) break;
      if (isWordish(tokens[k])) words++;
    }
    span.words = words;
  }
  return { spans, openerSpan };
}
