// Feature strings for the NER tagger, one list per token. Groups can be switched off one by one
// for the ablation (scripts/eval-ner.ts --ablation):
//  base      the word, its stem and proclitics, affixes, shape, ±2 words of context;
//  names     given-name list, family-name particles (أبو ابن بن آل), nisba endings;
//  triggers  role, place, organisation and event trigger words before/at/after the token;
//  gazetteer longest matches of the external gazetteers and of the training entities;
//  doc       (second pass) how the first pass tagged the same stem elsewhere in the document,
//            and the names it found there matched over this sentence (model.ts).
// Words are compared after foldForSearch (ANERcorp writes إلي for إلى, news sites mix both).

import { foldForSearch } from '../../arabic/normalize.js';
import { procliticCandidates, withoutArticle } from './clitics.js';
import { type Gazetteer, matchGazetteer, partialMatch } from './gazetteer.js';
import type { NerResources } from './resources.js';

export interface FeatureGroups {
  names: boolean;
  triggers: boolean;
  gazetteer: boolean;
  doc: boolean;
}

export const ALL_GROUPS: FeatureGroups = { names: true, triggers: true, gazetteer: true, doc: true };

/** What the features need to know about one token, computed once. */
export interface TokenView {
  raw: string;
  fold: string;
  /** Proclitic readings, least stripped first (clitics.ts). */
  cands: string[];
  /** Most stripped reading, article kept. */
  stem: string;
  /** Stem without the article. */
  bare: string;
  shape: string;
}

/** Family-name particles: the word after them is part of a person's name (أبو مازن, آل سعود). */
const FAMILY_PARTICLES = new Set(['ابو', 'ابن', 'بن', 'بنت', 'ال', 'ابا', 'ابي']);
/** Nisba / family-name endings on an article-bearing word: الحريري, الطنطاوي. */
const NISBA_RE = /^ال.{2,}(?:ي|اوي)$/;
/** Given names written as one word with their first part: عبدالواحد, أبوالنجا, ابوتريكة. */
const COMPOUND_NAME_RE = /^(?:عبد|ابو|ابي|ابن)ال?.{3,}$/;
/** Opening and closing quotes: product, outlet and team names are often quoted. */
const OPEN_QUOTES = new Set(['«', '"', '“', "'"]);
const CLOSE_QUOTES = new Set(['»', '"', '”', "'"]);
/** Stems shorter than this get no affix features beyond their length. */
const MIN_AFFIX_STEM = 3;
/** Tokens kept in the document memory: words of at least this many letters. */
const MIN_DOC_WORD = 2;

const foldCache = new Map<string, string>();
/** Fold cache bound: the corpus has ~30k types; news text adds a few thousand per batch. */
const FOLD_CACHE_MAX = 200_000;

function fold(word: string): string {
  let f = foldCache.get(word);
  if (f === undefined) {
    f = foldForSearch(word);
    if (foldCache.size > FOLD_CACHE_MAX) foldCache.clear();
    foldCache.set(word, f);
  }
  return f;
}

function shapeOf(word: string): string {
  let arabic = false;
  let latin = false;
  let digit = false;
  let other = false;
  for (const ch of word) {
    if (/[\u0600-\u06FF]/.test(ch)) arabic = true;
    else if (/[A-Za-z]/.test(ch)) latin = true;
    else if (/[0-9\u0660-\u0669]/.test(ch)) digit = true;
    else other = true;
  }
  if (arabic) return latin || digit ? 'AX' : other ? 'AP' : 'A';
  if (latin) return digit ? 'LD' : 'L';
  if (digit) return other ? 'DP' : 'D';
  return 'P';
}

const viewCache = new Map<string, TokenView>();

/** Token views of a sentence (cached per word: a view depends on the word alone). */
export function viewTokens(tokens: readonly string[]): TokenView[] {
  return tokens.map((raw) => {
    let v = viewCache.get(raw);
    if (v === undefined) {
      const f = fold(raw);
      const cands = procliticCandidates(f);
      const stem = cands[cands.length - 1];
      v = { raw, fold: f, cands, stem, bare: withoutArticle(stem), shape: shapeOf(raw) };
      if (viewCache.size > FOLD_CACHE_MAX) viewCache.clear();
      viewCache.set(raw, v);
    }
    return v;
  });
}

