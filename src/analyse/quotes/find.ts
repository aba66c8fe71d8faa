// findQuotes: attributed statements in Arabic news text — who said what, in which words, and what
// kind of source it is. Two passes over the tokens of the folded text:
//
//   1. cues (detectCandidates): every speech cue of data/cue-verbs.tsv is read where it stands —
//      a) a verb (وقال، أكدت، يقول) with its subject and its complement: إن/أن + clause, a colon,
//         a quotation, or على + noun for أكد/شدد; the subject may come after the verb (VSO, the
//         news norm), before it (SVO: "مصدر مطلع قال إن"; "أما X فقال"), be the noun a relative
//         clause hangs on ("X الذي أكد أن"), or be absent (وأضاف → the speaker goes on); a verb
//         right after a quotation (`"…"، قال الوزير`) takes that quotation;
//      b) a participle (مشيرًا إلى أن، مؤكدةً أن) continuing the sentence's speaker;
//      c) an attribution (وحسب X، …؛ …، وفقًا لـX؛ نقلًا عن X) before or after its clause;
//      d) a nominal cue (وجاء في البيان، إن …).
//      Each cue that opens a new clause (و/ف + verb, "، قال", "في حين قال", participles,
//      attributions) is also a cut point: the reported speech before it ends there.
//   2. assembly (in text order, Assembler): subjects become speakers (speaker.ts); bare definite
//      subjects (المصادر، البيان، الوزير) point back to earlier speakers; an absent subject is the
//      sentence's own speaker or the previous one; statements run from the complement to the end
//      of the sentence or the next cut point, and a quotation that makes up the whole complement
//      is the statement itself.
//
// Offsets are UTF-16 offsets in the original text (through the fold's offset map).

import type { Quote, QuoteSourceType } from '../../model/analysis.js';
import {
  type CueEntry,
  type CueHit,
  type CueKind,
  type CueLexicon,
  loadCueLexicon,
  lookupCue,
} from './cues.js';
import { type Doc, isComma, type MentionHint, prepareDoc, spanOf } from './doc.js';
import {
  ADDRESSEE_WORDS,
  ADJUNCT_OPENERS,
  ALA,
  ASIDE_OBJECTS,
  ASIDE_OPENERS,
  bareOf,
  CLAUSE_OPENERS,
  COMPLEMENTIZERS,
  CUE_PARTICLES,
  DOCUMENT_HEADS,
  FEELING_NOUNS,
  GROUP_PLURALS,
  HEAD_ATTRIBUTION_OPENERS,
  MEDIA_HEADS,
  NOT_IN_SUBJECT,
  OCCASION_NOUNS,
  RELATIVE_PRONOUNS,
  RELIGIOUS_SUBJECTS,
  STATEMENT_NOUNS,
  stemOf,
  TIME_WORDS,
  TURN_WORDS,
  VERB_PREPOSITIONS,
} from './lexicon.js';
import { loadNameKnowledge } from './names.js';
import {
  analyseSubject,
  isKnownSpeaker,
  isSpeakerPhrase,
  type Segment,
  type Speaker,
  wordsOf,
} from './speaker.js';

export interface FindQuotesOptions {
  /** Entity mentions of the same text (offsets into it): names and organisations for speakers. */
  mentions?: readonly MentionHint[];
  /** Another cue list (tests); default: data/cue-verbs.tsv. */
  cues?: CueLexicon;
}

// ---------------------------------------------------------------------------------------------
// Thresholds, set on the written gold (test/fixtures/quotes) and the seed page.

/**
 * Tokens between a verb and its complementizer: room for a subject with a role, an apposition
 * and adjuncts ("خالد مجاهد، المتحدث الرسمي باسم وزارة الصحة والسكان، في بيان، اليوم الأحد، إن"
 * is 16). Beyond it the أن belongs to another clause.
 */
const MAX_REGION = 26;
/** The same for strict cues (بين، ذكر، طالب…), whose surface is often another word. */
const MAX_REGION_STRICT = 12;
/** Words of a subject: longer "subjects" are clauses (أعلنت الحكومة عن خطة تهدف إلى أن…). */
const MAX_SUBJECT_WORDS = 16;
const MAX_SUBJECT_WORDS_STRICT = 10;
/** Tokens between a participle and its complement: "مشيرًا في الوقت ذاته إلى أن". */
const MAX_PARTICIPLE_GAP = 6;
/** Words of the X in "وحسب X،" / "، وفقًا لـX." (a source is a short phrase). */
const MAX_ATTRIBUTION_WORDS = 9;
/** A statement before a trailing attribution has at least this many words ("وجاء الرد" has not). */
const MIN_TAIL_STATEMENT_WORDS = 4;
/** A quotation this long after a cue is speech even when the sentence goes on after it. */
const MIN_SPEECH_QUOTE_WORDS = 4;
/** Tokens between a relative pronoun and a cue in its clause ("الذي سخر من هذا المصطلح وأقر"). */
const MAX_RELATIVE_GAP = 10;
/** How many earlier speakers "المصادر"، "الوزير" may point back to. */
const ANAPHORA_LOOKBACK = 12;

type CompKind = 'that' | 'colon' | 'quote' | 'ala';

interface Complement {
  /** Token of the complementizer, colon, opening quotation mark, or على. */
  c: number;
  kind: CompKind;
  /** Token of the verb's preposition before أن (أشار إلى أن), or -1. */
  prep: number;
}

interface Region {
  segments: Segment[];
  words: number;
  official: boolean;
  ok: boolean;
}

type Mode =
  | 'vso'
  | 'svo'
  | 'continue'
  | 'pronoun'
  | 'participle'
  | 'attr-head'
  | 'attr-tail'
  | 'nominal'
  | 'topic'
  | 'none';

interface Candidate {
  k: number;
  entry: CueEntry;
  kind: CueKind;
  prefix: number;
  /** Token range of the cue as reported (the verb; "مشيرًا إلى"; "وجاء في"; "نقلًا عن"). */
  cueFrom: number;
  cueTo: number;
  mode: Mode;
  comp: Complement | null;
  /** Subject segments (verbs) or the source X (attributions, nominal cues). */
  subject: Segment[];
  /** Tokens [from, to) claimed by this cue: no cue inside them is read again. */
  claimFrom: number;
  claimTo: number;
  official: boolean;
  /** A statement before the cue: `"…"، قال X` or `…، بحسب X.` */
  before: { from: number; to: number; direct: boolean } | null;
  /** Statement start for fronted attributions (token index), or -1. */
  stmtFrom: number;
  /** Where the reported speech before this cue must end, or -1 when it is no cut point. */
  cutFrom: number;
}

// ---------------------------------------------------------------------------------------------
// Pass 1: cues.

function sentenceEndOf(doc: Doc, k: number): number {
  return doc.sentenceEnd[doc.sentenceOf[k]];
}

function sentenceStartOf(doc: Doc, k: number): number {
  return doc.sentenceStart[doc.sentenceOf[k]];
}

function isPunct(doc: Doc, k: number): boolean {
  return doc.tokens[k].kind === 'punctuation';
}

