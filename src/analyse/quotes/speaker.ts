// Who speaks: the subject phrase of a cue split into name and role, and its source type.
//   "مدير العمليات في التحالف، "جوناثان براغا""  → name جوناثان براغا, role مدير العمليات في التحالف
//   "الفريق مهندس كامل الوزير وزير النقل"        → name كامل الوزير, role وزير النقل
//   "مصادر خاصة"                                 → anonymous, no name
// Mentions (from the tagger or the gazetteer) decide names and organisations when given; without
// them the head noun, the given names and places of data/ner and the shape of the words do.

import type { QuoteSourceType } from '../../model/analysis.js';
import { type Doc, mentionsIn, spanOf } from './doc.js';
import {
  ANONYMOUS_HEADS,
  bareOf,
  DOCUMENT_HEADS,
  KIN_WORDS,
  MEDIA_HEADS,
  NON_SPEAKER_HEADS,
  NOT_IN_SUBJECT,
  ORGANISATION_HEADS,
  OUTLET_NAMES,
  PHRASE_LINKS,
  QUANTIFIERS,
  RELIGIOUS_SUBJECTS,
  RESEARCH_HEADS,
  RESEARCH_WORDS,
  ROLE_HEADS,
  SPEAKER_ADJECTIVES,
  STATEMENT_NOUNS,
  stemOf,
  TIME_WORDS,
  TITLES,
} from './lexicon.js';
import { loadNameKnowledge } from './names.js';

/** A comma-separated part of a subject, as token range [from, to). */
export interface Segment {
  from: number;
  to: number;
  /** Introduced by وهو/وهي: a description of the speaker (his role). */
  appositive: boolean;
  /** The whole segment is one quoted span: `، "جوناثان براغا"،`. */
  quoted: boolean;
}

export interface Speaker {
  text: string;
  start: number;
  end: number;
  id: string | null;
  role: string | null;
  type: QuoteSourceType;
  /** Head noun without و/ف and the article (مصادر, وزير, بيان), for "وأضاف المصادر" → the same sources. */
  head: string;
  /** Head of the role, when there is a role. */
  roleHead: string | null;
  /** Folded words of the name (for "وقال مجاهد" after "خالد مجاهد"). */
  nameKeys: string[];
  /** A bare definite noun (المصادر، الوزير، البيان, الصحيفة) that may point back to a speaker. */
  anaphoric: boolean;
  /** The speaker spoke through a بيان (official statement). */
  official: boolean;
}

/** Institutions whose phrase makes a "وكالة"/"شبكة" an organisation, not an outlet. */
const NOT_MEDIA_WORDS = new Set([
  'لحقوق',
  'حقوق',
  'للطاقه',
  'الطاقه',
  'الامم',
  'لغوث',
  'غوث',
  'للتنميه',
  'الفضاء',
]);

/** Suffixes of nisba adjectives and plural adjectives: أمريكي، عسكرية، ميدانيون، محليين. */
const NISBA_RE = /(?:ي|يه|يون|يين|يات)$/;

/** Sound masculine plurals (ناشطون، اقتصاديين): a group of unnamed people when nothing names them. */
const HUMAN_PLURAL_RE = /^[^ ]{3,}(?:ون|ين)$/;

/** Pronoun endings of a possessed noun (زوجها، ابنته، شقيقهم). */
const POSSESSIVE_RE = /(?:ه|ها|هم|هما|هن)$/;

/** Demonstratives after an anaphoric noun: المصدر ذاته، المصادر نفسها. */
const SAME_WORDS = new Set(['ذاته', 'ذاتها', 'نفسه', 'نفسها', 'نفسهم', 'المذكور', 'المذكوره', 'ذاتهم']);

function isDefinite(key: string): boolean {
  return (
    key.startsWith('ال') ||
    key.startsWith('لل') ||
    (key.length > 3 && 'وفبك'.includes(key[0]) && key.startsWith('ال', 1))
  );
}

