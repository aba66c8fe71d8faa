// Light stemmer for search: the search fold, clitic segmentation (segment.ts), then one plural,
// dual or feminine suffix where it is safe. In the spirit of Larkey's light10 stemmer, with
// length guards and exception lists instead of light10's bare "two letters must remain".

import { foldForSearch } from './normalize.js';
import { analyseWord, keySlice, lastKeyNeedsFullFold, lightAt, segmentSearchKey } from './segment.js';

/** Letters that must remain after removing ون ين: حسين, يمين, سجون, عيون stay whole. */
const MIN_AFTER_PLURAL = 3;
/** Letters that must remain after removing ات — as for ة, so قوات → قو meets قوة → قو. */
const MIN_AFTER_AT = 2;
/** Letters that must remain after removing ان: most nouns ending in ان are not duals (لبنان, برلمان). */
const MIN_AFTER_DUAL_AN = 4;
/** Letters that must remain when a construct-state ت is dropped before a pronoun: بيته keeps بيت. */
const MIN_AFTER_CONSTRUCT_TA = 3;
/** Letters that must remain after removing ة: سنة → سن, قوة → قو. */
const MIN_AFTER_TA_MARBUTA = 2;

/**
 * Words that end like a plural, dual or feminine form but are not one: names and places
 * (فاطمة, فلسطين, ماكرون, غزة), nouns where the letters are part of the word (قانون, مليون,
 * برلمان), and broken plurals on the فعاليل pattern whose first letter is م (ملايين, ميادين).
 * Matched on the search fold of the stem after clitics are removed.
 */
const NO_SUFFIX_WORDS = `
فاطمة أسامة حمزة طلحة عبيدة سمية هالة عزة غزة رقة جدة مكة قاهرة اسكندرية إسكندرية حماة لاذقية كوفة
بصرة فلوجة حسكة قنيطرة دوحة منامة أنقرة أنطاكية جيزة إسماعيلية سويس جزيرة سنغافورة برشلونة
لشبونة سوسة جنيف بنها رملة نابلس
فلسطين ياسين نسرين شيرين بحرين رافدين بوتين برلين ستالين تشرين حسين جنين صين لينين بنيامين
ماكرون هارون كانون قانون مليون زيتون ليمون صابون صهيون فرعون حلزون مأمون ميمون تلفزيون تليفزيون
كربون صالون قلمون حرمون ميكروفون
الذين اللذين اللتين اللذان اللتان هذان هذين هاتان هاتين
أردوغان أصفهان برلمان فاتيكان أذربيجان سليمان عثمان رمضان سلطان إنسان عنوان ميدان إعلان
ملايين ميادين مضامين مساكين مجانين موازين بلايين
أوقات أصوات أموات أبيات أقوات بنات
`;

const NO_SUFFIX = new Set<string>();
for (const w of NO_SUFFIX_WORDS.split(/\s+/)) if (w) NO_SUFFIX.add(segmentSearchKey(w));

// Letters of the light fold (code units).
const ALEF = 0x0627;
const ALEF_HAMZA_ABOVE = 0x0623;
const ALEF_HAMZA_BELOW = 0x0625;
const TA = 0x062a;
const TA_MARBUTA = 0x0629;
const WAW = 0x0648;
const YA = 0x064a;
const NUN = 0x0646;
const MIM = 0x0645;
const SIN = 0x0633;
const THA = 0x062b;
const LAM = 0x0644;

function isAlefLike(c: number): boolean {
  return c === ALEF || c === ALEF_HAMZA_ABOVE || c === ALEF_HAMZA_BELOW;
}

/**
 * Letters to drop from the end of the light-folded stem (letters [from, to) of the last analysed
 * word), or 0. One clause per reason.
 */