/** First reading of the word found in `map` (also without the article), or undefined. */
function lookup(v: TokenView, map: Map<string, string>): string | undefined {
  for (const c of v.cands) {
    const hit = map.get(c) ?? map.get(withoutArticle(c));
    if (hit !== undefined) return hit;
  }
  return undefined;
}

/** Context of one sentence's first-pass features. */
export interface SentenceContext {
  groups: FeatureGroups;
  resources: NerResources;
  /** Gazetteer of the training entities (for training: built without this sentence's fold). */
  trainGazetteer: Gazetteer | null;
  /** How the training data tagged each stem (for training: without this sentence's fold). */
  trainLexicon: Lexicon | null;
}

/** Stem → [times tagged O, times inside an entity] in the training data. */
export type Lexicon = Map<string, Int32Array>;

/** Share of O above which a known word is "seen as O" (and below 1 − it, "seen as entity"). */
const LEXICON_O_SHARE = 0.9;

/** Adds a sentence's gold tags to a lexicon. */
export function addToLexicon(lexicon: Lexicon, views: readonly TokenView[], tags: readonly string[]): void {
  views.forEach((v, i) => {
    let c = lexicon.get(v.stem);
    if (!c) {
      c = new Int32Array(2);
      lexicon.set(v.stem, c);
    }
    c[tags[i] === 'O' ? 0 : 1]++;
  });
}

function lexiconClass(lexicon: Lexicon, v: TokenView): string {
  const c = lexicon.get(v.stem);
  if (!c) return 'oov';
  const share = c[0] / (c[0] + c[1]);
  return share >= LEXICON_O_SHARE ? 'O' : share <= 1 - LEXICON_O_SHARE ? 'E' : 'mix';
}

/**
 * First-pass features of every token of a sentence.
 *
 * @example
 * sentenceFeatures(viewTokens(['قال', 'الرئيس', 'جورج', 'بوش']), ctx)[2] // includes 'w=جورج', 'tg-1=PERS_TITLE'
 */
/**
 * The features a token gets from its own word, and those it gives its neighbours, built once
 * per distinct word and reused: the same string objects come back each time, so the model's
 * feature index hashes them once (tagging spends most of its time looking features up).
 */
interface WordFeatures {
  /** Features of the word itself (no position, no neighbour). */
  local: FeatureList;
  /** What the word gives the token after it (w-1, s-1, x2-1, sh-1). */
  asPrev: FeatureList;
  /** What the word gives the token before it (w+1, s+1, x2+1, sh+1). */
  asNext: FeatureList;
  fam: boolean;
  cmpname: boolean;
  nisba: boolean;
  /** Given-name class and trigger class of the word (resources.givenNames, .triggers). */
  gn: string | null;
  tg: string | null;
  /** Partial-match type of the word in each of resources.gazetteers (Arabic words only). */
  partial: Array<string | null>;
  /** The word's knowledge features per combination of feature groups (knownLists), built lazily. */
  known: Array<KnownLists | undefined>;
}

/**
 * A word's lists with what the resources say about it (given names, triggers, partial gazetteer
 * matches) added, for the token itself and for its neighbours: word-level, so kept in the shared
 * lists whose scores the model sums once per word instead of once per token.
 */
interface KnownLists {
  at: FeatureList;
  asPrev: FeatureList;
  asNext: FeatureList;
}

/**
 * One position feature (a token's own, not its word's), one object per distinct name, where the
 * model keeps its id per stage or index (`slots[k]`, model.ts `slotOf`): looking a string up in a
 * 60,000-entry map for every token was most of the tagging time.
 */
export class Feature {
  readonly slots: number[] = [];
  constructor(readonly name: string) {}
}

const namedFeatures = new Map<string, Feature>();

/** The feature called `name`. */
export function named(name: string): Feature {
  let f = namedFeatures.get(name);
  if (f === undefined) {
    f = new Feature(name);
    namedFeatures.set(name, f);
  }
  return f;
}

const prefixedFeatures = new Map<string, Map<string, Feature>>();

