// Word lists of the quote finder: who can speak (and as what source type), what a speaker's
// role looks like, and the little words around a cue (complementizers, adjuncts, time words).
// Written in normal spelling, folded once at load (foldForSearch), matched on the stem of a word
// without proclitics (segment: والمصادر → مصادر, للدراسات → دراسات). The speech verbs themselves
// are data: data/cue-verbs.tsv (cues.ts).

import { foldForSearch, segment } from '../../arabic/index.js';
import { foldedWordSet } from '../../arabic/normalize.js';

// Word lists are folded as written (foldedWordSet): look-ups that should ignore the article go
// through bareOf/stemOf (an automatic "without ال" entry turned the weekday الأحد into أحد "one").

/**
 * The stem of a folded word for lexicon look-ups: proclitics (و ف ب ل ك ال) and an enclitic
 * pronoun dropped (والمصادر → مصادر, بيانه → بيان). Known false positive of segment(): a name
 * that starts like a clitic (باسم "Basim" / ب+اسم "in the name of") — callers check the
 * whole word first.
 */
export function stemOf(word: string): string {
  if (word.length <= 2) return word;
  let stem = stemCache.get(word);
  if (stem === undefined) {
    if (stemCache.size >= STEM_CACHE_SIZE) stemCache.clear();
    stem = segment(word).stem;
    stemCache.set(word, stem);
  }
  return stem;
}

/** News vocabulary repeats: stems are kept for this many distinct words, then forgotten at once. */
const STEM_CACHE_SIZE = 50_000;
const stemCache = new Map<string, string>();

/** The word without a leading و/ف/ال and without ال (for "the same head" comparisons). */
export function bareOf(word: string): string {
  let w = word;
  if ((w[0] === 'و' || w[0] === 'ف') && w.length > 4 && w[1] === 'ا' && w[2] === 'ل') w = w.slice(1);
  if (w.startsWith('ال') && w.length > 3) w = w.slice(2);
  return w;
}

// ---------------------------------------------------------------------------------------------
// Complementizers: the clause after them is the statement (reported speech).

/**
 * أنّ/إنّ and their forms with a pronoun or with بـ (folded: hamza dropped, so أن and إن meet).
 * Not listed: أنا "I" (folds to انا like أنّا), لأن "because", فإن (only after وحسب X: see
 * HEAD_ATTRIBUTION_OPENERS).
 */
export const COMPLEMENTIZERS = foldedWordSet(
  'أن إن أنه إنه أنها إنها أنهم إنهم أنهما إنهما أنهن إنهن أنني إنني أننا إننا أنكم بأن بأنه بأنها بأنهم بأنهما بأنهن بأننا بأنني',
);

/** Prepositions a speech verb takes before its أن-clause: أشار إلى أن، شدد على أن، كشف عن أن، حذر من أن. */
export const VERB_PREPOSITIONS = foldedWordSet('إلى على عن من في ب');

/** The preposition of the `ala` verbs: أكد على ضرورة… (the noun phrase after it is the statement). */
export const ALA = foldForSearch('على');

/** Words that open the clause after a fronted attribution: وحسب X، فإن… / فقد… */
export const HEAD_ATTRIBUTION_OPENERS = foldedWordSet('فإن فأن فإنه فأنه فإنها فأنها فقد فقط');

// ---------------------------------------------------------------------------------------------
// Speakers: the head noun of the subject decides the source type (speaker.ts).

/**
 * Unnamed sources (anonymous): مصادر خاصة/مطلعة/محلية/ميدانية/عسكرية، ناشطون، شهود عيان،
 * مصدر مسؤول، مسؤول أمريكي. A name or a person mention in the phrase makes it a named person.
 */
export const ANONYMOUS_HEADS = foldedWordSet(
  'مصدر مصادر ناشط ناشطة ناشطون ناشطين ناشطو ناشطات شاهد شهود شاهدة سكان ساكن أهالي مراقب مراقبون مراقبين محللون محللين خبراء مسؤول مسؤولة مسؤولون مسؤولين مسؤولو جهات جهة أوساط دوائر أطراف مقربون مقربين مقربة معلومات أنباء أصوات مطلعون مطلعين مواطنون مواطنين عناصر منشقون ضباط جنود مفاوضون مفاوضين دبلوماسيون دبلوماسيين',
);

