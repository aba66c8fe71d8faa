// What analysis makes of an article's text: entities, their mentions, quotes, places, dates.
// Plain data; every offset is a UTF-16 code-unit offset into the analysed text.

export type EntityKind = 'person' | 'organisation' | 'place' | 'other';

/** A canonical entity: from the gazetteer, or made up for a name the gazetteer lacks. */
export interface Entity {
  /** Stable id: gazetteer ids like "geo:163345", "org:isis", or "name:<normalised form>". */
  id: string;
  kind: EntityKind;
  nameAr: string;
  nameEn: string | null;
  aliases: string[];
  /** Places only. */
  lat?: number;
  lon?: number;
  country?: string | null;
  /** 0 country, 1 governorate/province, 2 district, 3 sub-district, 4 town or village, 5 region. */
  adminLevel?: number | null;
  parentId?: string | null;
}

/** Tags of the sequence tagger (BIO over PERS, LOC, ORG, MISC). */
export type NerType = 'PERS' | 'LOC' | 'ORG' | 'MISC';

export interface Mention {
  entityId: string;
  start: number;
  end: number;
  /** The text as it appears (with clitics stripped off the span: "والتحالف" → span of "التحالف"). */
  surface: string;
  type: NerType;
  /** Index of the sentence (from splitSentences) holding it. */
  sentence: number;
  /** Where the decision came from: the gazetteer, the tagger, or in-article resolution. */
  source: 'gazetteer' | 'tagger' | 'coreference';
}

export type QuoteSourceType =
  | 'official-statement'
  | 'named-person'
  | 'organisation'
  | 'anonymous'
  | 'media'
  | 'document';

export interface Quote {
  /** The speaker's entity, if resolved. */
  speakerId: string | null;
  /** The speaker as written ("مدير العمليات في التحالف، جوناثان براغا", "مصادر خاصة"). */
  speaker: string;
  speakerStart: number;
  speakerEnd: number;
  role: string | null;
  cue: string;
  text: string;
  start: number;
  end: number;
  direct: boolean;
  sourceType: QuoteSourceType;
}
