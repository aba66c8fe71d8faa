// train:ner — trains the NER tagger on ANERcorp's train split without dev
// (shared/data/ner/ANERCorp_CamelLab_train-nodev.txt, see its README) and writes the shipped
// weights, data/ner/model.json.gz. Dev is never trained on: scripts/eval-ner.ts scores on it.
//
//   npm run train:ner                          all feature groups, default epochs and seed
//   npm run train:ner -- --epochs 12 --seed 7  other settings
//   npm run train:ner -- --out /tmp/m.json.gz  somewhere else
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseConll } from '../src/analyse/ner/conll.js';
import { ALL_GROUPS, type FeatureGroups } from '../src/analyse/ner/features.js';
import { serializeModel } from '../src/analyse/ner/model.js';
import { loadNerResources } from '../src/analyse/ner/resources.js';
import { TRAIN_DEFAULTS, trainNer } from '../src/analyse/ner/train.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The shared corpus folder, a sibling of the repository; MARSAD_NER_CORPUS overrides it. */
export const DEFAULT_NER_CORPUS = process.env.MARSAD_NER_CORPUS ?? resolve(REPO_ROOT, '../shared/data/ner');
export const TRAIN_FILE = 'ANERCorp_CamelLab_train-nodev.txt';
export const DEV_FILE = 'ANERCorp_CamelLab_dev.txt';
const DEFAULT_OUT = resolve(REPO_ROOT, 'data/ner/model.json.gz');

const HELP = `Usage: npm run train:ner -- [--corpus DIR] [--out FILE] [--epochs N] [--seed N] [--groups LIST]

Trains the NER tagger on ${TRAIN_FILE} (never on dev) and writes the weights.

  --corpus DIR   folder with the ANERcorp splits (default ${DEFAULT_NER_CORPUS})
  --out FILE     where to write the model (default data/ner/model.json.gz)
  --epochs N     perceptron epochs (default ${TRAIN_DEFAULTS.epochs})
  --seed N       shuffling seed (default ${TRAIN_DEFAULTS.seed})
  --groups LIST  feature groups, comma-separated, of names,triggers,gazetteer,doc (default all)`;

/** Parses --groups: "names,doc" → only those on; "all"/"" → all; "base" → none. */
export function parseGroups(list: string | undefined): FeatureGroups {
  if (list === undefined || list === 'all' || list === '') return { ...ALL_GROUPS };
  const on = new Set(list.split(',').map((s) => s.trim()));
  for (const g of on) if (g !== 'base' && !(g in ALL_GROUPS)) throw new Error(`unknown feature group "${g}"`);
  return {
    names: on.has('names'),
    triggers: on.has('triggers'),
    gazetteer: on.has('gazetteer'),
    doc: on.has('doc'),
  };
}

function main(): number {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string' },
      out: { type: 'string' },
      epochs: { type: 'string' },
      seed: { type: 'string' },
      groups: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const corpus = values.corpus ?? DEFAULT_NER_CORPUS;
  const trainPath = resolve(corpus, TRAIN_FILE);
  if (!existsSync(trainPath)) {
    console.log(`train:ner: skipped — the ANERcorp training split is not at ${trainPath}`);
    return 0;
  }
  const sentences = parseConll(readFileSync(trainPath, 'utf8'));
  const resources = loadNerResources();
  const groups = parseGroups(values.groups);
  const options = {
    ...TRAIN_DEFAULTS,
    groups,
    epochs: values.epochs ? Number(values.epochs) : TRAIN_DEFAULTS.epochs,
    seed: values.seed ? Number(values.seed) : TRAIN_DEFAULTS.seed,
    log: (line: string) => console.log(`  ${line}`),
    meta: {
      trainedOn: TRAIN_FILE,
      gazetteers: resources.gazetteers.map((g) => `${g.source}:${g.entries.size}`),
      givenNames: resources.givenNames.size,
      triggers: resources.triggers.size,
    },
  };
  console.log(
    `train:ner: ${sentences.length} sentences from ${TRAIN_FILE}; groups ${JSON.stringify(groups)}; ` +
      `${options.epochs} epochs, seed ${options.seed}; gazetteers ${options.meta.gazetteers.join(', ') || 'none'}`,
  );
  const t0 = performance.now();
  const model = trainNer(sentences, resources, options);
  const seconds = (performance.now() - t0) / 1000;
  const bytes = serializeModel(model);
  const out = values.out ?? DEFAULT_OUT;
  writeFileSync(out, bytes);
  console.log(
    `train:ner: trained in ${seconds.toFixed(1)} s; ${model.meta.features} features; ` +
      `wrote ${out} (${(bytes.length / 1024 / 1024).toFixed(2)} MB)`,
  );
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exit(main());