/** Is the word in one of the sets (whole, without its article, or as a stem)? */
function inAny(key: string, ...sets: ReadonlySet<string>[]): boolean {
  const bare = bareOf(key);
  // ل/ب glued to an indefinite noun, which segment() leaves alone when unsure (لمديرية، بوزارة).
  const unglued =
    key.length > 4 && (key[0] === 'ل' || key[0] === 'ب') && key[1] !== 'ا' ? key.slice(1) : bare;
  // The accusative ending ـًا (مصدرًا) after the fold is a bare ا.
  const nominative = bare.length > 3 && bare.endsWith('ا') ? bare.slice(0, -1) : bare;
  let stem: string | null = null;
  for (const s of sets) {
    if (s.has(key) || s.has(bare) || s.has(unglued) || s.has(nominative)) return true;
    stem ??= stemOf(key);
    if (s.has(stem)) return true;
  }
  return false;
}

/** A relative with a pronoun: زوجها، ابنته. */
function isKin(key: string): boolean {
  if (!POSSESSIVE_RE.test(key)) return false;
  return KIN_WORDS.has(stemOf(key)) || KIN_WORDS.has(key.replace(POSSESSIVE_RE, '').replace(/ت$/, 'ه'));
}

/** The word tokens of [from, to) (quotation marks and other punctuation left out). */
export function wordsOf(doc: Doc, from: number, to: number): number[] {
  const out: number[] = [];
  for (let k = from; k < to; k++) if (doc.tokens[k].kind !== 'punctuation') out.push(k);
  return out;
}

type MentionKind = 'PERS' | 'ORG' | 'LOC' | 'MISC' | null;

function mentionKind(doc: Doc, k: number): MentionKind {
  if (doc.mentions.length === 0) return null;
  const { start, end } = spanOf(doc, k, k + 1);
  const ms = mentionsIn(doc, start, end);
  return ms.length > 0 ? ms[0].type : null;
}

/**
 * Could token k start (or, with `afterName`, continue) a personal name? Not a lexicon word, not a
 * link, not a place, not a word with a preposition glued to it (لتنسيق، بالغرفة); the article
 * only inside a name (بشار الأسد، كامل الوزير).
 */
function isNameLike(doc: Doc, k: number, afterName: boolean): boolean {
  const t = doc.tokens[k];
  if (t.kind !== 'word') return false;
  const m = mentionKind(doc, k);
  if (m === 'PERS') return true;
  if (m !== null) return false;
  const key = doc.keys[k];
  if (PHRASE_LINKS.has(key) || NOT_IN_SUBJECT.has(key) || TIME_WORDS.has(key) || SPEAKER_ADJECTIVES.has(key))
    return false;
  const names = loadNameKnowledge();
  if (names.given.has(key)) return true;
  if (names.places.has(key) || names.places.has(bareOf(key))) return false;
  if (isDefinite(key)) return afterName && key.startsWith('ال');
  if (isKin(key)) return false;
  // Plurals of people are no names: اقتصاديون، مراقبين، سياسيون (حسين، ياسين are given names).
  if (/(?:يون|يين)$/.test(key) || (key.length >= 7 && /(?:ون|ين)$/.test(key))) return false;
  // ل/ب/ك glued to a noun (لتنسيق، بقيادة): segment() splits it; names are protected from it.
  if ('لبك'.includes(key[0]) && stemOf(key).length < key.length) return false;
  if (
    inAny(
      key,
      ROLE_HEADS,
      ORGANISATION_HEADS,
      MEDIA_HEADS,
      DOCUMENT_HEADS,
      ANONYMOUS_HEADS,
      TITLES,
      QUANTIFIERS,
    )
  ) {
    return false;
  }
  return true;
}

/** A role head without the article: وزير النقل, المتحدث… after a name starts a trailing role. */
function isIndefiniteRoleHead(key: string): boolean {
  return !isDefinite(key) && ROLE_HEADS.has(key);
}

function isTitle(key: string): boolean {
  return TITLES.has(key);
}

/** Index of the head word: past titles, and past a quantifier (آخر الإحصائيات، أحد العاملين). */
function headIndex(doc: Doc, words: number[]): { h: number; titled: boolean; quantified: boolean } {
  let h = 0;
  while (h < words.length - 1 && isTitle(doc.keys[words[h]])) h++;
  const titled = h > 0;
  let quantified = false;
  while (
    h < words.length - 1 &&
    (QUANTIFIERS.has(doc.keys[words[h]]) || doc.tokens[words[h]].kind === 'number')
  ) {
    h++;
    quantified = true;
  }
  // "عدد من المصادر": skip the من after a quantifier.
  if (quantified && h < words.length - 1 && doc.keys[words[h]] === 'من') h++;
  return { h, titled, quantified };
}

