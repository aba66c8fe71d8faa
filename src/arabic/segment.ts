// Clitic segmentation of one Arabic word: proclitics (و ف ب ك ل س and the article ال), stem,
// enclitic pronoun. Conservative by design: a wrong split costs search recall less than it costs
// entity and quote matching, so a word is split only on clear evidence.

import { foldCodeUnit } from './normalize.js';

export interface Segmentation {
  /** Proclitics in reading order, as substrings of the input (لل → ['ل', 'ل']: the second is the article). */
  proclitics: string[];
  stem: string;
  /** Enclitic pronouns (at most one), as substrings of the input. */
  enclitics: string[];
}

// ---------------------------------------------------------------------------------------------
// Thresholds (in letters, after harakat and tatweel are removed).

/** No split ever leaves a stem shorter than this. */
const MIN_STEM = 2;
/**
 * An "ambiguous" split — a single-letter proclitic without the article, or an enclitic — must
 * leave this many letters: و+قع, ف+قط, ب+عد, س+نة, ك+ان, هن+ا would all be wrong at two letters.
 */
const MIN_STEM_AMBIGUOUS = 3;
/** Two stacked single-letter proclitics (وب, فل, وس…) need a longer remainder: وب+رنامج is wrong. */
const MIN_STEM_DOUBLE = 4;

/**
 * Words that only look cliticised: names, place names, and common words whose first or last
 * letters happen to be و ف ب ك ل س / ه ها هم ك نا. Matched on the search fold (so الى/إلى,
 * المانيا/ألمانيا meet), on the whole word and on what is left after a conjunction (وفلسطين →
 * و + فلسطين). They are never split and never lose a suffix in stem().
 *
 * False positives that remain (no lexicon can be complete; each shows the rule that fires). On
 * the held-out rows of test/fixtures/arabic/segmentation-gold.tsv they are most of the errors:
 * - و/ف/ب/ك/ل + three or more letters on an unlisted word: names (وداد, فواز, بسمة, كريمة,
 *   باقر, كنعان), plain nouns (ولادة, وعود, فصول, فنادق, بطاقات, كلفة, لحوم), loanwords (باراك).
 * - two stacked proclitics need four letters after them, so وبحسب stays و + بحسب.
 * - س + imperfect-looking nouns: سيول, ستار are listed; سيرك, ستيفن are not.
 * - enclitic ه/ها/هم on unlisted nouns ending in those letters without the article (فقيه →
 *   فقي+ه, يراهن → يرا+هن); possessive ي only after prepositions, so حكومتي stays whole.
 * - نا after verbs is split like the pronoun (قلنا → قل+نا), as Farasa and the ATB do.
 * - فهم (understanding) is split as ف+هم ("so they"), the more frequent reading in news.
 */
