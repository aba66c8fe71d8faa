// Titles and roles around person names, as Arabic news writes them:
//   - a role in apposition before the name, honorifics between (`وزير الموارد المائية والري
//     الدكتور محمد عبد العاطي`, `مدير العمليات في التحالف، "جوناثان براغا"`);
//   - a role after the name: an indefinite title right after it (`هاني سليم وزير السياحة`,
//     `فادي منصور مدير مستشفى الأمل بالمدينة`) or any title after a comma
//     (`ليلى حداد، المتحدثة الرسمية باسم وزارة البيئة`);
//   - a person the tagger missed, framed by an honorific and a title (`اللواء مهندس صلاح الأمير
//     محافظ الإقليم`).
// A role is a title noun and the phrase that completes it: definite nouns and adjectives, `و`
// + a noun or another title (`المستشار الإعلامي والمتحدث الرسمي`), prepositional phrases
// (`باسم وزارة العمل`, `لدى مصر`, `بالوزارة`), nouns in construct before a definite one, and
// names already found (`سفير البرازيل`). After a name inside it only a prepositional phrase or an
// adjective may follow: `عميد كلية الصيدلة جامعة حلب الشكرَ` stops before the object.
// Known false positives: a definite object that looks like an adjective after the role; a past
// verb written with ال (`التقى`) is listed, others are not.

import { foldedWordSet } from '../arabic/normalize.js';
import { segment } from '../arabic/segment.js';
import { isStopword } from '../arabic/stopwords.js';
import type { NameSpan } from './org-shape.js';
import { endingTable, firstWordFrom, isDefinite, isNisba, knownNameEnds, type Word } from './words.js';

/** Title nouns that open a role, without the article (the article is allowed in front). */
const TITLES = foldedWordSet(`
  رئيس رئيسة نائب نائبة وزير وزيرة مدير مديرة عميد عميدة سفير سفيرة محافظ محافظة أمين أمينة
  مستشار مستشارة متحدث متحدثة ناطق ناطقة قائد قائدة زعيم زعيمة مبعوث مبعوثة مندوب مندوبة ممثل
  ممثلة مفوض مفوضة عضو مسؤول مسؤولة وكيل وكيلة مساعد مساعدة منسق منسقة ملك ملكة أمير أميرة
  عاهل رئيسي مراسل مراسلة خبير خبيرة باحث باحثة أستاذ أستاذة ناشط ناشطة
`);
/** Honorifics written before a name; not part of a role (`وزير الري الدكتور سامي العلي`). */
const HONORIFICS = foldedWordSet(`
  الدكتور الدكتورة د المهندس المهندسة مهندس الأستاذ الأستاذة السيد السيدة الآنسة الحاج الحاجة
  الشيخ الشيخة اللواء الفريق العميد العقيد المقدم الرائد النقيب المشير الكابتن
`);
const HONORIFIC_ENDINGS = endingTable(HONORIFICS);
/** The endings of every title (the same with or without article and conjunction). */
const TITLE_ENDINGS = endingTable(TITLES);

function isHonorific(w: Word): boolean {
  return HONORIFIC_ENDINGS[w.ending] === 1 && HONORIFICS.has(w.fold);
}
/** Prepositions that may continue a role before a noun (`باسم`, `لدى`, `في`). */
const ROLE_PREPOSITIONS = foldedWordSet('في لدى باسم عن لشؤون لشئون');
/** Of those, the ones whose noun may be in construct (`باسم وزارة الخارجية`). */
const CONSTRUCT_PREPOSITIONS = foldedWordSet('باسم لشؤون لشئون');
/** Adjectives of a role that are not nisba-shaped (`السابق`, `الأسبق`). */
const ROLE_ADJECTIVES = foldedWordSet(
  'السابق السابقة الأسبق العام العامة الأول الأولى الأعلى المسلحة المتحدة',
);
/** Past verbs that look like definite nouns. */
const DEFINITE_LOOKING_VERBS = foldedWordSet('التقى التقت التقوا التزم التزمت التحق التحقت');
const TIME_WORDS = foldedWordSet('اليوم الأمس الآن الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت');

/** Words a role may hold; the phrase stops at the first word beyond. */
const MAX_ROLE_WORDS = 12;
/** Nouns in construct in a row inside a role (`رئيس مجلس إدارة الشركة`). */
const MAX_CONSTRUCT = 2;
/** Name words between an honorific and a title (`حسام الدين عبد الفتاح`). */
const MIN_NAME_WORDS = 2;
const MAX_NAME_WORDS = 4;

