// Entities of one text: gazetteer names (resolved to canonical entities) and tagger spans,
// merged, with in-article resolution — a person's later partial mention (`براغا` after
// `جوناثان براغا`), an organisation's generic short form (`التنظيم`, `الوزارة`) after its full
// name, and the role a text gives a person (`مدير العمليات في التحالف، "جوناثان براغا"`).

import { foldForSearch } from '../arabic/normalize.js';
import { segment } from '../arabic/segment.js';
import type { Entity, EntityKind, Mention, NerType } from '../model/index.js';
import { type Gazetteer, type GazetteerEntity, resolveMentions } from './gazetteer/index.js';

/** What the tagger gives: a span and a type. */
export interface TaggedSpan {
  start: number;
  end: number;
  type: NerType;
}

export interface AnalysedEntity extends Entity {
  /** Every distinct form the text uses for it. */
  surfaces: string[];
  /** The role the text gives a person, if any. */
  role: string | null;
  count: number;
}

const KIND_OF_TYPE: Record<NerType, EntityKind> = {
  PERS: 'person',
  ORG: 'organisation',
  LOC: 'place',
  MISC: 'other',
};
const TYPE_OF_KIND: Record<EntityKind, NerType> = {
  person: 'PERS',
  organisation: 'ORG',
  place: 'LOC',
  other: 'MISC',
};

/** Head nouns an article uses alone for an organisation it named in full before. */
const GENERIC_HEADS = [
  'التنظيم',
  'النظام',
  'الوزارة',
  'المرصد',
  'الائتلاف',
  'المجلس',
  'الجبهة',
  'الحركة',
  'الحزب',
  'المركز',
  'الجيش',
  'الشركة',
  'الجامعة',
  'الهيئة',
  'المنظمة',
  'الوكالة',
  'المفوضية',
  'اللجنة',
  'التحالف',
  'الميليشيا',
  'الفصيل',
];