const PROTECTED_WORDS = `
الله اللهم الذي التي الذين اللذين اللتين اللذان اللتان اللاتي اللواتي اللائي الآن الان
الذى التى الاله الالهي
ليبيا بريطانيا فلسطين كندا كوريا ألمانيا إيطاليا بلجيكا فنلندا فرنسا فنزويلا فيتنام فيينا
بولندا بلغاريا بوليفيا بيرو بنما بنغلاديش بورما بروناي بوروندي بوتسوانا بنين بوركينا بيلاروسيا
باكستان باريس برلين بروكسل بكين بيروت بغداد بنغازي بورسعيد بابل بعلبك بانياس بيشاور بوسطن
برشلونة بورتو بافاريا لبنان لندن لاهاي لشبونة لوكسمبورغ ليتوانيا لاتفيا لاوس ليبيريا ليون لاغوس
لاهور كابول كراتشي كييف كوبا كينيا كولومبيا كاليفورنيا كازاخستان كمبوديا كرواتيا كوسوفو كشمير
كردستان كركوك كربلاء كسلا كانبرا كاراكاس كوبنهاغن كوالالمبور واشنطن وارسو ويلز ولنغتون ووهان
سوريا سيناء سويسرا ستوكهولم سيدني سريلانكا سلوفاكيا سلوفينيا سامراء سراقب سرت سبها سوسة سطيف
سنغافورة سنغال فاس فلوريدا فرانكفورت فلورنسا بنسلفانيا فيلادلفيا سيول بحرين رافدين
بلال وليد كمال سامر فاطمة هاني وائل وسام وفاء وهيب وديع باسل بسام بشرى بهاء بشار باسم بدر
بكر بلقيس بوتين بايدن بلير بوش بنيامين بيريز كريم كاظم كامل كلثوم كوثر كنان كيم كيري كلينتون
فؤاد فارس فهد فادي فايز فراس فيصل فريد فتحي فوزي فيروز فرح فرج فهمي لؤي لمياء ليلى لطفي لبنى
لينا لافروف سامي سليم سمير سعيد سيف ساري سلوى سناء سهى سوزان سلمان سالم سامح سليمان ستالين
ماكرون أردوغان ياسين نسرين شيرين أصفهان هارون تشرين كانون برلمان فاتيكان أذربيجان
والي وادي وزير وزيرة وزارة وزراء وزاري وزارية وزارات وقت وضع وطن وطني وطنية وجه وجوه وجود
وصول وفد وقف وكالة ولاية ولايات ولد وسط وسيلة وسائل وثيقة وثائق وفاة وعد ورقة ورد وزن وفق
وفقا واقع واقعة واضح وحدة وحدات وحيد وجهة وظيفة وظائف وراء وداع ولي ولاء وقع وصل واجه وصف
وعي وقود ودائع وباء والد والدة وجبة وفير واتساب ويكيبيديا ويكيليكس وافق وافقت وافقوا واجهت
واجهوا وصلت وصلوا وقعت وقعوا وضعت وضعوا وعدت وصفت وقفت ورشة وزير
فريق فترة فيلم فكرة فرصة فرص فعل فقط فوق فوز فرع فصل فندق فصيل فصائل فئة فئات فساد فيروس
فيديو فبراير فيسبوك فرد فتح فضل فلاح فكر فتوى فحص فرض فرق فراغ فرار فقر فقراء فلسفة فوضى
فعالية فعاليات فعلا فعلي فعلية فائدة فوائد فائض فاتورة فارق فاز فازت فقدان فيضان فيضانات فضاء
فضيحة فنان فنانة فنانين فنون فني فنية فورا فوري فورية فلسطيني فلسطينية فلسطينيين فلسطينيون
فرنسي فرنسية فرنسيين فيدرالي فيدرالية فيلق فوج فضائية فضائيات فكري فكرية فتاة فتيات فتى فشل
فشلت فاعل فاعلية فاصل فيما
بلد بلاد بلدان بيت بيوت بنك بنوك برنامج برامج بحث بحوث بيان بيانات برلماني برلمانية بطولة
بطل بنت بنات بناء بيع بقاء بدء بدأ بدأت بدأوا بدا بداية بدل بديل بدائل بطاقة بطالة بترول بابا
بحر بحري بحرية بحيرة بريد بريطاني بريطانية بعثة بعثات بقية بلدة بلدية بلديات بنية بيئة بيئي
بيئية بوابة بورصة بوليس برج بند بنود بذل بلغ بلغت بلوغ باب بارز بارزة بالغ بالغة باحث باحثين
بينما بروتوكول كهربائي كهربائية كيان كويتي فاخر فاخرة سأل سألت سألوا سألنا سؤال
كبير كبيرة كبار كلمة كلمات كتاب كتب كاتب كرة كأس كورونا كتلة كهرباء كلية كليات كمية كميات
كيف كيلو كيلومتر كيلومترا كافة كثير كثيرة كثيرا كبرى كرسي كارثة كوارث كشف كشفت كشفوا كانت
كانوا كانا كوادر كرامة كفاءة كفاح كنيسة كنائس كامل كاملة كاملا كتيبة كتائب كردي كردية كاميرا
كاميرات كمبيوتر كيميائي كيميائية كلما كذلك كأن
لقاء لقاءات لجنة لجان لعبة لاعب لاعبين لاعبون لون لغة لغات لحظة لحظات ليلة ليالي لواء لحم لعب
لجوء لاجئ لاجئين لاجئون ليست ليسوا ليسا لماذا لائحة لوائح لقب لوحة لازم لاحق لاحقا لاحقة
لبناني لبنانية لبنانيين ليبي ليبية ليبيين لوبي لقاح لقاحات ليرة ليرات لورد
سيارة سياسي سياسية سياسيين سياسيون سيطر سيطرت سيناريو سيناريوهات سينما ستار ستة ستين
ستون سنوي سنوية سيدي سياحي سياحية سيادي سيادية ستوديو ستاد
تفاهم يساهم تساهم نساهم مساهم دراهم هناك هنالك أولئك أحيانا مجانا تلفزيون تليفزيون قانون
مليون زيتون ليمون صابون صهيون فرعون حلزون مأمون ميمون ملايين ميادين مضامين مساكين مجانين
موازين بلايين مشبوه مكروه اتجاه انتباه مياه شفاه أفواه إكراه رفاه
`;

