// Date expressions in Arabic news text → DateMention[] with exact offsets into the input.
//
// Covers the three Gregorian month-name systems (Levantine/Iraqi كانون الثاني…, Egyptian/Gulf
// يناير…, Maghrebi جانفي…, plus Moroccan يوليوز/غشت/شتنبر/نونبر/دجنبر) and bilingual pairs
// (أكتوبر/تشرين الأول, تشرين الأول (أكتوبر)); Hijri month names (Umm al-Qura via hijri.ts);
// numeric dates; weekdays; and relative expressions (أمس, منذ ثلاثة أيام, الشهر الماضي).
//
// How it works: the text is folded once (harakat and tatweel dropped, alef/ta-marbuta/ya and
// digit sets unified, with an offset map — numbers.ts `foldForMatching`). One global regex
// (TRIGGER_G) finds the words an expression can start with; at each one, sticky *anchor*
// regexes are tried (a month name, a weekday, a relative word, a numeric date, a year…). Each
// anchor is extended with small sticky regexes: a day number (digits or ordinal) and a weekday
// to its left, a paired month, a year and a clock time to its right. Overlapping candidates are
// settled by length (longest wins). Every regex is built once, below, from the word tables.
//
// Decisions (each is a guess about news usage, listed so they can be revisited):
// - A month name needs a day number or a year next to it (مارس is also "he practised", آب
//   "father", ماي an English loan); with neither it is not a date, except with الماضي/المقبل
//   or as a bilingual pair of the same month (أغسطس/آب, تشرين الأول (أكتوبر)): nobody writes a
//   verb and its month twin side by side. Such a pair is the most recent one at or before the
//   reference (news narrates the past), like a bare weekday.
// - A 4-digit number is a year (granularity 'year') only with a context that says so:
//   a year noun (عام 2011, عامي 2019 و2020), a season or part of the year, kept in the span
//   (صيف 2024, مطلع 2020), a preposition of time, left outside (في/منذ/خلال/حتى/قبل/بعد 1989),
//   a ميلادي after it, or و after a year already taken (2019 و2020). Without one it is a count or
//   a name (مهني 2030, 2030 شخصاً, رؤية 2030). After a preposition it must not be followed by
//   a counted noun (في 2030 شخصاً, خلال 2000 يوم, حتى 2000 دولار): a unit or a listed noun, or
//   a word ending in the accusative ا of "N items" (tamyiz) that is not a listed adverb.
//   Ranges and phone numbers are not years: no digit group or 2018-2019 joined on either side.
// - A year with هـ/هجري/للهجرة after it (1445هـ, عام 1445 هـ) is a Hijri year: granularity
//   'year', value its 1 Muharram, as for a Hijri month.
// - Slash/dash/dot dates are day-first unless they start with a 4-digit year; a d/m/y whose
//   middle number is > 12 while the first is ≤ 12 is read month-first (08/24/2020).
// - A day and month without a year take the year that puts the date nearest the reference.
// - A bare weekday is the one on or before the reference day (news reports what happened);
//   with الماضي strictly before, with المقبل/القادم strictly after.
// - منذ/قبل N دقائق/ساعات → minute; أيام/أسابيع → day; أشهر → month; سنوات → year. Coarser
//   units get coarser values: "two months ago" is not a day. N is digits or number words of any
//   size (ثلاثة, خمسة عشر, ثلاثين, خمسة وعشرين, مئة), read by parseNumbers; agreement of the
//   noun with the number (ثلاث سنوات / ثلاثين عاما) is not checked, news is lax about it.
// - الأسبوع الماضي = the reference day minus 7 (day granularity: there is no week granularity).
// - A Hijri month with a year but no day has granularity 'month' and the value of its first
//   day (Hijri months do not line up with Gregorian ones).
// - Clitics و/ب/ف/ل in front of the first word are outside the span; يوم/الساعة are inside.
//
// Not handled (known gaps): English word order (أكتوبر 14، 2017); years after من/إلى/بين (too
// often counts: أكثر من 2000, ارتفع إلى 2000) or with no context at all (2011 عام الثورة);
// year ranges (2018-2019, 2010/2011); two-digit years (24/08/20); day/month without year in
// digits (27/8); a time before its day (الساعة 9 مساء أمس keeps only مساء أمس); ranges (من 10
// إلى 12 أكتوبر gives only 12 أكتوبر); vague counts (منذ بضعة أيام, خلال الساعات الـ24 الماضية).
// Known false positives: غدا as the verb "became"; الجمعة in صلاة الجمعة as a weekday; قبل
// ساعتين counted from the reference even when the story means two hours before an event
// (only قبل … من is excluded); الاثنين meaning "the two" outside بين/كلا/معا contexts. ليلة
// الخميس is read as Thursday night, though older usage means the night before Thursday. A year
// after في followed by a counted noun that is neither listed nor accusative (في 2000 منزل) is
// read as a year; ارتفاع 2000 م (metres) after a preposition is read as the year 2000. A month
// pair in a future announcement (يبدأ في سبتمبر/أيلول) is resolved to the past one.

import { gregorianToHijri, hijriMonthLength, hijriToGregorian } from './hijri.js';
import {
  EXACT_NUMBER_WORDS,
  type FoldedText,
  foldForMatching,
  LETTER,
  parseNumbers,
  spanInSource,
} from './numbers.js';

export interface DateMention {
  /** UTF-16 offsets into the original text. */
  start: number;
  end: number;
  /** The matched substring of the original text. */
  text: string;
  kind: 'absolute' | 'relative' | 'weekday' | 'hijri';
  /** ISO: '2017-10-10', '2017-10-10T21:30', '2017-10', '2017'; null when it needs a reference. */
  value: string | null;
  granularity: 'year' | 'month' | 'day' | 'minute';
  partOfDay?: PartOfDay;
  calendar: 'gregorian' | 'hijri';
  /** As written, when written in the Hijri calendar (no month for a bare Hijri year: 1445هـ). */
  hijri?: { year: number; month?: number; day?: number };
}

export type PartOfDay = 'morning' | 'noon' | 'afternoon' | 'evening' | 'night' | 'dawn';

export interface ParseDatesOptions {
  /** The moment the text was published; relative dates and year-less dates resolve against it. */
  reference?: Date;
  /** IANA zone the reference is read in (default 'UTC'). */
  timeZone?: string;
}

// ---------------------------------------------------------------------------------------------
// Word tables (natural spelling; folded when the regexes are built)
// ---------------------------------------------------------------------------------------------

/** Gregorian month names, by month number. */
const GREGORIAN_MONTHS: ReadonlyArray<readonly [number, readonly string[]]> = [
  [1, ['كانون الثاني', 'كانون ثاني', 'يناير', 'جانفي', 'جانفييه']],
  [2, ['شباط', 'فبراير', 'فبرایر', 'فيفري', 'فبرير']],
  [3, ['آذار', 'مارس']],
  [4, ['نيسان', 'أبريل', 'إبريل', 'أفريل']],
  [5, ['أيار', 'مايو', 'ماي']],
  [6, ['حزيران', 'يونيو', 'يونيه', 'جوان']],
  [7, ['تموز', 'يوليو', 'يوليه', 'جويلية', 'يوليوز']],
  [8, ['آب', 'أغسطس', 'أوت', 'غشت']],
  [9, ['أيلول', 'سبتمبر', 'شتنبر']],
  [10, ['تشرين الأول', 'تشرين أول', 'أكتوبر', 'أوكتوبر']],
  [11, ['تشرين الثاني', 'تشرين ثاني', 'نوفمبر', 'نونبر']],
  [12, ['كانون الأول', 'كانون أول', 'ديسمبر', 'دجنبر']],
];

/** Umm al-Qura month names, by month number (ذو/ذي: nominative and genitive). */
const HIJRI_MONTHS: ReadonlyArray<readonly [number, readonly string[]]> = [
  [1, ['محرم', 'المحرم']],
  [2, ['صفر']],
  [3, ['ربيع الأول', 'ربيع أول']],
  [4, ['ربيع الآخر', 'ربيع الثاني', 'ربيع آخر', 'ربيع ثاني']],
  [5, ['جمادى الأولى', 'جمادى الأول', 'جمادى أولى']],
  [6, ['جمادى الآخرة', 'جمادى الثانية', 'جمادى الآخر', 'جمادى الثاني', 'جمادى ثاني']],
  [7, ['رجب']],
  [8, ['شعبان']],
  [9, ['رمضان']],
  [10, ['شوال']],
  [11, ['ذو القعدة', 'ذي القعدة', 'ذا القعدة']],
  [12, ['ذو الحجة', 'ذي الحجة', 'ذا الحجة']],
];

