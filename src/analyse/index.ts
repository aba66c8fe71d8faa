// The analyse stage's only door: Arabic text → entities, quotes, places, dates.
export {
  type AnalysedDate,
  type AnalysedPlace,
  type AnalyseOptions,
  type Analysis,
  analyseArticle,
  analyseText,
  hasTagger,
} from './analyse.js';
export type { AnalysedEntity } from './entities.js';