/**
 * Function words that may follow و / ف with only two letters left (وقد, ولم, وفي, فإن…), and
 * that take an enclitic with a two-letter stem (منه, عنها, أنه, فيه, عليهم, لديه).
 */
const FUNCTION_WORDS = `
قد لم لن لا ما من في عن مع أن إن ان هو هي هم هن هذا هذه ذلك تلك كل كما لكن أو او أي اي إذ إذا
اذا ثم حتى بل بعد قبل عند منذ بين على إلى الى علي الي لدي لدى حيث كان كانت ليس غير إلا الا أما
اما إما هنا هناك عليه عندما
`;

/** Particles and prepositions that take a pronoun (منه, عليهم, بينهما, كلاهما, نفسه, بعضهم). */
const ENCLITIC_HOSTS = `
من عن في أن إن ان مع لدي لدى علي على إلي إلى الي عند بين بعد قبل حول دون ضد مثل لكن كأن ليت لعل
كل كلا كلتا نفس بعض جميع غير ذات أمام خلف عبر تجاه
`;

/**
 * A preposition glued to a two-letter particle (light fold, hamza kept): لقد, لأن, بأن, بما.
 * Not لما, كما (lexicalised: "when", "as"), nor لكن.
 */
const PREPOSITION_PARTICLES = new Set(['لقد', 'لأن', 'لان', 'لإن', 'بأن', 'بان', 'بما']);

/** Stems that take an enclitic although they have only two letters (من+ه, عن+ها, في+ه, أن+ه, مع+هم). */
const SHORT_HOSTS = 'من عن في أن إن ان مع لد';

/** Stems that take ي / ني (عندي, معي, مني, عني, إنني, أنني, لكنني): only after these. */
const FIRST_PERSON_HOSTS = 'عند مع من عن لد';
const NI_HOSTS = 'أن إن ان لكن ليت لعل';

function foldedSet(list: string): Set<string> {
  const set = new Set<string>();
  for (const w of list.split(/\s+/)) if (w) set.add(searchKey(w));
  return set;
}

// ---------------------------------------------------------------------------------------------
// Per-word scratch: the light fold (harakat and tatweel dropped; hamza forms, ة and ى kept, so
// ألمانيا does not start with ال and مستشفى does not end with ي) and the search fold, aligned
// letter for letter, with each letter's offset in the input.

let light = new Uint16Array(64);
let search = new Uint16Array(64);
let offsets = new Int32Array(65);

const TATWEEL_CODE = 0x0640;
const TA_MARBUTA = 0x0629;

function isDroppedInLightFold(c: number): boolean {
  return (
    c === TATWEEL_CODE ||
    (c >= 0x064b && c <= 0x065f) ||
    c === 0x0670 ||
    (c >= 0x0610 && c <= 0x061a) ||
    (c >= 0x06d6 && c <= 0x06ed && c !== 0x06e5 && c !== 0x06e6) ||
    c === 0x200c ||
    c === 0x200d ||
    c === 0x00ad
  );
}