/** Weekdays with the article, 0 = Sunday (JavaScript's getUTCDay numbering). */
const WEEKDAYS: ReadonlyArray<readonly [number, readonly string[]]> = [
  [0, ['الأحد']],
  [1, ['الاثنين', 'الإثنين']],
  [2, ['الثلاثاء', 'الثلاثا']],
  [3, ['الأربعاء', 'الأربعا']],
  [4, ['الخميس']],
  [5, ['الجمعة']],
  [6, ['السبت']],
];

/** Part-of-day nouns in construct before a day: مساء الثلاثاء, صباح اليوم, ليلة أمس. */
const PART_OF_DAY_NOUNS: ReadonlyArray<readonly [PartOfDay, readonly string[]]> = [
  ['morning', ['صباح', 'صبيحة']],
  ['noon', ['ظهر', 'ظهيرة']],
  ['afternoon', ['عصر', 'بعد ظهر']],
  ['evening', ['مساء']],
  ['night', ['ليل', 'ليلة']],
  ['dawn', ['فجر']],
];

/** Part-of-day adverbs after a day or a clock time: الخميس مساءً, الساعة 9 صباحاً. */
const PART_OF_DAY_ADVERBS: ReadonlyArray<readonly [PartOfDay, readonly string[]]> = [
  ['morning', ['صباحا']],
  ['noon', ['ظهرا']],
  ['afternoon', ['عصرا', 'بعد الظهر']],
  ['evening', ['مساء', 'مساءا']],
  ['night', ['ليلا']],
  ['dawn', ['فجرا']],
];

/** Clock hours written as ordinals after الساعة: الساعة التاسعة مساء. */
const HOUR_WORDS: ReadonlyArray<readonly [number, readonly string[]]> = [
  [1, ['الواحدة']],
  [2, ['الثانية']],
  [3, ['الثالثة']],
  [4, ['الرابعة']],
  [5, ['الخامسة']],
  [6, ['السادسة']],
  [7, ['السابعة']],
  [8, ['الثامنة']],
  [9, ['التاسعة']],
  [10, ['العاشرة']],
  [11, ['الحادية عشرة']],
  [12, ['الثانية عشرة']],
];

/** Ordinal day numbers read before من + month: الخامس من يونيو, الحادي والعشرين من أكتوبر. */
const ORDINAL_DAYS: ReadonlyArray<readonly [number, readonly string[]]> = (() => {
  const units = ['الأول', 'الثاني', 'الثالث', 'الرابع', 'الخامس', 'السادس', 'السابع', 'الثامن', 'التاسع'];
  const table: Array<[number, string[]]> = units.map((w, i) => [i + 1, [w]]);
  table.push(
    [10, ['العاشر']],
    [11, ['الحادي عشر']],
    [20, ['العشرين']],
    [30, ['الثلاثين']],
    [31, ['الحادي والثلاثين']],
  );
  table.push([21, ['الحادي والعشرين']]);
  for (const [i, w] of units.slice(1).entries()) {
    table.push([i + 12, [`${w} عشر`]], [i + 22, [`${w} والعشرين`]]);
  }
  return table;
})();

/** Days from the reference for day words (البارحة: "last night", used for yesterday). */
const DAY_WORDS: ReadonlyArray<readonly [number, readonly string[]]> = [
  [-2, ['أول من أمس', 'أول أمس', 'أمس الأول']],
  [-1, ['أمس', 'الأمس', 'البارحة']],
  [0, ['اليوم']],
  [1, ['غدا', 'الغد', 'غد']],
  [2, ['بعد غد']],
];

/** الليلة = tonight; الليلة الماضية = last night (the night before the reference day). */
const TONIGHT = ['الليلة'];
const LAST_NIGHT = ['الليلة الماضية', 'الليلة البارحة', 'الليلة الفائتة'];

/** Direction words after a period, month or weekday: −1 past, +1 next, 0 current. */
const DIRECTIONS: ReadonlyArray<readonly [-1 | 0 | 1, readonly string[]]> = [
  [-1, ['الماضي', 'الماضية', 'المنصرم', 'المنصرمة', 'الفائت', 'الفائتة']],
  [1, ['المقبل', 'المقبلة', 'القادم', 'القادمة']],
  [0, ['الجاري', 'الجارية', 'الحالي', 'الحالية']],
];

type Unit = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

/** Units after منذ/قبل; count 1 or 2 for singular/dual forms, 0 for plurals (need a number). */
const UNIT_WORDS: ReadonlyArray<readonly [Unit, number, readonly string[]]> = [
  ['minute', 1, ['دقيقة']],
  ['minute', 2, ['دقيقتين', 'دقيقتان']],
  ['minute', 0, ['دقائق']],
  ['hour', 1, ['ساعة']],
  ['hour', 2, ['ساعتين', 'ساعتان']],
  ['hour', 0, ['ساعات']],
  ['day', 1, ['يوم', 'يوما']],
  ['day', 2, ['يومين', 'يومان']],
  ['day', 0, ['أيام']],
  ['week', 1, ['أسبوع', 'أسبوعا']],
  ['week', 2, ['أسبوعين', 'أسبوعان']],
  ['week', 0, ['أسابيع']],
  ['month', 1, ['شهر', 'شهرا']],
  ['month', 2, ['شهرين', 'شهران']],
  ['month', 0, ['أشهر', 'شهور']],
  ['year', 1, ['سنة', 'عام', 'عاما']],
  ['year', 2, ['سنتين', 'سنتان', 'عامين', 'عامان']],
  ['year', 0, ['سنوات', 'سنين', 'أعوام']],
];

/** Period nouns for الأسبوع الماضي / الشهر المقبل / هذا العام. */
const PERIODS: ReadonlyArray<readonly ['week' | 'month' | 'year', readonly string[]]> = [
  ['week', ['الأسبوع']],
  ['month', ['الشهر']],
  ['year', ['العام', 'السنة']],
];

/**
 * Words that make the 4-digit number after them a year and belong to the expression (they stay
 * in the span): seasons (صيف 2024), parts of a year (مطلع 2020, أواخر 1990) — both may have
 * عام/العام between (صيف عام 2024) — and the dual year nouns (عامي 2019 و2020). The value is
 * the year alone: a season or "early 2020" is not a month.
 */
const YEAR_HEADS = [
  ...['ربيع', 'صيف', 'خريف', 'شتاء'],
  ...['مطلع', 'مطالع', 'أوائل', 'أواخر', 'أواسط', 'منتصف', 'بداية', 'بدايات', 'نهاية', 'نهايات'],
  ...['عامي', 'سنتي'],
];

/** Year nouns: عام 2011 (handled by YEAR_WORD_Y), and for Hijri years عام 1445 هـ. */
const YEAR_NOUNS = ['عام', 'العام', 'للعام', 'سنة', 'السنة', 'للسنة'];

/**
 * Prepositions of time that make the 4-digit number after them a year (في 1989, منذ 2011,
 * حتى 2030), unless a counted noun follows. They stay outside the span, like في before a date.
 * Not من/إلى/بين: أكثر من 2000, ارتفع إلى 2000 and بين 2000 و3000 are usually counts.
 */
const YEAR_PREPOSITIONS = ['في', 'منذ', 'خلال', 'حتى', 'قبل', 'بعد'];

/**
 * Counted nouns after a round number (2000 شخص, 2000 دولار): after one of these a 4-digit
 * number is a count, not a year. The commonest in news counts; the accusative form (شخصاً) is
 * caught by its ending instead (COUNTED_AFTER_RE), so only the genitive singular is listed.
 */
