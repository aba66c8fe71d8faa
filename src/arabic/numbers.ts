// Numbers written in Arabic news text: digits in the three digit sets and number words
// (cardinals, compounds joined by و, scales, halves, and vague plurals like عشرات الآلاف).
//
// Matching runs on a folded copy of the text (see `foldForMatching`), which drops harakat and
// tatweel and unifies alef/ta-marbuta/ya spellings and digit sets, keeping a per-character map
// back to the original so every span is an exact UTF-16 range of the input (STYLE.md 12).
// The fold here is local to numbers/dates on purpose: they must not depend on normalize.ts.

import { ARABIC_LETTER_RE, DIACRITICS_RE, TATWEEL } from './chars.js';

// ---------------------------------------------------------------------------------------------
// Folding with an offset map (shared with dates.ts; not part of the public index)
// ---------------------------------------------------------------------------------------------

/** A folded copy of `source` with `map[i]` = index in `source` of folded char `i`. */
export interface FoldedText {
  source: string;
  text: string;
  map: Int32Array;
}

/** Char code that means "drop this character" in FOLD_TABLE (NUL itself is dropped too). */
const DROP = 0;

/**
 * Fold table for every UTF-16 code unit: DROP, or the code to write instead. A full 64K
 * table (128 KB) because one lookup per character is twice as fast as range tests, and
 * parseDates must stay under 5 ms on a 5,000-word article. Rules (lossy, matching-only):
 * - harakat, Quranic marks (exactly DIACRITICS_RE) and tatweel are dropped;
 * - invisible controls are dropped: U+061C ARABIC LETTER MARK, ZWSP/ZWNJ/ZWJ/LRM/RLM
 *   (U+200B–U+200F), BOM; NBSP becomes a space;
 * - أ إ آ ٱ → ا ; ة → ه ; ى ی → ي ; ک → ك (so اكتوبر/أكتوبر, ايار/أيار, سنة/سنه meet);
 * - Arabic-Indic ٠–٩ and Persian ۰–۹ digits → ASCII 0–9.
 */
const FOLD_TABLE: Uint16Array = (() => {
  const table = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) table[c] = c;
  const isMark = new RegExp(DIACRITICS_RE.source);
  for (let c = 0x600; c <= 0x6ff; c++) {
    const ch = String.fromCharCode(c);
    if (isMark.test(ch) || ch === TATWEEL) table[c] = DROP;
  }
  for (const c of [0x61c, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0xfeff]) table[c] = DROP;
  table[0xa0] = 0x20;
  for (const c of [0x622, 0x623, 0x625, 0x671]) table[c] = 0x627;
  table[0x629] = 0x647;
  table[0x649] = 0x64a;
  table[0x6cc] = 0x64a;
  table[0x6a9] = 0x643;
  for (let d = 0; d < 10; d++) {
    table[0x660 + d] = 0x30 + d;
    table[0x6f0 + d] = 0x30 + d;
  }
  return table;
})();

const UTF16 = new TextDecoder('utf-16le');

/**
 * Fold `source` for matching and keep the offset map. Lossy; never store the result.
 *
 * @example foldForMatching('غداً').text // 'غدا'
 * @internal
 */
export function foldForMatching(source: string): FoldedText {
  const n = source.length;
  const out = new Uint16Array(n);
  const map = new Int32Array(n + 1);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const c = FOLD_TABLE[source.charCodeAt(i)];
    if (c === DROP) continue;
    out[k] = c;
    map[k] = i;
    k++;
  }
  map[k] = n;
  return { source, text: UTF16.decode(out.subarray(0, k)), map: map.subarray(0, k + 1) };
}

/** True for characters the fold drops from inside a word (marks and tatweel). */
function isDroppedMark(c: number): boolean {
  return c >= 0x600 && c <= 0x6ff && FOLD_TABLE[c] === DROP && c !== 0x61c;
}

/**
 * Map the folded range [fs, fe) back to the original text. The end is extended over marks
 * that follow the last letter (tanwin in غداً, ألفاً), so the span covers the whole word.
 * @internal
 */
export function spanInSource(f: FoldedText, fs: number, fe: number): [number, number] {
  const start = f.map[fs];
  let end = f.map[fe - 1] + 1;
  while (end < f.source.length && isDroppedMark(f.source.charCodeAt(end))) end++;
  return [start, end];
}

/** One Arabic letter as a regex class (from chars.ts); folded text still matches it. */
export const LETTER = ARABIC_LETTER_RE.source;