/** Light fold of one letter: ٱ → ا, Persian ی ک → ي ك; everything else unchanged. */
function lightFold(c: number): number {
  if (c === 0x0671) return 0x0627;
  if (c === 0x06cc) return 0x064a;
  if (c === 0x06a9) return 0x0643;
  return c;
}

/**
 * The key words are looked up by: the search fold (so hamza spellings and ى/ي meet) except that
 * ة stays ة — وزيرة is not وزير + ه.
 */
function keyFold(l: number): number {
  return l === TA_MARBUTA ? l : foldCodeUnit(l);
}

function searchKey(word: string): string {
  let s = '';
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (isDroppedInLightFold(c)) continue;
    const f = keyFold(lightFold(c));
    if (f >= 0) s += String.fromCharCode(f);
    else if (f === -2) s += word[i];
  }
  return s;
}

const PROTECTED = foldedSet(PROTECTED_WORDS);
const FUNCTION = foldedSet(FUNCTION_WORDS);
const HOSTS = foldedSet(ENCLITIC_HOSTS);
const SHORT_HOST = foldedSet(SHORT_HOSTS);
const FIRST_PERSON_HOST = foldedSet(FIRST_PERSON_HOSTS);
const NI_HOST = foldedSet(NI_HOSTS);

/** The search key of the whole word, built by foldWord; slices of it are the keys of its parts. */
let keyString = '';
/** True when the word holds a character the per-unit fold cannot handle (ligature, astral). */
let keyNeedsFullFold = false;

/** Fill the scratch arrays for `word`; returns the number of letters. */
function foldWord(word: string): number {
  const n = word.length;
  if (light.length < n) {
    light = new Uint16Array(n * 2);
    search = new Uint16Array(n * 2);
    offsets = new Int32Array(n * 2 + 1);
  }
  let k = 0;
  let full = false;
  for (let i = 0; i < n; i++) {
    const c = word.charCodeAt(i);
    if (isDroppedInLightFold(c)) continue;
    const l = lightFold(c);
    const f = keyFold(l);
    if (f === -1) continue; // marks the search fold removes (extended-A Quranic marks…)
    if (f === -2) full = true;
    light[k] = l;
    search[k] = f >= 0 ? f : l;
    offsets[k] = i;
    k++;
  }
  offsets[k] = n;
  keyNeedsFullFold = full;
  keyString =
    k <= 64
      ? String.fromCharCode.apply(null, search.subarray(0, k) as unknown as number[])
      : searchSliceSlow(0, k);
  return k;
}

function searchSliceSlow(from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i++) s += String.fromCharCode(search[i]);
  return s;
}

function searchSlice(from: number, to: number): string {
  return keyString.slice(from, to);
}

/** Search key of letters [from, to) of the last analysed word, and whether it is exact. */
export function keySlice(from: number, to: number): string {
  return keyString.slice(from, to);
}
export function lastKeyNeedsFullFold(): boolean {
  return keyNeedsFullFold;
}

/** Light-folded letter at index k of the last analysed word. */
export function lightAt(k: number): number {
  return light[k];
}

// Letters, as code units.
const WAW = 0x0648;
const FA = 0x0641;
const BA = 0x0628;
const KAF = 0x0643;
const LAM = 0x0644;
const SIN = 0x0633;
const ALEF = 0x0627;
const YA = 0x064a;
const TA = 0x062a;
const NUN = 0x0646;
const ALEF_MAQSURA = 0x0649;
const HAMZA = 0x0621;
const ALEF_HAMZA_ABOVE = 0x0623;

function isConjunction(c: number): boolean {
  return c === WAW || c === FA;
}
function isPreposition(c: number): boolean {
  return c === BA || c === KAF || c === LAM;
}
/** Imperfect-verb prefixes that may follow the future marker س: ي ت ن أ. */
function isImperfectPrefix(c: number): boolean {
  return c === YA || c === TA || c === NUN || c === ALEF_HAMZA_ABOVE;
}

