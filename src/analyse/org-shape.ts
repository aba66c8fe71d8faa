// Organisation names by their shape, for the names neither the gazetteer nor the tagger knows:
// a head noun (وزارة، هيئة، كتيبة، قنصلية…) followed by the words Arabic news uses to name one.
//
//   A. Indefinite head + genitive (idafa): the head, at most two indefinite nouns in construct,
//      then a definite noun or a name already found (`وزارة العمل`, `وحدات حماية الشعب`,
//      `ألوية صلاح الدين`, `شرطة باريس`, `مركز عمان للدراسات`).
//   B. Definite head + an adjective that only names take (`الإدارة العامة للتشغيل`,
//      `المجلس الأعلى للقضاء`, `القوات المسلحة`), or an embassy/consulate + a nationality
//      (`القنصلية اليونانية`, `السفارة الأمريكية`).
//   Both then run on through adjectives (`المائية`, `المصرية`), one or two coordinated nouns
//   (`الصحة والسكان`, `الموارد المائية والري`), one `ل`-phrase (`للتشغيل`, `لحقوق الإنسان`) and
//   one apposed name (`كلية الهندسة جامعة القاهرة`).
//   C. A Latin name after an outlet or company word (`وكالة Bloomberg`), and a brand in
//      `علامة رولكس التجارية`: the Latin words / the brand are the name.
//
// Precision rules, each with the false positive that forced it:
//   - descriptions are not names: armed heads + a descriptive complement (`قوات النظام`,
//     `جيش الاحتلال`) or a place (`ميليشيات شرق ليبيا`); `حركة المرور`, `جبهة القتال`,
//     `مجلس إدارة الشركة`; `وزارة` alone; `الوزارة المعنية` (a definite head needs a name
//     adjective, and `المعنية` is not one);
//   - a verb is not a genitive: `حزب يدعو الحكومة` (an indefinite word starting with ي stops
//     the chain), nor is a word with a pronoun: `هيئة معارضة مقرها باريس`;
//   - weak heads (قطاع، إدارة، وحدة، مركز، مكتب، لجنة، كتلة، حركة…) are also common nouns (`قطاع
//     الطاقة` "the energy sector", `وحدة الصف` "unity", `الوحدة الوطنية`): they make a name only
//     with a nested genitive (`وحدة مكافحة الإرهاب`), a `ل`-phrase (`مركز عمان للدراسات`), or a
//     title in front of one of the name's mentions (`رئيس قطاع الكهرباء الريفية`); before a
//     strong head they are a part of it (`إدارة شركة الاتصالات` → `شركة الاتصالات`);
//   - after a proper name in the genitive no adjective follows (`جامعة دمشق الاتفاقيةَ`).
// Known false positives: a definite object right after a name that ends like a nisba adjective
// (a loanword in ي, a noun in ية missing from NISBA_LOOKALIKES in words.ts) is read into the
// name; so is a past verb that starts with ال (`التقى`) after a head noun.

import { foldedWordSet, foldForSearch } from '../arabic/normalize.js';
import { segment } from '../arabic/segment.js';
import { isStopword } from '../arabic/stopwords.js';
import { nameKey } from './name-key.js';
import {
  endingTable,
  isDefinite,
  isNisba,
  knownNameEnds,
  offsetAfterLetters,
  procliticForms,
  type Word,
} from './words.js';

export interface NameSpan {
  start: number;
  end: number;
}

