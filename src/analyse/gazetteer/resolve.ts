// Choosing one entity for a name that several entities share: `عمان` (Oman or Amman), `الجزائر`
// (the country or its capital), a village in two governorates, a town that is also a surname.
// Each candidate gets a score from three kinds of evidence, summed; the highest wins and the
// reasons are returned so an eval can count which evidence decided.
//   1. prior: what the entity is (country > national capital > governorate seat > town; bigger
//      population; curated organisations and people over homonymous villages);
//   2. cue: the word before the name (`مدينة`, `قرية`, `محافظة`, `الرئيس`, `حركة`…);
//   3. context: the article's other places (same country, parent/child, distance).
// The weights were set by hand on the cases in resolve.test.ts; they are small integers on
// purpose so that one piece of evidence of kind 2 or 3 outweighs the prior.

import { createReadings, procliticReadings } from './clitics.js';
import type { Gazetteer, GazetteerEntity, GazetteerMention, PlaceQualifier } from './types.js';

export interface PlaceContext {
  /** Folded word before the name (GazetteerMention.cue). */
  cue?: string | null;
  /** Entities of the article's other places, already resolved. */
  otherIds?: readonly string[];
  qualifier?: PlaceQualifier;
}

export interface PlaceResolution {
  /** The chosen entity, or null when there was no candidate. */
  id: string | null;
  score: number;
  /** Evidence that counted for the chosen entity, e.g. ['prior:seat-1', 'cue:city', 'context:near']. */
  reasons: string[];
}

// ---- 1. prior -------------------------------------------------------------------------------
/** A country wins over its homonymous capital (`الجزائر`, `تونس`, `الكويت`) without other evidence. */
const PRIOR_COUNTRY = 6;
const PRIOR_ADM1 = 2;
const PRIOR_ADM2 = 1;
const PRIOR_REGION = 2;
/** Seat of: national capital, governorate, district, sub-district (GeoNames PPLC…PPLA3). */
const PRIOR_SEAT = [2.5, 1.5, 0.8, 0.3];
/** Per decade of population: a city of 1M gets 6 × 0.4 = 2.4, a village of 1,000 gets 1.2. */
const PRIOR_PER_LOG_POPULATION = 0.4;
/**
 * Curated people and organisations are in the gazetteer because the news names them; a village
 * with the same name (`حماس`, `أمل`) is the less likely reading without a place cue.
 */
const PRIOR_CURATED_NON_PLACE = 4;

// ---- 2. cues (folded, proclitics stripped) ---------------------------------------------------
const SETTLEMENT_CUES = new Set([
  'مدينه',
  'بلده',
  'قريه',
  'مخيم',
  'حي',
  'ناحيه',
  'مزرعه',
  'بلدات',
  'قري',
  'مدن',
  'ضاحيه',
]);
const CITY_CUE = 'مدينه';
const GOVERNORATE_CUES = new Set(['محافظه', 'ولايه', 'اقليم', 'مقاطعه', 'امارة', 'اماره']);
const COUNTRY_CUES = new Set(['دوله', 'جمهوريه', 'مملكه', 'سلطنه', 'بلاد']);
const CAPITAL_CUES = new Set(['العاصمه']);
const PERSON_CUES = new Set([
  'الرئيس',
  'رئيس',
  'الملك',
  'الامير',
  'الشيخ',
  'السيد',
  'السيده',
  'الوزير',
  'وزير',
  'العميد',
  'اللواء',
  'العقيد',
  'المقدم',
  'الدكتور',
  'القائد',
  'الزعيم',
  'المتحدث',
  'النائب',
  'قال',
  'قالت',
  'اكد',
  'اعلن',
]);
const ORGANISATION_CUES = new Set([
  'حركه',
  'جماعه',
  'تنظيم',
  'ميليشيا',
  'ميليشيات',
  'فصيل',
  'فصائل',
  'حزب',
  'منظمه',
]);
const CUE_MATCH = 4;
const CUE_MISMATCH = -4;
/** Extra per decade of population after `مدينة`: a city is more likely than a hamlet. */
const CITY_PER_LOG_POPULATION = 0.3;