// ---------------------------------------------------------------------------------------------
// Number mentions
// ---------------------------------------------------------------------------------------------

/**
 * A number found in text. `value` is null for vague quantities (عشرات، مئات، آلاف), which give
 * a range instead: `min`/`max` are the plural's smallest and largest round readings (عشرات =
 * 20–90). We chose null over a midpoint because a midpoint would be an invented figure.
 */
export interface NumberMention {
  start: number;
  end: number;
  text: string;
  value: number | null;
  min?: number;
  max?: number;
  vague?: boolean;
}

type AtomKind =
  | 'unit' // 1–9: واحد … تسعة (also stand alone)
  | 'ahad' // أحد/إحدى/اثنا/اثني: only before عشر (11, 12)
  | 'ashar' // عشر/عشرة: 10 alone, or the second word of 11–19
  | 'ten' // 20–90
  | 'hundred' // 100–900
  | 'scale' // ألف, مليون, مليار (singular: multiplies what precedes, or 1× alone)
  | 'dual' // ألفان, مليونان … (2× the scale, stands alone)
  | 'plural' // آلاف, ملايين, مليارات (multiplies what precedes; alone = vague 2–9×)
  | 'frac' // نصف, ربع
  | 'vague'; // عشرات, مئات, بضع

interface Atom {
  kind: AtomKind;
  value: number;
}

/** Number words in folded spelling (ة→ه, ى→ي, hamza-alef→ا) → atom. */
const NUMBER_WORDS: ReadonlyMap<string, Atom> = (() => {
  const m = new Map<string, Atom>();
  const put = (kind: AtomKind, value: number, ...words: string[]) => {
    for (const w of words) m.set(w, { kind, value });
  };
  put('unit', 1, 'واحد', 'واحده');
  put('unit', 2, 'اثنان', 'اثنين', 'اثنتان', 'اثنتين');
  put('unit', 3, 'ثلاث', 'ثلاثه');
  put('unit', 4, 'اربع', 'اربعه');
  put('unit', 5, 'خمس', 'خمسه');
  put('unit', 6, 'ست', 'سته');
  put('unit', 7, 'سبع', 'سبعه');
  put('unit', 8, 'ثمان', 'ثماني', 'ثمانيه');
  put('unit', 9, 'تسع', 'تسعه');
  put('ahad', 1, 'احد', 'احدي');
  put('ahad', 2, 'اثنا', 'اثني', 'اثنتا', 'اثنتي');
  put('ashar', 10, 'عشر', 'عشره');
  const tens = ['عشر', 'ثلاث', 'اربع', 'خمس', 'ست', 'سبع', 'ثمان', 'تسع'];
  tens.forEach((stem, i) => {
    put('ten', (i + 2) * 10, `${stem}ون`, `${stem}ين`);
  });
  put('hundred', 100, 'مئه', 'مائه');
  put('hundred', 200, 'مئتان', 'مئتين', 'مائتان', 'مائتين', 'مئتا', 'مائتا', 'مئتي', 'مائتي');
  const hundredStems: Array<[number, string[]]> = [
    [3, ['ثلاث']],
    [4, ['اربع']],
    [5, ['خمس']],
    [6, ['ست']],
    [7, ['سبع']],
    [8, ['ثمان', 'ثماني']],
    [9, ['تسع']],
  ];
  for (const [n, stems] of hundredStems) {
    for (const s of stems) put('hundred', n * 100, `${s}مئه`, `${s}مائه`);
  }
  put('scale', 1e3, 'الف', 'الفا');
  put('scale', 1e6, 'مليون', 'مليونا');
  put('scale', 1e9, 'مليار', 'مليارا', 'بليون');
  put('scale', 1e12, 'تريليون', 'ترليون');
  put('dual', 1e3, 'الفان', 'الفين');
  put('dual', 1e6, 'مليونان', 'مليونين');
  put('dual', 1e9, 'ملياران', 'مليارين');
  put('plural', 1e3, 'الاف', 'الالاف');
  put('plural', 1e6, 'ملايين', 'الملايين');
  put('plural', 1e9, 'مليارات', 'المليارات');
  put('frac', 0.5, 'نصف');
  put('frac', 0.25, 'ربع');
  put('vague', 10, 'عشرات');
  put('vague', 100, 'مئات');
  put('vague', 1, 'بضع', 'بضعه');
  return m;
})();

