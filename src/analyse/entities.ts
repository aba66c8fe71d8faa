// Entities of one text: gazetteer names (resolved to canonical entities), tagger spans, and
// organisation and person names found by their shape, merged, with in-article resolution — a
// person's later partial mention (`براغا` after `جوناثان براغا`), spelling variants of one name
// (`عبدالعاطي` / `عبد العاطي`, `المياة` / `المياه`), a shorter form of a longer name
// (`كلية الهندسة` in `كلية الهندسة جامعة القاهرة`), an alias in parentheses (`شركة الخطوط
// الجوية الوطنية (ناشونال إير)`), an organisation's generic short form (`التنظيم`, `الوزارة`)
// after its full name, and the role a text gives a person (`مدير العمليات في التحالف، "جوناثان
// براغا"`).
//
// Stages, in order (each skips text an earlier stage took):
//   1. long names: tagger spans holding a longer name than the gazetteer finds inside them,
//      organisation names by shape (org-shape.ts), people framed by an honorific and a title
//      (roles.ts) — longest first;
//   2. gazetteer names;
//   3. the tagger's other spans;
//   4. aliases in parentheses after an organisation;
//   5. a mention completed from another mention of the same person; names contained in longer
//      names of the same text (or a family name one letter off) merged into them;
//   6. generic head nouns resolved to the organisation or place they head; names the gazetteer
//      does not know take their id from the name they end up with;
//   7. roles of people (roles.ts).
// Names found by shape are reported with source 'tagger' (the model's Mention has no value for
// "pattern"; they are the tagger's kind of guess), their merges and short forms 'coreference'.

import { foldForSearch } from '../arabic/normalize.js';
import { segment } from '../arabic/segment.js';
import { isStopword } from '../arabic/stopwords.js';
import type { Entity, EntityKind, Mention, NerType } from '../model/index.js';
import { type Gazetteer, type GazetteerEntity, resolveMentions } from './gazetteer/index.js';
import { nameKey, nameWords, withoutArticle } from './name-key.js';
import { findOrganisationNames, type NameSpan } from './org-shape.js';
import { findTitledPersons, roleAfter, roleBefore, roleContext } from './roles.js';
import { endingTable, offsetAfterLetters, procliticForms, scanWords, type Word } from './words.js';

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

/**
 * Head nouns an article uses alone for an organisation (or a place: `الجمهورية` for `جمهورية
 * مصر العربية`) it names in full. Not here, because the bare noun usually means something else:
 * `اللواء` (a rank before a name), `القوات` (the government's forces), `الوحدة` (unity).
 */
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
  'الكلية',
  'المعهد',
  'الهيئة',
  'المنظمة',
  'الوكالة',
  'المفوضية',
  'اللجنة',
  'التحالف',
  'الميليشيا',
  'الفصيل',
  'القطاع',
  'الإدارة',
  'المديرية',
  'الشرطة',
  'القنصلية',
  'السفارة',
  'الكتيبة',
  'النقابة',
  'الجمعية',
  'الرابطة',
  'الاتحاد',
  'البنك',
  'المصرف',
  'المؤسسة',
  'المحكمة',
  'النيابة',
  'الجريدة',
  'الصحيفة',
  'الجمهورية',
];