/** Heads that name an organisation with any genitive after them. */
const STRONG_HEADS = foldedWordSet(`
  وزارة هيئة مجلس شركة جامعة كلية أكاديمية معهد قنصلية سفارة حزب حركة جبهة منظمة جمعية نقابة
  اتحاد بنك مصرف مؤسسة محكمة نيابة شرطة كتيبة كتائب لواء ألوية سرايا فيلق قوات جيش ميليشيا
  ميليشيات ائتلاف تحالف رابطة جريدة صحيفة مجلة وكالة مديرية
`);
/** Heads that are also common nouns: they need evidence (see the file comment). */
const WEAK_HEADS = foldedWordSet('قطاع إدارة وحدة وحدات مركز مكتب دائرة لجنة كتلة صندوق مصلحة حركة');
/** Armed and security heads, whose "X of the regime/occupation" is a description. */
const ARMED_HEADS = foldedWordSet('قوات جيش وحدات كتائب كتيبة لواء ألوية سرايا ميليشيا ميليشيات');
const ARMED_DESCRIPTIONS = foldedWordSet(`
  النظام الأمن الاحتلال المعارضة الحكومة الجيش الشرطة التحالف الدولة العدو البلاد الطرفين
  الجانبين الأسد المتمردين الانقلاب
`);
/** Nouns that make a place of what follows (`شرق سوريا`, `ريف حلب`). */
const PLACE_NOUNS = foldedWordSet('شرق غرب شمال جنوب وسط ريف جنوبي شمالي شرقي غربي');
/** Complements that make a description of some heads (`حركة المرور`, `جبهة القتال`, `مجلس العزاء`). */
const DESCRIPTIONS_OF: Record<string, Set<string>> = {
  [foldForSearch('حركة')]: foldedWordSet(`
    العبور المرور السير الملاحة الطيران التجارة النزوح الاحتجاج الاحتجاجات الأسواق البيع الشراء التنقل
    النقل السفر الركاب البورصة الأسهم التداول السياحة
  `),
  [foldForSearch('جبهة')]: foldedWordSet('القتال المواجهة المواجهات الحرب'),
  [foldForSearch('مجلس')]: foldedWordSet('العزاء الإدارة'),
  [foldForSearch('وحدة')]: foldedWordSet('الصف الأراضي الموقف الكلمة'),
};
/** Adjectives that make a definite head a name (`الإدارة العامة`, `القوات المسلحة`). */
const NAME_ADJECTIVES = foldedWordSet(`
  العامة العام العليا الأعلى الوطنية الوطني القومي القومية المركزي المركزية الاتحادي الاتحادية
  الدولي الدولية المسلحة المستقلة المستقل الأهلي الأهلية الموحد الموحدة المتحدة
`);
/** These need more after them: `الإدارة العامة` alone is "the administration". */
const NAME_ADJECTIVES_NEEDING_MORE = foldedWordSet('العامة العام');
/** Diplomatic heads: with a nationality they name one mission (`القنصلية اليونانية`). */
const DIPLOMATIC_HEADS = foldedWordSet('قنصلية سفارة');
/** Adjectives of names that are not nisba-shaped (`الجيش الحر`, `الهلال الأحمر`). */
const OTHER_NAME_ADJECTIVES = foldedWordSet('الحر الحرة الأحمر الكبرى الكبير المسلمين');
/** Definite words that are times, not names (`أعلنت وزارة الصحة اليوم`). */
const TIME_WORDS = foldedWordSet(`
  اليوم الأمس الآن الماضي الماضية المقبل المقبلة القادم القادمة الحالي الحالية الجاري الجارية
  الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأخير الأخيرة
`);
/** Words before a head that make it an office (`رئيس قطاع …`, `مدير إدارة …`): evidence for weak heads. */
const OFFICE_TITLES = foldedWordSet(`
  رئيس رئيسة نائب مدير مديرة عميد عميدة أمين وكيل مساعد مسؤول مسؤولة عضو أعضاء موظفي موظفو
`);
/** Outlet and company words before a Latin name (`صحيفة Le Parisien`, `موقع Middle East Eye`). */
const LATIN_NAME_HEADS = foldedWordSet('موقع صحيفة جريدة مجلة قناة شبكة وكالة شركة مجموعة منظمة مؤسسة بنك');
const LATIN_HEAD_FORMS = new Set([...LATIN_NAME_HEADS].flatMap((h) => [...procliticForms(h, false).keys()]));
/** `علامة X التجارية`: X is a brand. */
const BRAND_HEADS = foldedWordSet('علامة ماركة');
const TRADE_ADJECTIVE = foldForSearch('التجارية');
const BRAND_ENDINGS = endingTable(BRAND_HEADS);

