// eval:ner — scores the NER tagger on ANERcorp's dev split (shared/data/ner, see its README):
// entity-level precision / recall / F1 per type, exact span and type (conlleval), token
// accuracy, and tagging speed. With --ablation it trains one model per added knowledge source
// on train-nodev and prints what each adds.
//
//   npm run eval:ner                      the shipped weights (data/ner/model.json.gz) on dev
//   npm run eval:ner -- --retrain         train in memory with the defaults, then score
//   npm run eval:ner -- --ablation        base, +given names, +triggers, +gazetteer, +document
//   npm run eval:ner -- --out pred.txt    also write the predictions as `TOKEN TAG` lines
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  type ConllSentence,
  formatConll,
  type NerScore,
  parseConll,
  scoreNer,
} from '../src/analyse/ner/conll.js';
import { ALL_GROUPS, type FeatureGroups } from '../src/analyse/ner/features.js';
import { deserializeModel, type NerModel, tagDocument } from '../src/analyse/ner/model.js';
import { loadNerResources, type NerResources } from '../src/analyse/ner/resources.js';
import { DEFAULT_MODEL_URL } from '../src/analyse/ner/tagger.js';
import { TRAIN_DEFAULTS, type TrainNerOptions, trainNer } from '../src/analyse/ner/train.js';
import { DEFAULT_NER_CORPUS, DEV_FILE, TRAIN_FILE } from './train-ner.js';

const HELP = `Usage: npm run eval:ner -- [--corpus DIR] [--model FILE | --retrain] [--ablation] [--out FILE]

Scores the NER tagger on ${DEV_FILE}: entity-level P/R/F1 per type (exact span and type).

  --corpus DIR   folder with the ANERcorp splits (default ${DEFAULT_NER_CORPUS})
  --model FILE   weights to score (default data/ner/model.json.gz)
  --retrain      train on ${TRAIN_FILE} in memory instead of loading weights
  --ablation     train one model per knowledge source and print the table
  --epochs N     epochs when training (default ${TRAIN_DEFAULTS.epochs})
  --seed N       seed when training (default ${TRAIN_DEFAULTS.seed})
  --window N     document window in sentences when training (default ${TRAIN_DEFAULTS.docWindow})
  --min-count N  features seen fewer times get no weight, when training (default ${TRAIN_DEFAULTS.minCount})
  --scheme S     labels the tagger learns when training, bio or bioes (default ${TRAIN_DEFAULTS.scheme})
  --out FILE     write the predictions as TOKEN TAG lines`;

/** Ablation rows: each adds one knowledge source to the previous one. */
const ABLATION: Array<{ label: string; groups: FeatureGroups }> = [
  {
    label: 'base (word, affix, clitic, context)',
    groups: { names: false, triggers: false, gazetteer: false, doc: false },
  },
  {
    label: '+ given names, family particles',
    groups: { names: true, triggers: false, gazetteer: false, doc: false },
  },
  { label: '+ trigger words', groups: { names: true, triggers: true, gazetteer: false, doc: false } },
  {
    label: '+ gazetteers (seed, entities, jackknifed training)',
    groups: { names: true, triggers: true, gazetteer: true, doc: false },
  },
  {
    label: '+ document consistency (2nd pass)',
    groups: { names: true, triggers: true, gazetteer: true, doc: true },
  },
];

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);

function scoreTable(score: NerScore): string {
  const rows = [...score.byType, score.overall].map(
    (t) =>
      `${t.type.padEnd(5)} ${String(t.gold).padStart(5)} ${String(t.predicted).padStart(5)} ${String(t.correct).padStart(5)}  ${pct(t.precision)}  ${pct(t.recall)}  ${pct(t.f1)}`,
  );
  return [
    'type   gold  pred    ok   prec    rec     F1',
    ...rows,
    `token accuracy ${pct(score.tokenAccuracy)}%`,
  ].join('\n');
}

interface Timed {
  tags: string[][];
  tokensPerSecond: number;
}

function tagTimed(model: NerModel, resources: NerResources, dev: ConllSentence[]): Timed {
  const sentences = dev.map((s) => s.tokens);
  const tokens = sentences.reduce((n, s) => n + s.length, 0);
  tagDocument(model, resources, sentences.slice(0, 50)); // warm-up (JIT, fold cache)
  const t0 = performance.now();
  const tags = tagDocument(model, resources, sentences);
  const seconds = (performance.now() - t0) / 1000;
  return { tags, tokensPerSecond: tokens / seconds };
}

