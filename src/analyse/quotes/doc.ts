// The text as the quote finder reads it: folded once (foldForSearch with its offset map), tokens,
// sentences merged over ؛ (news writers use it inside one statement: seed `غير السوريين؛
// اعترضوا`), paragraphs, paired quotation marks, and the entity mentions given as hints.

import {
  ARABIC_COMMA,
  ARABIC_SEMICOLON,
  normalize,
  splitSentences,
  type Token,
  tokenize,
} from '../../arabic/index.js';
import type { NerType } from '../../model/analysis.js';
import { pairQuoteMarks, type QuoteMarkSpan } from './marks.js';

export interface MentionHint {
  start: number;
  end: number;
  entityId: string;
  type: NerType;
}

export interface Doc {
  /** The original text: every offset in the output points into it. */
  text: string;
  /** Original offset of each folded code unit, plus one final entry. */
  map: Int32Array;
  tokens: Token[];
  /** Folded text of each token. */
  keys: string[];
  /** Sentence of each token; sentences as token ranges [start, end). */
  sentenceOf: Int32Array;
  sentenceStart: Int32Array;
  sentenceEnd: Int32Array;
  paragraphOf: Int32Array;
  marks: QuoteMarkSpan[];
  /** Span index opened by token k, or -1. */
  openerSpan: Int32Array;
  /** Span index closed by token k, or -1. */
  closerSpan: Int32Array;
  /** Mentions sorted by start, in original offsets. */
  mentions: MentionHint[];
}

function isLineBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029 || c === 0x85;
}

/** Read `text` once for the finder. */
export function prepareDoc(text: string, mentions: readonly MentionHint[] = []): Doc {
  const folded = normalize(text, 'search');
  const f = folded.text;
  const tokens = tokenize(f);
  const n = tokens.length;
  const keys = tokens.map((t) => t.text);

  const paragraphOf = new Int32Array(n);
  let paragraph = 0;
  for (let k = 1; k < n; k++) {
    for (let i = tokens[k - 1].end; i < tokens[k].start; i++) {
      if (isLineBreak(f.charCodeAt(i))) {
        paragraph++;
        break;
      }
    }
    paragraphOf[k] = paragraph;
  }

  // Sentences as token ranges; a sentence that ends in ؛ goes on in the same paragraph.
  const spans = splitSentences(f, tokens);
  const starts: number[] = [];
  const ends: number[] = [];
  let k = 0;
  for (const span of spans) {
    while (k < n && tokens[k].start < span.start) k++;
    const from = k;
    while (k < n && tokens[k].end <= span.end) k++;
    if (k === from) continue;
    const last = starts.length - 1;
    if (
      last >= 0 &&
      keys[ends[last] - 1] === ARABIC_SEMICOLON &&
      paragraphOf[ends[last] - 1] === paragraphOf[from] &&
      ends[last] === from
    ) {
      ends[last] = k;
    } else {
      starts.push(from);
      ends.push(k);
    }
  }
  const sentenceOf = new Int32Array(n);
  for (let s = 0; s < starts.length; s++) for (let j = starts[s]; j < ends[s]; j++) sentenceOf[j] = s;

  const { spans: marks, openerSpan } = pairQuoteMarks(tokens, paragraphOf);
  const closerSpan = new Int32Array(n).fill(-1);
  marks.forEach((m, i) => {
    if (m.close >= 0) closerSpan[m.close] = i;
  });

  return {
    text,
    map: folded.toOriginal,
    tokens,
    keys,
    sentenceOf,
    sentenceStart: Int32Array.from(starts),
    sentenceEnd: Int32Array.from(ends),
    paragraphOf,
    marks,
    openerSpan,
    closerSpan,
    mentions: [...mentions].sort((a, b) => a.start - b.start),
  };
}

/** Original offsets of tokens [from, to). */
export function spanOf(doc: Doc, from: number, to: number): { start: number; end: number } {
  return { start: doc.map[doc.tokens[from].start], end: doc.map[doc.tokens[to - 1].end] };
}

export function isComma(key: string): boolean {
  return key === ARABIC_COMMA || key === ',' || key === '–' || key === '—';
}

export function isPunctuation(doc: Doc, k: number): boolean {
  return doc.tokens[k].kind === 'punctuation';
}

/** Mentions overlapping the original span [start, end). */
export function mentionsIn(doc: Doc, start: number, end: number): MentionHint[] {
  const out: MentionHint[] = [];
  for (const m of doc.mentions) {
    if (m.start >= end) break;
    if (m.end > start) out.push(m);
  }
  return out;
}