/**
 * Indefinite nouns allowed in construct between a head and its definite noun: two cover
 * `مكتب تنسيق شؤون اللاجئين`; more would let a clause in whose words only look like nouns.
 */
const MAX_CONSTRUCT_NOUNS = 2;
/** Nouns coordinated with و inside one name (`الصحة والسكان`, `الهجرة واللجوء`). */
const MAX_COORDINATED = 2;
/** Latin words of one name after an outlet word. */
const MAX_LATIN_WORDS = 5;

const LATIN_WORD = /^[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F0-9]*$/;

/** The endings of every head, to skip the other words fast. */
const HEAD_ENDINGS = endingTable([...STRONG_HEADS, ...WEAK_HEADS]);

interface HeadReading {
  head: string;
  definite: boolean;
  /** Letters of proclitics before the head (`بشرطة` → 1). */
  cut: number;
}

/** Every written form of every head (`بشرطة`, `والإدارة`, `للجنة`) and what it reads as. */
const HEAD_FORMS = new Map<string, HeadReading>();
for (const head of [...STRONG_HEADS, ...WEAK_HEADS]) {
  for (const [form, [base, cut]] of procliticForms(head, true))
    HEAD_FORMS.set(form, { head, definite: base !== head, cut });
}

/** The head noun of a word, if it is one (proclitics off: `بشرطة`, `والإدارة`, `للجنة`). */
function headOf(w: Word): HeadReading | null {
  // Most words are no head: a cheap look at the word's end first (every form keeps it).
  if (!HEAD_ENDINGS[w.ending]) return null;
  return HEAD_FORMS.get(w.fold) ?? null;
}

/**
 * A nisba adjective (`المائية`, `المصري`, `الأردنيين`) or one of the other name adjectives.
 * Known false positive: a definite object right after a name that is a loanword ending in ي
 * (`الويسكي`) or a noun in ية missing from NISBA_LOOKALIKES is read as the name's adjective.
 */
function isAdjective(f: string): boolean {
  if (!isDefinite(f) || TIME_WORDS.has(f)) return false;
  return isNisba(f.slice(2)) || OTHER_NAME_ADJECTIVES.has(f);
}

/** A word that can stand in construct before the definite noun: not a verb, pronoun-less. */
/** A noun in construct inside the genitive chain; a preposition cannot be (`لجنة لحصر الأضرار`). */
function isConstructNoun(w: Word): boolean {
  if (!isConstructForm(w.text, w.fold)) return false;
  const { proclitics } = segment(w.text);
  return !proclitics.some((p) => p === 'ل' || p === 'ب' || p === 'ك');
}

function isConstructForm(text: string, f: string): boolean {
  if (f.length < 3 || f.startsWith('ال') || f.startsWith('ي') || isStopword(f)) return false;
  if (!/^\p{Script=Arabic}+$/u.test(f)) return false;
  return segment(text).enclitics.length === 0;
}

function isNameNoun(f: string): boolean {
  return isDefinite(f) && !TIME_WORDS.has(f);
}

interface Chain {
  /** Index just past the last word of the name. */
  end: number;
  nested: boolean;
  lPhrase: boolean;
}

/**
 * The genitive after an indefinite head at `i`: construct nouns, then a definite noun or a known
 * name. Returns the index past it, or -1.
 */