/** The source type of a phrase from its head noun and its words. */
export function classifyPhrase(doc: Doc, words: number[], named: boolean): QuoteSourceType {
  if (words.length === 0) return 'named-person';
  const { h, titled, quantified } = headIndex(doc, words);
  if (titled) return 'named-person';
  const key = doc.keys[words[h]];
  const keys = words.map((k) => doc.keys[k]);
  const phrase = keys.join(' ');
  if (inAny(key, STATEMENT_NOUNS)) return 'official-statement';
  if (inAny(key, DOCUMENT_HEADS)) return 'document';
  if (inAny(key, RESEARCH_HEADS) && keys.some((w) => inAny(w, RESEARCH_WORDS))) return 'document';
  if (inAny(key, MEDIA_HEADS) && !keys.some((w) => NOT_MEDIA_WORDS.has(w))) return 'media';
  const unprefixed = phrase.replace(/^(?:و|ف)?(?:ل|ب)?/, '');
  if (OUTLET_NAMES.some((o) => phrase === o || phrase.startsWith(`${o} `) || unprefixed === o))
    return 'media';
  const m = mentionKind(doc, words[h]);
  if (named || m === 'PERS') return 'named-person';
  if (inAny(key, ANONYMOUS_HEADS) || isKin(key)) return 'anonymous';
  // "أحد العاملين"، "ثلاثة مسؤولين": some of a group, unnamed.
  if (quantified && !inAny(key, ORGANISATION_HEADS)) return 'anonymous';
  if (m === 'ORG') return 'organisation';
  if (inAny(key, ROLE_HEADS)) {
    // An unnamed indefinite role is anonymous ("خبير عسكري"، "مسؤول أمريكي رفيع"، "مسؤول في
    // الحكومة"); a construct that ends in a definite word names an office ("وزير الخارجية"،
    // "وزراء خارجية دول الخليج").
    if (isDefinite(key)) return 'named-person';
    let office = false;
    for (let i = h + 1; i < words.length && !office; i++) {
      const w = doc.keys[words[i]];
      if (PHRASE_LINKS.has(w)) break;
      office = isDefinite(w);
    }
    return office ? 'named-person' : 'anonymous';
  }
  if (inAny(key, ORGANISATION_HEADS)) return 'organisation';
  if (!isDefinite(key) && HUMAN_PLURAL_RE.test(key)) return 'anonymous';
  return isDefinite(key) ? 'organisation' : 'named-person';
}

/** Is the head of this phrase something that speaks? (Not "الواقع", not "تعالى".) */
export function isSpeakerPhrase(doc: Doc, words: number[]): boolean {
  if (words.length === 0) return true;
  const key = doc.keys[words[0]];
  const bare = key.length > 2 && key[0] === 'و' ? key.slice(1) : key;
  return !NON_SPEAKER_HEADS.has(key) && !NON_SPEAKER_HEADS.has(bare) && !RELIGIOUS_SUBJECTS.has(key);
}

/**
 * Does the phrase look like a speaker by its words alone (a lexicon head, a title, an outlet or
 * a PERS/ORG mention)? Used where a bare name is not enough evidence: SVO subjects and the X of
 * "وفقًا لـX", which is more often a rule than a source.
 */
export function isKnownSpeaker(doc: Doc, words: number[]): boolean {
  if (words.length === 0) return false;
  const { h } = headIndex(doc, words);
  // A mention counts at the head only: "استنادًا إلى خبرة المفوضية" is no source.
  const m = mentionKind(doc, words[h]);
  if (m === 'PERS' || m === 'ORG') return true;
  const key = doc.keys[words[h]];
  if (
    inAny(
      key,
      ANONYMOUS_HEADS,
      MEDIA_HEADS,
      DOCUMENT_HEADS,
      ORGANISATION_HEADS,
      ROLE_HEADS,
      STATEMENT_NOUNS,
      TITLES,
    )
  ) {
    return true;
  }
  const phrase = words.map((k) => doc.keys[k]).join(' ');
  const unprefixed = phrase.replace(/^(?:و|ف)?(?:ل|ب)?/, '');
  return OUTLET_NAMES.some((o) => phrase === o || phrase.startsWith(`${o} `) || unprefixed.startsWith(o));
}