/** A quotation is speech (not a quoted name) when it is long, or when the clause ends with it. */
function isSpeechQuote(doc: Doc, span: number, sentenceEnd: number, hits: (CueHit | null)[]): boolean {
  const m = doc.marks[span];
  if (m.close < 0) return m.words >= 3;
  let a = m.close + 1;
  while (a < sentenceEnd && isPunct(doc, a) && doc.openerSpan[a] < 0 && !isComma(doc.keys[a])) a++;
  if (a >= sentenceEnd) return true;
  if (isComma(doc.keys[a])) a++;
  if (a >= sentenceEnd) return true;
  if (COMPLEMENTIZERS.has(doc.keys[a])) return false;
  const hit = hits[a];
  const clauseCue =
    hit && (hit.prefix === 1 || hit.entry.kind === 'participle' || hit.entry.kind === 'attribution');
  // `"…"، مضيفًا` closes a statement; `وكالة "رويترز" نقلًا عن` only names an outlet.
  if (clauseCue && m.words >= 2) return true;
  return m.words >= MIN_SPEECH_QUOTE_WORDS;
}

/** Another cue that opens its own clause: the complement search stops there. */
function isClauseCue(hit: CueHit | null): boolean {
  return hit !== null && (hit.prefix === 1 || hit.entry.kind === 'participle');
}

/** The complement of a cue: the first إن/أن, colon, speech quotation (or على for ala verbs). */
function scanComplement(
  doc: Doc,
  from: number,
  maxRegion: number,
  ala: boolean,
  hits: (CueHit | null)[],
): Complement | null {
  const end = from < doc.tokens.length ? sentenceEndOf(doc, from) : from;
  for (let j = from; j < end && j - from < maxRegion; j++) {
    const key = doc.keys[j];
    if (COMPLEMENTIZERS.has(key)) return { c: j, kind: 'that', prep: -1 };
    if (VERB_PREPOSITIONS.has(key) && j + 1 < end && COMPLEMENTIZERS.has(doc.keys[j + 1])) {
      return { c: j + 1, kind: 'that', prep: j };
    }
    if (key === ':') return { c: j, kind: 'colon', prep: -1 };
    const span = doc.openerSpan[j];
    if (span >= 0) {
      if (isSpeechQuote(doc, span, end, hits)) return { c: j, kind: 'quote', prep: -1 };
      const close = doc.marks[span].close;
      if (close < 0 || close >= end) return null;
      j = close;
      continue;
    }
    if (ala && key === ALA && j + 1 < end && doc.tokens[j + 1].kind === 'word')
      return { c: j, kind: 'ala', prep: -1 };
    if (isClauseCue(hits[j])) return null;
    if (opensOwnClause(doc, j, from, hits)) return null;
  }
  return null;
}

/**
 * "…، يرى الباحث أن", "…، كما أكدوا أن": a verb of saying after a comma (and a particle) opens
 * its own clause; what comes before it is not its subject or its statement.
 */
function opensOwnClause(doc: Doc, j: number, from: number, hits: (CueHit | null)[]): boolean {
  if (j <= from || hits[j]?.entry.kind !== 'verb') return false;
  const before = CUE_PARTICLES.has(doc.keys[j - 1]) && j - 1 > from ? j - 2 : j - 1;
  return isComma(doc.keys[before]);
}

/** An adjunct that starts at token k (in a statement, on Tuesday, to Baladi News)? */
function isAdjunctAt(doc: Doc, k: number, to: number): { official: boolean } | null {
  const key = doc.keys[k];
  const next = k + 1 < to ? doc.keys[k + 1] : '';
  if (key === 'في') {
    if (!next) return null;
    const stem = stemOf(next);
    if (OCCASION_NOUNS.has(next) || OCCASION_NOUNS.has(stem) || OCCASION_NOUNS.has(bareOf(next))) {
      return { official: STATEMENT_NOUNS.has(stem) || STATEMENT_NOUNS.has(bareOf(next)) };
    }
    return null;
  }
  if (
    ADJUNCT_OPENERS.has(key) ||
    (ASIDE_OPENERS.has(key) && ASIDE_OBJECTS.has(next)) ||
    TIME_WORDS.has(key) ||
    TURN_WORDS.has(key) ||
    RELATIVE_PRONOUNS.has(key)
  ) {
    return { official: false };
  }
  if (key === 'من' && TURN_WORDS.has(next)) return { official: false };
  if (key === 'عن' && next && (FEELING_NOUNS.has(next) || FEELING_NOUNS.has(stemOf(next))))
    return { official: false };
  // "حديثه"، "كلمته"، "تصريحاته": the speaker's own words as an object ("واختتم درار حديثه بالقول").
  if (/(?:ه|ها|هم)$/.test(key) && !key.startsWith('ال') && OCCASION_NOUNS.has(stemOf(key)))
    return { official: false };
  // Addressee: لـ"بلدي نيوز"، له، للصحفيين، لوكالة…
  if (key === 'ل') return { official: false };
  if (key.length > 2 && key[0] === 'ل') {
    const rest = key.slice(1);
    if (ADDRESSEE_WORDS.has(key) || ADDRESSEE_WORDS.has(rest) || ADDRESSEE_WORDS.has(`ا${rest}`)) {
      return { official: false };
    }
    if (MEDIA_HEADS.has(stemOf(key)) || MEDIA_HEADS.has(rest)) return { official: false };
  }
  return null;
}

/**
 * Read the tokens between a cue and its complement: the subject (comma-separated segments: the
 * subject, a quoted name, a role, "وهو …") and adjuncts, each adjunct running to the next comma.
 * Not ok when a word that belongs to a clause turns up in the subject — unless `lenient`, which
 * keeps what came before it (for cues without a complement, whose subject a participle needs).
 */
function parseRegion(doc: Doc, from: number, to: number, maxWords: number, lenient = false): Region {
  const segments: Segment[] = [];
  let official = false;
  let words = 0;
  let cur = -1;
  let appositive = false;
  let inAdjunct = false;
  let ok = true;
  const close = (end: number) => {
    if (cur >= 0 && end > cur) {
      let last = end - 1;
      while (last > cur && isComma(doc.keys[last])) last--;
      const span = doc.openerSpan[cur];
      const quoted = span >= 0 && doc.marks[span].close === last;
      segments.push({ from: cur, to: end, appositive, quoted });
    }
    cur = -1;
    appositive = false;
  };
  for (let k = from; k < to; k++) {
    const key = doc.keys[k];
    if (isComma(key)) {
      close(k);
      inAdjunct = false;
      continue;
    }
    if (inAdjunct) continue;
    const span = doc.openerSpan[k];
    if (span >= 0) {
      const c = doc.marks[span].close;
      if (c < 0 || c >= to) {
        ok = false;
        break;
      }
      if (cur < 0) cur = k;
      words += doc.marks[span].words;
      k = c;
      continue;
    }
    if (isPunct(doc, k)) continue;
    // "تقرير صادر عن منظمة…": عن after صادر belongs to the subject.
    const issuedBy = key === 'عن' && k > from && /^(?:ال)?صادر/.test(doc.keys[k - 1]);
    const adjunct = issuedBy ? null : isAdjunctAt(doc, k, to);
    if (adjunct) {
      close(k);
      inAdjunct = true;
      if (adjunct.official) official = true;
      continue;
    }
    if (cur < 0 && (key === 'وهو' || key === 'وهي')) {
      cur = k + 1;
      appositive = true;
      continue;
    }
    if (!issuedBy && NOT_IN_SUBJECT.has(key)) {
      if (lenient) {
        close(k);
        break;
      }
      ok = false;
      break;
    }
    if (cur < 0) cur = k;
    words++;
  }
  close(to);
  if (words > maxWords) ok = false;
  return { segments, words, official, ok };
}

