// The extract stage's only door: HTML bytes → Article.
export { decodeHtml } from './decode.js';
export { extractArticle } from './extract.js';
export type { ExtractOptions } from './options.js';
