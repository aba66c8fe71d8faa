// Name lists as the tagger sees them: folded token sequences → entity type, matched longest
// first over a sentence. Built from the seed list in data/ner/, from data/gazetteer.jsonl (the
// analysis stage's Entity records, read through `entityGazetteer`), and from the entities of the
// training data itself (jackknifed by the trainer, see train.ts).

import { foldForSearch } from '../../arabic/normalize.js';
import { tokenize } from '../../arabic/tokens.js';
import type { Entity, NerType } from '../../model/index.js';

export interface Gazetteer {
  /** Short name used in feature strings ("seed", "ent", "tr"). */
  source: string;
  /** Folded tokens joined by one space → type. */
  entries: Map<string, string>;
  /** Longest entry in tokens. */
  maxTokens: number;
  /** First token of the entries → the longest entry (in tokens) starting with it. */
  starts: Map<string, number>;
  /** Folded single token → type of the entries it occurs in (majority), for partial matches. */
  tokens: Map<string, string>;
}

/** Entity kinds of data/gazetteer.jsonl → tagger types. */
const KIND_TYPE: Record<Entity['kind'], NerType> = {
  person: 'PERS',
  organisation: 'ORG',
  place: 'LOC',
  other: 'MISC',
};

/** Tokens too common to say anything on their own when they occur inside a name. */
const PARTIAL_STOP = new Set([
  'ال',
  'في',
  'من',
  'و',
  'بن',
  'ابن',
  'ابو',
  'عبد',
  'الي',
  'علي',
  'عن',
  '-',
  '.',
  '(',
  ')',
]);

/** Folds a name and splits it into tokens the way the tagger's input is split. */
export function nameTokens(name: string): string[] {
  return tokenize(foldForSearch(name)).map((t) => t.text);
}

/**
 * Builds a gazetteer from (name, type) pairs; a name listed under several types gets the one it
 * was listed under most often (ties: first seen).
 *
 * @example
 * buildGazetteer('seed', [{ name: 'الأمم المتحدة', type: 'ORG' }]).entries.get('الامم المتحده') // → 'ORG'
 */
export function buildGazetteer(source: string, names: Iterable<{ name: string; type: string }>): Gazetteer {
  const votes = new Map<string, Map<string, number>>();
  const tokenVotes = new Map<string, Map<string, number>>();
  const vote = (m: Map<string, Map<string, number>>, key: string, type: string) => {
    let v = m.get(key);
    if (!v) {
      v = new Map();
      m.set(key, v);
    }
    v.set(type, (v.get(type) ?? 0) + 1);
  };
  let maxTokens = 0;
  const starts = new Map<string, number>();
  for (const { name, type } of names) {
    const toks = nameTokens(name);
    if (toks.length === 0) continue;
    maxTokens = Math.max(maxTokens, toks.length);
    starts.set(toks[0], Math.max(starts.get(toks[0]) ?? 0, toks.length));
    vote(votes, toks.join(' '), type);
    for (const t of toks) if (t.length > 1 && !PARTIAL_STOP.has(t)) vote(tokenVotes, t, type);
  }
  return { source, entries: majority(votes), maxTokens, starts, tokens: majority(tokenVotes) };
}

/** The most voted type of each key. */
export function majority(votes: Map<string, Map<string, number>>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, v] of votes) {
    let best = '';
    let bestCount = 0;
    for (const [type, count] of v) {
      if (count > bestCount) {
        best = type;
        bestCount = count;
      }
    }
    out.set(key, best);
  }
  return out;
}

/**
 * Reads Entity records, one JSON object a line (data/gazetteer.jsonl): every `nameAr` and
 * alias becomes an entry of the entity's kind. Lines that do not parse are skipped.
 */
export function entityGazetteer(jsonl: string, source = 'ent'): Gazetteer {
  const names: Array<{ name: string; type: string }> = [];
  for (const line of jsonl.split('\n')) {
    if (line.trim() === '') continue;
    let e: Partial<Entity>;
    try {
      e = JSON.parse(line) as Partial<Entity>;
    } catch {
      continue;
    }
    const type = e.kind ? KIND_TYPE[e.kind] : undefined;
    if (!type) continue;
    for (const name of [e.nameAr, ...(Array.isArray(e.aliases) ? e.aliases : [])]) {
      // Only Arabic-script names: the tagger reads Arabic text.
      if (typeof name === 'string' && /[\u0600-\u06FF]/.test(name)) names.push({ name, type });
    }
  }
  return buildGazetteer(source, names);
}

/** Reads `name<TAB>TYPE` lines (# comments, blank lines skipped). */
export function tsvGazetteer(tsv: string, source: string): Gazetteer {
  const names: Array<{ name: string; type: string }> = [];
  for (const line of tsv.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const [name, type] = line.split('\t');
    if (name && type) names.push({ name: name.trim(), type: type.trim() });
  }
  return buildGazetteer(source, names);
}

/**
 * Longest-first, left-to-right matches of a gazetteer over a sentence of folded tokens; the first
 * token of a match may carry proclitics ("والأمم المتحدة"). Returns a BIO tag per token, or null.
 */
export function matchGazetteer(
  folded: readonly string[],
  candidates: readonly (readonly string[])[],
  gaz: Gazetteer,
): Array<string | null> {
  const n = folded.length;
  const out: Array<string | null> = new Array(n).fill(null);
  let i = 0;
  while (i < n) {
    let matched = 0;
    let type = '';
    // " w2 w3 …" after the first token, built once per position and only as far as needed.
    let rests: string[] | null = null;
    for (const first of candidates[i]) {
      const longest = gaz.starts.get(first);
      if (longest === undefined) continue;
      const reach = Math.min(longest, n - i);
      if (reach > 1 && (rests === null || rests.length < reach)) {
        rests ??= [''];
        for (let len = rests.length; len < reach; len++) rests.push(`${rests[len - 1]} ${folded[i + len]}`);
      }
      for (let len = reach; len > matched; len--) {
        const key = len > 1 ? first + (rests as string[])[len - 1] : first;
        const hit = gaz.entries.get(key);
        if (hit !== undefined) {
          matched = len;
          type = hit;
          break;
        }
      }
    }
    if (matched === 0) {
      i++;
      continue;
    }
    out[i] = `B-${type}`;
    for (let k = 1; k < matched; k++) out[i + k] = `I-${type}`;
    i += matched;
  }
  return out;
}

/**
 * Type of the gazetteer names a token occurs in (any of its proclitic readings, as
 * procliticCandidates gives them), or null.
 */
export function partialMatch(readings: readonly string[], gaz: Gazetteer): string | null {
  for (const c of readings) {
    const t = gaz.tokens.get(c);
    if (t !== undefined) return t;
  }
  return null;
}
