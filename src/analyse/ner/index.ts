// Named-entity tagger (PERS, LOC, ORG, MISC): the only door into src/analyse/ner/.

export { bioToSpans, formatConll, NER_LABELS, type NerTag, parseConll, scoreNer } from './conll.js';
export { ALL_GROUPS, type FeatureGroups } from './features.js';
export { deserializeModel, type NerModel, serializeModel } from './model.js';
export { loadNerResources, type NerResources } from './resources.js';
export { DEFAULT_MODEL_URL, loadTagger, type NerSpan, type Tagger, type TagOptions } from './tagger.js';
export { TRAIN_DEFAULTS, trainNer } from './train.js';