/**
 * Human plurals that can be the subject of a plural speech verb (…اشترط الضباط …، كما صرحوا
 * أن): broken plurals; sound plurals in ون/ين are recognised by their ending.
 */
export const GROUP_PLURALS = foldedWordSet(
  'ضباط جنود قادة عناصر مصادر أهالي سكان شهود خبراء نشطاء وزراء نواب أعضاء زعماء شيوخ وجهاء رجال نساء أطباء عمال طلاب طلبة مقاتلو ممثلو مسؤولو ناشطو',
);

/** Another outlet or agency (media): وكالة، صحيفة، قناة… and outlets named without a head noun. */
export const MEDIA_HEADS = foldedWordSet(
  'وكالة صحيفة جريدة قناة موقع شبكة تلفزيون التلفزيون إذاعة راديو مجلة فضائية مراسل مراسلة مراسلو وسائل الإعلام صحف مواقع قنوات',
);

/** Outlet names found without a head noun (ذكرت رويترز، أفادت سانا). Multi-word names as phrases. */
export const OUTLET_NAMES: readonly string[] = [
  'رويترز',
  'فرانس برس',
  'الأناضول',
  'سانا',
  'أسوشيتد برس',
  'اسوشيتد برس',
  'بي بي سي',
  'سي إن إن',
  'سي ان ان',
  'الجزيرة',
  'العربية',
  'سكاي نيوز',
  'روسيا اليوم',
  'سبوتنيك',
  'نيويورك تايمز',
  'واشنطن بوست',
  'الغارديان',
  'وول ستريت جورنال',
  'تاس',
  'إرنا',
  'شينخوا',
  'بلومبرغ',
  'أكسيوس',
  'بلدي نيوز',
  'عنب بلدي',
  'الشرق الأوسط',
  'الحياة',
  'الأهرام',
  'اليوم السابع',
  'المصري اليوم',
  'الوطن',
  'القدس العربي',
  'ميدل إيست آي',
  'لوموند',
  'لو باريزيان',
].map(foldForSearch);

/** Documents, reports and studies (document): تقرير، دراسة، إحصائيات… */
export const DOCUMENT_HEADS = foldedWordSet(
  'تقرير تقارير دراسة دراسات إحصائية إحصائيات إحصاءات إحصاء أرقام بيانات وثيقة وثائق مسح استطلاع ميثاق بحث ورقة مذكرة تقديرات نتائج سجلات خريطة',
);

/** Words that make an institution a think tank or research centre (مركز "نورس" للدراسات → document). */
export const RESEARCH_WORDS = foldedWordSet('دراسات أبحاث بحوث الدراسات الأبحاث البحوث');

/** Heads of a research institution: with RESEARCH_WORDS in the phrase they are documents. */
export const RESEARCH_HEADS = foldedWordSet('مركز معهد مؤسسة مجموعة');

/** Official statements (official-statement): the words come from a بيان or a بلاغ. */
export const STATEMENT_NOUNS = foldedWordSet('بيان بلاغ تعميم');

/** Institutions and groups (organisation). */
export const ORGANISATION_HEADS = foldedWordSet(
  'وزارة حكومة جيش قوات تحالف ائتلاف هيئة منظمة مرصد مجلس لجنة مفوضية سفارة قنصلية رئاسة الكرملين البنتاغون الخارجية الداخلية الدفاع شرطة حزب حركة جماعة تنظيم اتحاد نقابة جمعية شركة بنك مصرف جامعة كلية مديرية إدارة قيادة فصيل فصائل غرفة مكتب محكمة نيابة الأمم المعارضة النظام الحوثيون المفوضية البرلمان برلمان الكونغرس المؤسسة مؤسسة صندوق برنامج الدفاع المدني الهلال الصليب اليونيسف مستشفى بلدية محافظة وحدات مركز معهد المنظمة خلية كتلة بعثة هيئة الرئاسة وكالة الأمم السلطات السلطة الشركة دائرة مديرية مصلحة سلطة إدارة',
);