/** Is token k the closing mark of a quotation that starts after `notBefore`? Returns the span. */
function closedQuoteEndingAt(doc: Doc, k: number, notBefore: number): number {
  if (k < 0) return -1;
  const span = doc.closerSpan[k];
  if (span < 0 || doc.marks[span].open < notBefore) return -1;
  return span;
}

/** `"…"، قال X` / `«…» قالت X`: the quotation just before a cue, as [from, to) of its content. */
function quoteBefore(doc: Doc, k: number): { from: number; to: number; direct: boolean } | null {
  const start = sentenceStartOf(doc, k);
  let j = k - 1;
  if (j >= start && isComma(doc.keys[j])) j--;
  const span = closedQuoteEndingAt(doc, j, start);
  if (span < 0) return null;
  const m = doc.marks[span];
  // A quoted name (في "الرقة" قال…) is no statement: speech is longer or opens the sentence.
  if (m.words < 3 && m.open !== start) return null;
  return { from: m.open + 1, to: m.close, direct: true };
}

function emptyCandidate(k: number, hit: CueHit): Candidate {
  return {
    k,
    entry: hit.entry,
    kind: hit.entry.kind,
    prefix: hit.prefix,
    cueFrom: k,
    cueTo: k + 1,
    mode: 'none',
    comp: null,
    subject: [],
    claimFrom: k + 1,
    claimTo: k + 1,
    official: false,
    before: null,
    stmtFrom: -1,
    cutFrom: -1,
  };
}

/** Start of the clause that holds token k: after the last comma (outside quotations) or the sentence start. */
function clauseStart(doc: Doc, k: number): number {
  const start = sentenceStartOf(doc, k);
  for (let j = k - 1; j >= start; j--) {
    // "وكشف السوداني أن وزير الخارجية الأمريكي أبلغه": the clause starts after أن.
    if (isComma(doc.keys[j]) || COMPLEMENTIZERS.has(doc.keys[j])) return j + 1;
    const span = doc.closerSpan[j];
    if (span >= 0 && doc.marks[span].open >= start) j = doc.marks[span].open;
  }
  return start;
}

/** Words before an SVO verb that are not its subject: "وكان الوزير قد قال"، "أما الوزير فقال". */
const PRE_VERB_AUX = new Set([
  'و',
  'ف',
  'وكان',
  'كان',
  'فكان',
  'وكانت',
  'كانت',
  'فيما',
  'بينما',
  'حيث',
  'اذ',
  'وقد',
  'قد',
  'فقد',
  'اما',
  'واما',
]);

/** Words that open a fronted adjunct before a sentence's subject: "وفي السياق ذاته،"، "من جهته،". */
const FRONTED_ADJUNCT = new Set([
  'في',
  'وفي',
  'من',
  'ومن',
  'علي',
  'وعلي',
  'بعد',
  'وبعد',
  'خلال',
  'وخلال',
  'بدوره',
  'بدورها',
]);

/** "أما X، فقد دعا …": the topic X before the comma is the subject of the verb after ف. */
function topicBefore(doc: Doc, cs: number): { from: number; to: number } | null {
  const start = sentenceStartOf(doc, cs);
  if (cs - 1 <= start || !isComma(doc.keys[cs - 1])) return null;
  const prev = clauseStart(doc, cs - 1);
  if (doc.keys[prev] !== 'اما' && doc.keys[prev] !== 'واما') return null;
  return prev + 1 < cs - 1 ? { from: prev + 1, to: cs - 1 } : null;
}

/**
 * A cue inside a relative clause ("X الذي … وأقر بأن"، "X، الذي أكد أن"): X, when it is a known
 * speaker within four words before the relative pronoun and no clause cue stands between.
 */
function relativeHead(doc: Doc, k: number): { from: number; to: number } | null {
  const start = sentenceStartOf(doc, k);
  for (let r = k - 1; r > start && k - r <= MAX_RELATIVE_GAP; r--) {
    if (isComma(doc.keys[r])) return null;
    if (!RELATIVE_PRONOUNS.has(doc.keys[r])) continue;
    let to = r;
    if (to - 1 > start && isComma(doc.keys[to - 1])) to--;
    // The leftmost known word within five: "وزير الخارجية ناصر بوريطة، الذي" → from وزير.
    let from = -1;
    for (let h = to - 1; h >= start && to - h <= 5; h--) {
      if (isPunct(doc, h) && doc.closerSpan[h] < 0 && doc.openerSpan[h] < 0) break;
      if (!isPunct(doc, h) && isKnownSpeaker(doc, [h])) from = h;
    }
    return from >= 0 ? { from, to } : null;
  }
  return null;
}

/** "نقلًا عن X" inside a verb's region: X is the source (ذكرت رويترز نقلًا عن مصادر أن…). */
function relayedSource(doc: Doc, from: number, to: number): number {
  for (let j = from; j + 1 < to; j++) {
    if (bareOf(doc.keys[j]) === 'نقلا' && doc.keys[j + 1] === 'عن') return j + 2;
  }
  return -1;
}

