// Who speaks: the subject phrase of a cue split into name and role, and its source type.
//   "مدير العمليات في التحالف، "جوناثان براغا""  → name جوناثان براغا, role مدير العمليات في التحالف
//   "الفريق مهندس كامل الوزير وزير النقل"        → name كامل الوزير, role وزير النقل
//   "مصادر خاصة"                                 → anonymous, no name
// Mentions (from the tagger or the gazetteer) decide names and organisations when given; without
// them the head noun and the shape of the words do.

import type { QuoteSourceType } from '../../model/analysis.js';
import { type Doc, mentionsIn, spanOf } from './doc.js';
import {
  ANONYMOUS_HEADS,
  DOCUMENT_HEADS,
  MEDIA_HEADS,
  NON_SPEAKER_HEADS,
  NOT_IN_SUBJECT,
  ORGANISATION_HEADS,
  OUTLET_NAMES,
  PHRASE_LINKS,
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
  /** Stem of the head noun (مصادر, وزير, بيان), for "وأضاف المصادر" → the same sources. */
  head: string;
  /** Stem of the role's head noun, when there is a role. */
  roleHead: string | null;
  /** Folded words of the name (for "وقال مجاهد" after "خالد مجاهد"). */
  nameKeys: string[];
  /** A bare definite noun (المصادر، الوزير، البيان, الصحيفة) that may point back to a speaker. */
  anaphoric: boolean;
  /** The speaker spoke through a بيان (official statement). */
  official: boolean;
}

/** Institutions whose phrase makes a "وكالة"/"شبكة" an organisation, not an outlet. */
const NOT_MEDIA_WORDS = new Set(['لحقوق', 'حقوق', 'للطاقه', 'الطاقه', 'الامم', 'لغوث', 'غوث', 'للتنميه', 'الفضاء']);

/** Suffixes of nisba adjectives and plural adjectives: أمريكي، عسكرية، ميدانيون، محليين. */
const NISBA_RE = /(?:ي|يه|يون|يين|يات)$/;

/** Quantifiers before a head noun: آخر الإحصائيات، أحدث تقرير. */
const QUANTIFIERS = new Set(['اخر', 'احدث']);

/** Demonstratives after an anaphoric noun: المصدر ذاته، المصادر نفسها. */
const SAME_WORDS = new Set(['ذاته', 'ذاتها', 'نفسه', 'نفسها', 'نفسهم', 'المذكور', 'المذكوره', 'ذاتهم']);

function isDefinite(key: string): boolean {
  return key.startsWith('ال') || key.startsWith('لل') || (key.length > 3 && 'وفبك'.includes(key[0]) && key.startsWith('ال', 1));
}

function inAny(key: string, stem: string, ...sets: ReadonlySet<string>[]): boolean {
  for (const s of sets) if (s.has(key) || s.has(stem)) return true;
  return false;
}

/** The word tokens of [from, to) (quotation marks and other punctuation left out). */
export function wordsOf(doc: Doc, from: number, to: number): number[] {
  const out: number[] = [];
  for (let k = from; k < to; k++) if (doc.tokens[k].kind !== 'punctuation') out.push(k);
  return out;
}

type MentionKind = 'PERS' | 'ORG' | 'LOC' | 'MISC' | null;

function mentionKind(doc: Doc, k: number): MentionKind {
  const { start, end } = spanOf(doc, k, k + 1);
  const ms = mentionsIn(doc, start, end);
  return ms.length > 0 ? ms[0].type : null;
}

