// The gazetteer: canonical places, organisations and people of the region with their names, and
// the lookup that finds those names in Arabic text (clitic-, fold- and quote-insensitive).
// This file is the module's only door.

export { buildGazetteer, MAX_NAME_WORDS, namesOf, SETTLEMENT_WORDS } from './gazetteer.js';
export { loadGazetteer, parseGazetteerLines, readGazetteerFile } from './load.js';
export {
  distanceKm,
  type PlaceContext,
  type PlaceResolution,
  resolveMentions,
  resolvePlace,
} from './resolve.js';
export type { Direction, Gazetteer, GazetteerEntity, GazetteerMention, PlaceQualifier } from './types.js';