/** The feature `prefix + value`; values come from small sets (trigger classes, gazetteer tags). */
export function feature(prefix: string, value: string): Feature {
  let byValue = prefixedFeatures.get(prefix);
  if (!byValue) {
    byValue = new Map();
    prefixedFeatures.set(prefix, byValue);
  }
  let f = byValue.get(value);
  if (f === undefined) {
    f = named(prefix + value);
    byValue.set(value, f);
  }
  return f;
}

/**
 * Features that every occurrence of a word shares, with what the model keeps per stage about
 * them (their ids, their summed scores: model.ts) so that the strings are looked up once per
 * word. `slots[k]` belongs to the stage or index numbered k (model.ts `slotOf`).
 */
export class FeatureList {
  readonly slots: Array<Float64Array | Int32Array | undefined> = [];
  constructor(readonly features: readonly string[]) {}
}

const BOS_PREV = new FeatureList(['w-1=<s>', 's-1=<s>']);
const EOS_NEXT = new FeatureList(['w+1=</s>', 's+1=</s>']);
/** Distinct words kept per resource set before the cache starts over. */
const WORD_CACHE_MAX = 100_000;
const wordCaches = new WeakMap<NerResources, Map<string, WordFeatures>>();

function wordCache(resources: NerResources): Map<string, WordFeatures> {
  let c = wordCaches.get(resources);
  if (!c) {
    c = new Map();
    wordCaches.set(resources, c);
  }
  return c;
}

function wordFeatures(cache: Map<string, WordFeatures>, resources: NerResources, v: TokenView): WordFeatures {
  let wf = cache.get(v.raw);
  if (wf) return wf;
  const local: string[] = ['b', `w=${v.fold}`, `sh=${v.shape}`, `len=${Math.min(v.stem.length, 8)}`];
  if (v.stem !== v.fold) local.push(`s=${v.stem}`, `pc=${v.fold.slice(0, v.fold.length - v.stem.length)}`);
  if (v.bare !== v.stem) local.push(`sb=${v.bare}`);
  if (v.bare.length >= MIN_AFFIX_STEM) {
    local.push(`p2=${v.bare.slice(0, 2)}`, `p3=${v.bare.slice(0, 3)}`);
    local.push(`x1=${v.bare.slice(-1)}`, `x2=${v.bare.slice(-2)}`, `x3=${v.bare.slice(-3)}`);
  }
  if (v.stem.startsWith('ال')) local.push('al');
  const asPrev = [`w-1=${v.fold}`, `s-1=${v.stem}`, `x2-1=${v.bare.slice(-2)}`, `sh-1=${v.shape}`];
  const asNext = [`w+1=${v.fold}`, `s+1=${v.stem}`, `x2+1=${v.bare.slice(-2)}`, `sh+1=${v.shape}`];
  if (NISBA_RE.test(v.stem)) asNext.push('nisba+1');
  wf = {
    local: new FeatureList(local),
    asPrev: new FeatureList(asPrev),
    asNext: new FeatureList(asNext),
    fam: FAMILY_PARTICLES.has(v.bare) || FAMILY_PARTICLES.has(v.fold),
    cmpname: COMPOUND_NAME_RE.test(v.stem),
    nisba: NISBA_RE.test(v.stem),
    gn: lookup(v, resources.givenNames) ?? null,
    tg: lookup(v, resources.triggers) ?? null,
    partial: resources.gazetteers.map((g) => (v.shape === 'A' ? partialMatch(v.cands, g) : null)),
    known: [],
  };
  if (cache.size > WORD_CACHE_MAX) cache.clear();
  cache.set(v.raw, wf);
  return wf;
}