// ---- 3. context -------------------------------------------------------------------------------
/**
 * Two or more other countries make the text a list of countries (`الأردن ومصر وعمان والمغرب`):
 * a country reading gets this, and the countries no longer count as kin or same-country
 * evidence for a city (Amman is not meant because Jordan is listed).
 */
const CONTEXT_COUNTRY_LIST = 3;
const COUNTRY_LIST_MIN = 2;
const CONTEXT_SAME_COUNTRY = 1;
const CONTEXT_SAME_COUNTRY_MAX = 3;
const CONTEXT_KIN = 2.5;
/** Distance bands (km) to the nearest other place and what each adds. */
const CONTEXT_NEAR: ReadonlyArray<readonly [number, number]> = [
  [50, 2],
  [150, 1.2],
  [400, 0.5],
];

const EARTH_RADIUS_KM = 6371;

/** Great-circle distance in km. */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

function hasCoordinates(e: GazetteerEntity): e is GazetteerEntity & { lat: number; lon: number } {
  return typeof e.lat === 'number' && typeof e.lon === 'number';
}

/** Is `ancestor` on the parent chain of `e`? (at most 6 steps: town → district → adm1 → country) */
function isAncestor(gazetteer: Gazetteer, e: GazetteerEntity, ancestorId: string): boolean {
  let parent = e.parentId ?? null;
  for (let step = 0; parent && step < 6; step++) {
    if (parent === ancestorId) return true;
    parent = gazetteer.get(parent)?.parentId ?? null;
  }
  return false;
}

function countryOf(e: GazetteerEntity): string | null {
  if (e.country) return e.country;
  return e.id.startsWith('country:') ? e.id.slice('country:'.length) : null;
}

function scorePrior(e: GazetteerEntity, reasons: string[]): number {
  if (e.kind !== 'place') {
    reasons.push(`prior:${e.kind}`);
    return PRIOR_CURATED_NON_PLACE;
  }
  let score = 0;
  const level = e.adminLevel ?? null;
  if (level === 0) score += PRIOR_COUNTRY;
  else if (level === 1) score += PRIOR_ADM1;
  else if (level === 2) score += PRIOR_ADM2;
  else if (level === 5) score += PRIOR_REGION;
  if (level !== null && level !== 4) reasons.push(`prior:level-${level}`);
  if (e.seatOf !== undefined && PRIOR_SEAT[e.seatOf] !== undefined) {
    score += PRIOR_SEAT[e.seatOf];
    reasons.push(`prior:seat-${e.seatOf}`);
  }
  if (e.population && e.population > 0) score += PRIOR_PER_LOG_POPULATION * Math.log10(e.population);
  return score;
}

const cueReadings = createReadings();

/** The cue word's readings without proclitics (`وبلدة` → `بلده`), as the cue sets hold them. */
function cueClass(
  cue: string,
): 'settlement' | 'governorate' | 'country' | 'capital' | 'person' | 'organisation' | null {
  procliticReadings(cue, cueReadings);
  for (let k = 0; k < cueReadings.count; k++) {
    const w = cueReadings.words[k];
    if (SETTLEMENT_CUES.has(w)) return 'settlement';
    if (GOVERNORATE_CUES.has(w)) return 'governorate';
    if (COUNTRY_CUES.has(w)) return 'country';
    if (CAPITAL_CUES.has(w)) return 'capital';
    if (PERSON_CUES.has(w)) return 'person';
    if (ORGANISATION_CUES.has(w)) return 'organisation';
  }
  return null;
}

function scoreCue(e: GazetteerEntity, cue: string, reasons: string[]): number {
  const cls = cueClass(cue);
  if (!cls) return 0;
  const level = e.adminLevel ?? null;
  let fits: boolean;
  switch (cls) {
    case 'settlement':
      fits = e.kind === 'place' && (level === 4 || level === null);
      break;
    case 'governorate':
      fits = e.kind === 'place' && (level === 1 || e.seatOf === 1);
      break;
    case 'country':
      fits = e.kind === 'place' && level === 0;
      break;
    case 'capital':
      fits = e.kind === 'place' && e.seatOf === 0;
      break;
    case 'person':
      fits = e.kind === 'person';
      break;
    case 'organisation':
      fits = e.kind === 'organisation';
      break;
  }
  if (!fits) return cls === 'person' || cls === 'organisation' || e.kind !== 'place' ? CUE_MISMATCH : 0;
  reasons.push(`cue:${cls}`);
  let score = CUE_MATCH;
  if (cue.endsWith(CITY_CUE) && e.population) score += CITY_PER_LOG_POPULATION * Math.log10(e.population);
  return score;
}