const COUNTED_NOUNS = [
  ...['شخص', 'مواطن', 'نسمة', 'قتيل', 'جريح', 'مصاب', 'طفل', 'امرأة', 'رجل', 'جندي', 'عسكري', 'مقاتل'],
  ...['عنصر', 'لاجئ', 'نازح', 'معتقل', 'سجين', 'أسير', 'عامل', 'موظف', 'طالب', 'تلميذ', 'عضو', 'مشارك'],
  ...['زائر', 'سائح', 'حاج', 'حالة', 'إصابة', 'وفاة', 'منزل', 'مبنى', 'وحدة', 'شقة', 'مدرسة', 'قرية'],
  ...['موقع', 'مشروع', 'فرصة', 'وظيفة', 'سيارة', 'طائرة', 'صاروخ', 'قذيفة', 'غارة', 'دولار', 'يورو'],
  ...['جنيه', 'ريال', 'درهم', 'دينار', 'ليرة', 'فرنك', 'طن', 'كيلوغرام', 'كلغ', 'متر', 'كيلومتر'],
  ...['كلم', 'كم', 'هكتار', 'فدان', 'دونم', 'ميغاواط', 'برميل', 'سهم', 'صوت', 'مقعد', 'نسخة', 'طلب'],
];

/**
 * Words ending in ا that may follow a year and are not counted nouns, so they do not trip the
 * accusative test of COUNTED_AFTER_RE: adverbs (في 2011 أيضاً, في 2019 تحديداً), conjunctions
 * in ما (في 1989 عندما, كما, بينما), and particles or verbs (إذا, هذا, إلا, بدا "it seemed").
 */
const NOT_TAMYIZ_IN_ALIF = [
  ...['أيضا', 'تقريبا', 'تحديدا', 'مثلا', 'خصوصا', 'تماما', 'رسميا', 'فعليا', 'سابقا', 'لاحقا'],
  ...['مجددا', 'أولا', 'عموما', 'حاليا', 'أساسا', 'عندما', 'بينما', 'حينما', 'كلما', 'ربما'],
  ...['إنما', 'مما', 'فيما', 'بما', 'طالما', 'كما', 'لما', 'حيثما', 'ريثما', 'أما', 'إلا', 'ولا'],
  ...['إذا', 'هذا', 'لذا', 'كذا', 'ماذا', 'بدا', 'عدا'],
];

// ---------------------------------------------------------------------------------------------
// Limits
// ---------------------------------------------------------------------------------------------

/** Years accepted next to a month name or in a numeric date: outside these, 4 digits are counts. */
const MIN_GREGORIAN_YEAR = 1900;
const MAX_GREGORIAN_YEAR = 2100;
const MIN_HIJRI_YEAR = 1300;
const MAX_HIJRI_YEAR = 1500;

/** How far after a year a counted noun is looked for: a space and the longest listed noun. */
const COUNTED_NOUN_REACH = 16;

/** Month names this short (آب, ماي, أوت) never take a clitic: باب is "door", not ب + آب. */
const MAX_SHORT_MONTH_NAME = 3;

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

// ---------------------------------------------------------------------------------------------
// Regex building blocks
// ---------------------------------------------------------------------------------------------

const fold = (s: string): string => foldForMatching(s).text;

/** Lookup key for a matched phrase: folded, inner whitespace collapsed. */
const keyOf = (s: string): string => s.replace(/\s+/g, ' ');

function lookup<T>(table: ReadonlyArray<readonly [T, readonly string[]]>): Map<string, T> {
  const map = new Map<string, T>();
  for (const [value, words] of table) for (const w of words) map.set(fold(w), value);
  return map;
}

/** Regex alternation of folded words, longest first (JS alternation takes the first that fits). */
function alternation(words: Iterable<string>): string {
  const folded = [...new Set([...words].map(fold))].sort((a, b) => b.length - a.length);
  return folded.map((w) => w.split(' ').join(String.raw`\s+`)).join('|');
}

const wordsOf = <T>(table: ReadonlyArray<readonly [T, readonly string[]]>): string[] =>
  table.flatMap(([, words]) => [...words]);

const MONTH_BY_NAME = lookup(GREGORIAN_MONTHS);
const HIJRI_MONTH_BY_NAME = lookup(HIJRI_MONTHS);
const WEEKDAY_BY_NAME = lookup(WEEKDAYS);
const POD_BY_NOUN = lookup(PART_OF_DAY_NOUNS);
const POD_BY_ADVERB = lookup(PART_OF_DAY_ADVERBS);
const HOUR_BY_WORD = lookup(HOUR_WORDS);
const DAY_OFFSET_BY_WORD = lookup(DAY_WORDS);
const DIRECTION_BY_WORD = lookup(DIRECTIONS);
const PERIOD_BY_WORD = lookup(PERIODS);
const TONIGHT_KEYS = new Set(TONIGHT.map(fold));
const LAST_NIGHT_KEYS = new Set(LAST_NIGHT.map(fold));
const ORDINAL_DAY_BY_WORD = lookup(ORDINAL_DAYS);
const UNIT_BY_WORD = new Map<string, { unit: Unit; count: number }>(
  UNIT_WORDS.flatMap(([unit, count, words]) => words.map((w) => [fold(w), { unit, count }] as const)),
);

/** No Arabic letter before / after: our word boundary (\b knows only Latin). */
const B = `(?<!${LETTER})`;
const E = `(?!${LETTER})`;

const MONTH_SRC = alternation(wordsOf(GREGORIAN_MONTHS));
const HIJRI_MONTH_SRC = alternation(wordsOf(HIJRI_MONTHS));
const WEEKDAY_SRC = alternation(wordsOf(WEEKDAYS));
const POD_NOUN_SRC = alternation(wordsOf(PART_OF_DAY_NOUNS));
const POD_ADVERB_SRC = alternation(wordsOf(PART_OF_DAY_ADVERBS));
const DIRECTION_SRC = alternation(wordsOf(DIRECTIONS));
const ALL_MONTHS_SRC = alternation([...wordsOf(GREGORIAN_MONTHS), ...wordsOf(HIJRI_MONTHS)]);

/** A Gregorian month name, with an optional clitic (وأكتوبر). Anchor for absolute dates. */
const MONTH_Y = new RegExp(`${B}(?<clitic>[وفبل]?)(?<name>${MONTH_SRC})${E}`, 'y');

/** A Hijri month name, with an optional clitic (لرمضان). Anchor for Hijri dates. */
const HIJRI_MONTH_Y = new RegExp(`${B}(?<clitic>[وفبل]?)(?<name>${HIJRI_MONTH_SRC})${E}`, 'y');

/** Second name of a bilingual pair after the first: /تشرين الأول, - تشرين الأول, (أكتوبر). */
const PAIR_Y = new RegExp(
  String.raw`\s*(?:[/\-–]\s*(?<p1>${MONTH_SRC})${E}|\(\s*(?<p2>${MONTH_SRC})\s*\))`,
  'y',
);

/** A Gregorian year after a month: 2017, (2017), ، 2017, 2017م, 2017 ميلادي. */
const YEAR_AFTER_Y = new RegExp(
  String.raw`[\s،,]*(?:\((?<y1>\d{4})\)|(?<y2>\d{4})(?!\d))(?:\s*(?:ميلاديه|ميلادي|م)${E})?`,
  'y',
);

/** A Hijri year after a Hijri month: 1439, 1439هـ, 1439 هجرية, 1439 للهجرة (هـ folds to ه). */
const HIJRI_YEAR_AFTER_Y = new RegExp(
  String.raw`[\s،,]*(?:\((?<y1>\d{4})\)|(?<y2>\d{4})(?!\d))(?:\s*(?:هجريه|هجري|للهجره|ه)${E})?`,
  'y',
);

/**
 * A day number ending right where the month name starts: 10 أكتوبر, (12) أكتوبر, 5 من أكتوبر.
 * Read backwards with a lookbehind from the anchor (sticky, empty match). Not preceded by a
 * digit, decimal point or colon (1.10 أكتوبر, 10:10 أكتوبر are not days).
 */
const DAY_BEFORE_Y = /(?<=(?<![\d.,/:])(?<day>\(\d{1,2}\)|\d{1,2})\s*(?:من\s+)?)/dy;

/**
 * An ordinal day before من and the month: الخامس من يونيو. Not after a part-of-month noun
 * (الأسبوع الأول من أكتوبر, النصف الثاني من أكتوبر are spans, not days).
 */
const ORDINAL_DAY_BEFORE_Y = new RegExp(
  String.raw`(?<=${B}[وفب]?(?<dayw>${alternation(wordsOf(ORDINAL_DAYS))})\s+من\s+)`,
  'dy',
);
const PART_OF_MONTH_BEFORE_RE = /(?:الاسبوع|الاسبوعين|النصف|الربع|الثلث|العشر|العشره|الايام)\s+$/;

/**
 * What may precede a day: a weekday (with a part of day and يوم), a part of day alone, or يوم,
 * then optional punctuation: الإثنين، 24 / مساء الثلاثاء 10 / يوم 10.
 */