function verbCandidate(doc: Doc, k: number, hit: CueHit, hits: (CueHit | null)[]): Candidate {
  const cand = emptyCandidate(k, hit);
  const flags = hit.entry.flags;
  const strict = flags.has('strict') && !flags.has('via');
  const end = sentenceEndOf(doc, k);
  if (k + 1 < end && RELIGIOUS_SUBJECTS.has(doc.keys[k + 1])) return cand;
  const maxWords = strict ? MAX_SUBJECT_WORDS_STRICT : MAX_SUBJECT_WORDS;
  const comp = scanComplement(doc, k + 1, strict ? MAX_REGION_STRICT : MAX_REGION, flags.has('ala'), hits);
  let regionEnd = comp ? (comp.prep >= 0 ? comp.prep : comp.c) : end;
  if (!comp) {
    // No complement: read the subject up to the next clause cue (for "وعلق الوزير قائلًا:") or a
    // quotation (for `، قال الوزير، "…"` the quotation is the complement, found above).
    for (let j = k + 1; j < end; j++) {
      if (isClauseCue(hits[j]) || doc.openerSpan[j] >= 0 || doc.keys[j] === ':') {
        regionEnd = j;
        break;
      }
      if (opensOwnClause(doc, j, k + 1, hits)) {
        regionEnd = CUE_PARTICLES.has(doc.keys[j - 1]) ? j - 2 : j - 1;
        break;
      }
    }
  }
  let regionFrom = k + 1;
  // نقل عن X قوله / ذكر … نقلًا عن X: the speaker is X, the relaying outlet is not.
  const relayed = relayedSource(doc, k + 1, regionEnd);
  if (relayed >= 0) regionFrom = relayed;
  else if (flags.has('via')) {
    for (let j = k + 1; j < regionEnd; j++) {
      const key = doc.keys[j];
      if (key === 'عن') {
        regionFrom = j + 1;
        break;
      }
      if (key === 'عنه' || key === 'عنها' || key === 'عنهم' || key === 'عنهما') {
        cand.mode = comp ? 'pronoun' : 'none';
        cand.comp = comp;
        cand.claimTo = j + 1;
        return finishCut(doc, cand);
      }
    }
  }
  if (regionFrom > k + 1 || flags.has('via')) {
    for (let j = regionFrom; j < regionEnd; j++) {
      if (doc.keys[j].startsWith('قول')) {
        regionEnd = j;
        break;
      }
    }
  }
  const region = parseRegion(doc, regionFrom, regionEnd, maxWords, !comp);
  cand.subject = region.ok ? region.segments : [];
  cand.claimTo = regionEnd;
  cand.official = region.official;
  cand.comp = comp;
  if (hit.prefix === 0) cand.before = quoteBefore(doc, k);
  // Without a complement (or a quotation before) the subject only names the speaker when it looks
  // like one: its words may be the verb's object ("وأكد عدم رصد أي حالات").
  if (!comp && !cand.before && cand.subject.length > 0 && !isPlausibleSpeaker(doc, cand.subject[0])) {
    cand.subject = [];
  }
  // "تدعو الأطراف إلى "…"": the object of a call before its preposition is no subject.
  const objectOnly =
    flags.has('obj') &&
    comp?.kind === 'quote' &&
    comp.c - 1 > k &&
    VERB_PREPOSITIONS.has(doc.keys[comp.c - 1]);
  if (objectOnly) {
    // A short quoted noun phrase after a call is its object ("إلى "ضبط النفس""), not speech.
    if (doc.marks[doc.openerSpan[comp.c]].words <= MIN_SPEECH_QUOTE_WORDS) return cand;
    cand.subject = [];
  }
  if (!comp || !region.ok) {
    if (!region.ok) cand.subject = [];
    // `"…"، قال X.` — the statement came first.
    if (cand.before && cand.subject.length > 0) cand.mode = 'vso';
    else if (
      hit.prefix === 0 &&
      !comp &&
      region.ok &&
      cand.subject.length > 0 &&
      k - 1 > sentenceStartOf(doc, k) &&
      isComma(doc.keys[k - 1]) &&
      regionEnd === end
    ) {
      // "…، قال المصدر." without quotation marks.
      cand.before = { from: sentenceStartOf(doc, k), to: k - 1, direct: false };
      cand.mode = 'vso';
    } else cand.before = null;
    return finishCut(doc, cand);
  }
  if (region.words > 0 && !objectOnly) {
    cand.mode = 'vso';
    return finishCut(doc, cand);
  }
  // No subject after the verb: before it (SVO), a topic (أما X ف…), a relative's head, or none.
  const cs = clauseStart(doc, k);
  let a = cs;
  let b = k;
  const topicMarked = doc.keys[a] === 'اما' || doc.keys[a] === 'واما';
  while (a < b && (PRE_VERB_AUX.has(doc.keys[a]) || CUE_PARTICLES.has(doc.keys[a]) || isPunct(doc, a))) a++;
  while (b > a && (PRE_VERB_AUX.has(doc.keys[b - 1]) || CUE_PARTICLES.has(doc.keys[b - 1]))) b--;
  const pre = wordsOf(doc, a, b).filter((j) => !TURN_WORDS.has(doc.keys[j]) && doc.keys[j] !== 'من');
  const viaF = doc.keys[k].startsWith('ف') || (k - 1 >= cs && doc.keys[k - 1].startsWith('ف'));
  if (pre.length === 1 && RELATIVE_PRONOUNS.has(doc.keys[pre[0]])) {
    const rel = relativeHead(doc, k);
    if (rel) return setSubject(doc, cand, rel.from, rel.to, 'svo');
    return cand;
  }
  if (hit.prefix === 0 && pre.length > 0) {
    // "أما زوجها فيقول": the topic marker makes any noun the subject.
    const accepted = (topicMarked && viaF) || isKnownSpeaker(doc, wordsOf(doc, a, b));
    if (b - a > MAX_SUBJECT_WORDS) return cand;
    if (accepted) return setSubject(doc, cand, a, b, 'svo');
    // "ونشرت صحيفة X تقريرًا قالت فيه": the sentence's topic — unless the words before the verb
    // are a subject that does not speak ("الحراك الحاصل يؤكد أن"، "وكل يوم يؤكد").
    if (!isSpeakerPhrase(doc, [pre[0]]) || !isSpeakerPhrase(doc, pre.slice(1, 2))) return cand;
    cand.mode = 'topic';
    return finishCut(doc, cand);
  }
  if (topicMarked && viaF && pre.length > 0) return setSubject(doc, cand, a, b, 'svo');
  const topic = viaF || hit.prefix === 1 ? topicBefore(doc, cs) : null;
  if (topic) {
    const withTopic = setSubject(doc, cand, topic.from, topic.to, 'svo');
    if (withTopic.mode === 'svo') return withTopic;
  }
  if (flags.has('nocont')) return cand;
  // "الرئيس البشير الذي سخر من … وأقر بأن": the noun before the relative pronoun.
  const rel = relativeHead(doc, k);
  if (rel) {
    cand.subject = [{ from: rel.from, to: rel.to, appositive: false, quoted: false }];
    cand.mode = 'svo';
    return finishCut(doc, cand);
  }
  cand.mode = 'continue';
  return finishCut(doc, cand);
}

/** Third-person masculine plural forms (صرحوا، قالوا، يؤكدون), after و/ف. */
function isPluralVerb(key: string): boolean {
  const w = /^[وف]/.test(key) && key.length > 4 ? key.slice(1) : key;
  return (w.endsWith('وا') && w.length >= 4) || (w.startsWith('ي') && w.endsWith('ون') && w.length >= 5);
}

/**
 * A human plural that can be a verb's subject (الضباط، والناشطون): GROUP_PLURALS, or a definite
 * sound plural in the nominative ون (المقاتلين in ين is an object or a genitive).
 */
function isGroupWord(key: string): boolean {
  const bare = bareOf(key);
  if (GROUP_PLURALS.has(bare) || GROUP_PLURALS.has(stemOf(key))) return true;
  return key.startsWith('ال') && bare.length >= 5 && bare.endsWith('ون');
}

/** A speaker that a plural verb can continue: unnamed sources and groups, not one person or body. */
function isGroup(sp: Speaker): boolean {
  if (sp.type === 'anonymous' && sp.id === null) return true;
  const head = sp.head;
  return GROUP_PLURALS.has(head) || (head.length >= 5 && (head.endsWith('ون') || head.endsWith('ين')));
}

/** A subject that names a speaker by itself: a lexicon head, a mention, a given name, a quoted name. */
function isPlausibleSpeaker(doc: Doc, seg: Segment): boolean {
  if (seg.quoted) return true;
  const words = wordsOf(doc, seg.from, seg.to);
  if (words.length === 0) return false;
  const first = doc.keys[words[0]];
  // A kunya (أبو محمد، أم خالد) is a name.
  if (KUNYA.has(first) && words.length > 1) return true;
  return isKnownSpeaker(doc, words) || loadNameKnowledge().given.has(first);
}

/** Kunya heads: أبو محمد، أم خالد. */
const KUNYA = new Set(['ابو', 'ام', 'ابن', 'بن', 'بنت', 'ابي']);