function scoreContext(
  gazetteer: Gazetteer,
  e: GazetteerEntity,
  others: GazetteerEntity[],
  reasons: string[],
): number {
  if (e.kind !== 'place' || others.length === 0) return 0;
  let score = 0;
  const country = countryOf(e);
  let sameCountry = 0;
  let kin = false;
  let nearest = Number.POSITIVE_INFINITY;
  const countries = others.filter((o) => o.adminLevel === 0 && o.id !== e.id).length;
  const isCountryList = countries >= COUNTRY_LIST_MIN;
  if (isCountryList && e.adminLevel === 0) {
    score += CONTEXT_COUNTRY_LIST;
    reasons.push('context:country-list');
  }
  for (const o of others) {
    if (o.id === e.id) continue;
    if (isCountryList && o.adminLevel === 0) continue;
    if (country && countryOf(o) === country) sameCountry++;
    if (isAncestor(gazetteer, e, o.id) || isAncestor(gazetteer, o, e.id)) kin = true;
    if (hasCoordinates(e) && hasCoordinates(o) && (o.adminLevel ?? 4) >= 1) {
      nearest = Math.min(nearest, distanceKm(e, o));
    }
  }
  if (sameCountry > 0) {
    score += Math.min(CONTEXT_SAME_COUNTRY_MAX, sameCountry * CONTEXT_SAME_COUNTRY);
    reasons.push('context:same-country');
  }
  if (kin) {
    score += CONTEXT_KIN;
    reasons.push('context:kin');
  }
  for (const [km, add] of CONTEXT_NEAR) {
    if (nearest <= km) {
      score += add;
      reasons.push(`context:near-${km}km`);
      break;
    }
  }
  return score;
}

/**
 * Pick the entity a name refers to among `ids` (a mention's entityIds).
 *
 * @example
 * resolvePlace(g, g.lookup('عمان'), { otherIds: [g.lookup('الزرقاء')[0]] }).id // → Amman, not Oman
 */
export function resolvePlace(
  gazetteer: Gazetteer,
  ids: readonly string[],
  context: PlaceContext = {},
): PlaceResolution {
  const others: GazetteerEntity[] = [];
  for (const id of context.otherIds ?? []) {
    const o = gazetteer.get(id);
    if (o && o.kind === 'place') others.push(o);
  }
  let best: PlaceResolution = { id: null, score: Number.NEGATIVE_INFINITY, reasons: [] };
  for (const id of ids) {
    const e = gazetteer.get(id);
    if (!e) continue;
    if (context.qualifier && e.kind !== 'place') continue;
    const reasons: string[] = [];
    let score = scorePrior(e, reasons);
    if (context.cue) score += scoreCue(e, context.cue, reasons);
    score += scoreContext(gazetteer, e, others, reasons);
    if (score > best.score) best = { id, score, reasons };
  }
  return best.id === null ? { id: null, score: 0, reasons: [] } : best;
}

/**
 * Resolve every mention of one article: names with a single entity first, then the ambiguous
 * ones with those (and the ones resolved before them) as context.
 *
 * @example
 * resolveMentions(g, g.findMentions('اشتباكات في عمان والزرقاء')).map((r) => r.id)
 */
export function resolveMentions(
  gazetteer: Gazetteer,
  mentions: readonly GazetteerMention[],
): Array<{ mention: GazetteerMention; id: string | null; reasons: string[] }> {
  const known: string[] = [];
  for (const m of mentions) if (m.entityIds.length === 1) known.push(m.entityIds[0]);
  return mentions.map((mention) => {
    if (mention.entityIds.length === 1) return { mention, id: mention.entityIds[0], reasons: ['unique'] };
    const r = resolvePlace(gazetteer, mention.entityIds, {
      cue: mention.cue,
      otherIds: known,
      qualifier: mention.qualifier,
    });
    if (r.id) known.push(r.id);
    return { mention, id: r.id, reasons: r.reasons };
  });
}
