// Reading an article's Arabic text: entities (gazetteer + tagger, resolved within the article),
// attributed statements, places with coordinates, and dates resolved against the publication date.
// Pure functions over text; the gazetteer and the tagger's weights are loaded once from data/.

import { parseDates } from '../arabic/dates.js';
import { splitSentences } from '../arabic/sentences.js';
import type { Article, Mention, Quote } from '../model/index.js';
import { type AnalysedEntity, findEntities, sentenceIndexer } from './entities.js';
import { loadGazetteer } from './gazetteer/index.js';
import { loadTagger, type Tagger } from './ner/index.js';
import { findQuotes } from './quotes/index.js';

export interface AnalysedPlace {
  id: string;
  nameAr: string;
  nameEn: string | null;
  lat: number;
  lon: number;
  country: string | null;
  count: number;
}

export interface AnalysedDate {
  text: string;
  start: number;
  end: number;
  /** Resolved ISO value; null for a relative expression with no publication date to resolve it. */
  value: string | null;
  granularity: string;
  kind: string;
  partOfDay?: string;
}

export interface Analysis {
  entities: AnalysedEntity[];
  mentions: Mention[];
  quotes: Quote[];
  places: AnalysedPlace[];
  dates: AnalysedDate[];
}

export interface AnalyseOptions {
  /** Publication date (ISO 8601): the reference for "مساء الثلاثاء", "أمس"… */
  published?: string | null;
}

let tagger: Tagger | null | undefined;

/** The shipped tagger, or null (with the reason kept) when its weights are missing. */
function sharedTagger(): Tagger | null {
  if (tagger === undefined) {
    try {
      tagger = loadTagger();
    } catch {
      tagger = null;
    }
  }
  return tagger;
}

/**
 * Analyse Arabic text. Offsets in the result are UTF-16 offsets into `text`.
 * @example analyseText(seed, { published: '2017-10-10T18:00:00+03:00' }).quotes[0].speaker
 */
export function analyseText(text: string, opts: AnalyseOptions = {}): Analysis {
  const sentences = splitSentences(text);
  const sentenceOf = sentenceIndexer(sentences);
  const tagged = sharedTagger()?.tagText(text) ?? [];
  const { entities, mentions } = findEntities(text, loadGazetteer(), tagged, sentenceOf);
  const quotes = findQuotes(text, {
    mentions: mentions.map((m) => ({ start: m.start, end: m.end, entityId: m.entityId, type: m.type })),
  });
  // A quote's speaker who is a person gives that person's role when the text gives none elsewhere.
  for (const q of quotes) {
    if (!q.speakerId || !q.role) continue;
    const e = entities.find((x) => x.id === q.speakerId);
    if (e && e.kind === 'person' && !e.role) e.role = q.role;
  }
  const places: AnalysedPlace[] = entities
    .filter((e) => e.kind === 'place' && e.lat !== undefined && e.lon !== undefined)
    .map((e) => ({
      id: e.id,
      nameAr: e.nameAr,
      nameEn: e.nameEn,
      lat: e.lat!,
      lon: e.lon!,
      country: e.country ?? null,
      count: e.count,
    }));
  const reference = opts.published ? new Date(opts.published) : undefined;
  const dates = parseDates(text, {
    reference: reference && !Number.isNaN(reference.getTime()) ? reference : undefined,
  }).map((d) => ({
    text: d.text,
    start: d.start,
    end: d.end,
    value: d.value,
    granularity: d.granularity,
    kind: d.kind,
    ...(d.partOfDay ? { partOfDay: d.partOfDay } : {}),
  }));
  return { entities, mentions, quotes, places, dates };
}

/** Analyse an extracted article: its headline and body, as "title\n\ntext" (the offsets' base). */
export function analyseArticle(
  article: Pick<Article, 'title' | 'text' | 'published'>,
): Analysis & { text: string } {
  const text = article.title ? `${article.title}\n\n${article.text}` : article.text;
  return { ...analyseText(text, { published: article.published }), text };
}

/** Whether the entity tagger's weights are available (else analysis uses the gazetteer only). */
export function hasTagger(): boolean {
  return sharedTagger() !== null;
}