function setSubject(doc: Doc, cand: Candidate, from: number, to: number, mode: Mode): Candidate {
  const region = parseRegion(doc, from, to, MAX_SUBJECT_WORDS);
  if (!region.ok || region.words === 0) return cand;
  cand.subject = region.segments;
  cand.mode = mode;
  return finishCut(doc, cand);
}

/** Mark where a valid cue cuts the reported speech before it. */
function finishCut(doc: Doc, cand: Candidate): Candidate {
  if (cand.mode === 'none') return cand;
  const k = cand.k;
  const start = sentenceStartOf(doc, k);
  const prev = k - 1 >= start ? doc.keys[k - 1] : '';
  if (cand.kind === 'participle' || cand.kind === 'attribution' || cand.kind === 'nominal') {
    cand.cutFrom = cand.cueFrom;
  } else if (cand.prefix === 1) cand.cutFrom = k;
  else if (CUE_PARTICLES.has(prev) || CLAUSE_OPENERS.has(prev)) {
    // "، في حين تساءل": the cut starts at في.
    cand.cutFrom = prev === 'حين' && k - 2 >= start && doc.keys[k - 2] === 'في' ? k - 2 : k - 1;
  } else if (isComma(prev)) cand.cutFrom = k;
  return cand;
}

function participleCandidate(doc: Doc, k: number, hit: CueHit, hits: (CueHit | null)[]): Candidate {
  const cand = emptyCandidate(k, hit);
  const comp = scanComplement(doc, k + 1, MAX_PARTICIPLE_GAP, hit.entry.flags.has('ala'), hits);
  if (!comp) return cand;
  const region = parseRegion(doc, k + 1, comp.prep >= 0 ? comp.prep : comp.c, 0);
  if (!region.ok || region.words > 0) return cand;
  cand.comp = comp;
  cand.mode = 'participle';
  if (comp.prep >= 0) cand.cueTo = comp.prep + 1;
  return finishCut(doc, cand);
}

/** Where the X of an attribution ends: a comma, ؛, colon, فإن/فقد, أن, a speech quotation. */
function attributionSourceEnd(doc: Doc, from: number, end: number, hits: (CueHit | null)[]): number {
  let words = 0;
  for (let j = from; j < end; j++) {
    const key = doc.keys[j];
    if (isComma(key) || key === ':' || key === '؛' || key === '.') return j;
    if (HEAD_ATTRIBUTION_OPENERS.has(key) || COMPLEMENTIZERS.has(key)) return j;
    if (j > from && isClauseCue(hits[j])) return j;
    const span = doc.openerSpan[j];
    if (span >= 0) {
      const m = doc.marks[span];
      if (m.close < 0 || m.close >= end || m.words > 4) return j;
      words += m.words;
      j = m.close;
      continue;
    }
    if (!isPunct(doc, j)) words++;
    if (words > MAX_ATTRIBUTION_WORDS) return -1;
  }
  return end;
}

/**
 * A noun phrase from `from` when nothing closes it: a construct chain (indefinite nouns up to the
 * first definite one: "وزراء خارجية دول الخليج"), then definite words ("المرصد السوري لحقوق
 * الإنسان"), quoted names in between.
 */
function nounChain(doc: Doc, from: number, end: number): number {
  let j = from + 1;
  let definite = doc.keys[from].startsWith('ال');
  while (j < end && j - from < 8) {
    const key = doc.keys[j];
    const span = doc.openerSpan[j];
    if (span >= 0 && doc.marks[span].close > 0 && doc.marks[span].close < end && doc.marks[span].words <= 4) {
      j = doc.marks[span].close + 1;
      continue;
    }
    if (doc.tokens[j].kind !== 'word' || VERB_PREPOSITIONS.has(key) || NOT_IN_SUBJECT.has(key)) break;
    if (key.startsWith('ال') || key.startsWith('لل')) {
      definite = true;
      j++;
      continue;
    }
    if (!definite && j - from < 4 && !key.startsWith('ب')) {
      j++;
      continue;
    }
    break;
  }
  return j;
}

/** A name right after a role phrase: "زعيم التيار الصدري" + "مقتدى الصدر" (up to four words). */
function nameAfterChain(doc: Doc, from: number, end: number): number {
  const given = loadNameKnowledge().given;
  if (from >= end || !given.has(doc.keys[from])) return from;
  let j = from + 1;
  while (j < end && j - from < 4 && doc.tokens[j].kind === 'word' && !VERB_PREPOSITIONS.has(doc.keys[j])) {
    const key = doc.keys[j];
    if (!(key.startsWith('ال') || given.has(key) || !/^[وفبلك]/.test(key))) break;
    j++;
  }
  return j;
}

/** A verb of saying, also with an object pronoun (قاله، ذكرته، أعلنها). */
function isVerbForm(lex: CueLexicon, word: string): boolean {
  const hit =
    lookupCue(lex, word) ??
    lookupCue(
      lex,
      word.replace(/(?:ته|تها|ه|ها|هم|هما)$/, (m) => (m[0] === 'ت' ? 'ت' : '')),
    );
  return hit !== null && hit.entry.kind === 'verb';
}

function attributionCandidate(
  doc: Doc,
  k: number,
  hit: CueHit,
  hits: (CueHit | null)[],
  lex: CueLexicon,
): Candidate {
  const cand = emptyCandidate(k, hit);
  const end = sentenceEndOf(doc, k);
  const start = sentenceStartOf(doc, k);
  const lemma = hit.entry.lemma;
  let j = k + 1;
  if (lemma === 'نقلا' || lemma === 'استنادا') {
    if (j >= end || !(doc.keys[j] === 'عن' || doc.keys[j] === 'الي')) return cand;
    j++;
    cand.cueTo = j;
  } else if (lemma === 'لسان') {
    if (k - 1 < start || doc.keys[k - 1] !== 'علي') return cand;
    cand.cueFrom = k - 1;
  }
  // وفقًا لـX: the preposition may stand alone (لـ) or be glued to X (للمصادر).
  if (j < end && doc.keys[j] === 'ل') j++;
  // "بحسب ما قاله X" / "وفق ما ذكرت X" / "حسبما أفادت به X" / "بحسب ما نقلت X عن Y".
  let verbBacked = false;
  const glued = doc.keys[k].endsWith('ما');
  if (glued || (j < end && (doc.keys[j] === 'ما' || doc.keys[j] === 'لما'))) {
    if (!glued) j++;
    if (j >= end || !isVerbForm(lex, doc.keys[j])) return cand;
    j++;
    cand.cueTo = j;
    verbBacked = true;
    if (j < end && (doc.keys[j] === 'به' || doc.keys[j] === 'بها')) j++;
  }
  cand.claimFrom = k + 1;
  cand.claimTo = j;
  if (j >= end) return cand;
  let xEnd = attributionSourceEnd(doc, j, end, hits);
  if (xEnd < 0) xEnd = nounChain(doc, j, end);
  cand.claimTo = xEnd;
  // "… نقلت X عن Y": the source is Y.
  for (let q = j; q < xEnd; q++) {
    if (doc.keys[q] === 'عن' && q + 1 < xEnd) j = q + 1;
  }
  if (xEnd <= j) return cand;
  const region = parseRegion(doc, j, xEnd, MAX_ATTRIBUTION_WORDS);
  if (!region.ok || region.segments.length === 0) return cand;
  const words = wordsOf(doc, region.segments[0].from, region.segments[0].to);
  const quotedName = region.segments[0].quoted;
  if (!verbBacked && !quotedName && !isKnownSpeaker(doc, words)) return cand;
  cand.subject = region.segments;
  cand.official = region.official;
  // Fronted ("وحسب X، فإن …"، "نقلًا عن X أن …") or trailing ("…، بحسب X.").
  let after = xEnd;
  while (after < end && (isComma(doc.keys[after]) || doc.keys[after] === '؛')) after++;
  const opensClause =
    after < end && (HEAD_ATTRIBUTION_OPENERS.has(doc.keys[after]) || COMPLEMENTIZERS.has(doc.keys[after]));
  if (cand.cueFrom === start || opensClause) {
    if (opensClause) after++;
    if (after >= end) return cand;
    cand.stmtFrom = after;
    cand.mode = 'attr-head';
  } else {
    const quoted = quoteBefore(doc, cand.cueFrom);
    cand.before = quoted ?? { from: start, to: cand.cueFrom, direct: false };
    if (!quoted && wordsOf(doc, start, cand.cueFrom).length < MIN_TAIL_STATEMENT_WORDS) return cand;
    cand.mode = 'attr-tail';
  }
  return finishCut(doc, cand);
}