function genitiveAfter(
  words: readonly Word[],
  i: number,
  head: string,
  knownEnd: (w: number) => number,
): { end: number; nested: boolean; known: boolean } {
  let j = i + 1;
  let construct = 0;
  const armed = ARMED_HEADS.has(head);
  while (j < words.length && words[j].joined) {
    const f = words[j].fold;
    const known = knownEnd(j);
    // `قوات دمشق`, `ميليشيات شرق سوريا`: armed men of a place are a description.
    if (known > j && !(armed && !f.startsWith('ال')))
      return { end: known, nested: construct > 0, known: true };
    if (armed && PLACE_NOUNS.has(f)) break;
    // `مجلس الإدارة`, `مجلس إدارة الشركة`: the description, with or without the article.
    if (construct === 0 && DESCRIPTIONS_OF[head]?.has(f.startsWith('ال') ? f : `ال${f}`)) break;
    if (isNameNoun(f)) {
      if (construct === 0 && armed && ARMED_DESCRIPTIONS.has(f)) break;
      return { end: j + 1, nested: construct > 0, known: false };
    }
    // `إدارة شركة الاتصالات`: a weak head before a strong one is a part of the organisation
    // (its management), and the name starts at the strong head.
    if (construct === 0 && WEAK_HEADS.has(head) && STRONG_HEADS.has(f)) break;
    // `منظمة محلية الخسائر`: an indefinite adjective describes the head ("a local organisation");
    // what follows is the verb's object.
    if (construct === 0 && isNisba(f)) break;
    if (construct < MAX_CONSTRUCT_NOUNS && isConstructNoun(words[j])) {
      construct++;
      j++;
      continue;
    }
    break;
  }
  return { end: -1, nested: false, known: false };
}

/** Adjectives, coordination, one ل-phrase and one apposed name after the name's core. */
function extend(
  words: readonly Word[],
  from: number,
  knownEnd: (w: number) => number,
  allowApposition: boolean,
  afterProperName = false,
  first = -1,
): Chain {
  // A name found already that ends here is complete: a ل-phrase after it says what for
  // (`مجلس الرقة المدني لإخراج المدنيين`).
  const complete = (j: number) => first >= 0 && knownEnd(first) === j;
  let j = from;
  let coordinated = 0;
  let lPhrase = false;
  let nested = false;
  let apposed = !allowApposition;
  while (j < words.length && words[j].joined) {
    const f = words[j].fold;
    if (isAdjective(f) && !afterProperName) {
      j++;
      continue;
    }
    if (coordinated < MAX_COORDINATED && f.startsWith('وال') && isNameNoun(f.slice(1))) {
      coordinated++;
      j++;
      continue;
    }
    if (complete(j)) break;
    if (!lPhrase && f.startsWith('لل') && f.length > 4 && isNameNoun(`ا${f.slice(1)}`)) {
      lPhrase = true;
      j++;
      continue;
    }
    // ل + an indefinite noun in construct + a definite noun or a name: `لحقوق الإنسان`, `لدول الخليج`.
    if (!lPhrase && f.startsWith('ل') && f.length > 3 && j + 1 < words.length && words[j + 1].joined) {
      const inner = isConstructForm(words[j].text.slice(1), f.slice(1));
      if (inner && (isNameNoun(words[j + 1].fold) || knownEnd(j + 1) > j + 1)) {
        lPhrase = true;
        j = Math.max(j + 2, knownEnd(j + 1));
        continue;
      }
    }
    if (!apposed) {
      const h = headOf(words[j]);
      if (h && !h.definite && h.cut === 0) {
        const g = genitiveAfter(words, j, h.head, knownEnd);
        if (g.end > 0) {
          apposed = true;
          nested ||= g.nested;
          afterProperName = g.known;
          j = g.end;
          continue;
        }
      }
    }
    break;
  }
  return { end: j, nested, lPhrase };
}

function isLatinStart(w: Word): boolean {
  const c = w.source.charCodeAt(w.start);
  return c >= 0x41 && c <= 0x5a;
}

interface Candidate extends NameSpan {
  key: string;
  weak: boolean;
  evidence: boolean;
}

/**
 * Organisation names found by shape, in text order, never overlapping one another.
 * `known` are names found already (gazetteer, tagger): after a head they are its genitive.
 *
 * @example
 * const text = 'أعلنت وزارة التربية والتعليم العالي أن';
 * findOrganisationNames(text, scanWords(text), []) // → [{ start: 6, end: 35 }] (وزارة التربية والتعليم العالي)
 */
