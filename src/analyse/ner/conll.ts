// The CoNLL-style corpus format of ANERcorp (one `TOKEN TAG` per line, a blank line between
// sentences), BIO tags ↔ entity spans, and conlleval-style entity-level scoring.

import type { NerType } from '../../model/index.js';

/** The nine BIO labels, in the order the model indexes them. O first. */
export const NER_LABELS = [
  'O',
  'B-PERS',
  'I-PERS',
  'B-LOC',
  'I-LOC',
  'B-ORG',
  'I-ORG',
  'B-MISC',
  'I-MISC',
] as const;
export type NerTag = (typeof NER_LABELS)[number];
export const NER_TYPES: readonly NerType[] = ['PERS', 'LOC', 'ORG', 'MISC'];

/**
 * The tagger's own labels (BIOES): B- first, I- inside, E- last token of a span of two or more,
 * S- a one-token span. Finer than BIO, so the weights can tell a name's last word from its
 * middle; output is always BIO (bioesToBio).
 */
export const BIOES_LABELS: readonly string[] = [
  'O',
  ...NER_TYPES.flatMap((t) => [`B-${t}`, `I-${t}`, `E-${t}`, `S-${t}`]),
];

export interface ConllSentence {
  tokens: string[];
  /** Gold tags, when the file has a second column; otherwise all 'O'. */
  tags: string[];
}

/** A span of tokens [start, end) of one type. */
export interface TokenSpan {
  start: number;
  end: number;
  type: string;
}

/**
 * Parses a CoNLL file: the first column is the token, the last (if any) its tag; blank lines
 * separate sentences. CRLF and trailing blank lines are tolerated.
 *
 * @example
 * parseConll('باريس B-LOC\nقال O\n\nنعم O').length // → 2
 */
export function parseConll(text: string): ConllSentence[] {
  const out: ConllSentence[] = [];
  let tokens: string[] = [];
  let tags: string[] = [];
  const flush = () => {
    if (tokens.length > 0) out.push({ tokens, tags });
    tokens = [];
    tags = [];
  };
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') {
      flush();
      continue;
    }
    const cols = line.trim().split(/\s+/);
    tokens.push(cols[0]);
    tags.push(cols.length > 1 ? cols[cols.length - 1] : 'O');
  }
  flush();
  return out;
}

/** Writes sentences back as `TOKEN TAG` lines with a blank line after each sentence. */
export function formatConll(
  sentences: ReadonlyArray<{ tokens: readonly string[]; tags: readonly string[] }>,
): string {
  const parts: string[] = [];
  for (const s of sentences) {
    for (let i = 0; i < s.tokens.length; i++) parts.push(`${s.tokens[i]} ${s.tags[i]}\n`);
    parts.push('\n');
  }
  return parts.join('');
}

/**
 * Entity spans of a BIO sequence. An I-X that does not continue an X span starts one, as
 * conlleval and seqeval do by default (ANERcorp has 39 such spans in train).
 *
 * @example
 * bioToSpans(['B-PERS', 'I-PERS', 'O', 'I-LOC']) // → [{start:0,end:2,type:'PERS'}, {start:3,end:4,type:'LOC'}]
 */
export function bioToSpans(tags: readonly string[]): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let cur: TokenSpan | null = null;
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i];
    const prefix = tag.slice(0, 2);
    const type = tag.slice(2);
    if (prefix === 'I-' && cur !== null && cur.type === type) {
      cur.end = i + 1;
      continue;
    }
    if (cur) spans.push(cur);
    cur = prefix === 'B-' || prefix === 'I-' ? { start: i, end: i + 1, type } : null;
  }
  if (cur) spans.push(cur);
  return spans;
}