/** وجاء في البيان، إن … / وورد في التقرير أن … */
function nominalCandidate(doc: Doc, k: number, hit: CueHit, hits: (CueHit | null)[]): Candidate {
  const cand = emptyCandidate(k, hit);
  const end = sentenceEndOf(doc, k);
  if (hit.entry.lemma === 'قول' || k + 2 >= end || doc.keys[k + 1] !== 'في') return cand;
  const from = k + 2;
  const head = stemOf(doc.keys[from]);
  const bare = bareOf(doc.keys[from]);
  const isDoc = (w: string) => STATEMENT_NOUNS.has(w) || DOCUMENT_HEADS.has(w) || OCCASION_NOUNS.has(w);
  if (!isDoc(head) && !isDoc(bare)) return cand;
  const comp = scanComplement(doc, from, MAX_REGION, false, hits);
  if (!comp) return cand;
  const xEnd = comp.prep >= 0 ? comp.prep : comp.c;
  const region = parseRegion(doc, from, xEnd, MAX_ATTRIBUTION_WORDS);
  if (!region.ok || region.segments.length === 0) return cand;
  cand.cueTo = k + 2;
  cand.comp = comp;
  cand.subject = region.segments;
  cand.claimTo = xEnd;
  cand.official = STATEMENT_NOUNS.has(head) || STATEMENT_NOUNS.has(bare);
  cand.mode = 'nominal';
  return finishCut(doc, cand);
}

/**
 * Sentences that name an official statement without a speech cue ("دانت الرئاسة، في بيان، …"):
 * the token of "بيان", so that a later "وذكر البيان" finds whose statement it is.
 */
function statementMentions(doc: Doc, hits: (CueHit | null)[]): number[] {
  const out: number[] = [];
  for (let k = 0; k + 1 < doc.tokens.length; k++) {
    if (doc.keys[k] !== 'في' || !STATEMENT_NOUNS.has(bareOf(doc.keys[k + 1]))) continue;
    const start = sentenceStartOf(doc, k);
    let cued = false;
    for (let j = start; j < k && !cued; j++) cued = hits[j] !== null;
    if (!cued) out.push(k);
  }
  return out;
}

function detectCandidates(doc: Doc, lex: CueLexicon): { cands: Candidate[]; hits: (CueHit | null)[] } {
  const n = doc.tokens.length;
  const hits: (CueHit | null)[] = new Array(n).fill(null);
  for (let k = 0; k < n; k++) {
    // "، طالبًا عدم ذكر اسمه،" is an aside, not the verb طالبا "they both demanded".
    if (doc.tokens[k].kind !== 'word') continue;
    if (ASIDE_OPENERS.has(doc.keys[k]) && k + 1 < n && ASIDE_OBJECTS.has(doc.keys[k + 1])) continue;
    hits[k] = lookupCue(lex, doc.keys[k]);
  }
  const cands: Candidate[] = [];
  for (let k = 0; k < n; k++) {
    const hit = hits[k];
    if (!hit) continue;
    let cand: Candidate;
    switch (hit.entry.kind) {
      case 'verb':
        cand = verbCandidate(doc, k, hit, hits);
        break;
      case 'participle':
        cand = participleCandidate(doc, k, hit, hits);
        break;
      case 'attribution':
        cand = attributionCandidate(doc, k, hit, hits, lex);
        break;
      default: {
        cand = nominalCandidate(doc, k, hit, hits);
        // "ورد" is also و + رد (replied) when no "في" follows.
        const verb = cand.mode === 'none' ? lookupCue(lex, doc.keys[k].slice(1)) : null;
        if (verb && hit.prefix === 0 && doc.keys[k][0] === 'و' && verb.entry.kind === 'verb') {
          cand = verbCandidate(doc, k, { entry: verb.entry, prefix: 1 }, hits);
        }
      }
    }
    cands.push(cand);
  }
  return { cands, hits };
}

// ---------------------------------------------------------------------------------------------
// Pass 2: statements and speakers.

interface Statement {
  from: number;
  to: number;
  direct: boolean;
}

/**
 * The statement that starts at token s: a quotation that fills the clause is the statement
 * itself (without its marks); otherwise it runs to the sentence end or the next cut point,
 * stepping over quotations.
 */
function statementFrom(doc: Doc, s: number, cut: Uint8Array, direct: boolean): Statement | null {
  if (s >= doc.tokens.length) return null;
  const end = sentenceEndOf(doc, s);
  while (s < end && isComma(doc.keys[s])) s++;
  if (s >= end) return null;
  const span = doc.openerSpan[s];
  if (span >= 0) {
    const m = doc.marks[span];
    if (m.close >= 0 && m.close < end) {
      let a = m.close + 1;
      while (a < end && isPunct(doc, a) && doc.openerSpan[a] < 0) a++;
      if (a >= end || cut[a]) return trim(doc, m.open + 1, m.close, direct);
    } else {
      // Unterminated: from after the mark to the next cut.
      let to = s + 1;
      while (to < end && !cut[to]) to++;
      return trim(doc, s + 1, to, direct);
    }
  }
  let to = s + 1;
  while (to < end && !cut[to]) {
    const sp = doc.openerSpan[to];
    if (sp >= 0 && doc.marks[sp].close > to && doc.marks[sp].close < end) to = doc.marks[sp].close;
    to++;
  }
  return trim(doc, s, to, false);
}

/** Drop punctuation at the ends (keeping quotation marks whose partner is inside). */
function trim(doc: Doc, from: number, to: number, direct: boolean): Statement | null {
  while (
    from < to &&
    isPunct(doc, from) &&
    !(doc.openerSpan[from] >= 0 && doc.marks[doc.openerSpan[from]].close < to)
  ) {
    from++;
  }
  while (to > from && isPunct(doc, to - 1)) {
    const span = doc.closerSpan[to - 1];
    if (span >= 0 && doc.marks[span].open >= from) break;
    to--;
  }
  return to > from ? { from, to, direct } : null;
}