function main(): number {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string' },
      model: { type: 'string' },
      retrain: { type: 'boolean' },
      ablation: { type: 'boolean' },
      epochs: { type: 'string' },
      seed: { type: 'string' },
      window: { type: 'string' },
      scheme: { type: 'string' },
      'min-count': { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const corpus = values.corpus ?? DEFAULT_NER_CORPUS;
  const devPath = resolve(corpus, DEV_FILE);
  const trainPath = resolve(corpus, TRAIN_FILE);
  if (!existsSync(devPath)) {
    console.log(`eval:ner: skipped — the ANERcorp dev split is not at ${devPath}`);
    return 0;
  }
  const dev = parseConll(readFileSync(devPath, 'utf8'));
  const gold = dev.map((s) => s.tags);
  const resources = loadNerResources();
  const devTokens = dev.reduce((n, s) => n + s.tokens.length, 0);
  console.log(`eval:ner: ${dev.length} sentences, ${devTokens} tokens from ${DEV_FILE}`);

  const options = (groups: FeatureGroups): TrainNerOptions => ({
    ...TRAIN_DEFAULTS,
    groups,
    epochs: values.epochs ? Number(values.epochs) : TRAIN_DEFAULTS.epochs,
    seed: values.seed ? Number(values.seed) : TRAIN_DEFAULTS.seed,
    docWindow: values.window ? Number(values.window) : TRAIN_DEFAULTS.docWindow,
    minCount: values['min-count'] ? Number(values['min-count']) : TRAIN_DEFAULTS.minCount,
    scheme: values.scheme === 'bio' ? 'bio' : values.scheme === 'bioes' ? 'bioes' : TRAIN_DEFAULTS.scheme,
    meta: { trainedOn: TRAIN_FILE },
  });
  const needTrain = values.retrain || values.ablation;
  if (needTrain && !existsSync(trainPath)) {
    console.log(`eval:ner: skipped — the ANERcorp training split is not at ${trainPath}`);
    return 0;
  }
  const train = needTrain ? parseConll(readFileSync(trainPath, 'utf8')) : [];

  if (values.ablation) {
    console.log('\nAblation (each row adds one knowledge source; trained on train-nodev, scored on dev)\n');
    console.log(`${'model'.padEnd(52)}   prec    rec     F1      Δ   PERS    LOC    ORG   MISC  train s`);
    let previous = 0;
    for (const row of ABLATION) {
      const t0 = performance.now();
      const model = trainNer(train, resources, options(row.groups));
      const seconds = (performance.now() - t0) / 1000;
      const score = scoreNer(
        gold,
        tagDocument(
          model,
          resources,
          dev.map((s) => s.tokens),
        ),
      );
      const f1 = score.overall.f1;
      const byType = score.byType.slice(0, 4).map((t) => pct(t.f1));
      const delta =
        previous === 0
          ? '     '
          : `${f1 >= previous ? '+' : '-'}${(100 * Math.abs(f1 - previous)).toFixed(1).padStart(4)}`;
      console.log(
        `${row.label.padEnd(52)}  ${pct(score.overall.precision)}  ${pct(score.overall.recall)}  ${pct(f1)}  ${delta}  ${byType.join('  ')}  ${seconds.toFixed(1).padStart(7)}`,
      );
      previous = f1;
    }
    return 0;
  }

  let model: NerModel;
  if (values.retrain) {
    const t0 = performance.now();
    model = trainNer(train, resources, options(ALL_GROUPS));
    console.log(`trained on ${TRAIN_FILE} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  } else {
    const path = values.model ?? fileURLToPath(DEFAULT_MODEL_URL);
    if (!existsSync(path)) {
      console.log(
        `eval:ner: skipped — no weights at ${path}; run npm run train:ner first (or use --retrain)`,
      );
      return 0;
    }
    model = deserializeModel(readFileSync(path));
    if (model.meta.trainedOn !== TRAIN_FILE) {
      console.log(
        `eval:ner: warning — these weights were trained on ${String(model.meta.trainedOn)}, not ${TRAIN_FILE}`,
      );
    }
  }
  const { tags, tokensPerSecond } = tagTimed(model, resources, dev);
  console.log(`\n${scoreTable(scoreNer(gold, tags))}`);
  console.log(`\ntagging speed: ${Math.round(tokensPerSecond)} tokens/s (both passes, features included)`);
  if (values.out)
    writeFileSync(values.out, formatConll(dev.map((s, j) => ({ tokens: s.tokens, tags: tags[j] }))));
  return 0;
}

process.exit(main());