/** A word's knowledge lists under the feature groups that are on (cached per combination). */
function knownLists(wf: WordFeatures, resources: NerResources, groups: FeatureGroups): KnownLists {
  const mask = (groups.names ? 1 : 0) | (groups.triggers ? 2 : 0) | (groups.gazetteer ? 4 : 0);
  let k = wf.known[mask];
  if (k) return k;
  const at = [...wf.local.features];
  const asPrev = [...wf.asPrev.features];
  const asNext = [...wf.asNext.features];
  if (groups.names) {
    if (wf.gn) {
      at.push(`gn=${wf.gn}`);
      asPrev.push(`gn-1=${wf.gn}`);
      asNext.push(`gn+1=${wf.gn}`);
    }
    if (wf.fam) {
      at.push('fam');
      asPrev.push('fam-1');
    }
    if (wf.cmpname) at.push('cmpname');
    if (wf.nisba) at.push('nisba');
  }
  if (groups.triggers && wf.tg) {
    at.push(`tg=${wf.tg}`);
    asPrev.push(`tg-1=${wf.tg}`);
    asNext.push(`tg+1=${wf.tg}`);
  }
  if (groups.gazetteer) {
    resources.gazetteers.forEach((g, i) => {
      if (wf.partial[i]) at.push(`gp:${g.source}=${wf.partial[i]}`);
    });
  }
  k = { at: new FeatureList(at), asPrev: new FeatureList(asPrev), asNext: new FeatureList(asNext) };
  wf.known[mask] = k;
  return k;
}

/**
 * One token's features: lists that every occurrence of a word shares (the same array objects
 * each time, so `encode` in model.ts looks their ids up once per word and stage), then the
 * features of this position.
 */
export interface TokenFeatures {
  shared: readonly FeatureList[];
  own: Feature[];
}

/** Every feature string of a token, shared lists first. */
export function flattenFeatures(tf: TokenFeatures): string[] {
  return tf.shared.flatMap((list) => list.features).concat(tf.own.map((f) => f.name));
}

/** The same token with more position features (the second pass's). */
export function withFeatures(tf: TokenFeatures, more: readonly Feature[]): TokenFeatures {
  return more.length === 0 ? tf : { shared: tf.shared, own: tf.own.concat(more) };
}

export function sentenceFeatures(views: readonly TokenView[], ctx: SentenceContext): TokenFeatures[] {
  const n = views.length;
  const { groups, resources } = ctx;

  const cache = wordCache(resources);
  const words = views.map((v) => wordFeatures(cache, resources, v));
  const gn = groups.names ? words.map((w) => w.gn) : [];
  const tg = groups.triggers ? words.map((w) => w.tg) : [];
  const gz: Array<{ at: string; before: string; after: string; tags: Array<string | null> }> = [];
  const partial: Array<{ at: string; types: Array<string | null> }> = [];
  if (groups.gazetteer) {
    const folded = views.map((v) => v.fold);
    const cands = views.map((v) => v.cands);
    const all = ctx.trainGazetteer ? [...resources.gazetteers, ctx.trainGazetteer] : resources.gazetteers;
    all.forEach((g, k) => {
      gz.push({
        at: `gz:${g.source}=`,
        before: `gz-1:${g.source}=`,
        after: `gz+1:${g.source}=`,
        tags: matchGazetteer(folded, cands, g),
      });
      partial.push({
        at: `gp:${g.source}=`,
        types:
          k < resources.gazetteers.length
            ? words.map((w) => w.partial[k])
            : views.map((v) => (v.shape === 'A' ? partialMatch(v.cands, g) : null)),
      });
    });
  }

  const lexicon = ctx.trainLexicon;
  const lx = groups.gazetteer && lexicon ? views.map((v) => lexiconClass(lexicon, v)) : null;
  const out: TokenFeatures[] = [];
  for (let i = 0; i < n; i++) {
    const v = views[i];
    const word = words[i];
    // The word's and its neighbours' lists, with their knowledge features (knownLists).
    const shared = [
      knownLists(word, resources, groups).at,
      i > 0 ? knownLists(words[i - 1], resources, groups).asPrev : BOS_PREV,
      i + 1 < n ? knownLists(words[i + 1], resources, groups).asNext : EOS_NEXT,
    ];
    const f: Feature[] = [];
    if (i === 0) f.push(named('first'));
    if (i > 0 && OPEN_QUOTES.has(views[i - 1].raw)) f.push(named('q-1'));
    if (i + 1 < n && CLOSE_QUOTES.has(views[i + 1].raw)) f.push(named('q+1'));

    if (groups.names) {
      // gn=, gn±1=, fam, fam-1, cmpname, nisba: in the shared lists (knownLists).
      if (gn[i] && i + 1 < n && gn[i + 1]) f.push(named('gn&gn+1'));
      if (word.nisba && i > 0 && gn[i - 1]) f.push(named('nisba&gn-1'));
    }
    if (groups.triggers) {
      // tg=, tg±1=: in the shared lists.
      if (i > 1 && tg[i - 2]) f.push(feature('tg-2=', tg[i - 2] as string));
      if (groups.names && i > 0 && tg[i - 1] && gn[i]) f.push(feature('tg-1&gn=', tg[i - 1] as string));
    }
    if (groups.gazetteer) {
      for (const { at, before, after, tags } of gz) {
        if (tags[i]) f.push(feature(at, tags[i] as string));
        if (i > 0 && tags[i - 1]) f.push(feature(before, tags[i - 1] as string));
        if (i + 1 < n && tags[i + 1]) f.push(feature(after, tags[i + 1] as string));
      }
      // The resources' partial matches are in the shared lists; the training entities' here.
      for (let k = resources.gazetteers.length; k < partial.length; k++) {
        const type = partial[k].types[i];
        if (type) f.push(feature(partial[k].at, type));
      }
      if (lx && (v.shape === 'A' || v.shape === 'L')) {
        f.push(feature('lx=', lx[i]));
        if (i > 0) f.push(feature('lx-1=', lx[i - 1]));
        if (i + 1 < n) f.push(feature('lx+1=', lx[i + 1]));
      }
    }
    out.push({ shared, own: f });
  }
  return out;
}