const QUOTE_MARKS_G = /["«»“”]/g;
/** The order of names with equal counts (as `localeCompare`, without a collator per call). */
const COLLATOR = new Intl.Collator();
const QUOTE_CLOSERS = new Set(['"', '»', '”']);

/**
 * Every written form of the generic heads (`الوزارة`, `بالوزارة`, `للوزارة` — whose span keeps
 * its `لل`, as the gazetteer keeps `للاتحاد`) → [the head without article, letters before the
 * span], and the heads' endings for a fast first look.
 */
const GENERIC_HEAD_FORMS = new Map<string, [string, number]>();
for (const h of GENERIC_HEADS) {
  const base = foldForSearch(h).slice(2);
  for (const [form, [written, cut]] of procliticForms(base, true))
    if (written !== base) GENERIC_HEAD_FORMS.set(form, [base, cut]);
}
const GENERIC_HEAD_ENDINGS = endingTable(GENERIC_HEAD_FORMS.keys());

/** An alias in parentheses right after a name: `(ناشونال إير)`, `(WHO)`, `(قسد)`. */
const PAREN_ALIAS = /^\s*[(（]\s*([^()（）\n\d]{2,40}?)\s*[)）]/;
/** Words of such an alias. */
const MAX_ALIAS_WORDS = 4;
/** First words of parentheses that are notes, not aliases (picture positions, sources, "sic"). */
const NOT_ALIASES = new Set([
  'يمين',
  'يسار',
  'وسط',
  'صورة',
  'أرشيف',
  'أرشيفية',
  'رويترز',
  'أ',
  'كذا',
  'تصحيح',
]);

interface Draft {
  id: string;
  kind: EntityKind;
  gz: GazetteerEntity | null;
  surfaces: Set<string>;
  /** nameKey of the first surface. */
  key: string[];
  mentions: Mention[];
  role: string | null;
  /** Found only by the tagger (no gazetteer entry, no shape): its type may be wrong. */
  taggerOnly: boolean;
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

/** The id of a name the gazetteer does not know: its key. */
function nameId(surface: string): string {
  return `name:${nameKey(surface).join(' ')}`;
}

/** Words in a span (spaces between letters; names hold no other whitespace). */
function wordCount(text: string, s: NameSpan): number {
  let n = 1;
  for (let i = s.start + 1; i < s.end - 1; i++)
    if (text.charCodeAt(i) === 0x20 && text.charCodeAt(i - 1) !== 0x20) n++;
  return n;
}

/** The text offsets mentions cover already: one flag per UTF-16 code unit. */
class Taken {
  private readonly flags: Uint8Array;
  constructor(length: number) {
    this.flags = new Uint8Array(length + 1);
  }
  mark(start: number, end: number): void {
    this.flags.fill(1, start, end);
  }
  overlaps(start: number, end: number): boolean {
    for (let i = start; i < end; i++) if (this.flags[i]) return true;
    return false;
  }
}

interface LongName extends NameSpan {
  kind: EntityKind;
  words: number;
  shaped: boolean;
}

export function findEntities(
  text: string,
  gazetteer: Gazetteer,
  tagged: TaggedSpan[],
  sentenceOf: (offset: number) => number,
): { entities: AnalysedEntity[]; mentions: Mention[] } {
  const words = scanWords(text);
  const drafts = new Map<string, Draft>();
  const taken = new Taken(text.length);
  const overlaps = (s: number, e: number) => taken.overlaps(s, e);

  const add = (
    id: string,
    kind: EntityKind,
    gz: GazetteerEntity | null,
    start: number,
    end: number,
    source: Mention['source'],
    taggerOnly = false,
  ) => {
    // A name with a quote inside (`تنظيم "الدولة"`) keeps its closing quote.
    const opened = (text.slice(start, end).match(QUOTE_MARKS_G)?.length ?? 0) % 2 === 1;
    if (opened && QUOTE_CLOSERS.has(text[end] ?? '')) end++;
    const surface = text.slice(start, end);
    let d = drafts.get(id);
    if (!d) {
      d = { id, kind, gz, surfaces: new Set(), key: nameKey(surface), mentions: [], role: null, taggerOnly };
      drafts.set(id, d);
    }
    d.taggerOnly &&= taggerOnly;
    d.surfaces.add(surface);
    d.mentions.push({
      entityId: id,
      start,
      end,
      surface,
      type: TYPE_OF_KIND[d.kind],
      sentence: sentenceOf(start),
      source,
    });
    taken.mark(start, end);
  };

  const gzMentions = resolveMentions(gazetteer, gazetteer.findMentions(text));
  const spans = tagged.map((t) => withHyphenatedTail(text, withoutProclitics(text, t, gazetteer)));

  // 1. Long names, longest first: tagger spans that hold a longer name than the gazetteer finds
  //    inside them (`مجلس الرقة المدني` over `الرقة`), organisation names by shape (`مركز تونس
  //    للحريات` over `تونس`), people framed by an honorific and a title. A gazetteer name that
  //    reaches outside one of them wins over it.
  const gzSpans = gzMentions.map((g) => g.mention);
  const gzTaken = new Taken(text.length);
  for (const g of gzSpans) gzTaken.mark(g.start, g.end);
  const long: LongName[] = [];
  for (const t of spans) {
    if (!gzTaken.overlaps(t.start, t.end)) continue;
    const n = wordCount(text, t);
    if (gzSpans.some((g) => g.start >= t.start && g.end <= t.end && n > wordCount(text, g)))
      long.push({ start: t.start, end: t.end, kind: KIND_OF_TYPE[t.type], words: n, shaped: false });
  }
  const known: NameSpan[] = [...gzSpans, ...spans];
  for (const s of findOrganisationNames(text, words, known))
    long.push({ ...s, kind: 'organisation', words: wordCount(text, s), shaped: true });
  for (const s of findTitledPersons(text, words))
    long.push({ ...s, kind: 'person', words: wordCount(text, s), shaped: true });
  long.sort((a, b) => b.words - a.words || a.start - b.start);
  for (const l of long) {
    if (overlaps(l.start, l.end)) continue;
    if (
      gzTaken.overlaps(l.start, l.end) &&
      gzSpans.some((g) => g.start < l.end && g.end > l.start && (g.start < l.start || g.end > l.end))
    )
      continue;
    if (l.shaped && gzSpans.some((g) => g.start === l.start && g.end === l.end)) continue;
    // A person frame that only repeats a tagged person is left to stage 3.
    if (l.shaped && l.kind === 'person' && spans.some((t) => t.start === l.start && t.end === l.end))
      continue;
    const known = gazetteer.lookup(text.slice(l.start, l.end))[0];
    const gz = known ? (gazetteer.get(known) ?? null) : null;
    const id = gz?.id ?? nameId(text.slice(l.start, l.end));
    add(id, drafts.get(id)?.kind ?? gz?.kind ?? l.kind, gz, l.start, l.end, gz ? 'gazetteer' : 'tagger');
  }
  // 2. Gazetteer names.
  for (const { mention, id } of gzMentions) {
    if (!id || overlaps(mention.start, mention.end)) continue;
    const gz = gazetteer.get(id) ?? null;
    if (gz) add(id, gz.kind, gz, mention.start, mention.end, 'gazetteer');
  }
  // 3. The tagger's other names.
  for (const t of spans) {
    if (overlaps(t.start, t.end)) continue;
    const surface = text.slice(t.start, t.end);
    const known = gazetteer.lookup(surface)[0];
    const gz = known ? (gazetteer.get(known) ?? null) : null;
    const id = gz?.id ?? nameId(surface);
    const draft = drafts.get(id);
    add(
      id,
      draft?.kind ?? gz?.kind ?? KIND_OF_TYPE[t.type],
      draft?.gz ?? gz,
      t.start,
      t.end,
      draft ? 'coreference' : gz ? 'gazetteer' : 'tagger',
      !gz && (!draft || draft.taggerOnly),
    );
  }
  // 4. Aliases in parentheses after an organisation's name.
  resolveParentheticalAliases(text, drafts, taken, (id, s, e) => {
    const d = drafts.get(id)!;
    add(id, d.kind, d.gz, s, e, 'coreference');
  });
  // 5. A name's mention completed from another person's; shorter forms of longer names.
  extendNameMentions(text, drafts, taken);
  mergeContainedNames(drafts);
  // 6. Generic short forms of organisations named before (`التنظيم` → تنظيم "الدولة").
  resolveGenericHeads(text, words, drafts, overlaps, (id, s, e) => {
    const d = drafts.get(id)!;
    add(id, d.kind, d.gz, s, e, 'coreference');
  });
  rekeyNames(drafts);
  // 7. Roles: what the text says around each mention of a person; a role with words beyond the
  //    bare title (`سفير إيطاليا لدى تونس`) wins over a bare one (`السفير`), then text order.
  const all = [...drafts.values()].flatMap((d) => d.mentions);
  const ctx = roleContext(text, words, all);
  for (const d of drafts.values()) {
    if (d.kind !== 'person') continue;
    const found: string[] = [];
    for (const m of [...d.mentions].sort((a, b) => a.start - b.start)) {
      const before = roleBefore(ctx, m.start);
      if (before) found.push(before);
      const after = roleAfter(ctx, m.end);
      if (after) found.push(after);
    }
    d.role = found.find((r) => /\s/.test(r.trim())) ?? found[0] ?? null;
  }

  const mentions = [...drafts.values()].flatMap((d) => d.mentions).sort((a, b) => a.start - b.start);
  const entities: AnalysedEntity[] = [...drafts.values()].map((d) => ({
    id: d.id,
    kind: d.kind,
    nameAr: d.gz?.nameAr ?? canonicalSurface(d),
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
  entities.sort((a, b) => b.count - a.count || COLLATOR.compare(a.nameAr, b.nameAr));
  return { entities, mentions };
}

/**
 * The tagger tags whole words: `وجوناثان براغا` → the span of `جوناثان براغا`. What comes off:
 * - the proclitics before an article (`والقاهرة`, `بالقاهرة`); `لل` stays (`للاتحاد`: the
 *   article's alef is gone, and name keys read `لل` as `ال`);
 * - a lone conjunction و that segment() splits (it keeps `وليد`, `وائل` whole);
 * - ب ل ك ف on a word without the article only with evidence: the rest is a gazetteer name
 *   (`بمصر`, `لدمشق`) or stands alone elsewhere in the text. `بيتر`, `فيليب`, `كوفيد` are
 *   names that start with those letters.
 */
function withoutProclitics(text: string, t: TaggedSpan, gazetteer: Gazetteer): TaggedSpan {
  const first = text.slice(t.start, t.end).split(/\s/)[0];
  const ps = segment(first).proclitics;
  if (ps.length === 0) return t;
  let cutParts: string[];
  const article = ps.indexOf('ال');
  if (article >= 0) cutParts = ps.slice(0, article);
  else if (ps.length >= 2 && ps[ps.length - 1] === 'ل' && ps[ps.length - 2] === 'ل')
    cutParts = ps.slice(0, -2);
  else {
    const all = ps.join('').length;
    const rest = text.slice(t.start + all, t.end);
    const evidence = gazetteer.lookup(rest).length > 0 || standsAlone(text, first.slice(all));
    cutParts = evidence ? ps : ps[0] === 'و' ? ['و'] : [];
  }
  const cut = cutParts.join('').length;
  return cut > 0 && cut < first.length ? { ...t, start: t.start + cut } : t;
}

/** Whether `word` occurs in `text` as a word of its own (no letter glued before or after it). */
function standsAlone(text: string, word: string): boolean {
  const isLetter = (i: number) => i >= 0 && i < text.length && /[\p{L}\p{M}]/u.test(text[i]);
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1))
    if (!isLetter(at - 1) && !isLetter(at + word.length)) return true;
  return false;
}

/** A double-barrelled name written with a hyphen (`ليندبرغ-هولم`): the tagger stops at the hyphen. */
const HYPHEN_TAIL = /^[-‐][\p{L}\p{M}]+/u;

function withHyphenatedTail(text: string, t: TaggedSpan): TaggedSpan {
  if (t.type !== 'PERS') return t;
  const tail = HYPHEN_TAIL.exec(text.slice(t.end, t.end + 40));
  return tail ? { ...t, end: t.end + tail[0].length } : t;
}

/**
 * The name an entity goes by when the gazetteer has none: a person's longest form (`محمد عبد
 * العاطي`, not `عبد العاطي`); for other names the form the text uses most, then the longest
 * (`وزارة النقل` over a one-off longer reading).
 */
function canonicalSurface(d: Draft): string {
  const clean = (s: string) => s.replace(/["«»“”]/g, '');
  const byLength = [...d.surfaces].sort((a, b) => b.length - a.length);
  if (d.kind === 'person') return clean(byLength[0]);
  const uses = new Map<string, number>();
  for (const m of d.mentions) uses.set(m.surface, (uses.get(m.surface) ?? 0) + 1);
  // A generic head noun (`الوزارة`) is never the name.
  const named = byLength.filter((s) => nameWords(s).length > 1);
  const pool = named.length > 0 ? named : byLength;
  const name = clean(pool.reduce((a, b) => ((uses.get(b) ?? 0) > (uses.get(a) ?? 0) ? b : a)));
  // `للاتحاد العام …` (ل + الاتحاد) is named `الاتحاد العام …`.
  return name.startsWith('لل') && name.length > 4 ? `ال${name.slice(2)}` : name;
}

/**
 * `شركة الخطوط الجوية الوطنية (ناشونال إير)`, `منظمة الصحة العالمية (WHO)`: the words in parentheses right
 * after an organisation's (or other thing's) name are another name of it. When they are a name
 * the text already gave another entity (a gazetteer alias), the two entities are one.
 */
function resolveParentheticalAliases(
  text: string,
  drafts: Map<string, Draft>,
  taken: Taken,
  add: (id: string, start: number, end: number) => void,
) {
  for (const d of [...drafts.values()]) {
    if (d.kind !== 'organisation' && d.kind !== 'other') continue;
    for (const m of [...d.mentions]) {
      const p = PAREN_ALIAS.exec(text.slice(m.end, m.end + 60));
      if (!p) continue;
      const inner = p[1];
      const innerWords = inner.split(/\s+/);
      // `(يمين)`, `(من أجل …)`: a note, not a name.
      if (innerWords.length > MAX_ALIAS_WORDS || isStopword(innerWords[0]) || NOT_ALIASES.has(innerWords[0]))
        continue;
      const start = m.end + p[0].indexOf(inner);
      const end = start + inner.length;
      const other = [...drafts.values()].find((o) => o.mentions.some((x) => x.start < end && x.end > start));
      const current = drafts.get(d.id) === d ? d : null;
      if (!current) break;
      if (!other) {
        if (taken.overlaps(start, end)) continue;
        add(d.id, start, end);
        // The alias written alone elsewhere (`ناشونال إير` later in the text) is the same entity.
        const alone = drafts.get(nameId(inner));
        if (alone && alone !== d && !alone.gz && alone.kind !== 'person' && alone.kind !== 'place')
          mergeDraft(drafts, alone, d);
      } else if (other !== d && (other.kind === 'organisation' || other.kind === 'other')) {
        if (other.gz && d.gz) continue;
        if (d.gz) mergeDraft(drafts, other, d);
        else mergeDraft(drafts, d, other);
        break;
      }
    }
  }
}

/** Move `from`'s surfaces and mentions into `into`, and drop `from`. */
function mergeDraft(drafts: Map<string, Draft>, from: Draft, into: Draft) {
  if (from === into) return;
  absorb(from, into);
  drafts.delete(from.id);
}

function absorb(from: Draft, into: Draft) {
  if (from.kind === 'person' && into.kind !== 'person' && !into.gz) {
    into.kind = 'person';
    for (const m of into.mentions) m.type = 'PERS';
  }
  for (const s of from.surfaces) into.surfaces.add(s);
  for (const m of from.mentions)
    into.mentions.push({ ...m, entityId: into.id, type: TYPE_OF_KIND[into.kind] });
  into.taggerOnly &&= from.taggerOnly;
}

/**
 * A name that the text also writes longer is the longer name's entity:
 * - a person's partial name (`براغا`, `عبد العاطي`, `خالد عبد الكريم`) whose words are all in
 *   one longer person name of the text; also when the tagger typed the longer span as a place or
 *   organisation (`كارين ليندبرغ` … `ليندبرغ`): its own later reading says person;
 * - another name of two words or more that starts a longer name of the same kind
 *   (`كلية الهندسة` / `كلية الهندسة جامعة القاهرة`, `فيروس كورونا` / `فيروس كورونا المستجد`).
 * Only when exactly one longer name fits: `الأسد` stays apart from `بشار الأسد` when `حافظ
 * الأسد` is in the text too.
 */
function mergeContainedNames(drafts: Map<string, Draft>) {
  /** The longest key among a draft's surfaces (a merged draft keeps its longer one). */
  const keys = new Map<Draft, string[]>();
  for (const d of drafts.values())
    keys.set(
      d,
      [...d.surfaces].map(nameKey).reduce((a, b) => (b.length > a.length ? b : a), d.key),
    );
  const keyOf = (d: Draft) => keys.get(d)!;
  const ordered = [...drafts.values()].sort((a, b) => keyOf(b).length - keyOf(a).length);
  for (const short of ordered) {
    if (drafts.get(short.id) !== short) continue;
    const sk = keyOf(short);
    const fits: Draft[] = [];
    for (const long of drafts.values()) {
      if (long === short) continue;
      const lk = keyOf(long);
      if (lk.length <= sk.length) continue;
      if (short.kind === 'person') {
        if (long.gz && short.gz) continue;
        if (long.kind !== 'person' && !(long.taggerOnly && !long.gz)) continue;
        if (sk.every((w) => lk.includes(w))) fits.push(long);
      } else {
        if (short.gz || long.kind !== short.kind || sk.length < 2) continue;
        if (sk.every((w, i) => lk[i] === w)) fits.push(long);
      }
    }
    if (fits.length === 0 && short.kind === 'person')
      fits.push(...misspeltFamilyName(short, sk, drafts, keyOf));
    const long = pickLonger(short, fits);
    if (!long) continue;
    if (short.gz && !long.gz) {
      mergeDraft(drafts, long, short);
      keys.set(short, keyOf(long));
    } else mergeDraft(drafts, short, long);
  }
}

/** Family names this long or longer may be matched with one letter off. */
const MIN_FUZZY_NAME = 6;

/**
 * A family name alone that is one letter off the family name of a longer person name
 * (`كريستيانسون` for `يوهانس كريستيانسن`, `نتانياهو` for `بنيامين نتنياهو`): transliterated names are
 * spelt two ways in one article. Only for long names, and only when no name fits exactly.
 * Known false positive: two real family names one letter apart in one text (`سليمان`/`سلمان`
 * are too short to be tried).
 */
function misspeltFamilyName(
  short: Draft,
  sk: readonly string[],
  drafts: Map<string, Draft>,
  keyOf: (d: Draft) => string[],
): Draft[] {
  if (sk.length !== 1 || sk[0].length < MIN_FUZZY_NAME || short.gz) return [];
  const out: Draft[] = [];
  for (const d of drafts.values()) {
    if (d === short || d.kind !== 'person') continue;
    const k = keyOf(d);
    if (k.length < 2) continue;
    const family = k[k.length - 1];
    if (family.length >= MIN_FUZZY_NAME - 1 && isOneEditApart(family, sk[0])) out.push(d);
  }
  return out;
}

/** Levenshtein distance of exactly one (one letter added, dropped or changed). */
function isOneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * The one longer name a shorter one belongs to: among several, those named before the short
 * form's first mention (a partial name follows the full one), then the gazetteer's one.
 */
function pickLonger(short: Draft, fits: Draft[]): Draft | null {
  if (fits.length <= 1) return fits[0] ?? null;
  const first = (d: Draft) => Math.min(...d.mentions.map((m) => m.start));
  const before = fits.filter((d) => first(d) < first(short));
  const pool = before.length > 0 ? before : fits;
  if (pool.length === 1) return pool[0];
  const known = pool.filter((d) => d.gz);
  return known.length === 1 ? known[0] : null;
}

/**
 * A name's mention that stops short of a word another person's mention shows next
 * (`كارين ليندبرغ` + `هولم`, seen in `ليندبرغ-هولم`) takes that word in. Only persons and
 * names the tagger alone found (their extent is the tagger's guess); gazetteer names keep theirs.
 */
function extendNameMentions(text: string, drafts: Map<string, Draft>, taken: Taken) {
  const next = new Map<string, Set<string>>();
  for (const d of drafts.values()) {
    if (d.kind !== 'person') continue;
    for (const s of d.surfaces) {
      const w = nameWords(s);
      for (let i = 0; i + 1 < w.length; i++) {
        if (!next.has(w[i])) next.set(w[i], new Set());
        next.get(w[i])!.add(w[i + 1]);
      }
    }
  }
  if (next.size === 0) return;
  for (const d of drafts.values()) {
    if (d.gz || (d.kind !== 'person' && !d.taggerOnly)) continue;
    let changed = false;
    for (const m of d.mentions) {
      const follow = /^ +([\p{L}\p{M}]+)/u.exec(text.slice(m.end, m.end + 40));
      if (!follow) continue;
      const words = nameWords(m.surface);
      const cand = nameWords(follow[1])[0];
      if (!next.get(words[words.length - 1])?.has(cand) || words.includes(cand)) continue;
      const end = m.end + follow[0].length;
      if (taken.overlaps(m.end, end)) continue;
      taken.mark(m.end, end);
      m.end = end;
      m.surface = text.slice(m.start, end);
      changed = true;
    }
    if (changed) d.surfaces = new Set(d.mentions.map((m) => m.surface));
  }
}

/**
 * Names the gazetteer does not know get their id from the name they end up with (`name:` + its
 * key), so a name has one id whichever of its forms came first; two drafts that end up with the
 * same id are one entity.
 */
function rekeyNames(drafts: Map<string, Draft>) {
  for (const d of [...drafts.values()]) {
    if (d.gz || drafts.get(d.id) !== d) continue;
    const id = nameId(canonicalSurface(d));
    if (id === d.id) continue;
    drafts.delete(d.id);
    const other = drafts.get(id);
    d.id = id;
    for (const m of d.mentions) m.entityId = id;
    if (other) absorb(d, other);
    else drafts.set(id, d);
  }
}

/**
 * Attach lone head nouns to the organisation (or place) named with that head: the latest one
 * named before; when none was named before, the only one the text names with that head (a
 * headline or lead may say `الشرطة` before `شرطة الإسكندرية`).
 * Known false positive: a bare `الوزارة` meaning another ministry than the one the text names.
 */
function resolveGenericHeads(
  text: string,
  words: readonly Word[],
  drafts: Map<string, Draft>,
  overlaps: (s: number, e: number) => boolean,
  add: (id: string, start: number, end: number) => void,
) {
  const heads = new Map<Draft, Set<string>>();
  for (const d of drafts.values()) {
    if (d.kind !== 'organisation' && d.kind !== 'place') continue;
    const firsts = new Set<string>();
    for (const s of d.surfaces) {
      const w = nameWords(s);
      if (w.length > 1) firsts.add(withoutArticle(w[0]));
    }
    if (firsts.size > 0) heads.set(d, firsts);
  }
  if (heads.size === 0) return;
  for (const w of words) {
    if (!GENERIC_HEAD_ENDINGS[w.ending]) continue;
    const form = GENERIC_HEAD_FORMS.get(w.fold);
    if (!form) continue;
    const [head, cut] = form;
    const start = offsetAfterLetters(text, w.start, cut);
    const end = w.end;
    if (overlaps(start, end)) continue;
    let best: Draft | null = null;
    let bestAt = -1;
    const withHead: Draft[] = [];
    for (const [d, firsts] of heads) {
      if (!firsts.has(head)) continue;
      withHead.push(d);
      const at = Math.max(...d.mentions.filter((x) => x.start < start).map((x) => x.start), -1);
      if (at > bestAt) {
        best = d;
        bestAt = at;
      }
    }
    if (!best && withHead.length === 1) best = withHead[0];
    if (best && drafts.get(best.id) === best) add(best.id, start, end);
  }
}