/**
 * Can the future marker س be split off before light[from..len)? The remainder must look like an
 * imperfect verb: start with ي ت ن أ, and not end like a noun (ة, ات, ء, ى, ين: سيارة, سيارات,
 * سيناء, ستين, سياسيين).
 */
function isFutureVerbRemainder(from: number, len: number): boolean {
  if (len - from < MIN_STEM_AMBIGUOUS || !isImperfectPrefix(light[from])) return false;
  const last = light[len - 1];
  if (last === TA_MARBUTA || last === HAMZA || last === ALEF_MAQSURA) return false;
  if (light[len - 2] === ALEF && last === TA) return false;
  if (light[len - 2] === YA && last === NUN) return false;
  return true;
}

/** Article at `p`: ال followed by at least MIN_STEM letters. Returns the index after it or -1. */
function articleAt(p: number, len: number): number {
  if (light[p] === ALEF && light[p + 1] === LAM && len - (p + 2) >= MIN_STEM) return p + 2;
  return -1;
}

interface Split {
  /** Boundaries between proclitics, in letters: [0, b1, b2, …, stemStart]. */
  cuts: number[];
  hadArticle: boolean;
}

/**
 * Choose the proclitics. Candidates, longest first: conjunction? + (preposition? + article |
 * ل + article written لل | preposition | future س). A candidate whose remainder is a protected
 * word wins outright (والله → و + الله, not و + ال + له).
 */
const NO_PROCLITIC: Split = { cuts: [0], hadArticle: false };

function splitProclitics(len: number): Split {
  const first = light[0];
  if (!isConjunction(first) && !isPreposition(first) && first !== SIN && first !== ALEF) return NO_PROCLITIC;
  const candidates: Split[] = [];
  const starts = isConjunction(first) ? [1, 0] : [0];
  for (const p of starts) {
    const head = p === 1 ? [0, 1] : [0];
    // preposition + article: بال, كال; لل = ل + article without its alef.
    if (isPreposition(light[p])) {
      const art = articleAt(p + 1, len);
      if (art > 0 && light[p] !== LAM) candidates.push({ cuts: [...head, p + 1, art], hadArticle: true });
      if (light[p] === LAM && light[p + 1] === LAM && len - (p + 2) >= MIN_STEM) {
        candidates.push({ cuts: [...head, p + 1, p + 2], hadArticle: true });
      }
    }
    const art = articleAt(p, len);
    if (art > 0) candidates.push({ cuts: [...head, art], hadArticle: true });
    // single preposition or future marker after the optional conjunction
    const min = p === 1 ? MIN_STEM_DOUBLE : MIN_STEM_AMBIGUOUS;
    if (isPreposition(light[p]) && len - (p + 1) >= min)
      candidates.push({ cuts: [...head, p + 1], hadArticle: false });
    // لقد, لأن, بأن, بما: a preposition before a two-letter particle.
    if (
      len - (p + 1) === 2 &&
      PREPOSITION_PARTICLES.has(String.fromCharCode(light[p], light[p + 1], light[p + 2]))
    ) {
      candidates.push({ cuts: [...head, p + 1], hadArticle: false });
    }
    if (light[p] === SIN && isFutureVerbRemainder(p + 1, len)) {
      candidates.push({ cuts: [...head, p + 1], hadArticle: false });
    }
    if (p === 1) {
      // the conjunction alone: three letters, or a function word (وقد, ولم, فإن)
      const rest = len - 1;
      if (rest >= MIN_STEM_AMBIGUOUS || (rest >= MIN_STEM && FUNCTION.has(searchSlice(1, len)))) {
        candidates.push({ cuts: [0, 1], hadArticle: false });
      }
    }
  }
  if (candidates.length === 0) return NO_PROCLITIC;
  // Protected remainder first (والله, وفلسطين, ولبنان), then the longest candidate.
  for (const c of candidates) {
    const stemStart = c.cuts[c.cuts.length - 1];
    if (PROTECTED.has(searchSlice(stemStart, len))) return c;
  }
  for (const c of candidates) {
    const stemStart = c.cuts[c.cuts.length - 1];
    // A protected prefix of the remainder is not evidence; a protected *whole* word is handled
    // by the caller. Skip candidates that would leave a protected word's tail (و+ليد from وليد
    // is caught earlier; here: ب+ال+… is always fine).
    if (len - stemStart >= MIN_STEM) return c;
  }
  return NO_PROCLITIC;
}