/** Is the original spelling of token c exactly إن (which, before a quotation, introduces it verbatim)? */
function isInna(doc: Doc, c: number): boolean {
  const { start, end } = spanOf(doc, c, c + 1);
  const raw = doc.text.slice(start, end).replace(/[\u064B-\u0652]/g, '');
  return raw === 'إن';
}

/** The statement of a verb, participle or nominal cue from its complement. */
function complementStatement(doc: Doc, comp: Complement, cut: Uint8Array): Statement | null {
  switch (comp.kind) {
    case 'that': {
      const span = comp.c + 1 < doc.tokens.length ? doc.openerSpan[comp.c + 1] : -1;
      const directQuote = isInna(doc, comp.c) && span >= 0;
      const st = statementFrom(doc, comp.c + 1, cut, directQuote);
      if (st && directQuote) {
        // Direct only when the quotation is the whole statement.
        const close = doc.marks[span].close;
        st.direct = st.from === comp.c + 2 && (close < 0 || st.to === close);
      }
      return st;
    }
    case 'colon':
    case 'quote': {
      const st = statementFrom(doc, comp.kind === 'colon' ? comp.c + 1 : comp.c, cut, true);
      if (st) st.direct = true;
      return st;
    }
    case 'ala':
      return statementFrom(doc, comp.c + 1, cut, false);
  }
}

function withOfficial(sp: Speaker, official: boolean): Speaker {
  if (!official) return sp;
  const type: QuoteSourceType =
    sp.type === 'organisation' || sp.type === 'named-person' ? 'official-statement' : sp.type;
  return { ...sp, official: true, type };
}

class Assembler {
  readonly quotes: Quote[] = [];
  private readonly history: Speaker[] = [];
  private last: Speaker | null = null;
  private readonly claimed: Uint8Array;
  /** 1 on the tokens of every statement found so far. */
  private readonly inStatement: Uint8Array;
  /** First token of the statement that holds each token (for cues inside a statement). */
  private readonly statementStart: Int32Array;
  private readonly quotedSentences = new Set<number>();
  /** Sentences with a cue "في بيان" (their continuations are official statements too). */
  private readonly officialSentences = new Set<number>();
  /** Speaker of the latest verb cue in each sentence (for participles and continuations). */
  private readonly sentenceSpeaker = new Map<number, Speaker>();

  constructor(
    private readonly doc: Doc,
    private readonly cut: Uint8Array,
  ) {
    this.claimed = new Uint8Array(doc.tokens.length);
    this.inStatement = new Uint8Array(doc.tokens.length);
    this.statementStart = new Int32Array(doc.tokens.length);
  }

  /** A subject phrase as a speaker, pointing back to an earlier one where it refers to it. */
  private resolve(segments: Segment[]): Speaker | null {
    const sp = analyseSubject(this.doc, segments);
    if (!sp) return null;
    const recent = this.history.slice(-ANAPHORA_LOOKBACK).reverse();
    if (sp.anaphoric) {
      if (STATEMENT_NOUNS.has(sp.head)) return recent.find((s) => s.official) ?? sp;
      const ante = recent.find(
        (s) => s.head === sp.head || s.roleHead === sp.head || s.nameKeys.some((w) => bareOf(w) === sp.head),
      );
      return ante ?? sp;
    }
    if (sp.nameKeys.length > 0 && sp.id === null) {
      // "وقال مجاهد" after "خالد مجاهد": the same person.
      const keys = sp.nameKeys;
      const ante = recent.find(
        (s) =>
          s.nameKeys.length > keys.length &&
          keys.every((w, i) => s.nameKeys[s.nameKeys.length - keys.length + i] === w),
      );
      if (ante) {
        return {
          ...sp,
          id: ante.id,
          role: sp.role ?? ante.role,
          roleHead: sp.roleHead ?? ante.roleHead,
          type: ante.type,
        };
      }
    }
    return sp;
  }

  private isNested(k: number): boolean {
    return this.inStatement[k] === 1;
  }

  private remember(speaker: Speaker, nested: boolean): void {
    this.history.push(speaker);
    if (!nested) this.last = speaker;
  }

  private emit(cand: Candidate, speaker: Speaker | null, st: Statement | null, nested: boolean): void {
    if (!speaker || !st) return;
    const doc = this.doc;
    const { start, end } = spanOf(doc, st.from, st.to);
    if (this.quotes.some((q) => q.start === start && q.end === end)) return;
    const cue = spanOf(doc, cand.cueFrom, cand.cueTo);
    this.quotes.push({
      speakerId: speaker.id,
      speaker: speaker.text,
      speakerStart: speaker.start,
      speakerEnd: speaker.end,
      role: speaker.role,
      cue: doc.text.slice(cue.start, cue.end),
      text: doc.text.slice(start, end),
      start,
      end,
      direct: st.direct,
      sourceType: speaker.type,
    });
    this.inStatement.fill(1, st.from, st.to);
    this.statementStart.fill(st.from, st.from, st.to);
    this.quotedSentences.add(doc.sentenceOf[cand.k]);
    for (let j = cand.claimFrom; j < cand.claimTo; j++) this.claimed[j] = 1;
    this.remember(speaker, nested);
  }

  /**
   * The subject of a sentence whose verb is no cue ("رحب منسق الأمم المتحدة بالقرار، وقال…"،
   * "وصنفت منظمة الصحة العالمية …، مؤكدةً"، "أوقفنا الضابط وقال لنا"): the first word of its
   * clause when that is a known speaker (SVO), else the word after the clause's first word (the
   * verb's subject, VSO). A fronted adjunct before a comma ("وفي السياق ذاته،"، "من جهته،") is
   * stepped over. Inside a statement the clause starts with the statement.
   */
  private sentenceTopic(k: number): Speaker | null {
    const doc = this.doc;
    const nested = this.isNested(k);
    let start = nested ? this.statementStart[k] : sentenceStartOf(doc, k);
    // "وفي السياق ذاته، رحب …"، "من جهته، شكك …": a fronted adjunct up to its comma.
    if (start < k && FRONTED_ADJUNCT.has(doc.keys[start])) {
      for (let j = start; j < Math.min(k, start + 6); j++) {
        if (isComma(doc.keys[j])) {
          start = j + 1;
          break;
        }
      }
    }
    // "غير أن مصدرًا … نفى": the clause after أن.
    for (let j = start; j < Math.min(k, start + 3); j++) {
      if (COMPLEMENTIZERS.has(doc.keys[j])) start = j + 1;
    }
    const words: number[] = [];
    for (let j = start; j < k && words.length < 2; j++) {
      if (isPunct(doc, j)) continue;
      const key = doc.keys[j];
      if (CUE_PARTICLES.has(key) || PRE_VERB_AUX.has(key) || TURN_WORDS.has(key)) continue;
      words.push(j);
    }
    for (const j of words) {
      if (!isKnownSpeaker(doc, [j])) continue;
      const to = nameAfterChain(doc, Math.min(nounChain(doc, j, k), k), k);
      const sp = this.resolve([{ from: j, to, appositive: false, quoted: false }]);
      if (sp) return sp;
    }
    return null;
  }

