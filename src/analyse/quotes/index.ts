// Attributed statements (quotes and claims) in Arabic news text: the only door into
// src/analyse/quotes/. See find.ts for the cascade and data/cue-verbs.tsv for the cues.

export {
  type CueEntry,
  type CueHit,
  type CueKind,
  type CueLexicon,
  loadCueLexicon,
  parseCueLexicon,
} from './cues.js';
export type { MentionHint } from './doc.js';
export { type FindQuotesOptions, findQuotes } from './find.js';