/** Could token k start or continue a personal name? (Not a lexicon word, not a link, not definite.) */
function isNameLike(doc: Doc, k: number, afterName: boolean): boolean {
  const t = doc.tokens[k];
  if (t.kind !== 'word') return false;
  const m = mentionKind(doc, k);
  if (m === 'PERS') return true;
  if (m !== null) return false;
  const key = doc.keys[k];
  if (PHRASE_LINKS.has(key) || NOT_IN_SUBJECT.has(key) || TIME_WORDS.has(key) || SPEAKER_ADJECTIVES.has(key)) return false;
  // A family name may carry the article (بشار الأسد، كامل الوزير) once the name has started.
  if (isDefinite(key)) return afterName;
  const stem = stemOf(key);
  if (inAny(key, stem, ROLE_HEADS, ORGANISATION_HEADS, MEDIA_HEADS, DOCUMENT_HEADS, ANONYMOUS_HEADS, TITLES)) {
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

/** The source type of a phrase from its head noun (first non-title word) and its words. */
export function classifyPhrase(doc: Doc, words: number[], named: boolean): QuoteSourceType {
  if (words.length === 0) return 'named-person';
  let h = 0;
  while (h < words.length - 1 && isTitle(doc.keys[words[h]])) h++;
  if (h > 0) return 'named-person';
  // "آخر الإحصائيات"، "أحدث تقرير": the quantifier is not the head.
  if (words.length > 1 && QUANTIFIERS.has(doc.keys[words[0]])) h = 1;
  const key = doc.keys[words[h]];
  const stem = stemOf(key);
  const stems = words.map((k) => doc.keys[k]);
  const phrase = stems.join(' ');
  if (inAny(key, stem, STATEMENT_NOUNS)) return 'official-statement';
  if (inAny(key, stem, DOCUMENT_HEADS)) return 'document';
  if (inAny(key, stem, RESEARCH_HEADS) && stems.some((w) => RESEARCH_WORDS.has(w) || RESEARCH_WORDS.has(stemOf(w)))) {
    return 'document';
  }
  if (inAny(key, stem, MEDIA_HEADS) && !stems.some((w) => NOT_MEDIA_WORDS.has(w))) return 'media';
  const unprefixed = phrase.replace(/^(?:و|ف)?(?:ل|ب)?/, '');
  if (OUTLET_NAMES.some((o) => phrase === o || phrase.startsWith(`${o} `) || unprefixed === o)) return 'media';
  const m = mentionKind(doc, words[h]);
  if (inAny(key, stem, ANONYMOUS_HEADS) && !named && m !== 'PERS') return 'anonymous';
  if (m === 'PERS' || named) return 'named-person';
  if (m === 'ORG') return 'organisation';
  if (inAny(key, stem, ROLE_HEADS)) {
    // An unnamed indefinite role ("خبير عسكري"، "مسؤول أمريكي"): an anonymous source.
    const next = words[h + 1];
    if (!isDefinite(key) && (next === undefined || !isDefinite(doc.keys[next]))) return 'anonymous';
    return 'named-person';
  }
  if (inAny(key, stem, ORGANISATION_HEADS)) return 'organisation';
  return isDefinite(key) ? 'organisation' : 'named-person';
}

/** Is the head of this phrase something that speaks? (Not "الواقع", not "تعالى".) */
export function isSpeakerPhrase(doc: Doc, words: number[]): boolean {
  if (words.length === 0) return false;
  const key = doc.keys[words[0]];
  return !NON_SPEAKER_HEADS.has(key) && !RELIGIOUS_SUBJECTS.has(key);
}

/**
 * Does the phrase look like a speaker by its words alone (a lexicon head, a title, an outlet or
 * a PERS/ORG mention)? Used where a bare name is not enough evidence: SVO subjects and the X of
 * "وفقًا لـX", which is more often a rule than a source.
 */
export function isKnownSpeaker(doc: Doc, words: number[]): boolean {
  if (words.length === 0) return false;
  for (const k of words.slice(0, 3)) {
    const m = mentionKind(doc, k);
    if (m === 'PERS' || m === 'ORG') return true;
  }
  const key = doc.keys[words[0]];
  const stem = stemOf(key);
  if (
    inAny(
      key,
      stem,
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
  // "آخر الإحصائيات"، "أحدث تقرير": a quantifier before a document head.
  if (words.length > 1 && QUANTIFIERS.has(key)) {
    const k2 = doc.keys[words[1]];
    if (inAny(k2, stemOf(k2), DOCUMENT_HEADS)) return true;
  }
  const phrase = words.map((k) => doc.keys[k]).join(' ');
  return OUTLET_NAMES.some((o) => phrase === o || phrase.startsWith(`${o} `));
}

interface NameRole {
  name: number[] | null;
  role: number[] | null;
}

/** Split one segment's words into a name and a role. */
function splitSegment(doc: Doc, words: number[]): NameRole {
  if (words.length === 0) return { name: null, role: null };
  // With mentions: the person mention is the name, the words around it the role.
  const pers = words.filter((k) => mentionKind(doc, k) === 'PERS');
  if (pers.length > 0) {
    const a = words.indexOf(pers[0]);
    let b = a;
    while (b + 1 < words.length && mentionKind(doc, words[b + 1]) === 'PERS') b++;
    const before = words.slice(0, a).filter((k) => !isTitle(doc.keys[k]));
    const after = words.slice(b + 1);
    const role = before.length > 0 ? before : after.length > 0 && ROLE_HEADS.has(stemOf(doc.keys[after[0]])) ? after : null;
    return { name: words.slice(a, b + 1), role };
  }
  let i = 0;
  while (i < words.length - 1 && isTitle(doc.keys[words[i]])) i++;
  const titled = i > 0;
  const headKey = doc.keys[words[i]];
  const headStem = stemOf(headKey);
  // Unnamed sources have no name to find ("مصدر مطلع", "مسؤول أمريكي رفيع").
  if (inAny(headKey, headStem, ANONYMOUS_HEADS) && !ROLE_HEADS.has(headStem)) return { name: null, role: null };
  if (!titled && inAny(headKey, headStem, ROLE_HEADS)) {
    // Role first: the name starts at the first name-like word after it.
    let j = i + 1;
    while (j < words.length && !isNameLike(doc, words[j], false)) j++;
    // Adjectives after an indefinite head ("مسؤول أمريكي") are no name.
    if (j < words.length && !isDefinite(headKey) && NISBA_RE.test(doc.keys[words[j]]) && j === i + 1) {
      return { name: null, role: null };
    }
    if (j >= words.length) return { name: null, role: words.slice(i) };
    const nameEnd = nameEndFrom(doc, words, j);
    return { name: words.slice(j, nameEnd), role: words.slice(i, j) };
  }
  if (
    !titled &&
    inAny(headKey, headStem, ORGANISATION_HEADS, MEDIA_HEADS, DOCUMENT_HEADS, STATEMENT_NOUNS) &&
    !isNameLike(doc, words[i], false)
  ) {
    return { name: null, role: null };
  }
  if (!titled && !isNameLike(doc, words[i], false)) return { name: null, role: null };
  // Name first (after any titles), then perhaps a role: "كامل الوزير وزير النقل".
  const nameEnd = nameEndFrom(doc, words, i);
  const rest = words.slice(nameEnd);
  return { name: words.slice(i, nameEnd), role: rest.length > 0 ? rest : null };
}

/** Where a name that starts at words[j] ends: before an indefinite role head, a link word or a non-name. */
function nameEndFrom(doc: Doc, words: number[], j: number): number {
  let e = j + 1;
  while (e < words.length && e - j < 5) {
    const key = doc.keys[words[e]];
    if (isIndefiniteRoleHead(key) || PHRASE_LINKS.has(key)) break;
    if (!isNameLike(doc, words[e], true)) break;
    e++;
  }
  return e;
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
  if (!isSpeakerPhrase(doc, primary)) return null;
  let { name, role } = splitSegment(doc, primary);
  // Appositions: a quoted or name-like segment is the name, a role-headed one the role.
  for (let s = 1; s < segWords.length; s++) {
    const w = segWords[s];
    if (w.length === 0) continue;
    const seg = segments[s];
    const head = doc.keys[w[0]];
    const roleLike = seg.appositive || ROLE_HEADS.has(stemOf(head)) || ROLE_HEADS.has(head);
    if (!name && (seg.quoted || (!roleLike && isNameLike(doc, w[0], false) && w.length <= 4))) {
      name = w;
      if (!role) role = primary;
    } else if (name && !role && roleLike) {
      role = w;
    }
  }
  const named = name !== null;
  let type = classifyPhrase(doc, primary, named);
  if (type === 'organisation' && named) type = 'named-person';
  const who = textOf(doc, name ?? primary.filter((k, i) => i > 0 || !isTitle(doc.keys[k]) || primary.length === 1));
  const roleText = role && role.length > 0 ? textOf(doc, role).text : null;
  // The entity: a mention that covers the name, or (for an organisation) the head.
  let id: string | null = null;
  const ms = mentionsIn(doc, who.start, who.end);
  if (ms.length > 0 && (named || type !== 'named-person')) id = ms[0].entityId;
  const headWord = primary.find((k) => !isTitle(doc.keys[k])) ?? primary[0];
  const head = stemOf(doc.keys[headWord]);
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
    roleHead: role && role.length > 0 ? stemOf(doc.keys[role[0]]) : null,
    nameKeys: name ? name.map((k) => doc.keys[k]) : [],
    anaphoric,
    official: type === 'official-statement',
  };
}