/** Enclitic pronouns, longest first, as code-unit arrays of the light fold. */
const ENCLITICS: ReadonlyArray<{ text: string; units: number[] }> = [
  'هما',
  'كما',
  'هم',
  'هن',
  'ها',
  'كم',
  'كن',
  'نا',
  'ني',
  'ه',
  'ك',
  'ي',
].map((text) => ({ text, units: [...text].map((ch) => ch.charCodeAt(0)) }));

function endsWith(units: number[], len: number): boolean {
  if (len < units.length) return false;
  for (let k = 0; k < units.length; k++) if (light[len - units.length + k] !== units[k]) return false;
  return true;
}

/** Last letters of the enclitics: ه ا م ن ك ي. */
function canEndEnclitic(c: number): boolean {
  return c === 0x0647 || c === ALEF || c === 0x0645 || c === NUN || c === KAF || c === YA;
}

/**
 * Length of the enclitic to split off light[from..len), or 0. One clause per reason.
 */
function encliticLength(from: number, len: number): number {
  if (!canEndEnclitic(light[len - 1])) return 0;
  for (const { text, units } of ENCLITICS) {
    if (!endsWith(units, len)) continue;
    const hostEnd = len - units.length;
    const hostLen = hostEnd - from;
    if (hostLen < MIN_STEM) continue;
    const host = searchSlice(from, hostEnd);
    if (PROTECTED.has(host)) return 0;
    const isShortHost = SHORT_HOST.has(host) || HOSTS.has(host);
    if (hostLen < MIN_STEM_AMBIGUOUS && !isShortHost) continue;
    const hostLast = light[hostEnd - 1];
    switch (text) {
      case 'ي':
        // Possessive ي only after prepositions (عندي, معي, مني): nisba adjectives (عربي, يمني)
        // end the same way and are far more frequent in news.
        if (FIRST_PERSON_HOST.has(host)) return 1;
        continue;
      case 'ني':
        if (NI_HOST.has(host)) return 2;
        continue;
      case 'ك':
      case 'كما':
      case 'كم':
      case 'كن':
        // Second person is rare in news; take it after a construct-state ت (حكومتك, شركتكم) or a
        // preposition (عليك, منكم). كم/كن also after four letters (بلادكم) — not after three:
        // تراكم, محاكم, أماكن, يمكن.
        if (isShortHost || hostLast === TA) return units.length;
        if ((text === 'كم' || text === 'كن') && hostLen >= 4) return units.length;
        continue;
      case 'ه':
        // اتجاه, مياه, انتباه: ه after alef is part of the word (except إياه-like hosts).
        if (hostLast === ALEF && !isShortHost) continue;
        // توجيه, تنبيه, ترفيه (masdar تفعيل of roots ending in ه).
        if (hostLen === 4 && light[from] === TA && hostLast === YA) continue;
        return 1;
      case 'نا':
        // أحيانا, مجانا, قانونا, كورونا: tanwin alef after ن, not the pronoun.
        if ((hostLast === ALEF || hostLast === WAW) && !isShortHost) continue;
        return 2;
      default:
        return units.length; // ها هم هن هما
    }
  }
  return 0;
}

/** Letter-level analysis shared by segment() and stem(). */
export interface WordAnalysis {
  /** Number of letters (harakat and tatweel dropped). */
  letters: number;
  /** Letter index where each proclitic starts, then where the stem starts. */
  cuts: number[];
  /** Letter index where the stem ends (= letters when there is no enclitic). */
  stemEnd: number;
  /** True when the word (or its stem after a conjunction) is in the protected list. */
  isProtected: boolean;
}

