// Training the NER model, as numbered stages:
//  1. fold assignment: the training sentences are cut into FOLDS contiguous blocks;
//  2. jackknifed training-entity gazetteer: block k's gazetteer features come from the entities
//     of the other blocks, so the tagger learns how far "seen in training" can be trusted on
//     unseen text instead of learning that every entity is already known;
//  3. first pass: averaged perceptron on all sentences;
//  4. (doc group) jackknifed first-pass tags: a first-pass model trained without block k tags
//     block k; the second pass is trained on those tags' document-consistency features.
// The shipped gazetteer and first pass use all the training data.

import { BIOES_LABELS, bioToBioes, bioToSpans, NER_LABELS, repairBio } from './conll.js';
import {
  addToLexicon,
  type FeatureGroups,
  type Lexicon,
  sentenceFeatures,
  type TokenFeatures,
  type TokenView,
  viewTokens,
  withFeatures,
} from './features.js';
import type { Gazetteer } from './gazetteer.js';
import {
  DOC_WINDOW,
  decodeStage,
  documentFeatures,
  encode,
  gazetteerOfEntities,
  type NerModel,
  type Stage,
  type TrainEntity,
} from './model.js';
import { type EncodedSequence, trainPerceptron } from './perceptron.js';
import type { NerResources } from './resources.js';

export interface TrainNerOptions {
  groups: FeatureGroups;
  /**
   * Passes over the data; set on dev (scripts/eval-ner.ts --epochs): with the cutoff at 3, mean
   * of seeds 20240601/1/2, 75.8 with 10 and 76.1 with 15.
   */
  epochs: number;
  seed: number;
  /** Jackknife blocks for the training-entity gazetteer and the first-pass tags. */
  folds: number;
  docWindow: number;
  /** Shuffles averaged for the shipped stages (the jackknife models use one). */
  ensemble: number;
  /** Labels the stages learn: BIOES (finer; output is BIO either way) or plain BIO. */
  scheme: 'bio' | 'bioes';
  /**
   * Features seen fewer times than this in the training sentences get no weight. On dev
   * (final resources, mean of seeds 20240601 and 1): 75.8 keeping all, 75.7 with 2, 76.1 with 3
   * — within seed noise — and 3 keeps half the weight rows (a smaller model file).
   */
  minCount: number;
  log?: (line: string) => void;
  meta?: Record<string, unknown>;
}

/** Defaults, chosen on the dev split (see the ablation in scripts/eval-ner.ts). */
export const TRAIN_DEFAULTS: Omit<TrainNerOptions, 'groups'> = {
  epochs: 15,
  seed: 20240601,
  folds: 5,
  docWindow: DOC_WINDOW,
  ensemble: 3,
  scheme: 'bioes',
  minCount: 3,
};

export interface TrainingSentence {
  tokens: string[];
  tags: string[];
}