function suffixLength(from: number, to: number): number {
  const n = to - from;
  if (n < 2) return 0;
  const last = lightAt(to - 1);
  const prev = lightAt(to - 2);
  // ة (and so ية → ي, which meets the masculine nisba: دولية → دولي = دولي).
  if (last === TA_MARBUTA) return n - 1 >= MIN_AFTER_TA_MARBUTA ? 1 : 0;
  // ات: sound feminine plural (اتفاقات → اتفاق, حكومات → حكوم = حكومة's stem).
  if (prev === ALEF && last === TA) return n - 2 >= MIN_AFTER_AT ? 2 : 0;
  if (last !== NUN) return 0;
  // ون: sound masculine plural (مسؤولون → مسؤول). Not مفعول of roots ending in ن (مسجون,
  // مضمون, مخزون): five letters, م first.
  if (prev === WAW) {
    if (n - 2 < MIN_AFTER_PLURAL) return 0;
    if (n === 5 && lightAt(from) === MIM) return 0;
    return 2;
  }
  // ين: plural or dual in the oblique case (المقاتلين → مقاتل, الطرفين → طرف). Not تفعيل
  // masdars of roots ending in ن (تأمين, تعيين: five letters, ت first), nor فعاليل broken plurals
  // (قوانين, عناوين, سلاطين: six letters, alef third — except ثلاثين).
  if (prev === YA) {
    if (n - 2 < MIN_AFTER_PLURAL) return 0;
    if (n === 5 && lightAt(from) === TA) return 0;
    if (
      n === 6 &&
      lightAt(from + 2) === ALEF &&
      lightAt(from) !== MIM &&
      !(lightAt(from) === THA && lightAt(from + 1) === LAM)
    )
      return 0;
    return 2;
  }
  // ان: dual in the nominative (الجانبان → جانب). Most words ending in ان are not duals, so:
  // four letters must remain, and not a masdar of forms VII/VIII/X (استيطان, امتحان: alef first,
  // six letters or more), not فعلان of weak roots (بيان, طغيان: ي before ان), not -ستان.
  if (prev === ALEF) {
    if (n - 2 < MIN_AFTER_DUAL_AN) return 0;
    if (isAlefLike(lightAt(from)) && n >= 6) return 0;
    if (lightAt(to - 3) === YA) return 0;
    if (lightAt(to - 4) === SIN && lightAt(to - 3) === TA) return 0;
    return 2;
  }
  return 0;
}

/**
 * Light stem of `word` for search: search-folded, clitics removed, one plural/dual/feminine
 * suffix removed where safe. Deterministic; the same function runs on indexed words and queries.
 *
 * @example
 * stem('وبقواتها')   // → 'قو'     (و + ب + قوات + ها; قوات → قو, as قوة → قو)
 * stem('المقاتلين') // → 'مقاتل'
 * stem('فلسطين')    // → 'فلسطين'
 */
export function stem(word: string): string {
  const a = analyseWord(word);
  const from = a.cuts[a.cuts.length - 1];
  let to = a.stemEnd;
  if (to <= from) return foldForSearch(word);
  if (!NO_SUFFIX.has(keySlice(from, to))) {
    let cut = suffixLength(from, to);
    const n = to - from;
    // Construct state before a pronoun: حكومته → حكومت → حكوم, as حكومة → حكوم (بيته keeps بيت).
    const hadEnclitic = a.stemEnd < a.letters;
    if (cut === 0 && hadEnclitic && lightAt(to - 1) === TA && n - 1 >= MIN_AFTER_CONSTRUCT_TA) cut = 1;
    // Dual/plural of a feminine noun: الدولتين → دولت → دول, as دولة → دول.
    if (cut === 2 && lightAt(to - 1) === NUN && lightAt(to - 3) === TA && n - 3 >= MIN_AFTER_TA_MARBUTA)
      cut = 3;
    to -= cut;
  }
  const key = keySlice(from, to);
  // The key keeps ة (segment.ts needs it); the search fold writes it ه.
  if (lastKeyNeedsFullFold()) return foldForSearch(key);
  return key.includes('ة') ? key.replaceAll('ة', 'ه') : key;
}
