// The NER model: one or two perceptron stages over the features of features.ts, the training
// entities' gazetteer, and how it is saved (gzip'd JSON; weights as base64 int16 with a scale).
// Running it over a document is `tagDocument`: first pass, then (when trained with the "doc"
// group) the second pass with document-consistency features.

import { gunzipSync, gzipSync } from 'node:zlib';
import { BIOES_LABELS, bioesToBio, bioToSpans, NER_LABELS } from './conll.js';
import {
  addToDocMemory,
  type DocMemory,
  docFeatures,
  type Feature,
  type FeatureGroups,
  type FeatureList,
  feature,
  type Lexicon,
  sentenceFeatures,
  type TokenFeatures,
  type TokenView,
  viewTokens,
  withFeatures,
} from './features.js';
import { buildGazetteer, type Gazetteer, majority, matchGazetteer } from './gazetteer.js';
import {
  type ChainWeights,
  type Constraints,
  type EncodedSequence,
  labelConstraints,
  viterbi,
} from './perceptron.js';
import type { NerResources } from './resources.js';

export const MODEL_FORMAT = 'marsad-ner/1';

/**
 * Sentences on each side of a sentence that make up its "document" for the consistency
 * features. ANERcorp has no document breaks (its stories run 10–40 sentences, some repeated).
 * Set on dev: F1 0.728 with 10, 0.736 with 25, 0.735 with 50.
 */
export const DOC_WINDOW = 25;

export interface Stage {
  index: Map<string, number>;
  weights: ChainWeights;
}

/** A training entity: its folded tokens joined by a space, type, and how often it was seen. */
export type TrainEntity = [name: string, type: string, count: number];

export interface NerModel {
  /** The labels the stages score: NER_LABELS (BIO) or BIOES_LABELS; tags come out as BIO. */
  labels: readonly string[];
  groups: FeatureGroups;
  docWindow: number;
  trainEntities: TrainEntity[];
  trainGazetteer: Gazetteer | null;
  trainLexicon: Lexicon | null;
  stage1: Stage;
  stage2: Stage | null;
  /** Free-form provenance: corpus file, epochs, seed, feature counts. */
  meta: Record<string, unknown>;
}

export function gazetteerOfEntities(entities: readonly TrainEntity[]): Gazetteer {
  function* expand() {
    for (const [name, type, count] of entities) for (let k = 0; k < count; k++) yield { name, type };
  }
  return buildGazetteer('tr', expand());
}

/**
 * A small number per stage and per feature index, the slot where FeatureList keeps what it
 * knows about them (plain array slots: a WeakMap lookup per token cost more than the scoring).
 */
const slots = new WeakMap<object, number>();
let nextSlot = 0;
function slotOf(owner: object): number {
  let slot = slots.get(owner);
  if (slot === undefined) {
    slot = nextSlot++;
    slots.set(owner, slot);
  }
  return slot;
}

/** index.size when a list was encoded with unseen features dropped (see listIds). */
const droppedAt = new WeakMap<Int32Array, number>();

function listIds(list: FeatureList, index: Map<string, number>, grow: boolean, slot: number): Int32Array {
  const hit = list.slots[slot] as Int32Array | undefined;
  if (hit) {
    const dropped = droppedAt.get(hit);
    // A list encoded while unseen features were dropped is stale once the index has grown.
    if (dropped === undefined || (!grow && dropped === index.size)) return hit;
  }
  const ids: number[] = [];
  let complete = true;
  for (const f of list.features) {
    let id = index.get(f);
    if (id === undefined) {
      if (!grow) {
        complete = false;
        continue;
      }
      id = index.size;
      index.set(f, id);
    }
    ids.push(id);
  }
  const out = Int32Array.from(ids);
  if (!complete) droppedAt.set(out, index.size);
  list.slots[slot] = out;
  return out;
}

/**
 * Maps each token's features to ids; with `grow` unseen strings get new ids, otherwise they are
 * dropped. The shared lists of a word are looked up once per index and reused: tagging spent a
 * third of its time hashing the same feature strings before.
 */