export function findOrganisationNames(
  text: string,
  words: readonly Word[],
  known: readonly NameSpan[],
): NameSpan[] {
  /** Index past the known name that starts at word w, or -1. */
  const knownEnd = knownNameEnds(words, known);

  const candidates: Candidate[] = [];
  const push = (first: number, cut: number, end: number, weak: boolean, evidence: boolean) => {
    const start = offsetAfterLetters(text, words[first].start, cut);
    const stop = words[end - 1].end;
    candidates.push({ start, end: stop, key: nameKey(text.slice(start, stop)).join(' '), weak, evidence });
  };

  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    // C. Latin names after outlet words, brands in `علامة X التجارية`.
    if (
      i + 1 < words.length &&
      words[i + 1].joined &&
      isLatinStart(words[i + 1]) &&
      LATIN_HEAD_FORMS.has(w.fold)
    ) {
      let j = i + 1;
      while (
        j < words.length &&
        j - i <= MAX_LATIN_WORDS &&
        LATIN_WORD.test(words[j].text) &&
        (j === i + 1 || words[j].joined)
      )
        j++;
      candidates.push({
        start: words[i + 1].start,
        end: words[j - 1].end,
        key: '',
        weak: false,
        evidence: true,
      });
      i = j - 1;
      continue;
    }
    if (BRAND_ENDINGS[w.ending] && BRAND_HEADS.has(w.fold)) {
      for (let n = 1; n <= 2 && i + n + 1 < words.length; n++) {
        const names = words.slice(i + 1, i + n + 1);
        const after = words[i + n + 1];
        if (after.fold !== TRADE_ADJECTIVE || !after.joined) continue;
        if (!names.every((x) => x.joined && !isStopword(x.fold) && !x.fold.startsWith('ال'))) break;
        candidates.push({
          start: names[0].start,
          end: names[n - 1].end,
          key: '',
          weak: false,
          evidence: true,
        });
        i += n + 1;
        break;
      }
      continue;
    }

    const h = headOf(w);
    if (!h) continue;
    const weak = WEAK_HEADS.has(h.head);
    const office = i > 0 && w.joined && h.cut === 0 && OFFICE_TITLES.has(words[i - 1].fold);
    if (!h.definite) {
      // A.
      const g = genitiveAfter(words, i, h.head, knownEnd);
      if (g.end < 0) continue;
      // After a proper name in the genitive (`جامعة دمشق`) an adjective would be the head's,
      // which news rarely writes; a definite word there is the next phrase (`جامعة دمشق الاتفاقيةَ`).
      const c = extend(words, g.end, knownEnd, true, g.known, i);
      const nested = g.nested || c.nested;
      push(i, h.cut, c.end, weak, office || nested || c.lPhrase);
      i = c.end - 1;
    } else {
      // B.
      const next = words[i + 1];
      if (!next?.joined) continue;
      const diplomatic = DIPLOMATIC_HEADS.has(h.head) && isAdjective(next.fold);
      if (!diplomatic && !NAME_ADJECTIVES.has(next.fold)) continue;
      const c = extend(words, i + 2, knownEnd, false, false, i);
      // `الإدارة العامة` alone is "the administration", `الوحدة الوطنية` "national unity".
      if ((weak || NAME_ADJECTIVES_NEEDING_MORE.has(next.fold)) && c.end === i + 2) continue;
      push(i, h.cut, c.end, weak, true);
      i = c.end - 1;
    }
  }

  // A weak head is a name when one of its mentions shows it (`رئيس قطاع المياه الجوفية`).
  const shown = new Set(candidates.filter((c) => c.evidence).map((c) => c.key));
  return candidates
    .filter((c) => !c.weak || c.evidence || shown.has(c.key))
    .map(({ start, end }) => ({ start, end }));
}