const QUOTE_MARKS_G = /["«»“”]/g;
const QUOTE_CLOSERS = new Set(['"', '»', '”']);

/** A generic head noun as a word of its own, with the proclitics و ف ب ل in front. */
const GENERIC_HEAD_RE = new RegExp(
  `(?<![\\p{L}])(?:[وفبل]|وب|ول|فب|فل)?(${GENERIC_HEADS.join('|')})(?![\\p{L}])`,
  'gu',
);

/** Words that open a person's role before the name ("مدير العمليات في التحالف، براغا"). */
const ROLE_TRIGGERS =
  /(?:^|[\s،,(«"])((?:ال)?(?:رئيس|الرئيس|نائب|وزير|وزيرة|مدير|مديرة|المتحدث|المتحدثة|الناطق|الناطقة|متحدث|ناطق|قائد|السفير|سفير|المبعوث|مبعوث|الأمين العام|أمين عام|مستشار|مستشارة|محافظ|عضو|مسؤول|القائد|زعيم|رئيسة|عميد|مفوض|المفوضة|المفوض|ملك|الملك|أمير|الأمير|شيخ|الشيخ|النائب|المستشار|المدير|الوزير|المحافظ)(?:\s[^\s،,."«»]+){0,6})[\s،,]*["«“]?\s*$/;

function fold(s: string): string {
  return foldForSearch(s)
    .replace(/["«»“”]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function stripArticle(w: string): string {
  return w.startsWith('ال') && w.length > 4 ? w.slice(2) : w;
}

interface Draft {
  id: string;
  kind: EntityKind;
  nameAr: string;
  gz: GazetteerEntity | null;
  surfaces: Set<string>;
  tokens: string[];
  mentions: Mention[];
  role: string | null;
}

/** Sentence index of an offset (spans sorted by start). */
export function sentenceIndexer(spans: Array<{ start: number; end: number }>): (offset: number) => number {
  return (offset) => {
    let lo = 0;
    let hi = spans.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid].end <= offset) lo = mid + 1;
      else if (spans[mid].start > offset) hi = mid - 1;
      else return mid;
    }
    return Math.max(0, Math.min(spans.length - 1, lo));
  };
}

export function findEntities(
  text: string,
  gazetteer: Gazetteer,
  tagged: TaggedSpan[],
  sentenceOf: (offset: number) => number,
): { entities: AnalysedEntity[]; mentions: Mention[] } {
  const drafts = new Map<string, Draft>();
  const taken: Array<[number, number]> = [];
  const overlaps = (s: number, e: number) => taken.some(([a, b]) => s < b && e > a);

  const add = (
    id: string,
    kind: EntityKind,
    gz: GazetteerEntity | null,
    start: number,
    end: number,
    source: Mention['source'],
  ) => {
    // A name with a quote inside (`تنظيم "الدولة"`) keeps its closing quote.
    const opened = (text.slice(start, end).match(QUOTE_MARKS_G)?.length ?? 0) % 2 === 1;
    if (opened && QUOTE_CLOSERS.has(text[end] ?? '')) end++;
    const surface = text.slice(start, end);
    let d = drafts.get(id);
    if (!d) {
      d = {
        id,
        kind,
        nameAr: gz?.nameAr ?? surface.replace(/["«»“”]/g, ''),
        gz,
        surfaces: new Set(),
        tokens: fold(surface).split(' '),
        mentions: [],
        role: null,
      };
      drafts.set(id, d);
    }
    d.surfaces.add(surface);
    d.mentions.push({
      entityId: id,
      start,
      end,
      surface,
      type: TYPE_OF_KIND[kind],
      sentence: sentenceOf(start),
      source,
    });
    taken.push([start, end]);
  };

  // 1. Tagger spans that hold a longer name than the gazetteer finds inside them win
  //    (`مجلس الرقة المدني` over `الرقة`); the others yield to the gazetteer.
  const gzMentions = resolveMentions(gazetteer, gazetteer.findMentions(text));
  const words = (s: number, e: number) => text.slice(s, e).trim().split(/\s+/).length;
  const longTagged = tagged.filter((t) =>
    gzMentions.some(
      (g) =>
        g.mention.start >= t.start &&
        g.mention.end <= t.end &&
        words(t.start, t.end) > words(g.mention.start, g.mention.end),
    ),
  );
  for (const t of longTagged) {
    const known = gazetteer.lookup(text.slice(t.start, t.end))[0];
    const gz = known ? (gazetteer.get(known) ?? null) : null;
    add(
      gz?.id ?? `name:${fold(text.slice(t.start, t.end))}`,
      gz?.kind ?? KIND_OF_TYPE[t.type],
      gz,
      t.start,
      t.end,
      gz ? 'gazetteer' : 'tagger',
    );
  }
  // 2. Gazetteer names.
  for (const { mention, id } of gzMentions) {
    if (!id || overlaps(mention.start, mention.end)) continue;
    const gz = gazetteer.get(id) ?? null;
    if (gz) add(id, gz.kind, gz, mention.start, mention.end, 'gazetteer');
  }
  // 3. The tagger's other names: a person named in full once is the same person when a later
  //    span repeats part of the name.
  for (const tag of tagged) {
    const t = withoutProclitics(text, tag);
    if (overlaps(t.start, t.end)) continue;
    const surface = text.slice(t.start, t.end);
    const toks = fold(surface).split(' ');
    let id: string | null = null;
    if (t.type === 'PERS') {
      for (const d of drafts.values()) {
        if (d.kind === 'person' && d.tokens.length > toks.length && toks.every((w) => d.tokens.includes(w))) {
          id = d.id;
          break;
        }
      }
    }
    const known = gazetteer.lookup(surface)[0];
    const gz = known ? (gazetteer.get(known) ?? null) : null;
    id ??= gz?.id ?? `name:${toks.map(stripArticle).join(' ')}`;
    const draft = drafts.get(id);
    add(
      id,
      draft?.kind ?? gz?.kind ?? KIND_OF_TYPE[t.type],
      draft?.gz ?? gz,
      t.start,
      t.end,
      draft ? 'coreference' : gz ? 'gazetteer' : 'tagger',
    );
  }
  // 4. Generic short forms of organisations named before (`التنظيم` → تنظيم "الدولة").
  resolveGenericHeads(text, drafts, overlaps, (id, s, e) => {
    const d = drafts.get(id)!;
    add(id, d.kind, d.gz, s, e, 'coreference');
  });
  // 5. Roles: the words before a person's first full mention.
  for (const d of drafts.values()) {
    if (d.kind !== 'person') continue;
    const first = d.mentions.reduce((a, b) => (a.start <= b.start ? a : b));
    const before = text.slice(Math.max(0, first.start - 80), first.start);
    const m = before.match(ROLE_TRIGGERS);
    if (m) d.role = m[1].replace(/[\s،,"«“]+$/, '').trim();
    else {
      // Apposition after the name: "خالد مجاهد، المتحدث الرسمي للوزارة".
      const after = text
        .slice(first.end, first.end + 80)
        .match(
          /^\s*[،,]\s*((?:ال)?(?:متحدث|ناطق|مدير|رئيس|وزير|قائد|مسؤول|مستشار|عضو|سفير|محافظ|المتحدث|الناطق|المدير|الرئيس|الوزير)[^،,.؛]{2,60})/,
        );
      if (after) d.role = after[1].trim();
    }
  }

  const mentions = [...drafts.values()].flatMap((d) => d.mentions).sort((a, b) => a.start - b.start);
  const entities: AnalysedEntity[] = [...drafts.values()].map((d) => ({
    id: d.id,
    kind: d.kind,
    nameAr: d.gz?.nameAr ?? longestSurface(d),
    nameEn: d.gz?.nameEn ?? null,
    aliases: d.gz?.aliases ?? [],
    ...(d.gz?.lat !== undefined ? { lat: d.gz.lat, lon: d.gz.lon } : {}),
    ...(d.gz?.country !== undefined ? { country: d.gz.country } : {}),
    ...(d.gz?.adminLevel !== undefined ? { adminLevel: d.gz.adminLevel } : {}),
    ...(d.gz?.parentId !== undefined ? { parentId: d.gz.parentId } : {}),
    surfaces: [...d.surfaces],
    role: d.role,
    count: d.mentions.length,
  }));
  entities.sort((a, b) => b.count - a.count || a.nameAr.localeCompare(b.nameAr));
  return { entities, mentions };
}

/** The tagger tags whole words: `وجوناثان براغا` → the span of `جوناثان براغا`. */
function withoutProclitics(text: string, t: TaggedSpan): TaggedSpan {
  const first = text.slice(t.start, t.end).split(/\s/)[0];
  const seg = segment(first);
  const cut = seg.proclitics.filter((p) => p !== 'ال' && p !== 'لل').join('').length;
  // (segment() keeps names that only look cliticised whole: وليد، بلال، كمال.)
  return cut > 0 && cut < first.length ? { ...t, start: t.start + cut } : t;
}

function longestSurface(d: Draft): string {
  return [...d.surfaces].sort((a, b) => b.length - a.length)[0].replace(/["«»“”]/g, '');
}

/** Attach lone head nouns to the organisation named earlier whose name starts with them. */
function resolveGenericHeads(
  text: string,
  drafts: Map<string, Draft>,
  overlaps: (s: number, e: number) => boolean,
  add: (id: string, start: number, end: number) => void,
) {
  const orgs = [...drafts.values()].filter((d) => d.kind === 'organisation');
  if (orgs.length === 0) return;
  for (const m of text.matchAll(GENERIC_HEAD_RE)) {
    const start = m.index! + m[0].length - m[1].length;
    const end = start + m[1].length;
    if (overlaps(start, end)) continue;
    const head = fold(m[1]).replace(/^ال/, '');
    // The latest organisation before this point whose name's first word is that head noun.
    let best: Draft | null = null;
    let bestAt = -1;
    for (const d of orgs) {
      const firstWord = stripArticle(d.tokens[0] ?? '');
      if (firstWord !== head) continue;
      const at = Math.max(...d.mentions.filter((x) => x.start < start).map((x) => x.start), -1);
      if (at > bestAt) {
        best = d;
        bestAt = at;
      }
    }
    if (best) add(best.id, start, end);
  }
}