/**
 * Folded number words that name an exact quantity (no عشرات/آلاف/بضع/نصف), for regexes in
 * sibling modules that must recognise a count in words (dates.ts: منذ ثلاثين عاما). Read the
 * value of what they match with `parseNumbers`, which knows how the words combine.
 * @internal
 */
export const EXACT_NUMBER_WORDS: readonly string[] = [...NUMBER_WORDS]
  .filter(([, a]) => a.kind !== 'vague' && a.kind !== 'plural' && a.kind !== 'frac')
  .map(([word]) => word);

/**
 * Ranges for vague words, as multiples of their base: عشرات/مئات read 2–9 of the base
 * (the task's 20–90 and 200–900), بضع reads 3–9 (its dictionary sense), plural scales alone
 * (آلاف, ملايين) 2–9 of the scale.
 */
const VAGUE_SPAN: Record<number, [number, number]> = { 10: [2, 9], 100: [2, 9], 1: [3, 9] };
const PLURAL_ALONE_SPAN: [number, number] = [2, 9];

/**
 * Clitics stripped from the front of a number word: و (and — also marks continuation of a
 * compound), ب (with/for), ل (for), ف (then), in the orders Arabic allows (وب، ول، فب…).
 * ب/ل/ف only when at least three letters remain: لست ("you are not") is not ل + ست (6).
 */
const CLITIC_RE = /^(و?)([بلف]?)(.+)$/;
const MIN_STEM_AFTER_PREPOSITION = 3;

/**
 * Digit runs (already ASCII after folding), in order of preference:
 * 1. thousands grouped with `,` or `٬` (1,500 / 2٬300٬000), optional decimal;
 * 2. thousands grouped with `.` in two or more groups (1.000.000, Maghrebi style);
 * 3. a decimal with `.` or `٫`, or with `,` followed by one or two digits (2,5 مليون — common);
 * 4. plain digits.
 * A single `.`+3 digits (10.000) reads as a decimal: ambiguous, and rarer than 1.5 in news.
 */
const DIGITS_SRC = String.raw`\d{1,3}(?:[,\u066C]\d{3})+(?:[.\u066B]\d+)?(?!\d)|\d{1,3}(?:\.\d{3}){2,}(?!\d)|\d+(?:[.\u066B]\d+|,\d{1,2}(?!\d))|\d+`;

/** Tokens: a run of Arabic letters or a digit run; everything else is a gap between tokens. */
const TOKEN_G = new RegExp(`${LETTER}+|${DIGITS_SRC}`, 'g');

/** A gap that keeps two tokens in one number: whitespace only (a comma or ، ends the number). */
const JOINING_GAP_RE = /^\s*$/;

interface Token {
  fs: number; // folded start of the number word (after clitics)
  fe: number;
  atom: Atom | null; // null: not a number word
  digits: number | null; // value of a digit run
  conj: boolean; // preceded by و (as a clitic or a separate word)
  prep: boolean; // carried a ب/ل/ف clitic: may start a number, never continue one
  joined: boolean; // the gap before it joins it to the previous token
}

function digitValue(s: string): number {
  if (/[,\u066C]\d{3}/.test(s) && !/,\d{1,2}$/.test(s)) {
    return Number(s.replace(/[,\u066C]/g, '').replace('\u066B', '.'));
  }
  if (/^\d{1,3}(?:\.\d{3}){2,}$/.test(s)) return Number(s.replace(/\./g, ''));
  return Number(s.replace(/[,\u066B]/, '.'));
}

/** Clitic letters (و ب ل ف) that may start a number word; other words skip the clitic check. */
const CLITIC_FIRST = new Set(['و', 'ب', 'ل', 'ف']);

/** The number atom of a word, looking through clitics; null when it is not a number word. */
function atomOf(word: string): { atom: Atom; clitics: number; conj: boolean; prep: boolean } | null {
  const direct = NUMBER_WORDS.get(word);
  if (direct) return { atom: direct, clitics: 0, conj: false, prep: false };
  if (!CLITIC_FIRST.has(word[0])) return null;
  const c = CLITIC_RE.exec(word);
  if (!c || !(c[1] || c[2])) return null;
  const stem = c[3];
  const atom = NUMBER_WORDS.get(stem);
  if (!atom || (c[2] && stem.length < MIN_STEM_AFTER_PREPOSITION)) return null;
  return { atom, clitics: c[1].length + c[2].length, conj: c[1] === 'و', prep: c[2] !== '' };
}

