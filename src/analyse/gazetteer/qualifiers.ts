// Words around a place name that narrow the area meant: `ريف حماة` (the countryside of Hama),
// `شرق سوريا`, `شمال شرق حلب`, `ريف حلب الشمالي`, `جنوبي دمشق`. All in folded form (see scan.ts).

import type { Direction } from './types.js';

/** `ريف` before a name: the countryside of X (when the gazetteer has no entity `ريف X`). */
export const COUNTRYSIDE_WORD = 'ريف';

/**
 * Direction nouns and adjectives before a name (`شرق X`, `شرقي X`). The adjective form is the
 * Levantine press's habit for "east of".
 */
export const DIRECTION_BEFORE: ReadonlyMap<string, Direction> = new Map([
  ['شمال', 'north'],
  ['شمالي', 'north'],
  ['جنوب', 'south'],
  ['جنوبي', 'south'],
  ['شرق', 'east'],
  ['شرقي', 'east'],
  ['غرب', 'west'],
  ['غربي', 'west'],
]);

/** Direction adjectives after a name (`ريف حلب الشمالي`, `البادية الشرقية`), both genders. */
export const DIRECTION_AFTER: ReadonlyMap<string, Direction> = new Map([
  ['الشمالي', 'north'],
  ['الشماليه', 'north'],
  ['الجنوبي', 'south'],
  ['الجنوبيه', 'south'],
  ['الشرقي', 'east'],
  ['الشرقيه', 'east'],
  ['الغربي', 'west'],
  ['الغربيه', 'west'],
]);

/** `north` + `east` → `north-east`; null when the two do not combine (`east` + `west`). */
export function combineDirections(first: Direction, second: Direction): Direction | null {
  const ns = first === 'north' || first === 'south' ? first : null;
  const ew = second === 'east' || second === 'west' ? second : null;
  return ns && ew ? (`${ns}-${ew}` as Direction) : null;
}
