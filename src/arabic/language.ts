// Language of an article title or body, script first: Arabic script → ar / fa / ur by letters and
// function words only one of them uses; Latin script → en / fr by stopwords.

export type DetectedLanguage = 'ar' | 'en' | 'fr' | 'fa' | 'ur' | 'other';

export interface LanguageGuess {
  /** null when there is too little text to tell. */
  language: DetectedLanguage | null;
  /** 0–1: share of the text in the winning script times the margin of the winner. */
  confidence: number;
}

/** Fewer letters than this (in any script) and we do not guess: "مصر" is 3, "غزة" 3, "BBC" 3. */
const MIN_LETTERS = 3;
/** Weight of one distinctive function word against one distinctive letter. */
const WORD_WEIGHT = 3;
/** Weight of a letter that only Persian/Urdu (not Arabic) writes: پ چ ژ گ. */
const EXTENDED_LETTER_WEIGHT = 2;
/** Confidence when the script is clear but no distinctive letter or word decides (short titles). */
const SCRIPT_ONLY_CONFIDENCE = 0.6;

// Distinctive letters.
/** Arabic proper, not used by Persian or Urdu spelling: ة ى ي(U+064A) ك(U+0643). */
const ARABIC_ONLY = new Set([0x0629, 0x0649, 0x064a, 0x0643]);
/** Persian and Urdu (not Arabic): ی ک and پ چ ژ گ. */
const FA_UR_SHARED = new Set([0x06cc, 0x06a9]);
const FA_UR_EXTENDED = new Set([0x067e, 0x0686, 0x0698, 0x06af]);
/** Urdu only: ٹ ڈ ڑ ں ے ھ ہ ۃ. */
const URDU_ONLY = new Set([0x0679, 0x0688, 0x0691, 0x06ba, 0x06d2, 0x06be, 0x06c1, 0x06c3]);

// Distinctive function words (frequent in one language, absent or rare in the others).
const ARABIC_WORDS = new Set(
  'في من على إلى الى عن أن ان التي الذي هذا هذه مع كان قال بين بعد أو لا ما إن وفي ومن وقال التى الذى'.split(
    ' ',
  ),
);
const PERSIAN_WORDS = new Set(
  'است این را از در برای های شده کرد خود یک بود شد نیز تا کند می که آن اند بر هر'.split(' '),
);
const URDU_WORDS = new Set(
  'کے کی ہے میں اور سے کو نے پر کہ ہیں یہ تھا بھی ایک کیا گیا ساتھ لیے کر جو تھے ہو نہیں'.split(' '),
);
const ENGLISH_WORDS = new Set(
  'the of and to in is for on that with as by at from it was are be this an has have will said after its were but not or which he she they his her more new over about been who into than'.split(
    ' ',
  ),
);
const FRENCH_WORDS = new Set(
  'le la les de des du un une et est que qui dans pour sur par au aux avec ce cette il elle ils pas plus ne se sont été ont son sa ses leur mais ou après selon contre entre'.split(
    ' ',
  ),
);

function isArabicScript(c: number): boolean {
  return (
    (c >= 0x0620 && c <= 0x064a) ||
    (c >= 0x066e && c <= 0x06ff) ||
    (c >= 0x0750 && c <= 0x077f) ||
    (c >= 0xfb50 && c <= 0xfeff)
  );
}

function isLatinLetter(c: number): boolean {
  return ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

/** French letters with diacritics that English does not use: é è ê à ç ù û ô î ï ë œ. */
const FRENCH_ACCENTS = new Set([...'éèêàçùûôîïëœ'].map((c) => c.charCodeAt(0)));

const OTHER_LETTER_RE = /\p{L}/u;

/**
 * Guess the language of a title or body.
 *
 * @example
 * detectLanguage('معارضون يسيطرون على مخازن للصواريخ بريف دمشق') // → { language: 'ar', confidence: … }
 * detectLanguage('ok') // → { language: null, confidence: 0 }
 */
export function detectLanguage(text: string): LanguageGuess {
  let arabicLetters = 0;
  let latinLetters = 0;
  let otherLetters = 0;
  let arabicOnly = 0;
  let faUr = 0;
  let urduOnly = 0;
  let frenchAccents = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) latinLetters++;
      continue;
    }
    if (isArabicScript(c)) {
      if (c >= 0x064b && c <= 0x065f) continue; // harakat are not letters
      arabicLetters++;
      if (ARABIC_ONLY.has(c)) arabicOnly++;
      else if (FA_UR_SHARED.has(c)) faUr++;
      else if (FA_UR_EXTENDED.has(c)) faUr += EXTENDED_LETTER_WEIGHT;
      else if (URDU_ONLY.has(c)) urduOnly++;
    } else if (isLatinLetter(c)) {
      latinLetters++;
      if (FRENCH_ACCENTS.has(c | 0x20) || FRENCH_ACCENTS.has(c)) frenchAccents++;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      // astral: emoji and rare scripts, ignored
    } else if (OTHER_LETTER_RE.test(text[i])) otherLetters++;
  }
  const letters = arabicLetters + latinLetters + otherLetters;
  if (letters < MIN_LETTERS) return { language: null, confidence: 0 };

  if (arabicLetters >= latinLetters && arabicLetters >= otherLetters) {
    const share = arabicLetters / letters;
    let ar = arabicOnly;
    let fa = faUr;
    let ur = faUr + urduOnly;
    for (const w of text.split(/[\s\p{P}]+/u)) {
      if (w === '') continue;
      if (ARABIC_WORDS.has(w)) ar += WORD_WEIGHT;
      // "ال" words are Arabic; Persian and Urdu borrow a few (فی‌المثل) but rarely.
      else if (w.length > 3 && w.startsWith('ال')) ar += 1;
      if (PERSIAN_WORDS.has(w)) fa += WORD_WEIGHT;
      if (URDU_WORDS.has(w)) ur += WORD_WEIGHT;
    }
    // Persian has no letter Urdu lacks: on shared letters alone the two tie, and the tie goes to
    // Persian (listed first); Urdu's own letters (ے ہ ں ھ) and words break it.
    const scores: Array<[DetectedLanguage, number]> = [
      ['ar', ar],
      ['fa', fa],
      ['ur', ur],
    ];
    scores.sort((x, y) => y[1] - x[1]);
    const [best, second] = scores;
    if (best[1] === 0) return { language: 'ar', confidence: round(share * SCRIPT_ONLY_CONFIDENCE) };
    const margin = (best[1] - second[1]) / (best[1] + second[1]);
    return { language: best[0], confidence: round(share * (0.5 + 0.5 * margin)) };
  }

  if (latinLetters >= otherLetters) {
    const share = latinLetters / letters;
    let en = 0;
    let fr = frenchAccents;
    for (const w of text.toLowerCase().split(/[^a-zà-ÿœ]+/u)) {
      if (w === '') continue;
      if (ENGLISH_WORDS.has(w)) en += WORD_WEIGHT;
      if (FRENCH_WORDS.has(w)) fr += WORD_WEIGHT;
      // French elision: l'état, d'un, qu'il.
      if (/^[ldjmnstc]$|^qu$/.test(w)) fr += 1;
    }
    if (en === 0 && fr === 0) return { language: 'en', confidence: round(share * 0.4) };
    const language = en >= fr ? 'en' : 'fr';
    const margin = Math.abs(en - fr) / (en + fr);
    return { language, confidence: round(share * (0.5 + 0.5 * margin)) };
  }
  return { language: 'other', confidence: round(otherLetters / letters) };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
