// Marsad's library entry: the stages' public functions and the plain data types.

export { type AnalysedEntity, type Analysis, analyseArticle, analyseText } from './analyse/index.js';
export type { ExtractOptions } from './extract/index.js';
export { extractArticle } from './extract/index.js';
export type { Article, ErrorCode, MarsadError, RelatedLink, Result } from './model/index.js';