/** Entities of a set of sentences, as folded names with counts. */
export function collectEntities(
  sentences: readonly TrainingSentence[],
  views: readonly (readonly TokenView[])[],
): TrainEntity[] {
  const counts = new Map<string, number>();
  sentences.forEach((s, j) => {
    for (const span of bioToSpans(s.tags)) {
      // Every proclitic reading of the first token: "وبغداد" was also seen as "بغداد".
      const rest = views[j]
        .slice(span.start + 1, span.end)
        .map((v) => ` ${v.fold}`)
        .join('');
      for (const first of views[j][span.start].cands) {
        const key = `${first}${rest}\t${span.type}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
  });
  return [...counts].map(([key, count]) => {
    const [name, type] = key.split('\t');
    return [name, type, count] as TrainEntity;
  });
}

/**
 * An index of the features seen at least `minCount` times (every feature when 1): ids in order
 * of first occurrence, so training stays reproducible.
 */
function frequentIndex(
  sentences: readonly (readonly TokenFeatures[])[],
  minCount: number,
): Map<string, number> {
  const index = new Map<string, number>();
  if (minCount <= 1) {
    for (const f of sentences) encode(f, index, true);
    return index;
  }
  const counts = new Map<string, number>();
  const bump = (name: string) => counts.set(name, (counts.get(name) ?? 0) + 1);
  for (const f of sentences) {
    for (const tf of f) {
      for (const list of tf.shared) for (const name of list.features) bump(name);
      for (const x of tf.own) bump(x.name);
    }
  }
  for (const [name, count] of counts) if (count >= minCount) index.set(name, index.size);
  return index;
}

function labelIds(labels: readonly string[], bio: readonly string[]): Uint8Array {
  const tags = labels === NER_LABELS ? bio : bioToBioes(bio);
  const out = new Uint8Array(tags.length);
  tags.forEach((t, i) => {
    const y = labels.indexOf(t);
    if (y < 0) throw new Error(`unknown tag ${t}`);
    out[i] = y;
  });
  return out;
}

/**
 * Trains a model on gold-tagged sentences.
 *
 * @example
 * const model = trainNer(parseConll(text), resources, { groups: ALL_GROUPS, ...TRAIN_DEFAULTS });
 */
export function trainNer(
  sentences: readonly TrainingSentence[],
  resources: NerResources,
  options: TrainNerOptions,
): NerModel {
  const log = options.log ?? (() => {});
  const labels = options.scheme === 'bioes' ? BIOES_LABELS : (NER_LABELS as readonly string[]);
  const groups = options.groups;
  const gold = sentences.map((s) => ({ tokens: s.tokens, tags: repairBio(s.tags) }));
  const views = gold.map((s) => viewTokens(s.tokens));
  const n = gold.length;

  // 1. Folds: contiguous blocks.
  const K = Math.max(2, options.folds);
  const foldOf = (j: number) => Math.min(K - 1, Math.floor((j * K) / n));
  const blocks: number[][] = Array.from({ length: K }, () => []);
  for (let j = 0; j < n; j++) blocks[foldOf(j)].push(j);

  // 2. Training-entity gazetteers: all data for the shipped model, jackknifed for training.
  const trainEntities = collectEntities(gold, views);
  const foldGazetteers: Array<Gazetteer | null> = [];
  const foldLexicons: Array<Lexicon | null> = [];
  for (let k = 0; k < K; k++) {
    if (!groups.gazetteer) {
      foldGazetteers.push(null);
      foldLexicons.push(null);
      continue;
    }
    const others = gold.filter((_, j) => foldOf(j) !== k);
    const otherViews = views.filter((_, j) => foldOf(j) !== k);
    foldGazetteers.push(gazetteerOfEntities(collectEntities(others, otherViews)));
    const lexicon: Lexicon = new Map();
    others.forEach((s, j) => {
      addToLexicon(lexicon, otherViews[j], s.tags);
    });
    foldLexicons.push(lexicon);
  }
  const trainLexicon: Lexicon = new Map();
  if (groups.gazetteer) {
    gold.forEach((s, j) => {
      addToLexicon(trainLexicon, views[j], s.tags);
    });
  }

  // 3. First pass.
  const feats1 = views.map((v, j) =>
    sentenceFeatures(v, {
      groups,
      resources,
      trainGazetteer: foldGazetteers[foldOf(j)],
      trainLexicon: foldLexicons[foldOf(j)],
    }),
  );
  const index = frequentIndex(feats1, options.minCount);
  const seqs1: EncodedSequence[] = feats1.map((f, j) => ({
    ...encode(f, index, false),
    gold: labelIds(labels, gold[j].tags),
  }));
  const numFeatures1 = index.size;
  const train = (seqs: EncodedSequence[], numFeatures: number, what: string, runs = 1) => {
    const t0 = Date.now();
    // Several shuffles averaged: the averaged perceptron's F1 moves by about a point with the
    // order of the sentences; the mean of `runs` models is steadier (and a little better).
    const models = Array.from({ length: runs }, (_, r) =>
      trainPerceptron(seqs, numFeatures, labels, { epochs: options.epochs, seed: options.seed + r }),
    );
    const w = models[0];
    for (const m of models.slice(1)) {
      for (let i = 0; i < w.emission.length; i++) w.emission[i] += m.emission[i];
      for (let i = 0; i < w.transition.length; i++) w.transition[i] += m.transition[i];
      for (let i = 0; i < w.start.length; i++) w.start[i] += m.start[i];
    }
    for (const a of [w.emission, w.transition, w.start]) for (let i = 0; i < a.length; i++) a[i] /= runs;
    log(`${what}: ${runs} × ${options.epochs} epochs, ${Date.now() - t0} ms`);
    return w;
  };
  const stage1: Stage = { index, weights: train(seqs1, numFeatures1, 'first pass', options.ensemble) };

  // 4. Second pass on jackknifed first-pass tags.
  let stage2: Stage | null = null;
  if (groups.doc) {
    const firstPass: string[][] = new Array(n);
    for (let k = 0; k < K; k++) {
      const rest = seqs1.filter((_, j) => foldOf(j) !== k);
      const stageK: Stage = {
        index,
        weights: train(rest, numFeatures1, `first pass without block ${k + 1}`),
      };
      for (const j of blocks[k]) firstPass[j] = decodeStage(stageK, labels, feats1[j]);
    }
    const doc = documentFeatures(views, firstPass, options.docWindow);
    const feats2 = feats1.map((f, j) => f.map((tf, i) => withFeatures(tf, doc[j][i])));
    const index2 = frequentIndex(feats2, options.minCount);
    const seqs2 = feats2.map((f, j) => ({
      ...encode(f, index2, false),
      gold: labelIds(labels, gold[j].tags),
    }));
    stage2 = { index: index2, weights: train(seqs2, index2.size, 'second pass', options.ensemble) };
  }

  return {
    labels,
    groups,
    docWindow: options.docWindow,
    trainEntities: groups.gazetteer ? trainEntities : [],
    trainGazetteer: groups.gazetteer ? gazetteerOfEntities(trainEntities) : null,
    trainLexicon: groups.gazetteer ? trainLexicon : null,
    stage1,
    stage2,
    meta: {
      ...options.meta,
      epochs: options.epochs,
      seed: options.seed,
      folds: K,
      sentences: n,
      features: index.size,
      minCount: options.minCount,
    },
  };
}