const GAP_BEFORE_NAME = /^[\s،,"«“]*$/;
const GAP_AFTER_NAME_COMMA = /^\s*[،,]\s*$/;
const GAP_SPACE = /^\s+$/;

/** The title a folded word holds, with the article and a conjunction allowed (`والمتحدث`). */
function isTitle(f: string, conjunction = false): boolean {
  if (TITLES.has(f) || (f.startsWith('ال') && TITLES.has(f.slice(2)))) return true;
  return conjunction && (f.startsWith('و') || f.startsWith('ف')) && f.length > 3 && isTitle(f.slice(1));
}

function isIndefiniteTitle(f: string): boolean {
  return TITLES.has(f);
}

function isNounWord(w: Word): boolean {
  return isNounForm(w.text, w.fold);
}

function isNounForm(text: string, f: string): boolean {
  if (f.length < 3 || f.startsWith('ال') || f.startsWith('ي') || isStopword(f)) return false;
  if (!/^\p{Script=Arabic}+$/u.test(f)) return false;
  return segment(text).enclitics.length === 0;
}

function isRoleNoun(f: string): boolean {
  return isDefinite(f) && !TIME_WORDS.has(f) && !DEFINITE_LOOKING_VERBS.has(f);
}

function isRoleAdjective(f: string): boolean {
  if (!isRoleNoun(f)) return false;
  return isNisba(f.slice(2)) || ROLE_ADJECTIVES.has(f);
}

/** A preposition glued to a definite noun: `بالوزارة`, `للوزارة`, `وبالوزارة`. */
function isPrepositionalNoun(f: string): boolean {
  const w = f.startsWith('و') ? f.slice(1) : f;
  if (w.startsWith('بال') || w.startsWith('كال')) return isRoleNoun(w.slice(1));
  if (w.startsWith('لل') && w.length > 4) return isRoleNoun(`ا${w.slice(1)}`);
  return false;
}

export interface RoleContext {
  text: string;
  words: readonly Word[];
  /** Index past the known name (any entity mention) starting at word w, or -1. */
  knownEnd: (w: number) => number;
}

/** Build the context: `known` are the mentions of every entity found in the text. */
export function roleContext(text: string, words: readonly Word[], known: readonly NameSpan[]): RoleContext {
  const knownEnd = knownNameEnds(words, known);
  return { text, words, knownEnd };
}

/**
 * Index past the role phrase whose title is word `s`; never past `bound`. The phrase is "open"
 * while it waits for its noun (after the title, a noun in construct, a preposition) and
 * "closed" once it has one (a definite noun, a name, `بالوزارة`): a closed phrase takes only
 * adjectives, `و` + a noun or a title, and prepositional phrases — so `مدير مستشفى الأمل
 * بالمدينة الوفدَ` stops before the object.
 */
function roleEnd(ctx: RoleContext, s: number, bound: number): number {
  const { words } = ctx;
  const limit = Math.min(bound, words.length, s + MAX_ROLE_WORDS);
  let j = s + 1;
  /** Where the phrase may stop: not after a preposition or a noun left in construct. */
  let lastGood = s + 1;
  let construct = 0;
  let closed = false;
  const close = (to: number) => {
    j = to;
    lastGood = to;
    closed = true;
    construct = 0;
  };
  const open = (to: number) => {
    j = to;
    closed = false;
  };
  while (j < limit && words[j].joined) {
    const f = words[j].fold;
    const known = ctx.knownEnd(j);
    if (known > j) {
      if (closed) break;
      close(Math.min(known, limit));
      continue;
    }
    // `والمتحدث`: a second title (`المستشار الإعلامي والمتحدث الرسمي`).
    if (f.startsWith('و') && !isTitle(f) && isTitle(f, true)) {
      j++;
      lastGood = j;
      closed = false;
      continue;
    }
    if (isPrepositionalNoun(f)) {
      close(j + 1);
      continue;
    }
    // `لمجلس التعاون`, `بوزارة الخارجية`: a preposition on a noun in construct.
    if (
      (f.startsWith('ل') || f.startsWith('ب')) &&
      isNounForm(words[j].text.slice(1), f.slice(1)) &&
      j + 1 < limit &&
      words[j + 1].joined &&
      (isRoleNoun(words[j + 1].fold) || ctx.knownEnd(j + 1) > j + 1)
    ) {
      construct = 1;
      open(j + 1);
      continue;
    }
    // `باسم وزارة العمل`: a name, possibly in construct. `في التحالف`, `لدى مصر`: a name or a
    // definite noun right after, or a noun in construct before a name (`في بلدية صيدا`) —
    // `في حضور السادة` is an adverbial, not part of the role.
    if (ROLE_PREPOSITIONS.has(f) && j + 1 < limit && words[j + 1].joined) {
      const nextKnown =
        ctx.knownEnd(j + 1) > j + 1 ||
        (j + 2 < limit && words[j + 2].joined && isNounWord(words[j + 1]) && ctx.knownEnd(j + 2) > j + 2);
      if (CONSTRUCT_PREPOSITIONS.has(f) || nextKnown || isRoleNoun(words[j + 1].fold)) {
        construct = 0;
        open(j + 1);
        continue;
      }
      break;
    }
    if (closed) {
      if (isRoleAdjective(f) || (f.startsWith('وال') && isRoleNoun(f.slice(1)))) {
        close(j + 1);
        continue;
      }
      break;
    }
    if (isRoleNoun(f)) {
      close(j + 1);
      continue;
    }
    if (construct < MAX_CONSTRUCT && isNounWord(words[j])) {
      construct++;
      j++;
      continue;
    }
    break;
  }
  return lastGood;
}

function slice(ctx: RoleContext, from: number, to: number, cut = 0): string {
  return ctx.text.slice(ctx.words[from].start + cut, ctx.words[to - 1].end);
}

/**
 * The role written just before a name that starts at `nameStart`, honorifics skipped.
 * @example roleBefore(ctx, start of 'محمد') for 'قال وزير الري الدكتور محمد علي' // → 'وزير الري'
 */
export function roleBefore(ctx: RoleContext, nameStart: number): string | null {
  const { words, text } = ctx;
  let h = firstWordFrom(words, nameStart);
  // A name that starts inside a word (`وجوناثان`) is joined to what comes before, not apposed.
  if (h >= words.length || words[h].start !== nameStart) return null;
  while (h > 0 && words[h].joined && isHonorific(words[h - 1])) h--;
  if (h === 0 || !GAP_BEFORE_NAME.test(text.slice(words[h - 1].end, words[h].start))) return null;
  for (let s = Math.max(0, h - MAX_ROLE_WORDS); s < h; s++) {
    if (!TITLE_ENDINGS[words[s].ending] || !isTitle(words[s].fold, true)) continue;
    if (roleEnd(ctx, s, h) !== h) continue;
    // Every word of the role up to the name is joined (no clause punctuation inside).
    let joined = true;
    for (let k = s + 1; k < h; k++) joined &&= words[k].joined;
    if (!joined) continue;
    const f = words[s].fold;
    const conj = !isTitle(f) && (f.startsWith('و') || f.startsWith('ف')) ? 1 : 0;
    return slice(ctx, s, h, conj);
  }
  return null;
}

/**
 * The role written just after a name that ends at `nameEnd`: an indefinite title right after it,
 * or any title after a comma.
 * @example roleAfter(ctx, end of 'هاني سليم') for 'وشهد هاني سليم وزير السياحة مراسم' // → 'وزير السياحة'
 */
export function roleAfter(ctx: RoleContext, nameEnd: number): string | null {
  const { words, text } = ctx;
  const k = firstWordFrom(words, nameEnd);
  if (k >= words.length) return null;
  const gap = text.slice(nameEnd, words[k].start);
  const f = words[k].fold;
  const comma = GAP_AFTER_NAME_COMMA.test(gap);
  if (!(comma && isTitle(f)) && !(GAP_SPACE.test(gap) && isIndefiniteTitle(f))) return null;
  return slice(ctx, k, roleEnd(ctx, k, words.length));
}

/**
 * People framed by an honorific and a title, for names the tagger missed: `الدكتور محمد عبد
 * العاطي وزير الري`, `اللواء مهندس صلاح الأمير محافظ الإقليم`, `المهندس كريم سعد، رئيس الشركة`.
 * Two to four name words, none a function word, title or honorific.
 */
export function findTitledPersons(text: string, words: readonly Word[]): NameSpan[] {
  const out: NameSpan[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!isHonorific(words[i])) continue;
    let j = i + 1;
    while (j < words.length && words[j].joined && isHonorific(words[j])) j++;
    for (let m = 1; m <= MAX_NAME_WORDS && j + m - 1 < words.length; m++) {
      const w = words[j + m - 1];
      // A family name may be a title word (`صلاح الأمير`), a given name may not.
      if (!w.joined || !isNameWord(w, m > 1)) break;
      if (m < MIN_NAME_WORDS || j + m >= words.length) continue;
      const next = words[j + m];
      const gap = text.slice(w.end, next.start);
      const titled =
        (GAP_SPACE.test(gap) && isIndefiniteTitle(next.fold)) ||
        (GAP_AFTER_NAME_COMMA.test(gap) && isTitle(next.fold));
      if (!titled) continue;
      out.push({ start: words[j].start, end: w.end });
      i = j + m - 1;
      break;
    }
  }
  return out;
}

function isNameWord(w: Word, titleAllowed: boolean): boolean {
  const f = w.fold;
  if (f.length < 2 || isStopword(f) || HONORIFICS.has(f) || TIME_WORDS.has(f)) return false;
  if (isTitle(f) && !(titleAllowed && f.startsWith('ال'))) return false;
  return /^\p{Script=Arabic}+$/u.test(f);
}