const WEEKDAY_BEFORE_Y = new RegExp(
  String.raw`(?<=${B}[وفب]?(?<head>(?:(?<pod>${POD_NOUN_SRC})\s+)?(?:يوم\s+)?(?:${WEEKDAY_SRC})|(?<pod2>${POD_NOUN_SRC})(?:\s+يوم)?|يوم)\s*[،,\-–]?\s*)`,
  'dy',
);

/**
 * A clock time after a date: 09:23 ص, 9:30 مساءً, الساعة 9 مساء, في الساعة التاسعة والنصف صباحا.
 * Needs a colon or the word الساعة (a bare number after a date is usually a count).
 */
const TIME_AFTER_Y = new RegExp(
  String.raw`[\s،,\-–|]*(?:(?<prep>في|عند|حوالي|نحو)\s+)?(?:(?<saa>الساعه)\s+)?(?:(?<h>\d{1,2})(?::(?<mi>\d{2}))?(?!\d)|(?<hw>${alternation(wordsOf(HOUR_WORDS))})${E})(?:\s+(?<frac>والنصف|والربع|الا\s+ربعا|الا\s+ربع))?(?:\s*(?<ampm>${POD_ADVERB_SRC}|ص|م)${E})?`,
  'y',
);

/** الماضي/المقبل/الجاري after a month name with no day or year: أكتوبر الماضي. */
const DIRECTION_AFTER_Y = new RegExp(String.raw`\s+(?<dir>${DIRECTION_SRC})${E}`, 'y');

/**
 * Weekday anchor: [clitic] [part of day] [يوم] weekday [الماضي/المقبل] [مساءً]:
 * والخميس, يوم السبت, مساء الثلاثاء, الجمعة المقبلة, الأحد الماضي صباحا.
 */
const WEEKDAY_Y = new RegExp(
  String.raw`${B}(?<clitic>[وفب]?)(?:(?<pod>${POD_NOUN_SRC})\s+)?(?:يوم\s+)?(?<wd>${WEEKDAY_SRC})${E}(?:\s+(?<dir>${DIRECTION_SRC})${E})?(?:\s+(?<pod2>${POD_ADVERB_SRC})${E})?`,
  'y',
);

/** Context that makes الاثنين "the two" and الأحد part of "eleven" rather than weekdays. */
const NOT_WEEKDAY_BEFORE_RE = /(?:بين|كلا|هذين)\s+$/;
const NOT_WEEKDAY_AFTER_RE = /^\s+(?:عشر|معا|منهما|منهم)/;

/**
 * Day words, optionally with a part of day or يوم before and a weekday or part of day after:
 * أمس, بالأمس, يوم أمس, مساء أمس, صباح اليوم, اليوم الثلاثاء, غداً, يوم غد, أول من أمس,
 * الليلة الماضية.
 */
const DAY_WORD_Y = new RegExp(
  String.raw`${B}(?<clitic>[وفب]?)(?:(?<pod>${POD_NOUN_SRC})\s+)?(?:(?<yawm>يوم)\s+(?=امس|غد|الغد))?(?<day>${alternation([...wordsOf(DAY_WORDS), ...TONIGHT, ...LAST_NIGHT])})${E}(?:\s+(?<wd>${WEEKDAY_SRC})${E})?(?:\s+(?<pod2>${POD_ADVERB_SRC})${E})?`,
  'y',
);

/**
 * After اليوم/الليلة: an adjective or "itself" means "the day", not "today" (اليوم التالي,
 * اليوم العالمي, اليوم نفسه). A weekday (اليوم الخميس) or الساعة (اليوم الساعة 3) does not.
 */
const DAY_NOT_TODAY_AFTER_RE = new RegExp(String.raw`^\s+(?:(?!(?:${WEEKDAY_SRC}|الساعه)${E})ال|نفسه|ذاته)`);
/** Before اليوم/الليلة: ذلك اليوم is "that day". */
const DAY_NOT_TODAY_BEFORE_RE = /(?:ذلك|تلك|ذات)\s+$/;

/**
 * Named periods: الأسبوع الماضي, الشهر المقبل, العام الجاري, السنة الماضية, هذا العام,
 * للعام الماضي (لل = ل + ال; the span keeps the ل there, it is part of the written article).
 */
const PERIOD_Y = new RegExp(
  String.raw`${B}(?<clitic>[وفب]?)(?:(?<this>هذا|هذه)\s+)?(?<unit>(?:ال|لل)(?:اسبوع|شهر|عام|سنه))${E}(?:\s+(?<dir>${DIRECTION_SRC})${E})?`,
  'y',
);

/**
 * A count in words: number words joined by spaces or و (ثلاثة, خمسة عشر, ثلاثين, خمسة
 * وعشرين, مئة وخمسين). The regex only finds the words; parseNumbers reads the value and
 * rejects combinations that are not one number (ثلاثة ثلاثة).
 */
const COUNT_WORD_SRC = `(?:${alternation(EXACT_NUMBER_WORDS)})${E}`;
const COUNT_PHRASE_SRC = String.raw`${COUNT_WORD_SRC}(?:\s+و?${COUNT_WORD_SRC})*`;

/**
 * Elapsed time: منذ/قبل [نحو/أكثر من] (N unit | dual unit | singular unit): منذ ثلاثة أيام,
 * قبل ساعتين, منذ 5 دقائق, منذ ساعة, قبل نحو أسبوعين, منذ أكثر من عامين (read as two years),
 * منذ ثلاثين عاما, قبل خمسة وعشرين عاماً.
 */
const AGO_Y = new RegExp(
  String.raw`${B}(?<clitic>[وف]?)(?<ago>منذ|قبل)\s+(?:(?:نحو|حوالي|قرابه|زهاء|اكثر\s+من|اقل\s+من|ما\s+يزيد\s+عن)\s+)?(?:(?<n>\d{1,4}|${COUNT_PHRASE_SRC})\s+)?(?<unit>${alternation(UNIT_WORDS.flatMap(([, , w]) => [...w]))})${E}`,
  'y',
);

/** After منذ عام / منذ شهر: a year or month name makes it "since", not "a year ago". */
const AGO_NOT_SINCE_AFTER_RE = new RegExp(String.raw`^\s*(?:\d|ال|(?:${ALL_MONTHS_SRC})${E})`);
/** After قبل يومين: من makes it "two days before (an event)", not before the reference. */
const AGO_BEFORE_EVENT_RE = /^\s+من\s/;

/**
 * Numeric dates: 2020-08-24, 2020/8/24, 24/08/2020, 24-8-2020, 24.08.2020, 1439/1/27هـ.
 * The separator must repeat; no digit or separator+digit on either side (not 1.24/08/2020).
 */
const NUMERIC_DATE_Y = new RegExp(
  String.raw`(?<![\d/.\-])(?:(?<ya>\d{4})(?<sa>[/.\-])(?<ma>\d{1,2})\k<sa>(?<da>\d{1,2})|(?<db>\d{1,2})(?<sb>[/.\-])(?<mb>\d{1,2})\k<sb>(?<yb>\d{4}))(?!\d|[/.\-]\d)(?:\s*(?:(?<hijri>هجريه|هجري|ه)|(?<greg>ميلاديه|ميلادي|م))${E})?`,
  'y',
);

/** A year named as such: عام 2011, العام 2020, سنة 2019م, لعام 2017, للعام 2017 (لل = ل + ال). */
const YEAR_WORD_Y = new RegExp(
  String.raw`${B}(?<clitic>[وفبل]?)(?<w>عام|العام|للعام|سنه|السنه|للسنه)\s+(?<y>\d{4})(?!\d)(?:\s*(?:ميلاديه|ميلادي|م)${E})?`,
  'y',
);

/**
 * A 4-digit number that may be a year (the context before it is checked by the lookbehinds
 * below): not part of a longer number, a decimal, a time, a numeric date, a range (2018-2019) or
 * a phone number (0100 2019 555), so no digit with at most one separator on either side. Then
 * an optional calendar word: ميلادي/م, or هـ/هجري/للهجرة (a Hijri year).
 */
const YEAR_Y = new RegExp(
  String.raw`(?<![\d.,/:\-–+]|\d\s)(?<y>\d{4})(?!\d|\s?[.,/:\-–]\d|\s\d)(?:\s*(?:(?<greg>ميلاديه|ميلادي|م)|(?<hijri>هجريه|هجري|للهجره|ه))${E})?`,
  'y',
);