/**
 * Number tokens only. `joined` says the previous number token is right before this one with
 * only whitespace (and at most a free-standing و) between them; any other word breaks it.
 */
function tokenize(f: FoldedText): Token[] {
  const tokens: Token[] = [];
  let prevEnd = 0;
  let prevWasNumber = false;
  // A free-standing و (or و glued to digits: و5) is not a token: it marks the next one.
  let afterWaw = false;
  let joinedBeforeWaw = false;
  TOKEN_G.lastIndex = 0;
  for (let m = TOKEN_G.exec(f.text); m !== null; m = TOKEN_G.exec(f.text)) {
    const word = m[0];
    const gapStart = prevEnd;
    prevEnd = m.index + word.length;
    if (word === 'و') {
      joinedBeforeWaw = prevWasNumber && !afterWaw && JOINING_GAP_RE.test(f.text.slice(gapStart, m.index));
      afterWaw = true;
      continue;
    }
    const isDigits = word.charCodeAt(0) < 0x80;
    const found = isDigits ? null : atomOf(word);
    if (!isDigits && !found) {
      prevWasNumber = false;
      afterWaw = false;
      continue;
    }
    const gapJoins = JOINING_GAP_RE.test(f.text.slice(gapStart, m.index));
    const t: Token = {
      fs: m.index + (found?.clitics ?? 0),
      fe: prevEnd,
      atom: found?.atom ?? null,
      digits: isDigits ? digitValue(word) : null,
      conj: afterWaw || (found?.conj ?? false),
      prep: found?.prep ?? false,
      joined: afterWaw ? joinedBeforeWaw && gapJoins : prevWasNumber && gapJoins,
    };
    afterWaw = false;
    prevWasNumber = true;
    tokens.push(t);
  }
  return tokens;
}

interface Parsed {
  value: number;
  next: number; // index of the first token after the parsed part
}

/** Next token continues the number with no و (e.g. ثلاثة آلاف, نصف مليون). */
function isDirect(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  return t?.joined === true && !t.conj && !t.prep;
}

/** Next token continues the number after و (e.g. خمسة وعشرون, ألف وخمسمئة). */
function isConj(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  return t?.joined === true && t.conj && !t.prep;
}

function kindAt(tokens: Token[], i: number): AtomKind | undefined {
  return tokens[i]?.atom?.kind;
}

/** Below one hundred: a teen, a unit (optionally و + tens: خمسة وعشرون), a ten, or عشرة. */
function parseSmall(tokens: Token[], i: number, digitsBelow: number): Parsed | null {
  const t = tokens[i];
  if (t.digits !== null) return t.digits < digitsBelow ? { value: t.digits, next: i + 1 } : null;
  const a = t.atom;
  if (!a) return null;
  if (
    (a.kind === 'unit' || a.kind === 'ahad') &&
    isDirect(tokens, i + 1) &&
    kindAt(tokens, i + 1) === 'ashar'
  ) {
    return { value: 10 + a.value, next: i + 2 };
  }
  if (a.kind === 'unit') {
    if (isConj(tokens, i + 1) && kindAt(tokens, i + 1) === 'ten') {
      return { value: a.value + tokens[i + 1].atom!.value, next: i + 2 };
    }
    return { value: a.value, next: i + 1 };
  }
  if (a.kind === 'ashar' || a.kind === 'ten') return { value: a.value, next: i + 1 };
  return null;
}

/** A group below one thousand (or any digit run): [hundreds] [و small]. */
function parseGroup(tokens: Token[], i: number): Parsed | null {
  const t = tokens[i];
  if (t.digits !== null) return { value: t.digits, next: i + 1 };
  const a = t.atom;
  if (!a) return null;
  let hundreds = 0;
  let next = i;
  if (a.kind === 'hundred') {
    hundreds = a.value;
    next = i + 1;
  } else if (
    a.kind === 'unit' &&
    a.value >= 3 &&
    isDirect(tokens, i + 1) &&
    tokens[i + 1].atom?.kind === 'hundred' &&
    tokens[i + 1].atom?.value === 100
  ) {
    // Written apart: ثلاث مئة = 300.
    hundreds = a.value * 100;
    next = i + 2;
  }
  if (hundreds > 0) {
    if (isConj(tokens, next)) {
      const rest = parseSmall(tokens, next, 100);
      if (rest) return { value: hundreds + rest.value, next: rest.next };
    }
    return { value: hundreds, next };
  }
  return parseSmall(tokens, i, Number.POSITIVE_INFINITY);
}