/** Roles of a person (named-person): "مدير العمليات في التحالف"، "وزير النقل"، "المتحدث باسم…". */
export const ROLE_HEADS = foldedWordSet(
  'وزير وزيرة رئيس رئيسة مدير مديرة موفد موفدة نائب نائبة متحدث متحدثة ناطق ناطقة قائد قائدة سفير سفيرة مبعوث مبعوثة أمين عضو عضوة محافظ مستشار مستشارة منسق منسقة مفوض مفوضة ممثل ممثلة مندوب مندوبة قاضي قاضية المدعي مدعي زعيم زعيمة قيادي قيادية خبير خبيرة محلل محللة باحث باحثة أستاذ أستاذة طبيب طبيبة محامي محامية صحفي صحفية كاتب كاتبة عمدة مختار مدرب رئيس قائم مساعد مساعدة وكيل وكيلة نقيب أمينة المتحدثة الناطقة معاون معاونة ضابط ضابطة مسؤول مسؤولة وزراء قادة رؤساء أعضاء نواب سفراء ممثلو ممثلون ممثلي مدراء مديرو منسقو زعماء',
);

/** Honorifics and ranks before a name: a person, never part of the role. */
export const TITLES = foldedWordSet(
  'الدكتور دكتور د الدكتورة الشيخ شيخ السيد السيدة الأستاذ الحاج اللواء لواء العميد عميد العقيد عقيد المقدم الرائد النقيب الفريق الجنرال المشير الأمير الأميرة الملك الملكة المهندس مهندس المهندسة الإمام المطران الأب سماحة فخامة معالي سمو',
);

/**
 * Adjectives that follow an unnamed speaker (مصدر مطلع، مسؤول رفيع): not the start of a name.
 * Nisba adjectives (أمريكي، عسكرية، ميدانيون) are recognised by their ending (speaker.ts).
 */
export const SPEAKER_ADJECTIVES = foldedWordSet(
  'مطلع مطلعة مطلعون مطلعين رفيع رفيعة رفيعو بارز بارزة كبير كبيرة كبار خاص خاصة مقرب مقربة موثوق موثوقة موثوقة مسؤول مسؤولة مسؤولون آخر أخرى آخرون آخرين عيان مختلفة متطابقة عدة عديدة بعض',
);

/** Words that sit inside a speaker phrase without being a name (prepositions, باسم, ضد). */
export const PHRASE_LINKS = foldedWordSet('في من ضد باسم عن لدى بين مع إلى على');

/**
 * Subjects that do not speak (rhetorical uses of a speech verb, README of the analyse corpus:
 * "الحراك الحاصل يؤكد أن"، "كل يوم يؤكد"). A subject whose head is one of these is no speaker.
 */
export const NON_SPEAKER_HEADS = foldedWordSet(
  'الواقع واقع الحراك الوضع الأمر ذلك هذا هذه التاريخ التجربة الأحداث كل يوم الظروف الوقائع المعطيات المؤشرات الصورة المشهد الحقيقة ما الذي التي من',
);

/** Scripture and prayer: قال تعالى، قال الله، قال رسول الله — citations, not news attributions. */
export const RELIGIOUS_SUBJECTS = foldedWordSet('تعالى الله سبحانه عز جل رسول النبي الرسول المسيح');

// ---------------------------------------------------------------------------------------------
// Adjuncts between a cue and its statement: in a statement, on Tuesday, to Baladi News.

/**
 * Occasions of speech after في: في بيان، في تصريح، في مؤتمر صحفي، في حديث لـ… (matched on the
 * stem, so بيانه، تصريحات، حديثه count). بيان and بلاغ also make the quote an official statement.
 */
export const OCCASION_NOUNS = foldedWordSet(
  'بيان بلاغ تصريح تصريحات حديث مؤتمر كلمة لقاء مقابلة اتصال حوار منشور تغريدة تدوينة رسالة خطاب جلسة ندوة اجتماع تقرير مداخلة وقت سياق ختام مستهل افتتاح معرض رد إطار إحاطة برنامج تسجيل فيديو شريط إفادة',
);

