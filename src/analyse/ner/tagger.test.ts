import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { bioToSpans } from './conll.js';
import { ALL_GROUPS, type FeatureGroups } from './features.js';
import { tsvGazetteer } from './gazetteer.js';
import { deserializeModel, serializeModel } from './model.js';
import { type NerResources, parseGivenNames, parseTriggers } from './resources.js';
import { DEFAULT_MODEL_URL, loadTagger } from './tagger.js';
import { type TrainingSentence, trainNer } from './train.js';

// A small synthetic corpus: people after titles and speech verbs, places after في/من/مدينة,
// organisations after وزارة/حركة/حزب. Names repeat across sentences so the model can learn them,
// and the test sentences recombine them in new frames.
const PEOPLE = [
  ['جورج', 'بوش'],
  ['سمير', 'حداد'],
  ['ليلى', 'خوري'],
  ['كريم', 'منصور'],
  ['هدى', 'سالم'],
];
const PLACES = ['بغداد', 'دمشق', 'القاهرة', 'بيروت', 'عمان', 'الرياض'];
const ORGS = [
  ['حركة', 'فتح'],
  ['حزب', 'العمال'],
  ['وزارة', 'الصحة'],
  ['منظمة', 'الصحة', 'العالمية'],
];

function sentence(parts: Array<[string[], string]>): TrainingSentence {
  const tokens: string[] = [];
  const tags: string[] = [];
  for (const [words, type] of parts) {
    words.forEach((w, k) => {
      tokens.push(w);
      tags.push(type === 'O' ? 'O' : `${k === 0 ? 'B' : 'I'}-${type}`);
    });
  }
  return { tokens, tags };
}

function corpus(): TrainingSentence[] {
  const out: TrainingSentence[] = [];
  for (let r = 0; r < 6; r++) {
    PEOPLE.forEach((p, i) => {
      const place = PLACES[(i + r) % PLACES.length];
      const org = ORGS[(i + r) % ORGS.length];
      out.push(
        sentence([
          [['وقال'], 'O'],
          [['الرئيس'], 'O'],
          [p, 'PERS'],
          [['في'], 'O'],
          [[place], 'LOC'],
          [['إن'], 'O'],
          [org, 'ORG'],
          [['ستعقد', 'اجتماعا', 'غدا', '.'], 'O'],
        ]),
        sentence([
          [['وصل'], 'O'],
          [p, 'PERS'],
          [['إلى'], 'O'],
          [['مدينة'], 'O'],
          [[place], 'LOC'],
          [['أمس', 'قادما', 'من'], 'O'],
          [[PLACES[(i + r + 1) % PLACES.length]], 'LOC'],
          [['.'], 'O'],
        ]),
      );
    });
  }
  return out;
}

const resources: NerResources = {
  givenNames: parseGivenNames('جورج\tx\nسمير\tm\nليلى\tf\nكريم\tm\nهدى\tf\n'),
  triggers: parseTriggers(
    'الرئيس\tPERS_TITLE\nمدينة\tLOC_HEAD\nحركة\tORG_HEAD\nحزب\tORG_HEAD\nوزارة\tORG_HEAD\n',
  ),
  gazetteers: [tsvGazetteer('بغداد\tLOC\nدمشق\tLOC\nمنظمة الصحة العالمية\tORG\n', 'seed')],
};

const OPTIONS = {
  epochs: 5,
  seed: 7,
  folds: 3,
  docWindow: 3,
  ensemble: 2,
  scheme: 'bioes',
  minCount: 1,
} as const;

function train(groups: FeatureGroups = ALL_GROUPS) {
  return trainNer(corpus(), resources, { ...OPTIONS, groups });
}

describe('trainNer + tagger on a synthetic corpus', () => {
  const model = train();
  const tagger = loadTagger({ trained: model, resources });

  it('tags its training sentences', () => {
    const s = corpus()[0];
    assert.deepEqual(tagger.tagTokens(s.tokens), s.tags);
  });

  it('tags known names in a new frame', () => {
    const tags = tagger.tagTokens(['وقال', 'الرئيس', 'سمير', 'حداد', 'في', 'دمشق', '.']);
    assert.deepEqual(tags, ['O', 'O', 'B-PERS', 'I-PERS', 'O', 'B-LOC', 'O']);
  });

  it('is deterministic: same seed, same weights', () => {
    const again = train();
    assert.deepEqual(serializeModel(again), serializeModel(model));
  });

  it('survives saving and loading', () => {
    const loaded = loadTagger({ trained: deserializeModel(serializeModel(model)), resources });
    for (const s of corpus().slice(0, 10))
      assert.deepEqual(loaded.tagTokens(s.tokens), tagger.tagTokens(s.tokens));
  });

  it('trains with every group switched off too', () => {
    const base = loadTagger({
      trained: train({ names: false, triggers: false, gazetteer: false, doc: false }),
      resources,
    });
    const s = corpus()[1];
    assert.deepEqual(base.tagTokens(s.tokens), s.tags);
  });

  it('tagText gives spans with offsets into the text', () => {
    const text = 'وقال الرئيس جورج بوش في بغداد إن حركة فتح ستعقد اجتماعا غدا.';
    const spans = tagger.tagText(text);
    for (const span of spans) assert.equal(text.slice(span.start, span.end), span.text);
    assert.deepEqual(
      spans.map((s) => [s.text, s.type]),
      [
        ['جورج بوش', 'PERS'],
        ['بغداد', 'LOC'],
        ['حركة فتح', 'ORG'],
      ],
    );
  });

  it('returns valid BIO for any token list', () => {
    const tags = tagger.tagTokens(['بوش', 'بوش', 'في', 'في', 'حركة', '.', 'جورج']);
    for (let i = 0; i < tags.length; i++) {
      if (tags[i].startsWith('I-')) assert.equal(tags[i - 1]?.slice(2), tags[i].slice(2));
    }
    assert.equal(bioToSpans(tags).length >= 0, true);
    assert.deepEqual(tagger.tagTokens([]), []);
  });
});

describe('shipped weights', {
  skip: !existsSync(DEFAULT_MODEL_URL) && 'data/ner/model.json.gz not built',
}, () => {
  it('load and tag a plain news sentence', () => {
    const tagger = loadTagger();
    const tags = tagger.tagTokens(['وقال', 'الرئيس', 'الأمريكي', 'جورج', 'بوش', 'في', 'واشنطن', 'أمس']);
    assert.deepEqual(tags.slice(3, 7), ['B-PERS', 'I-PERS', 'O', 'B-LOC']);
  });
});
