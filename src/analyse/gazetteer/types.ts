// Types of the gazetteer: the shipped Entity extended with what place resolution needs, and the
// mentions that the lookup finds in text. Plain data only.

import type { Entity } from '../../model/analysis.js';

/**
 * A gazetteer entry: the model's Entity plus fields used to rank candidates and to credit the
 * source. Every extra field is optional, so a GazetteerEntity is a valid Entity.
 */
export interface GazetteerEntity extends Entity {
  /** Population from GeoNames, when it gives one above zero. */
  population?: number;
  /**
   * The place is the seat of an administrative unit: 0 national capital, 1 governorate/province,
   * 2 district, 3 sub-district (GeoNames feature codes PPLC, PPLA, PPLA2, PPLA3).
   */
  seatOf?: number;
  /**
   * Names of a place that are also ordinary words (`الثورة`, `الكرامة`): matched only after a
   * settlement word (`مدينة الثورة`, `بلدة الكرامة`), see SETTLEMENT_WORDS in gazetteer.ts.
   */
  commonWordNames?: string[];
  /** Where the facts come from ("GeoNames 170063", "Wikipedia: Hezbollah"). */
  source?: string;
  /** Date (YYYY-MM) the fact was last checked, for facts that change (offices, roles). */
  asOf?: string;
  /** Short description (a person's office and since when; what a historical name refers to). */
  note?: string;
}

export type Direction =
  | 'north'
  | 'south'
  | 'east'
  | 'west'
  | 'north-east'
  | 'north-west'
  | 'south-east'
  | 'south-west';

/**
 * What the words around a place name say about the area meant: `ريف حماة` (countryside),
 * `شرق سوريا` / `ريف حلب الشمالي` (a direction), or both.
 */
export interface PlaceQualifier {
  countryside?: boolean;
  direction?: Direction;
}

/** One name found in text. Offsets are UTF-16 code units into the text given to findMentions. */
export interface GazetteerMention {
  start: number;
  end: number;
  /** text.slice(start, end): the name without its proclitics (`والتحالف` → `التحالف`). */
  surface: string;
  /** Every entity the name can refer to, in gazetteer order; resolvePlace picks one. */
  entityIds: string[];
  /** Set when `ريف`/`شرق`/`الشمالي`… around the name were folded into the mention. */
  qualifier?: PlaceQualifier;
  /** Folded word just before the mention (`مدينة`, `بلدة`, `محافظة`, `الرئيس`…), if any. */
  cue?: string;
}

export interface Gazetteer {
  /** Number of entities. */
  readonly size: number;
  get(id: string): GazetteerEntity | undefined;
  entities(): IterableIterator<GazetteerEntity>;
  /**
   * Entities whose name is exactly `name` (a string or its words), after folding; [] if none.
   * @example gazetteer.lookup('تنظيم «الدولة»') // → ['org:isis']
   */
  lookup(name: string | readonly string[]): string[];
  /** Longest-match scan of `text` for every name in the gazetteer (see find.ts). */
  findMentions(text: string): GazetteerMention[];
}