/** A year head (season, part of the year, عامي) or a year noun before the year, in the span. */
const YEAR_HEAD_BEFORE_Y = new RegExp(
  String.raw`(?<=${B}[وفبل]?(?<head>(?:${alternation(YEAR_HEADS)})\s+(?:(?:${alternation(YEAR_NOUNS)})\s+)?|(?<noun>${alternation(YEAR_NOUNS)})\s+))`,
  'dy',
);

/** A preposition of time before the year, outside the span: في 1989, ومنذ 2011. */
const YEAR_PREPOSITION_BEFORE_Y = new RegExp(
  String.raw`(?<=${B}[وف]?(?:${alternation(YEAR_PREPOSITIONS)})\s+)`,
  'y',
);

/** What joins a year to the one before it: عامي 2019 و2020, في 2011 و 2012. */
const YEAR_AND_GAP_RE = /^\s*و\s*$/;

/** A counted noun after the number: a unit, a listed noun, or an accusative tamyiz (شخصاً). */
const COUNTED_AFTER_RE = new RegExp(
  String.raw`^\s+(?:(?:${alternation([...UNIT_WORDS.flatMap(([, , w]) => [...w]), ...COUNTED_NOUNS])})${E}|(?!(?:${alternation(NOT_TAMYIZ_IN_ALIF)})${E})${LETTER}{2,}(?<!و)ا${E})`,
);

/**
 * Where a scan stops to try the anchors above: the first word of any of them (with a clitic),
 * or the first digit of a number. One pass over the text finds these; the sticky anchors then
 * run only here. This keeps a 5,000-word article well under the 5 ms budget (one regex pass
 * instead of eight).
 */
const TRIGGER_G = (() => {
  const firstWords = [
    ...wordsOf(GREGORIAN_MONTHS),
    ...wordsOf(HIJRI_MONTHS),
    ...wordsOf(WEEKDAYS),
    ...wordsOf(PART_OF_DAY_NOUNS),
    ...wordsOf(DAY_WORDS),
    ...TONIGHT,
    ...LAST_NIGHT,
    ...wordsOf(PERIODS).flatMap((w) => [w, w.replace(/^ال/, 'لل')]),
    ...['يوم', 'هذا', 'هذه', 'منذ', 'قبل', 'عام', 'سنة'],
  ].map((w) => w.split(' ')[0]);
  return new RegExp(`${B}[وفبل]?(?:${alternation(firstWords)})${E}|(?<!\\d)\\d`, 'g');
})();

/** The match of sticky `re` exactly at `at`, as a 0/1-element list (so callers can `continue`). */
function matchAt(re: RegExp, text: string, at: number): RegExpExecArray[] {
  re.lastIndex = at;
  const m = re.exec(text);
  return m ? [m] : [];
}

// ---------------------------------------------------------------------------------------------
// Calendar helpers
// ---------------------------------------------------------------------------------------------

const pad2 = (n: number): string => String(n).padStart(2, '0');
const isoMonth = (y: number, m: number): string => `${y}-${pad2(m)}`;
/** ISO year, 4 digits (منذ ألف عام in 2019 is 1019, written '1019'; year 19 is '0019'). */
const isoYear = (y: number): string => String(y).padStart(4, '0');
const isoDate = (y: number, m: number, d: number): string => `${y}-${pad2(m)}-${pad2(d)}`;
const dayNumberOf = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / MS_PER_DAY;

function isoOfDayNumber(n: number): string {
  const d = new Date(n * MS_PER_DAY);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The reference moment as a wall clock in the chosen time zone. */
interface LocalNow {
  instant: number;
  timeZone: string;
  year: number;
  month: number;
  day: number;
  dayNumber: number;
  weekday: number;
}

/** One formatter per time zone, created on first use. */
const zoneFormatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(
  instant: number,
  timeZone: string,
): { y: number; m: number; d: number; hh: number; mi: number } {
  let fmt = zoneFormatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    zoneFormatters.set(timeZone, fmt);
  }
  const p: Record<string, number> = {};
  for (const part of fmt.formatToParts(instant))
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  return { y: p.year, m: p.month, d: p.day, hh: p.hour % 24, mi: p.minute };
}

function localNow(reference: Date, timeZone: string): LocalNow {
  const instant = reference.getTime();
  const c = wallClock(instant, timeZone);
  const dayNumber = dayNumberOf(c.y, c.m, c.d);
  return {
    instant,
    timeZone,
    year: c.y,
    month: c.m,
    day: c.d,
    dayNumber,
    weekday: new Date(dayNumber * MS_PER_DAY).getUTCDay(),
  };
}

/** ISO minute ('2020-08-24T07:23', zone-less local time) of `minutesAgo` before the reference. */
function isoMinutesBefore(now: LocalNow, minutesAgo: number): string {
  const c = wallClock(now.instant - minutesAgo * MS_PER_MINUTE, now.timeZone);
  return `${isoDate(c.y, c.m, c.d)}T${pad2(c.hh)}:${pad2(c.mi)}`;
}

/** Shift (year, month) by `delta` months. */
function addMonths(y: number, m: number, delta: number): [number, number] {
  const index = y * 12 + (m - 1) + delta;
  return [Math.floor(index / 12), (index % 12) + 1];
}

/** Weekday on or before the reference (dir 0), strictly before (−1), strictly after (+1). */
function resolveWeekday(now: LocalNow, weekday: number, dir: number): number {
  if (dir > 0) return now.dayNumber + ((weekday - now.weekday + 7) % 7 || 7);
  const back = (now.weekday - weekday + 7) % 7;
  return now.dayNumber - (dir < 0 && back === 0 ? 7 : back);
}