interface PhraseResult {
  last: number; // index of the last token of the phrase
  value: number | null;
  min?: number;
  max?: number;
}

/** Vague quantities: عشرات/مئات/بضع [الآلاف/الملايين/مئات…], or a plural scale alone. */
function parseVague(tokens: Token[], i: number): PhraseResult | null {
  const a = tokens[i].atom;
  if (!a) return null;
  const span = a.kind === 'vague' ? VAGUE_SPAN[a.value] : PLURAL_ALONE_SPAN;
  let base = a.value;
  let last = i;
  const next = tokens[i + 1]?.atom;
  if (a.kind === 'vague' && isDirect(tokens, i + 1) && (next?.kind === 'plural' || next?.kind === 'vague')) {
    // عشرات الآلاف = 20,000–90,000; بضع مئات = 300–900.
    base *= next.value;
    last = i + 1;
  }
  return { last, value: null, min: span[0] * base, max: span[1] * base };
}

/** A full number phrase starting at token i, largest part first: ثلاثة آلاف وخمسمئة وعشرون. */
function parsePhrase(tokens: Token[], i: number): PhraseResult | null {
  const first = tokens[i];
  if (first.atom?.kind === 'vague' || first.atom?.kind === 'plural') return parseVague(tokens, i);
  let total = 0;
  let lastScale = Number.POSITIVE_INFINITY;
  let last = -1;
  let j = i;
  while (j < tokens.length) {
    const t = tokens[j];
    let part: number;
    let scale = 1;
    let next: number;
    const a = t.atom;
    const following = tokens[j + 1]?.atom;
    if (a?.kind === 'frac' && isDirect(tokens, j + 1) && following?.kind === 'scale') {
      // نصف مليون = 500,000.
      scale = following.value;
      part = a.value * scale;
      next = j + 2;
    } else if (a?.kind === 'scale' || a?.kind === 'dual') {
      scale = a.value;
      part = a.kind === 'dual' ? 2 * scale : scale;
      next = j + 1;
    } else {
      const g = parseGroup(tokens, j);
      if (!g) break;
      const s = tokens[g.next]?.atom;
      if (isDirect(tokens, g.next) && s && (s.kind === 'scale' || s.kind === 'plural')) {
        scale = s.value;
        part = g.value * scale;
        next = g.next + 1;
      } else {
        part = g.value;
        next = g.next;
      }
    }
    // Parts must shrink (ألف ومئة); a part as large as the previous one starts a new number.
    if (part >= lastScale) break;
    total += part;
    last = next - 1;
    lastScale = scale;
    if (scale === 1 || !isConj(tokens, next)) break;
    if (tokens[next].atom?.kind === 'frac') {
      // مليون ونصف = 1,500,000.
      total += tokens[next].atom!.value * scale;
      last = next;
      break;
    }
    j = next;
  }
  return last < 0 ? null : { last, value: total };
}

/**
 * Find numbers in `text`: digits (Latin, Arabic-Indic, Persian; `٫`/`.` decimals, `٬`/`,`
 * thousands) and Arabic number words, including compounds and scales. Spans exclude the
 * clitics و/ب/ل/ف in front of the first word.
 *
 * Known false positives: words that are also common nouns or verbs — ست (lady), سبع (lion),
 * تسع (holds), ألف (authored; the letter alef), عشر (a tenth). Ordinals (الخامس) and
 * words with the article (الثلاثة) are not read, except الآلاف/الملايين as vague plurals.
 *
 * @example parseNumbers('قتل خمسة وعشرون شخصا') // [{ text: 'خمسة وعشرون', value: 25, … }]
 * @example parseNumbers('عشرات الآلاف') // [{ value: null, min: 20000, max: 90000, vague: true, … }]
 */
export function parseNumbers(text: string): NumberMention[] {
  const f = foldForMatching(text);
  const tokens = tokenize(f);
  const out: NumberMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.atom === null && t.digits === null) continue;
    const r = parsePhrase(tokens, i);
    if (!r) continue;
    const [start, end] = spanInSource(f, t.fs, tokens[r.last].fe);
    const mention: NumberMention = { start, end, text: text.slice(start, end), value: r.value };
    if (r.min !== undefined) {
      mention.min = r.min;
      mention.max = r.max;
      mention.vague = true;
    }
    out.push(mention);
    i = r.last;
  }
  return out;
}