/** Rewrites an I-X that starts a span as B-X, so the sequence is valid BIO (training needs it). */
export function repairBio(tags: readonly string[]): string[] {
  const out = tags.slice();
  for (let i = 0; i < out.length; i++) {
    if (!out[i].startsWith('I-')) continue;
    const prev = i > 0 ? out[i - 1] : 'O';
    if (prev === 'O' || prev.slice(2) !== out[i].slice(2)) out[i] = `B-${out[i].slice(2)}`;
  }
  return out;
}

/**
 * BIOES tags of a valid BIO sequence (run repairBio first).
 *
 * @example
 * bioToBioes(['B-PERS', 'I-PERS', 'I-PERS', 'B-LOC', 'O']) // → ['B-PERS', 'I-PERS', 'E-PERS', 'S-LOC', 'O']
 */
export function bioToBioes(tags: readonly string[]): string[] {
  return tags.map((tag, i) => {
    if (tag === 'O') return tag;
    const type = tag.slice(2);
    const continues = i + 1 < tags.length && tags[i + 1] === `I-${type}`;
    if (tag.startsWith('B-')) return continues ? tag : `S-${type}`;
    return continues ? tag : `E-${type}`;
  });
}

/** BIO tags of a BIOES sequence: E- is an I-, S- a B-. */
export function bioesToBio(tags: readonly string[]): string[] {
  return tags.map((tag) =>
    tag.startsWith('E-') ? `I-${tag.slice(2)}` : tag.startsWith('S-') ? `B-${tag.slice(2)}` : tag,
  );
}

export interface TypeScore {
  type: string;
  gold: number;
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface NerScore {
  overall: TypeScore;
  byType: TypeScore[];
  tokenAccuracy: number;
}

/**
 * Entity-level micro P/R/F1, exact span and type (conlleval), with per-type scores and token
 * accuracy. `gold` and `predicted` are parallel sentence lists of tags.
 */
export function scoreNer(
  gold: readonly (readonly string[])[],
  predicted: readonly (readonly string[])[],
): NerScore {
  const counts = new Map<string, { gold: number; predicted: number; correct: number }>();
  const bump = (type: string, key: 'gold' | 'predicted' | 'correct') => {
    let c = counts.get(type);
    if (!c) {
      c = { gold: 0, predicted: 0, correct: 0 };
      counts.set(type, c);
    }
    c[key]++;
  };
  let tokens = 0;
  let tokensRight = 0;
  for (let s = 0; s < gold.length; s++) {
    const g = gold[s];
    const p = predicted[s];
    if (g.length !== p.length)
      throw new Error(`sentence ${s}: ${g.length} gold tags but ${p.length} predicted`);
    for (let i = 0; i < g.length; i++) {
      tokens++;
      if (g[i] === p[i]) tokensRight++;
    }
    const gs = bioToSpans(g);
    const ps = bioToSpans(p);
    const key = (x: TokenSpan) => `${x.start}:${x.end}:${x.type}`;
    const goldKeys = new Set(gs.map(key));
    for (const x of gs) bump(x.type, 'gold');
    for (const x of ps) {
      bump(x.type, 'predicted');
      if (goldKeys.has(key(x))) bump(x.type, 'correct');
    }
  }
  const make = (type: string, c: { gold: number; predicted: number; correct: number }): TypeScore => {
    const precision = c.predicted > 0 ? c.correct / c.predicted : 0;
    const recall = c.gold > 0 ? c.correct / c.gold : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    return { type, ...c, precision, recall, f1 };
  };
  const total = { gold: 0, predicted: 0, correct: 0 };
  for (const c of counts.values()) {
    total.gold += c.gold;
    total.predicted += c.predicted;
    total.correct += c.correct;
  }
  const types = [
    ...NER_TYPES,
    ...[...counts.keys()].filter((t) => !(NER_TYPES as string[]).includes(t)).sort(),
  ];
  return {
    overall: make('ALL', total),
    byType: types.map((t) => make(t, counts.get(t) ?? { gold: 0, predicted: 0, correct: 0 })),
    tokenAccuracy: tokens > 0 ? tokensRight / tokens : 0,
  };
}