  /**
   * The nearest group before a plural verb in its sentence (…، حيث اشترط الضباط الأمريكان …،
   * كما صرحوا أن): a human plural and the words that describe it.
   */
  private groupBefore(k: number): Speaker | null {
    const { doc } = this;
    const start = doc.sentenceStart[doc.sentenceOf[k]];
    for (let j = k - 1; j >= start; j--) {
      if (doc.tokens[j].kind !== 'word' || !isGroupWord(doc.keys[j])) continue;
      // The noun and the adjectives after it: المفاوضون المحليون، الضباط الأمريكان.
      let from = j;
      while (from > start && doc.tokens[from - 1].kind === 'word' && isGroupWord(doc.keys[from - 1])) from--;
      let to = j + 1;
      while (to < k && doc.tokens[to].kind === 'word' && doc.keys[to].startsWith('ال')) to++;
      const sp = this.resolve([{ from, to, appositive: false, quoted: false }]);
      if (sp && isGroup(sp)) return sp;
    }
    return null;
  }

  /** The speaker who goes on in a cue without a subject (وأضاف، مشيرًا إلى، قالت فيه). */
  private continuing(k: number): Speaker | null {
    if (this.isNested(k)) return this.sentenceTopic(k) ?? this.last;
    const s = this.doc.sentenceOf[k];
    return this.sentenceSpeaker.get(s) ?? this.sentenceTopic(k) ?? this.last;
  }

  run(cands: Candidate[], statementAt: number[]): void {
    let next = 0;
    for (const cand of cands) {
      // "دانت الرئاسة، في بيان، …": remember whose statement "البيان" will be.
      while (next < statementAt.length && statementAt[next] < cand.k) {
        const topic = this.sentenceTopic(statementAt[next]);
        if (topic) this.remember(withOfficial(topic, true), false);
        next++;
      }
      if (this.claimed[cand.k]) continue;
      if (cand.kind === 'attribution' && cand.claimTo > cand.claimFrom) {
        // The verb of "بحسب ما أفادت به" is part of the attribution.
        for (let j = cand.claimFrom; j < cand.claimTo; j++) this.claimed[j] = 1;
      }
      const nested = this.isNested(cand.k);
      const s = this.doc.sentenceOf[cand.k];
      let speaker: Speaker | null = null;
      // "فقد نفت في بيان …، وقالت إن": the sentence speaks through a statement.
      if (cand.kind === 'verb' && cand.official) this.officialSentences.add(s);
      if (cand.kind === 'verb' && cand.subject.length > 0) {
        speaker = this.resolve(cand.subject);
        if (speaker) {
          const sp = withOfficial(speaker, cand.official);
          this.sentenceSpeaker.set(s, sp);
          // A verb without a statement still names who is speaking ("نفت المديرية …، وقالت").
          if (cand.mode === 'none') this.remember(sp, nested);
        }
      }
      switch (cand.mode) {
        case 'none':
          break;
        case 'vso':
        case 'svo': {
          if (!speaker) break;
          // A subject found before the verb (أما X فقد نفت في بيان …، وقالت) shares the sentence's بيان.
          const sp = withOfficial(
            speaker,
            cand.official || (cand.mode === 'svo' && this.officialSentences.has(s)),
          );
          if (cand.before) {
            this.emit(cand, sp, trim(this.doc, cand.before.from, cand.before.to, cand.before.direct), nested);
          }
          if (cand.comp) this.emit(cand, sp, complementStatement(this.doc, cand.comp, this.cut), nested);
          break;
        }
        case 'continue':
        case 'pronoun':
        case 'topic':
        case 'participle': {
          if (!cand.comp) break;
          const who =
            cand.mode === 'pronoun'
              ? this.last
              : cand.mode === 'topic'
                ? (this.sentenceSpeaker.get(s) ?? this.sentenceTopic(cand.k))
                : this.continuing(cand.k);
          if (!who) break;
          let speaker = who;
          // "كما صرحوا أن": a plural verb does not continue one person or one body.
          if (cand.kind === 'verb' && isPluralVerb(this.doc.keys[cand.k])) {
            const group = this.groupBefore(cand.k) ?? (isGroup(who) ? who : null);
            if (!group) break;
            speaker = group;
          }
          const sp = withOfficial(speaker, cand.official || this.officialSentences.has(s));
          if (cand.kind === 'verb') this.sentenceSpeaker.set(s, sp);
          this.emit(cand, sp, complementStatement(this.doc, cand.comp, this.cut), nested);
          break;
        }
        case 'attr-head': {
          const sp = this.resolve(cand.subject);
          if (sp) {
            this.emit(
              cand,
              withOfficial(sp, cand.official),
              statementFrom(this.doc, cand.stmtFrom, this.cut, false),
              nested,
            );
          }
          break;
        }
        case 'attr-tail': {
          // "…، وفقًا للمصادر" after a statement already attributed in this sentence: the same one.
          if (this.quotedSentences.has(s) || !cand.before) break;
          const sp = this.resolve(cand.subject);
          const st = trim(this.doc, cand.before.from, cand.before.to, cand.before.direct);
          if (sp) this.emit(cand, withOfficial(sp, cand.official), st, nested);
          break;
        }
        case 'nominal': {
          if (!cand.comp) break;
          const sp = this.nominalSpeaker(cand);
          if (sp) this.emit(cand, sp, complementStatement(this.doc, cand.comp, this.cut), nested);
          break;
        }
      }
    }
  }

  /** جاء في البيان → the institution whose statement it is; في بيان الوزارة → الوزارة; في التقرير → it. */
  private nominalSpeaker(cand: Candidate): Speaker | null {
    const doc = this.doc;
    const seg = cand.subject[0];
    const head = doc.keys[seg.from];
    const stem = stemOf(head);
    if (STATEMENT_NOUNS.has(stem) || OCCASION_NOUNS.has(stem)) {
      // "بيانها"، "كلمته": a pronoun — the previous speaker.
      if (!head.startsWith('ال') && /(?:ه|ها|هم)$/.test(head) && head.length > stem.length) {
        return this.last ? withOfficial(this.last, cand.official) : null;
      }
      // "بيان الوزارة"، "بيان صادر عن الجيش"، "بيان للخارجية": the institution.
      let j = seg.from + 1;
      while (j < seg.to && ['صادر', 'صادره', 'عن', 'ل'].includes(doc.keys[j])) j++;
      if (j < seg.to && doc.tokens[j].kind === 'word') {
        const sp = this.resolve([{ from: j, to: seg.to, appositive: false, quoted: false }]);
        if (sp) return withOfficial(sp, cand.official);
      }
    }
    const sp = this.resolve(cand.subject);
    return sp ? withOfficial(sp, cand.official) : null;
  }
}

/**
 * Attributed statements of `text`, in text order.
 *
 * @example
 * findQuotes('وقالت مصادر خاصة، إن المفاوضات متعثرة.')
 * // → [{ speaker: 'مصادر خاصة', cue: 'وقالت', text: 'المفاوضات متعثرة', sourceType: 'anonymous', direct: false, … }]
 */
export function findQuotes(text: string, opts: FindQuotesOptions = {}): Quote[] {
  if (text.length === 0) return [];
  const doc = prepareDoc(text, opts.mentions ?? []);
  const lex = opts.cues ?? loadCueLexicon();
  const { cands, hits } = detectCandidates(doc, lex);
  const cut = new Uint8Array(doc.tokens.length);
  for (const c of cands) if (c.cutFrom >= 0) cut[c.cutFrom] = 1;
  const asm = new Assembler(doc, cut);
  asm.run(cands, statementMentions(doc, hits));
  return asm.quotes;
}