/** The year (reference year ±1) that puts month/day nearest the reference; ties go to the past. */
function nearestYear(now: LocalNow, month: number, day: number): number {
  let best = now.year;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const y of [now.year - 1, now.year, now.year + 1]) {
    if (day > daysInMonth(y, month)) continue;
    const distance = Math.abs(dayNumberOf(y, month, day) - now.dayNumber);
    if (distance < bestDistance) {
      best = y;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Gregorian day number of a Hijri date. Day 30 of a 29-day Umm al-Qura month is read as the
 * day after the 29th: sighting-based calendars (used in most countries' news) may have a 30th
 * when Umm al-Qura does not. Returns null for days that do not exist at all.
 */
function hijriDayNumber(year: number, month: number, day: number): number | null {
  const length = hijriMonthLength(year, month);
  if (day < 1 || day > 30) return null;
  const g = hijriToGregorian(year, month, Math.min(day, length));
  return dayNumberOf(g.year, g.month, g.day) + (day > length ? 1 : 0);
}

// ---------------------------------------------------------------------------------------------
// Candidates
// ---------------------------------------------------------------------------------------------

/** A mention before offsets are mapped back to the original text (fs/fe index the folded text). */
interface Candidate {
  fs: number;
  fe: number;
  kind: DateMention['kind'];
  value: string | null;
  granularity: DateMention['granularity'];
  partOfDay?: PartOfDay;
  calendar: DateMention['calendar'];
  hijri?: DateMention['hijri'];
}

interface Scan {
  text: string; // folded text
  now: LocalNow | null;
  out: Candidate[];
  /** Folded end of the last year taken by anchors 4 and 9 (−1: none), for 2019 و2020. */
  lastYearEnd: number;
}

/** A clock time parsed after a date. */
interface ClockTime {
  fe: number;
  hour: number;
  minute: number;
  partOfDay?: PartOfDay;
}

/** 12-hour readings: which adverbs move an hour into the afternoon or evening. */
function to24h(hour: number, ampm: string | undefined, pod: PartOfDay | undefined): number {
  if (hour > 12 || (!ampm && !pod)) return hour;
  if (ampm === 'ص' || pod === 'morning' || pod === 'dawn') return hour === 12 ? 0 : hour;
  if (pod === 'night') return hour === 12 ? 0 : hour < 6 ? hour : hour + 12; // الثانية ليلا = 02:00
  if (pod === 'noon') return hour === 12 || hour >= 10 ? hour : hour + 12; // 1 ظهرا = 13:00
  return hour === 12 ? 12 : hour + 12; // م, مساء, عصرا, بعد الظهر
}

function tryTimeAt(text: string, at: number): ClockTime | null {
  TIME_AFTER_Y.lastIndex = at;
  const m = TIME_AFTER_Y.exec(text);
  if (!m?.groups) return null;
  const g = m.groups;
  // Rule: a colon or the word الساعة; an ordinal hour needs الساعة; في/عند need الساعة.
  if (!g.saa && (g.mi === undefined || g.hw || g.prep)) return null;
  let hour = g.h !== undefined ? Number(g.h) : HOUR_BY_WORD.get(keyOf(g.hw))!;
  let minute = g.mi !== undefined ? Number(g.mi) : 0;
  if (g.frac === 'والنصف') minute += 30;
  else if (g.frac === 'والربع') minute += 15;
  else if (g.frac) {
    // إلا ربعا: a quarter to.
    hour = (hour + 23) % 24;
    minute += 45;
  }
  const partOfDay = g.ampm && g.ampm !== 'ص' && g.ampm !== 'م' ? POD_BY_ADVERB.get(keyOf(g.ampm)) : undefined;
  hour = to24h(hour, g.ampm, partOfDay);
  if (hour > 23 || minute > 59) return null;
  return { fe: TIME_AFTER_Y.lastIndex, hour, minute, partOfDay };
}

/** Extend a day-level candidate with a clock time that follows it. */
function withTime(scan: Scan, c: Candidate, dayNumber: number | null): Candidate {
  const t = tryTimeAt(scan.text, c.fe);
  if (!t) return c;
  c.fe = t.fe;
  c.granularity = 'minute';
  if (t.partOfDay) c.partOfDay = t.partOfDay;
  c.value = dayNumber === null ? null : `${isoOfDayNumber(dayNumber)}T${pad2(t.hour)}:${pad2(t.minute)}`;
  return c;
}

/** Extend a day leftwards over a weekday / part of day / يوم; returns the new start. */
function leftContext(text: string, fs: number): { fs: number; partOfDay?: PartOfDay } {
  WEEKDAY_BEFORE_Y.lastIndex = fs;
  const m = WEEKDAY_BEFORE_Y.exec(text);
  if (!m?.indices?.groups?.head) return { fs };
  const pod = m.groups?.pod ?? m.groups?.pod2;
  return { fs: m.indices.groups.head[0], partOfDay: pod ? POD_BY_NOUN.get(keyOf(pod)) : undefined };
}

/** Day number written just before a month name, if any. */
function dayBefore(text: string, fs: number): { fs: number; day: number } | null {
  DAY_BEFORE_Y.lastIndex = fs;
  const m = DAY_BEFORE_Y.exec(text);
  if (m?.indices?.groups?.day) {
    return { fs: m.indices.groups.day[0], day: Number(m.groups!.day.replace(/[()]/g, '')) };
  }
  ORDINAL_DAY_BEFORE_Y.lastIndex = fs;
  const o = ORDINAL_DAY_BEFORE_Y.exec(text);
  if (!o?.indices?.groups?.dayw) return null;
  const start = o.indices.groups.dayw[0];
  if (PART_OF_MONTH_BEFORE_RE.test(text.slice(Math.max(0, start - 12), start))) return null;
  return { fs: start, day: ORDINAL_DAY_BY_WORD.get(keyOf(o.groups!.dayw))! };
}

function yearAfter(re: RegExp, text: string, at: number, min: number, max: number) {
  re.lastIndex = at;
  const m = re.exec(text);
  if (!m?.groups) return null;
  const year = Number(m.groups.y1 ?? m.groups.y2);
  return year >= min && year <= max ? { year, fe: re.lastIndex } : null;
}

// ---------------------------------------------------------------------------------------------
// Anchors, each tried at a trigger position
// ---------------------------------------------------------------------------------------------

/** 1. Gregorian month names: [weekday] [day] month [/pair] [year] [time]. */
function tryGregorianMonth(scan: Scan, at: number): void {
  const { text, now } = scan;
  for (const m of matchAt(MONTH_Y, text, at)) {
    const { clitic, name } = m.groups!;
    if (clitic && name.length <= MAX_SHORT_MONTH_NAME) continue;
    const month = MONTH_BY_NAME.get(keyOf(name))!;
    let fs = m.index + clitic.length;
    let fe = m.index + m[0].length;
    PAIR_Y.lastIndex = fe;
    const pair = PAIR_Y.exec(text);
    if (pair) fe = PAIR_Y.lastIndex;
    const y = yearAfter(YEAR_AFTER_Y, text, fe, MIN_GREGORIAN_YEAR, MAX_GREGORIAN_YEAR);
    if (y) fe = y.fe;
    const d = dayBefore(text, fs);
    const day = d && d.day >= 1 && d.day <= daysInMonth(y?.year ?? 2000, month) ? d.day : null;
    if (day === null && !y) {
      if (scanMonthWithDirection(scan, fs, fe, month)) continue;
      const twin = pair && MONTH_BY_NAME.get(keyOf(pair.groups!.p1 ?? pair.groups!.p2));
      if (twin === month) pushMonthPair(scan, fs, fe, month);
      continue;
    }
    if (day === null) {
      scan.out.push({
        fs,
        fe,
        kind: 'absolute',
        value: isoMonth(y!.year, month),
        granularity: 'month',
        calendar: 'gregorian',
      });
      continue;
    }
    fs = d!.fs;
    const left = leftContext(text, fs);
    const year = y?.year ?? (now ? nearestYear(now, month, day) : null);
    const dayNumber = year === null ? null : dayNumberOf(year, month, day);
    const c: Candidate = {
      fs: left.fs,
      fe,
      kind: 'absolute',
      value: dayNumber === null ? null : isoOfDayNumber(dayNumber),
      granularity: 'day',
      calendar: 'gregorian',
    };
    if (left.partOfDay) c.partOfDay = left.partOfDay;
    scan.out.push(withTime(scan, c, dayNumber));
  }
}

/** 1b. أكتوبر الماضي / نوفمبر المقبل: a month name made safe by its direction word. */
function scanMonthWithDirection(scan: Scan, fs: number, fe: number, month: number): boolean {
  DIRECTION_AFTER_Y.lastIndex = fe;
  const m = DIRECTION_AFTER_Y.exec(scan.text);
  if (!m) return false;
  const dir = DIRECTION_BY_WORD.get(m.groups!.dir)!;
  let value: string | null = null;
  if (scan.now) {
    const { year, month: refMonth } = scan.now;
    const y =
      dir < 0 ? (month < refMonth ? year : year - 1) : dir > 0 ? (month > refMonth ? year : year + 1) : year;
    value = isoMonth(y, month);
  }
  scan.out.push({
    fs,
    fe: DIRECTION_AFTER_Y.lastIndex,
    kind: 'relative',
    value,
    granularity: 'month',
    calendar: 'gregorian',
  });
  return true;
}

/**
 * 1c. أغسطس/آب, تشرين الأول (أكتوبر): a month named twice with no day or year. The most recent
 * such month at or before the reference (in November 2020, أغسطس/آب is August 2020).
 */
function pushMonthPair(scan: Scan, fs: number, fe: number, month: number): void {
  const { now } = scan;
  scan.out.push({
    fs,
    fe,
    kind: 'relative',
    value: now ? isoMonth(month <= now.month ? now.year : now.year - 1, month) : null,
    granularity: 'month',
    calendar: 'gregorian',
  });
}

/** 2. Hijri month names: [weekday] [day] month [year [هـ]] [time]; Umm al-Qura. */
function tryHijriMonth(scan: Scan, at: number): void {
  const { text, now } = scan;
  for (const m of matchAt(HIJRI_MONTH_Y, text, at)) {
    const { clitic, name } = m.groups!;
    const month = HIJRI_MONTH_BY_NAME.get(keyOf(name))!;
    let fs = m.index + clitic.length;
    let fe = m.index + m[0].length;
    const y = yearAfter(HIJRI_YEAR_AFTER_Y, text, fe, MIN_HIJRI_YEAR, MAX_HIJRI_YEAR);
    if (y) fe = y.fe;
    const d = dayBefore(text, fs);
    const day = d && d.day >= 1 && d.day <= 30 ? d.day : null;
    if (day === null && !y) continue;
    if (day === null) {
      const start = hijriDayNumber(y!.year, month, 1)!;
      scan.out.push({
        fs,
        fe,
        kind: 'hijri',
        value: isoOfDayNumber(start),
        granularity: 'month',
        calendar: 'hijri',
        hijri: { year: y!.year, month },
      });
      continue;
    }
    fs = d!.fs;
    let year = y?.year ?? null;
    if (year === null && now) year = nearestHijriYear(now, month, day);
    const dayNumber = year === null ? null : hijriDayNumber(year, month, day);
    const left = leftContext(text, fs);
    const c: Candidate = {
      fs: left.fs,
      fe,
      kind: 'hijri',
      value: dayNumber === null ? null : isoOfDayNumber(dayNumber),
      granularity: 'day',
      calendar: 'hijri',
    };
    if (year !== null) c.hijri = { year, month, day };
    if (left.partOfDay) c.partOfDay = left.partOfDay;
    scan.out.push(withTime(scan, c, dayNumber));
  }
}

/** The Hijri year (reference's ±1) that puts month/day nearest the reference. */
function nearestHijriYear(now: LocalNow, month: number, day: number): number {
  const refYear = gregorianToHijri({ year: now.year, month: now.month, day: now.day }).year;
  let best = refYear;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const y of [refYear - 1, refYear, refYear + 1]) {
    const n = hijriDayNumber(y, month, day);
    if (n === null) continue;
    const distance = Math.abs(n - now.dayNumber);
    if (distance < bestDistance) {
      best = y;
      bestDistance = distance;
    }
  }
  return best;
}

/** 3. Numeric dates: y-m-d / d/m/y (Gregorian 1900–2100, or Hijri 1300–1500). */
function tryNumericDate(scan: Scan, at: number): void {
  const { text } = scan;
  for (const m of matchAt(NUMERIC_DATE_Y, text, at)) {
    const g = m.groups!;
    const year = Number(g.ya ?? g.yb);
    let month = Number(g.ma ?? g.mb);
    let day = Number(g.da ?? g.db);
    // d/m/y with an impossible month but a possible day: written month-first (08/24/2020).
    if (g.yb && month > 12 && day <= 12) [month, day] = [day, month];
    if (month < 1 || month > 12 || day < 1) continue;
    const fs = m.index;
    const isHijri = year >= MIN_HIJRI_YEAR && year <= MAX_HIJRI_YEAR && !g.greg;
    const isGregorian = year >= MIN_GREGORIAN_YEAR && year <= MAX_GREGORIAN_YEAR && !g.hijri;
    let dayNumber: number;
    let c: Candidate;
    if (isGregorian) {
      if (day > daysInMonth(year, month)) continue;
      dayNumber = dayNumberOf(year, month, day);
      c = {
        fs,
        fe: fs + m[0].length,
        kind: 'absolute',
        value: '',
        granularity: 'day',
        calendar: 'gregorian',
      };
    } else if (isHijri) {
      const n = hijriDayNumber(year, month, day);
      if (n === null) continue;
      dayNumber = n;
      c = {
        fs,
        fe: fs + m[0].length,
        kind: 'hijri',
        value: '',
        granularity: 'day',
        calendar: 'hijri',
        hijri: { year, month, day },
      };
    } else continue;
    c.value = isoOfDayNumber(dayNumber);
    const left = leftContext(text, fs);
    c.fs = left.fs;
    if (left.partOfDay) c.partOfDay = left.partOfDay;
    scan.out.push(withTime(scan, c, dayNumber));
  }
}

/** 4. Years named as such: عام 2011 → '2011'. */
function tryYearWord(scan: Scan, at: number): void {
  for (const m of matchAt(YEAR_WORD_Y, scan.text, at)) {
    const year = Number(m.groups!.y);
    if (year < MIN_GREGORIAN_YEAR || year > MAX_GREGORIAN_YEAR) continue;
    const fs = m.index + m.groups!.clitic.length;
    scan.out.push({
      fs,
      fe: m.index + m[0].length,
      kind: 'absolute',
      value: String(year),
      granularity: 'year',
      calendar: 'gregorian',
    });
    scan.lastYearEnd = m.index + m[0].length;
  }
}

/** 5. Weekdays: والخميس, يوم السبت, مساء الثلاثاء, الجمعة المقبلة. */
function tryWeekday(scan: Scan, at: number): void {
  const { text, now } = scan;
  for (const m of matchAt(WEEKDAY_Y, text, at)) {
    const g = m.groups!;
    const fs = m.index + g.clitic.length;
    const fe = m.index + m[0].length;
    const weekday = WEEKDAY_BY_NAME.get(g.wd)!;
    // الاثنين after بين/كلا is "the two"; الأحد عشر is "eleven".
    const isNumberWord =
      weekday <= 1 &&
      !g.pod &&
      (NOT_WEEKDAY_BEFORE_RE.test(text.slice(Math.max(0, fs - 8), fs)) ||
        NOT_WEEKDAY_AFTER_RE.test(text.slice(fe, fe + 8)));
    if (isNumberWord) continue;
    const dir = g.dir ? DIRECTION_BY_WORD.get(g.dir)! : 0;
    const dayNumber = now ? resolveWeekday(now, weekday, dir) : null;
    const pod = g.pod ? POD_BY_NOUN.get(keyOf(g.pod)) : g.pod2 ? POD_BY_ADVERB.get(keyOf(g.pod2)) : undefined;
    const c: Candidate = {
      fs,
      fe,
      kind: 'weekday',
      value: dayNumber === null ? null : isoOfDayNumber(dayNumber),
      granularity: 'day',
      calendar: 'gregorian',
    };
    if (pod) c.partOfDay = pod;
    scan.out.push(withTime(scan, c, dayNumber));
  }
}

/** 6. Day words: أمس, اليوم, غداً, أول من أمس, مساء أمس, الليلة الماضية. */
function tryDayWord(scan: Scan, at: number): void {
  const { text, now } = scan;
  for (const m of matchAt(DAY_WORD_Y, text, at)) {
    const g = m.groups!;
    const fs = m.index + g.clitic.length;
    const fe = m.index + m[0].length;
    const key = keyOf(g.day);
    const isTonight = TONIGHT_KEYS.has(key);
    const isLastNight = LAST_NIGHT_KEYS.has(key);
    if ((key === 'اليوم' || isTonight) && !g.wd && !g.pod2) {
      // اليوم التالي / اليوم نفسه / ذلك اليوم: a day in the story, not today.
      if (DAY_NOT_TODAY_AFTER_RE.test(text.slice(fe, fe + 12))) continue;
      if (DAY_NOT_TODAY_BEFORE_RE.test(text.slice(Math.max(0, fs - 6), fs))) continue;
    }
    const offset = isLastNight ? -1 : isTonight ? 0 : DAY_OFFSET_BY_WORD.get(key)!;
    const pod = g.pod
      ? POD_BY_NOUN.get(keyOf(g.pod))
      : g.pod2
        ? POD_BY_ADVERB.get(keyOf(g.pod2))
        : isTonight || isLastNight
          ? 'night'
          : undefined;
    const dayNumber = now ? now.dayNumber + offset : null;
    const c: Candidate = {
      fs,
      fe,
      kind: 'relative',
      value: dayNumber === null ? null : isoOfDayNumber(dayNumber),
      granularity: 'day',
      calendar: 'gregorian',
    };
    if (pod) c.partOfDay = pod;
    scan.out.push(withTime(scan, c, dayNumber));
  }
}

/** 7. Named periods: الأسبوع الماضي, الشهر المقبل, العام الجاري, هذا العام. */
function tryPeriod(scan: Scan, at: number): void {
  const { now } = scan;
  for (const m of matchAt(PERIOD_Y, scan.text, at)) {
    const g = m.groups!;
    if (!g.this && !g.dir) continue;
    const dir = g.dir ? DIRECTION_BY_WORD.get(g.dir)! : 0;
    const period = PERIOD_BY_WORD.get(g.unit.replace(/^لل/, 'ال'))!;
    // لل is ل + ال: keep the ل in the span, the article is written with it.
    const fs = m.index + g.clitic.length;
    const c: Candidate = {
      fs,
      fe: m.index + m[0].length,
      kind: 'relative',
      value: null,
      granularity: 'day',
      calendar: 'gregorian',
    };
    if (period === 'week') {
      if (now) c.value = isoOfDayNumber(now.dayNumber + 7 * dir);
    } else if (period === 'month') {
      c.granularity = 'month';
      if (now) c.value = isoMonth(...addMonths(now.year, now.month, dir));
    } else {
      c.granularity = 'year';
      if (now) c.value = String(now.year + dir);
    }
    scan.out.push(c);
  }
}

/** 8. Elapsed time: منذ ثلاثة أيام, قبل ساعتين, منذ 5 دقائق, منذ ساعة. */
function tryAgo(scan: Scan, at: number): void {
  const { text, now } = scan;
  for (const m of matchAt(AGO_Y, text, at)) {
    const g = m.groups!;
    const fe = m.index + m[0].length;
    const unit = UNIT_BY_WORD.get(g.unit)!;
    let count: number;
    if (g.n !== undefined) {
      const n = /^\d/.test(g.n) ? Number(g.n) : countInWords(g.n);
      if (n === null || unit.count === 2) continue; // منذ 3 يومين: not a phrase
      count = n;
      // منذ 3000 عام: before year 1, not a date we can write.
      if (now && unit.unit === 'year' && now.year - count < 1) continue;
    } else {
      if (unit.count === 0) continue; // منذ أيام: vague
      count = unit.count;
      // منذ عام 2011 / منذ شهر أكتوبر / منذ يوم الجمعة: "since", not "ago".
      if (count === 1 && AGO_NOT_SINCE_AFTER_RE.test(text.slice(fe, fe + 16))) continue;
    }
    if (g.ago === 'قبل' && AGO_BEFORE_EVENT_RE.test(text.slice(fe, fe + 5))) continue;
    const c: Candidate = {
      fs: m.index + g.clitic.length,
      fe,
      kind: 'relative',
      value: null,
      granularity: 'day',
      calendar: 'gregorian',
    };
    switch (unit.unit) {
      case 'minute':
      case 'hour':
        c.granularity = 'minute';
        if (now) c.value = isoMinutesBefore(now, count * (unit.unit === 'hour' ? 60 : 1));
        break;
      case 'day':
      case 'week':
        if (now) c.value = isoOfDayNumber(now.dayNumber - count * (unit.unit === 'week' ? 7 : 1));
        break;
      case 'month':
        c.granularity = 'month';
        if (now) c.value = isoMonth(...addMonths(now.year, now.month, -count));
        break;
      case 'year':
        c.granularity = 'year';
        if (now) c.value = isoYear(now.year - count);
        break;
    }
    scan.out.push(c);
  }
}

/** The value of a count written in words (ثلاثين, خمسة وعشرين), or null if it is not one number. */
function countInWords(words: string): number | null {
  const found = parseNumbers(words);
  if (found.length !== 1) return null;
  const [n] = found;
  const whole = n.start === 0 && n.end === words.length;
  return whole && n.value !== null && Number.isInteger(n.value) && n.value > 0 ? n.value : null;
}

/**
 * 9. Years by their context: في 1989, منذ 2011, صيف 2024, مطلع عام 2020, عامي 2019 و2020,
 * 1989 ميلادية, 1445هـ. (عام 2011 alone is anchor 4.)
 */
function tryYear(scan: Scan, at: number): void {
  const { text } = scan;
  for (const m of matchAt(YEAR_Y, text, at)) {
    const g = m.groups!;
    const year = Number(g.y);
    const fe = m.index + m[0].length;
    let fs = m.index;
    YEAR_HEAD_BEFORE_Y.lastIndex = at;
    const head = YEAR_HEAD_BEFORE_Y.exec(text);
    if (head?.indices?.groups?.head) fs = head.indices.groups.head[0];
    if (g.hijri) {
      if (year < MIN_HIJRI_YEAR || year > MAX_HIJRI_YEAR) continue;
      const start = hijriDayNumber(year, 1, 1)!;
      scan.out.push({
        fs,
        fe,
        kind: 'hijri',
        value: isoOfDayNumber(start),
        granularity: 'year',
        calendar: 'hijri',
        hijri: { year },
      });
      continue;
    }
    if (year < MIN_GREGORIAN_YEAR || year > MAX_GREGORIAN_YEAR) continue;
    if (head?.groups?.noun) continue; // عام 2011: anchor 4 has it.
    if (!head && !isYearInContext(scan, at, fe, g.greg)) continue;
    scan.out.push({
      fs,
      fe,
      kind: 'absolute',
      value: String(year),
      granularity: 'year',
      calendar: 'gregorian',
    });
    scan.lastYearEnd = fe;
  }
}

/**
 * A 4-digit number with no year head before it is a year when: ميلادي follows it (1989
 * ميلادية); or a preposition of time precedes it (في 1989) or it is coordinated with a year
 * just taken (عامي 2019 و2020), and no counted noun follows (في 2030 شخصاً). A lone م is not
 * enough (2000 م may be metres).
 */
function isYearInContext(scan: Scan, at: number, fe: number, calendarWord: string | undefined): boolean {
  const { text } = scan;
  if (calendarWord && calendarWord !== 'م') return true;
  YEAR_PREPOSITION_BEFORE_Y.lastIndex = at;
  const afterPreposition = YEAR_PREPOSITION_BEFORE_Y.test(text);
  const coordinated = scan.lastYearEnd >= 0 && YEAR_AND_GAP_RE.test(text.slice(scan.lastYearEnd, at));
  if (!afterPreposition && !coordinated) return false;
  return !COUNTED_AFTER_RE.test(text.slice(fe, fe + COUNTED_NOUN_REACH));
}

/** Longest candidate wins an overlap; ties go to the earlier one. Result sorted by start. */
function settleOverlaps(candidates: Candidate[], textLength: number): Candidate[] {
  if (candidates.length < 2) return candidates;
  const byLength = [...candidates].sort((a, b) => b.fe - b.fs - (a.fe - a.fs) || a.fs - b.fs);
  const taken = new Uint8Array(textLength);
  const kept: Candidate[] = [];
  for (const c of byLength) {
    if (taken.subarray(c.fs, c.fe).includes(1)) continue;
    taken.fill(1, c.fs, c.fe);
    kept.push(c);
  }
  return kept.sort((a, b) => a.fs - b.fs);
}

function toMention(f: FoldedText, c: Candidate): DateMention {
  const [start, end] = spanInSource(f, c.fs, c.fe);
  const mention: DateMention = {
    start,
    end,
    text: f.source.slice(start, end),
    kind: c.kind,
    value: c.value,
    granularity: c.granularity,
    calendar: c.calendar,
  };
  if (c.partOfDay) mention.partOfDay = c.partOfDay;
  if (c.hijri) mention.hijri = c.hijri;
  return mention;
}

/**
 * Find date expressions in Arabic text. Offsets point into `text` as given.
 *
 * @example
 * parseDates('الثلاثاء 10 أكتوبر 2017')[0]
 * // { start: 0, end: 23, text: 'الثلاثاء 10 أكتوبر 2017', kind: 'absolute',
 * //   value: '2017-10-10', granularity: 'day', calendar: 'gregorian' }
 * @example
 * parseDates('قال مساء الثلاثاء', { reference: new Date('2020-08-27T10:00Z') })[0].value // '2020-08-25'
 */
export function parseDates(text: string, options: ParseDatesOptions = {}): DateMention[] {
  const f = foldForMatching(text);
  const now = options.reference ? localNow(options.reference, options.timeZone ?? 'UTC') : null;
  const scan: Scan = { text: f.text, now, out: [], lastYearEnd: -1 };
  for (const m of f.text.matchAll(TRIGGER_G)) {
    const at = m.index;
    if (m[0].charCodeAt(0) < 0x80) {
      tryNumericDate(scan, at);
      tryYear(scan, at);
      continue;
    }
    tryGregorianMonth(scan, at);
    tryHijriMonth(scan, at);
    tryYearWord(scan, at);
    tryWeekday(scan, at);
    tryDayWord(scan, at);
    tryPeriod(scan, at);
    tryAgo(scan, at);
  }
  return settleOverlaps(scan.out, f.text.length).map((c) => toMention(f, c));
}

/**
 * The date a short string (a dateline, a byline's date) stands for: the first written date
 * (absolute or Hijri) that has a value, else the first resolvable relative one, else null.
 *
 * @example parseDate('نُشر في: الإثنين، 24 أغسطس 2020 09:23 ص')?.value // '2020-08-24T09:23'
 */
export function parseDate(text: string, options: ParseDatesOptions = {}): DateMention | null {
  const mentions = parseDates(text, options);
  return (
    mentions.find((m) => (m.kind === 'absolute' || m.kind === 'hijri') && m.value !== null) ??
    mentions.find((m) => m.value !== null) ??
    null
  );
}