/** How each stem was tagged by the first pass across a document: stem → counts per type. */
export type DocMemory = Map<string, Int32Array>;
/** Index of each type in DocMemory's counts; O is counted too. */
export const DOC_TYPES = ['O', 'PERS', 'LOC', 'ORG', 'MISC'] as const;
const DOC_INDEX = new Map<string, number>(DOC_TYPES.map((t, i) => [t, i]));

function typeOfTag(tag: string): string {
  return tag === 'O' ? 'O' : tag.slice(2);
}

/** Adds (sign +1) or removes (sign -1) one sentence's first-pass tags to a document memory. */
export function addToDocMemory(
  memory: DocMemory,
  views: readonly TokenView[],
  tags: readonly string[],
  sign = 1,
): void {
  for (let i = 0; i < views.length; i++) {
    const v = views[i];
    if (v.shape !== 'A' && v.shape !== 'L') continue;
    if (v.bare.length < MIN_DOC_WORD) continue;
    let c = memory.get(v.bare);
    if (!c) {
      c = new Int32Array(DOC_TYPES.length);
      memory.set(v.bare, c);
    }
    c[DOC_INDEX.get(typeOfTag(tags[i])) ?? 0] += sign;
  }
}

/**
 * Second-pass features of a sentence, appended to its first-pass ones: how the same stem was
 * tagged elsewhere in the document (the token's own first-pass tag is taken out of the counts).
 * The first pass's own tags are not features: stacking them was no better on dev (0.733 with,
 * 0.738 without; retried with BIOES labels and the 2026-11 resources, the neighbours' first-pass
 * tags: 0.753/0.756 with, 0.768/0.763 without, seeds 20240601/1) and ties the second pass to the
 * first pass's mistakes.
 */
export function docFeatures(
  views: readonly TokenView[],
  firstPass: readonly string[],
  memory: DocMemory,
): Feature[][] {
  const n = views.length;
  const out: Feature[][] = [];
  for (let i = 0; i < n; i++) {
    const f: Feature[] = [];
    const c = memory.get(views[i].bare);
    if (c && (views[i].shape === 'A' || views[i].shape === 'L')) {
      const own = DOC_INDEX.get(typeOfTag(firstPass[i])) ?? 0;
      let best = -1;
      let bestCount = 0;
      let entities = 0;
      for (let k = 1; k < DOC_TYPES.length; k++) {
        const count = c[k] - (k === own ? 1 : 0);
        if (count <= 0) continue;
        entities += count;
        f.push(feature('dc=', DOC_TYPES[k]));
        if (count > bestCount) {
          best = k;
          bestCount = count;
        }
      }
      const others = c[0] - (own === 0 ? 1 : 0);
      if (best > 0) {
        f.push(feature('dcm=', DOC_TYPES[best]));
        if (others === 0) f.push(feature('dcx=', DOC_TYPES[best]));
      } else if (others > 0 && entities === 0) f.push(named('dcO'));
    }
    out.push(f);
  }
  return out;
}