export function encode(
  features: readonly TokenFeatures[],
  index: Map<string, number>,
  grow: boolean,
): EncodedSequence {
  const offsets = new Int32Array(features.length + 1);
  let ids = new Int32Array(features.length * 32);
  let length = 0;
  const add = (id: number) => {
    if (length === ids.length) {
      const bigger = new Int32Array(ids.length * 2);
      bigger.set(ids);
      ids = bigger;
    }
    ids[length++] = id;
  };
  const slot = slotOf(index);
  for (let t = 0; t < features.length; t++) {
    const { shared, own } = features[t];
    for (const list of shared) {
      const known = listIds(list, index, grow, slot);
      for (let k = 0; k < known.length; k++) add(known[k]);
    }
    for (const f of own) {
      let id: number | undefined = f.slots[slot];
      if (id === undefined) {
        id = index.get(f.name);
        if (id === undefined) {
          if (!grow) continue; // not remembered: the index may grow later
          id = index.size;
          index.set(f.name, id);
        }
        f.slots[slot] = id;
      }
      add(id);
    }
    offsets[t + 1] = length;
  }
  return { offsets, ids: ids.subarray(0, length) };
}

const constraintsCache = new WeakMap<readonly string[], Constraints>();
export function constraintsOf(labels: readonly string[]): Constraints {
  let c = constraintsCache.get(labels);
  if (!c) {
    c = labelConstraints(labels);
    constraintsCache.set(labels, c);
  }
  return c;
}

/**
 * Emission scores (n × labels) of a sentence under a stage. A word's shared lists always add the
 * same scores, so their sums are kept per stage and list; only a token's own features are looked
 * up each time.
 */
function stageEmissions(stage: Stage, features: readonly TokenFeatures[]): Float64Array {
  const { index, weights } = stage;
  const L = weights.numLabels;
  const w = weights.emission;
  const slot = slotOf(stage);
  const e = new Float64Array(features.length * L);
  for (let t = 0; t < features.length; t++) {
    const row = t * L;
    const { shared, own } = features[t];
    for (let s = 0; s < shared.length; s++) {
      const list = shared[s];
      let sum = list.slots[slot] as Float64Array | undefined;
      if (sum === undefined) {
        sum = new Float64Array(L);
        for (const f of list.features) {
          const id = index.get(f);
          if (id === undefined || id >= weights.numFeatures) continue;
          for (let y = 0; y < L; y++) sum[y] += w[id * L + y];
        }
        list.slots[slot] = sum;
      }
      for (let y = 0; y < L; y++) e[row + y] += sum[y];
    }
    for (let k = 0; k < own.length; k++) {
      const f = own[k];
      let id = f.slots[slot];
      if (id === undefined) {
        id = index.get(f.name) ?? -1;
        // Ids past the stage's weights belong to a later stage sharing the training index.
        if (id >= weights.numFeatures) id = -1;
        f.slots[slot] = id;
      }
      if (id < 0) continue;
      const base = id * L;
      for (let y = 0; y < L; y++) e[row + y] += w[base + y];
    }
  }
  return e;
}

/** Decodes feature lists with one stage; BIO tags out, whatever labels the stage scores. */
export function decodeStage(
  stage: Stage,
  labels: readonly string[],
  features: readonly TokenFeatures[],
): string[] {
  const { weights } = stage;
  const best = viterbi(
    stageEmissions(stage, features),
    features.length,
    weights.numLabels,
    weights.transition,
    weights.start,
    constraintsOf(labels),
  );
  const tags = Array.from(best, (y) => labels[y]);
  return labels === NER_LABELS ? tags : bioesToBio(tags);
}

/** A first-pass entity as the document gazetteer stores it: folded tokens and type. */
interface DocSpan {
  /** Proclitic readings of the first token, then the other tokens' folds. */
  firsts: string[];
  rest: string;
  type: string;
  length: number;
}

