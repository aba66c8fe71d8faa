// Plain types shared by every stage; no logic, no I/O.

export type { Entity, EntityKind, Mention, NerType, Quote, QuoteSourceType } from './analysis.js';
export type { Article, ExtractedBy, RelatedLink } from './article.js';
export type { ErrorCode, MarsadError, Result } from './error.js';
export { fail, ok } from './error.js';