interface NameRole {
  name: number[] | null;
  role: number[] | null;
}

/** Two words joined by a hyphen without spaces: فيريرو-فالدنر. */
function hyphenated(doc: Doc, a: number, b: number): boolean {
  return (
    b === a + 2 &&
    doc.keys[a + 1] === '-' &&
    doc.tokens[a].end === doc.tokens[a + 1].start &&
    doc.tokens[a + 1].end === doc.tokens[b].start
  );
}

/** Where a name that starts at words[j] ends: before a role head, a link word or a non-name. */
function nameEndFrom(doc: Doc, words: number[], j: number): number {
  let e = j + 1;
  while (e < words.length && e - j < 5) {
    if (hyphenated(doc, words[e - 1], words[e])) {
      e++;
      continue;
    }
    const key = doc.keys[words[e]];
    if (isIndefiniteRoleHead(key) || PHRASE_LINKS.has(key)) break;
    if (!isNameLike(doc, words[e], true)) break;
    e++;
  }
  return e;
}

/**
 * The name inside a role-first phrase ("نائب رئيس شعبة الذهب بالغرفة التجارية إيهاب واصف"):
 * a name-like word not right after a link word, preferring a known given name, then the first
 * whose name runs to the end of the phrase (or to a trailing role), then the last one.
 */
function nameAfterRole(doc: Doc, words: number[], from: number): { start: number; end: number } | null {
  const names = loadNameKnowledge();
  const starts: number[] = [];
  for (let j = from; j < words.length; j++) {
    if (PHRASE_LINKS.has(doc.keys[words[j - 1]] ?? '')) continue;
    if (isNameLike(doc, words[j], false)) starts.push(j);
  }
  if (starts.length === 0) return null;
  const reachesEnd = (j: number) => {
    const e = nameEndFrom(doc, words, j);
    return e === words.length || isIndefiniteRoleHead(doc.keys[words[e]]);
  };
  const given = starts.find((j) => names.given.has(doc.keys[words[j]]) && reachesEnd(j));
  const pick = given ?? starts.find(reachesEnd) ?? starts[starts.length - 1];
  return { start: pick, end: reachesEnd(pick) ? nameEndFrom(doc, words, pick) : words.length };
}

/** Split one segment's words into a name and a role. */
function splitSegment(doc: Doc, words: number[]): NameRole {
  if (words.length === 0) return { name: null, role: null };
  // With mentions: the person mention is the name, the words around it the role.
  const pers = words.filter((k) => mentionKind(doc, k) === 'PERS');
  if (pers.length > 0) {
    const a = words.indexOf(pers[0]);
    let b = a;
    while (
      b + 1 < words.length &&
      (mentionKind(doc, words[b + 1]) === 'PERS' || hyphenated(doc, words[b], words[b + 1]))
    ) {
      b++;
    }
    const before = words.slice(0, a).filter((k) => !isTitle(doc.keys[k]));
    const after = words.slice(b + 1);
    const role =
      before.length > 0 ? before : after.length > 0 && inAny(doc.keys[after[0]], ROLE_HEADS) ? after : null;
    return { name: words.slice(a, b + 1), role };
  }
  const { h: i, titled, quantified } = headIndex(doc, words);
  const headKey = doc.keys[words[i]];
  // Unnamed sources have no name to find ("مصدر مطلع", "أحد العاملين"، "زوجها").
  if (quantified || isKin(headKey)) return { name: null, role: null };
  if (inAny(headKey, ANONYMOUS_HEADS) && !inAny(headKey, ROLE_HEADS)) return { name: null, role: null };
  if (!titled && inAny(headKey, ROLE_HEADS)) {
    // Adjectives after an indefinite head ("مسؤول أمريكي") are no name.
    const next = words[i + 1];
    if (
      next !== undefined &&
      !isDefinite(headKey) &&
      !isDefinite(doc.keys[next]) &&
      NISBA_RE.test(doc.keys[next])
    ) {
      const rest = words.slice(i + 2);
      if (rest.length === 0 || !rest.some((k) => loadNameKnowledge().given.has(doc.keys[k]))) {
        return { name: null, role: null };
      }
    }
    const name = nameAfterRole(doc, words, i + 1);
    if (!name) return { name: null, role: words.slice(i) };
    // The role before the name; after it only what follows an indefinite role head is no role
    // of the speaker's ("النائب … مهند الساير وزير الداخلية": the minister is the object).
    return { name: words.slice(name.start, name.end), role: words.slice(i, name.start) };
  }
  if (!titled && !isNameLike(doc, words[i], false)) return { name: null, role: null };
  // Name first (after any titles), then perhaps a role: "كامل الوزير وزير النقل".
  const nameEnd = nameEndFrom(doc, words, i);
  const rest = words.slice(nameEnd);
  return { name: words.slice(i, nameEnd), role: rest.length > 0 ? rest : null };
}