/**
 * Analyse `word` in the scratch arrays. Exported for stem.ts; not part of the public door.
 */
export function analyseWord(word: string): WordAnalysis {
  const len = foldWord(word);
  const whole: WordAnalysis = { letters: len, cuts: [0], stemEnd: len, isProtected: false };
  if (len < MIN_STEM + 1) return whole;
  if (PROTECTED.has(searchSlice(0, len))) {
    whole.isProtected = true;
    return whole;
  }
  const mayHaveEnclitic = canEndEnclitic(light[len - 1]);
  // A protected word with a pronoun: وزيره → وزير + ه, فلسطينها → فلسطين + ها.
  for (const { text, units } of mayHaveEnclitic ? ENCLITICS : []) {
    if (text === 'ي' || text === 'ني' || text === 'ك' || !endsWith(units, len)) continue;
    if (PROTECTED.has(searchSlice(0, len - units.length))) {
      return { letters: len, cuts: [0], stemEnd: len - units.length, isProtected: true };
    }
  }
  // في + enclitic, على + enclitic… (فيها must not become ف + يها); also after و/ف (وفيها).
  const conj = isConjunction(light[0]) && len > 3 ? 1 : 0;
  for (let from = 0; mayHaveEnclitic && from <= conj; from++) {
    const e = encliticLength(from, len);
    if (e > 0) {
      const host = searchSlice(from, len - e);
      if (SHORT_HOST.has(host) || HOSTS.has(host)) {
        return { letters: len, cuts: from ? [0, 1] : [0], stemEnd: len - e, isProtected: false };
      }
    }
  }
  const split = splitProclitics(len);
  const stemStart = split.cuts[split.cuts.length - 1];
  const rest = searchSlice(stemStart, len);
  if (PROTECTED.has(rest)) return { letters: len, cuts: split.cuts, stemEnd: len, isProtected: true };
  // No pronoun after the article: a definite noun takes no possessive (الاتجاه, المتهم, البنك).
  const e = split.hadArticle ? 0 : encliticLength(stemStart, len);
  return { letters: len, cuts: split.cuts, stemEnd: len - e, isProtected: false };
}

/** Offset in the input of letter index `k` (0 → 0, letters → word.length). */
function offsetOf(k: number, letters: number, wordLength: number): number {
  if (k <= 0) return 0;
  if (k >= letters) return wordLength;
  return offsets[k];
}

/**
 * Split an Arabic word into proclitics, stem and enclitics. Works on unfolded input (harakat and
 * tatweel allowed); the parts are substrings of `word` and concatenate back to it.
 *
 * @example
 * segment('وبقواتها') // → { proclitics: ['و', 'ب'], stem: 'قوات', enclitics: ['ها'] }
 * segment('للدراسات') // → { proclitics: ['ل', 'ل'], stem: 'دراسات', enclitics: [] }
 * segment('ليبيا')    // → { proclitics: [], stem: 'ليبيا', enclitics: [] }
 */
export function segment(word: string): Segmentation {
  const a = analyseWord(word);
  const n = word.length;
  const proclitics: string[] = [];
  for (let k = 0; k + 1 < a.cuts.length; k++) {
    proclitics.push(word.slice(offsetOf(a.cuts[k], a.letters, n), offsetOf(a.cuts[k + 1], a.letters, n)));
  }
  const stemStart = offsetOf(a.cuts[a.cuts.length - 1], a.letters, n);
  const stemEnd = offsetOf(a.stemEnd, a.letters, n);
  return {
    proclitics,
    stem: word.slice(stemStart, stemEnd),
    enclitics: stemEnd < n ? [word.slice(stemEnd)] : [],
  };
}

/** Is `key` (a search-folded word) in the protected list? */
export function isProtectedKey(key: string): boolean {
  return PROTECTED.has(key);
}

export { searchKey as segmentSearchKey };