/** Time words: "، مساء الثلاثاء،"، "اليوم"، "أمس". */
export const TIME_WORDS = foldedWordSet(
  'اليوم أمس الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت مساء صباح ظهر عصر ليل ليلة فجر يوم غداة صباحا مساء ظهرا مساءً صباحاً الليلة',
);

/** Words that open an adjunct wherever they stand: خلال مؤتمر، عبر حسابه، بعد لقائه… */
export const ADJUNCT_OPENERS = foldedWordSet(
  'خلال عبر أثناء لدى أمام بعد عقب إثر قبيل قبل على منذ بالقول فيه فيها حسب بحسب وفق وفقا طبقا نقلا',
);

/**
 * Asides about the speaker's anonymity or manner: "، طالبًا عدم ذكر اسمه،"، "مفضلًا عدم…".
 * They open an adjunct like ADJUNCT_OPENERS.
 */
export const ASIDE_OPENERS = foldedWordSet(
  'طالبا طالبة طالبين مفضلا مفضلة مفضلين رافضا رافضة رافضين مشترطا مشترطة',
);

/** What an aside asks for: "عدم ذكر اسمه"، "الكشف عن هويته". Without it طالبة is a student. */
export const ASIDE_OBJECTS = foldedWordSet('عدم الكشف ذكر نشر');

/** Relative pronouns opening a clause about the speaker: ", الذي كان يتحدث في…،". */
export const RELATIVE_PRONOUNS = foldedWordSet('الذي التي الذين اللذين اللتين اللواتي اللاتي');

/** "من جانبه" / "من جهته" / "بدوره": the speaker's turn, before or after the cue. */
export const TURN_WORDS = foldedWordSet(
  'جانبه جانبها جانبهم جهته جهتها جهتهم ناحيته ناحيتها بدوره بدورها بدورهم',
);

/** After أعرب عن: hope, concern… the أن-clause after them is the statement (أعرب عن أمله في أن). */
export const FEELING_NOUNS = foldedWordSet(
  'أمل قلق اعتقاد رفض ارتياح ترحيب استغراب أسف تفاؤل ثقة خشية استياء قناعة أسفه استعداد رغبة تخوف مخاوف',
);

/** Addressees after لـ: "قال لـ"بلدي نيوز""، "قال له"، "قال للصحفيين". */
export const ADDRESSEE_WORDS = foldedWordSet(
  'له لها لهم لنا لي لك الصحفيين الصحافيين الصحافة الإعلام وسائل المراسلين الحاضرين الموقع الصحيفة القناة الوكالة',
);

/** Particles before a cue that keep the sentence's subject (كما أكد، وقد أضاف، ثم تابع). */
export const CUE_PARTICLES = foldedWordSet('كما وكما قد وقد فقد ثم كذلك ولكن لكن ولكنه لكنه');

/** Relatives: "زوجها"، "ابنته"، "شقيقه" — an unnamed person (anonymous), never a name. */
export const KIN_WORDS = foldedWordSet(
  'ابن ابنة بنت زوج زوجة شقيق شقيقة أخ أخت والد والدة أم أب عم عمة خال خالة جد جدة حفيد صديق صديقة جار جارة',
);

/** Quantifiers before a head noun: آخر الإحصائيات، أحد العاملين، ثلاثة مصادر, عدد من. */
export const QUANTIFIERS = foldedWordSet(
  'آخر أحدث أحد إحدى بعض عدد عدة ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة عشرة اثنان اثنين ثلاث أربع خمس مجموعة غالبية معظم',
);

/** Clause conjunctions before a cue that start a new clause: "، في حين تساءل…"، "فيما أفادت…". */
export const CLAUSE_OPENERS = foldedWordSet('حين فيما بينما وفيما وبينما');

/** Words the subject of a cue may not contain: they belong to a clause, not to a name. */
export const NOT_IN_SUBJECT = foldedWordSet(
  'عن حول بشأن مع منذ حتى عندما بينما لأن كي لكي أنه إنه إذا لو سوف قد لم لن لا ما',
);