function docSpans(views: readonly TokenView[], tags: readonly string[]): DocSpan[] {
  return bioToSpans(tags).map((span) => ({
    firsts: views[span.start].cands,
    rest: views
      .slice(span.start + 1, span.end)
      .map((v) => ` ${v.fold}`)
      .join(''),
    type: span.type,
    length: span.end - span.start,
  }));
}

/** The names the first pass found in the other sentences of the window, as a gazetteer. */
function windowGazetteer(spans: readonly DocSpan[][], from: number, to: number, except: number): Gazetteer {
  const votes = new Map<string, Map<string, number>>();
  const starts = new Map<string, number>();
  let maxTokens = 0;
  for (let j = from; j <= to; j++) {
    if (j === except) continue;
    for (const span of spans[j]) {
      maxTokens = Math.max(maxTokens, span.length);
      for (const first of span.firsts) {
        const key = first + span.rest;
        let v = votes.get(key);
        if (!v) {
          v = new Map();
          votes.set(key, v);
        }
        v.set(span.type, (v.get(span.type) ?? 0) + 1);
        starts.set(first, Math.max(starts.get(first) ?? 0, span.length));
      }
    }
  }
  return { source: 'doc', entries: majority(votes), maxTokens, starts, tokens: new Map() };
}

/**
 * Second-pass features of every sentence of a document, from first-pass tags: the document
 * memory of sentence j covers sentences j − window … j + window; the names found there (other
 * sentences only) are also matched over sentence j like a gazetteer.
 */
export function documentFeatures(
  views: readonly (readonly TokenView[])[],
  firstPass: readonly (readonly string[])[],
  window: number,
): Feature[][][] {
  const memory: DocMemory = new Map();
  const n = views.length;
  const spans = views.map((v, j) => docSpans(v, firstPass[j]));
  for (let j = 0; j <= Math.min(window, n - 1); j++) addToDocMemory(memory, views[j], firstPass[j]);
  const out: Feature[][][] = [];
  for (let j = 0; j < n; j++) {
    const feats = docFeatures(views[j], firstPass[j], memory);
    const gaz = windowGazetteer(spans, Math.max(0, j - window), Math.min(n - 1, j + window), j);
    const tags = matchGazetteer(
      views[j].map((v) => v.fold),
      views[j].map((v) => v.cands),
      gaz,
    );
    tags.forEach((tag, i) => {
      if (tag) feats[i].push(feature('gz:doc=', tag));
    });
    out.push(feats);
    const enter = j + window + 1;
    const leave = j - window;
    if (enter < n) addToDocMemory(memory, views[enter], firstPass[enter]);
    if (leave >= 0) addToDocMemory(memory, views[leave], firstPass[leave], -1);
  }
  return out;
}

/**
 * Tags the sentences of one document (a list of token lists).
 *
 * @example
 * tagDocument(model, resources, [['قال', 'جورج', 'بوش']]) // → [['O', 'B-PERS', 'I-PERS']]
 */