/**
 * Original text of the words' range; a quotation mark at either end is kept when its partner is
 * inside (`تنظيم "الدولة"`), dropped when it is outside (`"جوناثان براغا"` → جوناثان براغا).
 */
function textOf(doc: Doc, words: number[]): { text: string; start: number; end: number } {
  const first = words[0];
  let last = words[words.length - 1];
  const span = last + 1 < doc.tokens.length ? doc.closerSpan[last + 1] : -1;
  if (span >= 0 && doc.marks[span].open > first) last++;
  const a = spanOf(doc, first, first + 1).start;
  const b = spanOf(doc, last, last + 1).end;
  return { text: doc.text.slice(a, b), start: a, end: b };
}

/**
 * The speaker of a subject made of comma-separated segments (the first is the subject proper,
 * the others appositions: a quoted name, a role, "وهو …"). Null when the head does not speak.
 */
export function analyseSubject(doc: Doc, segments: Segment[]): Speaker | null {
  const segWords = segments.map((s) => wordsOf(doc, s.from, s.to));
  if (segWords.length === 0 || segWords[0].length === 0) return null;
  const primary = segWords[0];
  if (primary.length === 0 || !isSpeakerPhrase(doc, primary)) return null;
  let { name, role } = splitSegment(doc, primary);
  // Appositions: a quoted or name-like segment is the name, a role-headed one the role; a
  // role-headed one may hold the name too ("الناطقة باسم الحكومة، الوزيرة جمانة غنيمات").
  for (let s = 1; s < segWords.length; s++) {
    const w = segWords[s];
    if (w.length === 0) continue;
    const seg = segments[s];
    const roleLike = seg.appositive || inAny(doc.keys[w[0]], ROLE_HEADS, TITLES);
    if (!name && seg.quoted) {
      name = w;
      role ??= primary;
    } else if (!name && roleLike && !seg.appositive) {
      const inner = splitSegment(doc, w);
      if (inner.name) {
        name = inner.name;
        role ??= primary;
      }
    } else if (!name && !roleLike && isNameLike(doc, w[0], false) && w.length <= 4) {
      name = w;
      role ??= primary;
    } else if (name && !role && roleLike) {
      role = w;
    }
  }
  const named = name !== null;
  let type = classifyPhrase(doc, primary, named);
  if (type === 'organisation' && named) type = 'named-person';
  const { h } = headIndex(doc, primary);
  const who = textOf(doc, name ?? primary.slice(primary.length > 1 && isTitle(doc.keys[primary[0]]) ? 1 : 0));
  const roleText = role && role.length > 0 ? textOf(doc, role).text : null;
  // The entity: a mention that covers the name, or (for an organisation) the head.
  let id: string | null = null;
  const ms = mentionsIn(doc, who.start, who.end);
  if (ms.length > 0 && (named || type !== 'named-person')) id = ms[0].entityId;
  const head = bareOf(doc.keys[primary[h]]);
  const anaphoric =
    !named &&
    isDefinite(doc.keys[primary[0]]) &&
    (primary.length === 1 || (primary.length === 2 && SAME_WORDS.has(doc.keys[primary[1]])));
  return {
    text: who.text,
    start: who.start,
    end: who.end,
    id,
    role: roleText,
    type,
    head,
    roleHead: role && role.length > 0 ? bareOf(doc.keys[role[0]]) : null,
    nameKeys: name ? name.map((k) => doc.keys[k]) : [],
    anaphoric,
    official: type === 'official-statement',
  };
}