export function tagDocument(
  model: NerModel,
  resources: NerResources,
  sentences: readonly (readonly string[])[],
): string[][] {
  const views = sentences.map((s) => viewTokens(s));
  const ctx = {
    groups: model.groups,
    resources,
    trainGazetteer: model.trainGazetteer,
    trainLexicon: model.trainLexicon,
  };
  const feats = views.map((v) => sentenceFeatures(v, ctx));
  const first = feats.map((f) => decodeStage(model.stage1, model.labels, f));
  if (!model.stage2) return first;
  const doc = documentFeatures(views, first, model.docWindow);
  return feats.map((f, j) =>
    decodeStage(
      model.stage2 as Stage,
      model.labels,
      f.map((tf, i) => withFeatures(tf, doc[j][i])),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// Saving and loading.

/** Rows whose largest absolute weight is below this are dropped when saving (they never decide). */
const PRUNE_BELOW = 1e-3;

interface StageJson {
  features: string[];
  /** int16 little-endian, base64; weight = value × scale. */
  emission: string;
  scale: number;
  transition: number[];
  start: number[];
}

interface ModelJson {
  format: string;
  labels: string[];
  groups: FeatureGroups;
  docWindow: number;
  meta: Record<string, unknown>;
  trainEntities: TrainEntity[];
  /** Training lexicon: stem, times O, times in an entity. */
  trainLexicon: Array<[string, number, number]>;
  stages: StageJson[];
}

function stageToJson(stage: Stage): StageJson {
  const { weights } = stage;
  const L = weights.numLabels;
  const names: string[] = new Array(weights.numFeatures);
  for (const [name, id] of stage.index) if (id < weights.numFeatures) names[id] = name;
  let max = 0;
  for (const v of weights.emission) max = Math.max(max, Math.abs(v));
  const scale = max > 0 ? max / 32767 : 1;
  const kept: string[] = [];
  const values: number[] = [];
  for (let f = 0; f < weights.numFeatures; f++) {
    let rowMax = 0;
    for (let y = 0; y < L; y++) rowMax = Math.max(rowMax, Math.abs(weights.emission[f * L + y]));
    if (rowMax < PRUNE_BELOW || rowMax < scale) continue;
    kept.push(names[f]);
    for (let y = 0; y < L; y++) values.push(Math.round(weights.emission[f * L + y] / scale));
  }
  const buf = Buffer.from(Int16Array.from(values).buffer);
  const round = (a: Float32Array) => Array.from(a, (v) => Math.round(v * 1000) / 1000);
  return {
    features: kept,
    emission: buf.toString('base64'),
    scale,
    transition: round(weights.transition),
    start: round(weights.start),
  };
}

function stageFromJson(j: StageJson, L: number): Stage {
  const buf = Buffer.from(j.emission, 'base64');
  const ints = new Int16Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
  const emission = new Float32Array(ints.length);
  for (let i = 0; i < ints.length; i++) emission[i] = ints[i] * j.scale;
  const index = new Map<string, number>();
  j.features.forEach((f, i) => {
    index.set(f, i);
  });
  return {
    index,
    weights: {
      numLabels: L,
      numFeatures: j.features.length,
      emission,
      transition: Float32Array.from(j.transition),
      start: Float32Array.from(j.start),
    },
  };
}

/** The model as gzip'd JSON bytes. */
export function serializeModel(model: NerModel): Buffer {
  const json: ModelJson = {
    format: MODEL_FORMAT,
    labels: [...model.labels],
    groups: model.groups,
    docWindow: model.docWindow,
    meta: model.meta,
    trainEntities: model.trainEntities,
    trainLexicon: model.trainLexicon
      ? [...model.trainLexicon].map(([w, c]) => [w, c[0], c[1]] as [string, number, number])
      : [],
    stages: [model.stage1, ...(model.stage2 ? [model.stage2] : [])].map(stageToJson),
  };
  return gzipSync(JSON.stringify(json), { level: 9 });
}

/** Reads bytes written by serializeModel (gzip'd or plain JSON). */
export function deserializeModel(bytes: Uint8Array): NerModel {
  const isGzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
  const json = JSON.parse((isGzip ? gunzipSync(bytes) : Buffer.from(bytes)).toString('utf8')) as ModelJson;
  if (json.format !== MODEL_FORMAT) throw new Error(`NER model: unknown format ${json.format}`);
  // The shared constants, not the file's arrays: constraints are cached per label array.
  const labels = [NER_LABELS, BIOES_LABELS].find((known) => known.join() === json.labels.join());
  if (!labels) throw new Error('NER model: unexpected label set');
  const L = labels.length;
  return {
    labels,
    groups: json.groups,
    docWindow: json.docWindow,
    meta: json.meta,
    trainEntities: json.trainEntities,
    trainGazetteer:
      json.groups.gazetteer && json.trainEntities.length > 0 ? gazetteerOfEntities(json.trainEntities) : null,
    trainLexicon:
      json.groups.gazetteer && json.trainLexicon.length > 0
        ? new Map(json.trainLexicon.map(([w, o, e]) => [w, Int32Array.of(o, e)]))
        : null,
    stage1: stageFromJson(json.stages[0], L),
    stage2: json.stages[1] ? stageFromJson(json.stages[1], L) : null,
  };
}
