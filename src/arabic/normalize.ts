// Arabic text normalisation in two layers, with a per-character map back to the original text
// (STYLE.md practice 12). "store" is non-lossy and is what we keep; "search" is the lossy fold run
// on indexed text and on queries alike. Both are one pass over UTF-16 code units through lookup
// tables built once at load time; no regex runs per character.

import {
  ARABIC_LETTER_RANGES,
  ARABIC_MARK_RANGES,
  ARABIC_PRESENTATION_RANGES,
  BIDI_CONTROL_RANGES,
  bmpTable,
  type CodeRange,
  TATWEEL,
} from './chars.js';

/**
 * Normalisation profiles. The rules, in the order they apply, with their sources
 * (charabia-style: one normaliser, its rules listed where it is defined).
 *
 * "store" — non-lossy, for stored text:
 *  S1. Arabic presentation forms (U+FB50–FDFF, U+FE70–FEFF) → their compatibility decomposition,
 *      i.e. base letters; lam-alef ligatures become two letters (ﻻ → لا), the isolated harakat
 *      forms (U+FE70…) lose the leading space NFKC gives them. Source: UnicodeData.txt
 *      <isolated>/<initial>/<medial>/<final> mappings, as in charabia's Arabic normaliser and
 *      ICU's "ar" transliterator.
 *  S2. Invisible controls removed: LRM, RLM, ALM, LRE…RLO, LRI…PDI, U+206A–206F (UAX #9) and the
 *      byte-order mark U+FEFF. ZWNJ is kept only between two Arabic-script letters (Persian and
 *      Urdu spell می‌خواهم with it); ZWJ only inside an emoji sequence (after an emoji, before a
 *      symbol). Elsewhere both are stray (copy-paste residue of Word and CMS editors) and removed.
 *  S3. NFC (UAX #15): hamza/madda marks compose with their carrier (ا + ٔ → أ), harakat are put in
 *      canonical order (shadda+fatha → fatha+shadda). Applied per cluster, only where a combining
 *      mark or a non-NFC character occurs.
 *  Everything else is kept: harakat, tatweel, Arabic-Indic and Persian digits, punctuation.
 *
 * "search" — lossy fold, = store, then:
 *  F1. Harakat, Quranic annotation marks (the Arabic Mn marks, see ARABIC_MARK_RANGES), tatweel,
 *      ZWJ, ZWNJ and soft hyphen removed. Source: Lucene ArabicNormalizer (Larkey, Ballesteros &
 *      Connell 2002/2007), which the Arabic IR literature uses as its baseline.
 *  F2. Letters whose canonical decomposition is a base letter plus removable marks fold to that
 *      base: أ إ آ → ا, ؤ → و, ئ → ي, ۀ → ه, and Latin/Greek/Cyrillic accents (é → e, ά → α).
 *  F3. ٱ (wasla) ٲ ٳ ٵ → ا; ى (alef maqsura) → ي; ة → ه; Persian/Urdu ی → ي, ک → ك, ھ ہ ە ۃ → ه,
 *      ٶ → و, ٸ → ي. Source: Lucene ArabicNormalizer and PersianNormalizer; the ى → ي and ة → ه
 *      choices follow Larkey's "light10" normaliser so that Egyptian spellings (مصرى, الرى)
 *      meet Levantine ones (مصري, الري).
 *  F4. Standalone hamza ء is KEPT. Dropping it would merge ماء/ما, جزء/جز, سماء/سما; the spelling
 *      variation that matters in news is the hamza's carrier, which F2 already folds.
 *      Known miss: مسؤول (F2: مسوول) and مسئول (F2: مسيول) still differ.
 *  F5. Arabic-Indic (U+0660–0669) and Persian (U+06F0–06F9) digits → ASCII; ٫ → "." ٬ → ","
 *      ٪ → "%", so "٣٫٥" meets "3.5".
 *  F6. Lower case (every BMP letter whose lower-case form is one code unit).
 *
 * Offsets: `toOriginal[i]` is the offset in the original text of output unit i; it has one extra
 * final entry equal to the original length, so output span [a, b) maps to the original span
 * [toOriginal[a], toOriginal[b]). The map is monotone. When one character expands (ﻻ → لا) every
 * output unit points at the source character; when NFC rewrites a cluster of n units into m,
 * output unit k points at cluster start + floor(k·n/m).
 */
export type NormalizeProfile = 'store' | 'search';

export interface Normalized {
  text: string;
  /** Offset in the original text of each output code unit, plus a final entry = original length. */
  toOriginal: Int32Array;
}

// ---------------------------------------------------------------------------------------------
// Tables. A "kind" byte per code unit says what the pass does with it; CODE holds the 1:1 target,
// EXPAND the multi-unit targets.

/** Copy CODE[c]. */
const K_COPY = 0;
/** Drop the unit. */
const K_REMOVE = 1;
/** Emit EXPAND.get(c) (several units, each mapped to the source offset). */
const K_EXPAND = 2;
/** Copy, and note that the output needs the NFC pass (combining marks, non-NFC characters). */
const K_COPY_NFC = 3;
/** Expansion containing marks: expand and note the NFC pass. */
const K_EXPAND_NFC = 4;
/** Surrogates: pair them, check astral code points one by one. */
const K_SURROGATE = 5;
/** ZWJ / ZWNJ: keep or drop by context (store only). */
const K_JOINER = 6;
/** search only: a character the one-pass fold cannot handle (a mark it does not remove). */
const K_FALLBACK = 7;
/**
 * store only: an Arabic mark that composes with nothing (harakat, Quranic marks). Alone after a
 * letter it is already NFC; only two marks in a row (shadda + fatha) need the NFC pass.
 */
const K_COPY_ARABIC_MARK = 8;

const ZWNJ_CODE = 0x200c;
const ZWJ_CODE = 0x200d;
const BOM_CODE = 0xfeff;
const SOFT_HYPHEN = 0x00ad;
const REPLACEMENT_CHAR = 0xfffd;

/** Generic combining diacritics removed by the search fold on top of the Arabic marks (F1/F2). */
const GENERIC_DIACRITIC_RANGES: readonly CodeRange[] = [
  [0x0300, 0x036f],
  [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff],
  [0x20d0, 0x20ff],
  [0xfe20, 0xfe2f],
];

/** F3/F5: explicit one-to-one Arabic-script folds. */
const ARABIC_FOLDS: ReadonlyArray<readonly [string, string]> = [
  ['\u0671', 'ا'], // ٱ alef wasla
  ['\u0672', 'ا'], // ٲ alef with wavy hamza above
  ['\u0673', 'ا'], // ٳ alef with wavy hamza below
  ['\u0675', 'ا'], // ٵ high hamza alef
  ['\u0649', 'ي'], // ى alef maqsura
  ['\u0629', 'ه'], // ة teh marbuta
  ['\u06c3', 'ه'], // ۃ teh marbuta goal (Urdu)
  ['\u06cc', 'ي'], // ی Farsi yeh
  ['\u06d0', 'ي'], // ې
  ['\u0678', 'ي'], // ٸ high hamza yeh
  ['\u06a9', 'ك'], // ک keheh
  ['\u06be', 'ه'], // ھ heh doachashmee
  ['\u06c1', 'ه'], // ہ heh goal
  ['\u06d5', 'ه'], // ە ae
  ['\u0676', 'و'], // ٶ high hamza waw
  ['\u066b', '.'], // ٫ decimal separator
  ['\u066c', ','], // ٬ thousands separator
  ['\u066a', '%'], // ٪ percent
];

const STORE_KIND = new Uint8Array(0x10000);
const STORE_CODE = new Uint16Array(0x10000);
const STORE_EXPAND = new Map<number, string>();
/** The fold alone (F1–F6), applied to store output on the slow path. */
const FOLD_KIND = new Uint8Array(0x10000);
const FOLD_CODE = new Uint16Array(0x10000);
const FOLD_EXPAND = new Map<number, string>();
/** store followed by the fold, composed into one table for the fast path. */
const SEARCH_KIND = new Uint8Array(0x10000);
const SEARCH_CODE = new Uint16Array(0x10000);
const SEARCH_EXPAND = new Map<number, string>();

/**
 * NFC behaviour per code unit: 0 = stable (a starter that never composes with what precedes it),
 * 1 = combining (a mark, or a Hangul vowel/trailing jamo), 2 = a starter that NFC rewrites,
 * 3 = an Arabic mark that composes with nothing (only its order with other marks can change).
 */
const NFC_CLASS = new Uint8Array(0x10000);
const IS_ARABIC_LETTER = new Uint8Array(0x10000);

const MARK_RE = /\p{M}/u;

/**
 * Blocks where every code unit is a stable starter that neither folds nor lower-cases (CJK
 * ideographs, Yi, Hangul syllables, private use): skipped while building the tables, which keeps
 * module load near 25 ms instead of 90 ms.
 */
const INERT_RANGES: readonly CodeRange[] = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa48f],
  [0xac00, 0xd7a3],
  [0xd800, 0xf8ff],
];

/** Next code unit to examine after `c`, jumping over INERT_RANGES. */
function nextActive(c: number): number {
  const n = c + 1;
  for (const [from, to] of INERT_RANGES) if (n >= from && n <= to) return to + 1;
  return n;
}

function fillRanges(table: Uint8Array, ranges: readonly CodeRange[], value: number): void {
  for (const [from, to] of ranges) table.fill(value, from, to + 1);
}

function nfcClassOf(s: string, code: number, isMark: boolean): number {
  if (isMark) {
    // Of the Arabic marks only madda/hamza above/below (U+0653–0655) ever compose with a letter.
    const isArabicMark = code >= 0x0610 && code <= 0x08ff;
    return isArabicMark && (code < 0x0653 || code > 0x0655) ? 3 : 1;
  }
  if ((code >= 0x1161 && code <= 0x1175) || (code >= 0x11a8 && code <= 0x11c2)) return 1;
  return s.normalize('NFC') === s ? 0 : 2;
}

const astralNfcCache = new Map<number, number>();
function astralNfcClass(cp: number): number {
  let cls = astralNfcCache.get(cp);
  if (cls === undefined) {
    const s = String.fromCodePoint(cp);
    cls = nfcClassOf(s, cp, MARK_RE.test(s));
    astralNfcCache.set(cp, cls);
  }
  return cls;
}

const REMOVED_BY_FOLD = new Uint8Array(0x10000);

/** Fold of one BMP character as a string (F1–F6), iterated to a fixed point. */
function foldOne(code: number, explicit: Map<number, string>): string {
  if (REMOVED_BY_FOLD[code]) return '';
  let s = String.fromCharCode(code);
  for (let round = 0; round < 4; round++) {
    const before = s;
    const c = s.charCodeAt(0);
    if (s.length === 1 && REMOVED_BY_FOLD[c]) return '';
    const mapped = explicit.get(c);
    if (mapped !== undefined) s = mapped;
    else {
      // F2: a base letter followed only by removable marks folds to the base.
      const d = s.normalize('NFD');
      if (d.length > 1) {
        let allRemovable = true;
        for (let k = 1; k < d.length; k++) if (!REMOVED_BY_FOLD[d.charCodeAt(k)]) allRemovable = false;
        const base = d.charCodeAt(0);
        if (allRemovable && !(base >= 0xd800 && base <= 0xdfff)) s = d[0];
      }
      // F6: lower case when it stays one unit.
      const lower = s.toLowerCase();
      if (lower.length === 1) s = lower;
    }
    if (s === before) break;
  }
  return s;
}

function buildTables(): void {
  for (let c = 0; c < 0x10000; c++) {
    STORE_CODE[c] = c;
    FOLD_CODE[c] = c;
    SEARCH_CODE[c] = c;
  }
  fillRanges(IS_ARABIC_LETTER, ARABIC_LETTER_RANGES, 1);
  fillRanges(REMOVED_BY_FOLD, ARABIC_MARK_RANGES, 1);
  fillRanges(REMOVED_BY_FOLD, GENERIC_DIACRITIC_RANGES, 1);
  REMOVED_BY_FOLD[TATWEEL.charCodeAt(0)] = 1;
  REMOVED_BY_FOLD[ZWNJ_CODE] = 1;
  REMOVED_BY_FOLD[ZWJ_CODE] = 1;
  REMOVED_BY_FOLD[SOFT_HYPHEN] = 1;

  // NFC classes for the BMP (surrogates excluded). Below U+0300 everything is stable.
  const isMark = bmpTable(/\p{M}/u);
  for (let c = 0x0300; c < 0x10000; c = nextActive(c)) {
    NFC_CLASS[c] = nfcClassOf(String.fromCharCode(c), c, isMark[c] === 1);
  }

  // ---- store table
  for (let c = 0; c < 0x10000; c++) {
    if (NFC_CLASS[c] !== 0) STORE_KIND[c] = NFC_CLASS[c] === 3 ? K_COPY_ARABIC_MARK : K_COPY_NFC;
  }
  for (const [from, to] of ARABIC_PRESENTATION_RANGES) {
    for (let c = from; c <= to; c++) {
      const s = String.fromCharCode(c);
      let k = s.normalize('NFKC');
      if (k === s) continue; // no decomposition (ornate parentheses, tail fragment…)
      if (k.length > 1 && k.charCodeAt(0) === 0x20 && MARK_RE.test(k[1])) k = k.slice(1); // S1: ﹰ → ً
      let needsNfc = false;
      for (let i = 0; i < k.length; i++) if (NFC_CLASS[k.charCodeAt(i)] !== 0) needsNfc = true;
      if (k.length === 1 && !needsNfc) {
        STORE_KIND[c] = K_COPY;
        STORE_CODE[c] = k.charCodeAt(0);
      } else {
        STORE_KIND[c] = needsNfc ? K_EXPAND_NFC : K_EXPAND;
        STORE_EXPAND.set(c, k);
      }
    }
  }
  fillRanges(STORE_KIND, BIDI_CONTROL_RANGES, K_REMOVE);
  STORE_KIND[BOM_CODE] = K_REMOVE;
  STORE_KIND[ZWNJ_CODE] = K_JOINER;
  STORE_KIND[ZWJ_CODE] = K_JOINER;
  STORE_KIND.fill(K_SURROGATE, 0xd800, 0xe000);

  // ---- fold table
  const explicit = new Map<number, string>();
  for (const [from, to] of ARABIC_FOLDS) explicit.set(from.charCodeAt(0), to);
  for (let d = 0; d < 10; d++) {
    explicit.set(0x0660 + d, String(d));
    explicit.set(0x06f0 + d, String(d));
  }
  FOLD_KIND.fill(K_SURROGATE, 0xd800, 0xe000);
  for (let c = 0; c < 0x10000; c = nextActive(c)) {
    const f = foldOne(c, explicit);
    if (f.length === 0) FOLD_KIND[c] = K_REMOVE;
    else if (f.length === 1) FOLD_CODE[c] = f.charCodeAt(0);
    else {
      FOLD_KIND[c] = K_EXPAND;
      FOLD_EXPAND.set(c, f);
    }
  }

  // ---- search = fold ∘ store, one table
  for (let c = 0; c < 0x10000; c++) {
    const sk = STORE_KIND[c];
    if (sk === K_SURROGATE) {
      SEARCH_KIND[c] = K_SURROGATE;
      continue;
    }
    if (sk === K_REMOVE || sk === K_JOINER) {
      SEARCH_KIND[c] = K_REMOVE;
      continue;
    }
    if (sk === K_COPY || sk === K_COPY_NFC || sk === K_COPY_ARABIC_MARK) {
      const u = STORE_CODE[c];
      const fk = FOLD_KIND[u];
      if (NFC_CLASS[u] === 0 || REMOVED_BY_FOLD[u]) {
        if (fk === K_COPY) {
          SEARCH_CODE[c] = FOLD_CODE[u];
          continue;
        }
        if (fk === K_REMOVE) {
          SEARCH_KIND[c] = K_REMOVE;
          continue;
        }
      }
    }
    const stored =
      sk === K_EXPAND || sk === K_EXPAND_NFC
        ? (STORE_EXPAND.get(c) as string)
        : String.fromCharCode(STORE_CODE[c]);
    let out = '';
    let fallback = false;
    for (let i = 0; i < stored.length; i++) {
      const u = stored.charCodeAt(i);
      // A combining mark the fold does not remove could compose or reorder under NFC.
      if (NFC_CLASS[u] !== 0 && !REMOVED_BY_FOLD[u]) fallback = true;
      const fk = FOLD_KIND[u];
      if (fk === K_REMOVE) continue;
      out += fk === K_EXPAND ? FOLD_EXPAND.get(u) : String.fromCharCode(FOLD_CODE[u]);
    }
    if (fallback) SEARCH_KIND[c] = K_FALLBACK;
    else if (out.length === 0) SEARCH_KIND[c] = K_REMOVE;
    else if (out.length === 1) SEARCH_CODE[c] = out.charCodeAt(0);
    else {
      SEARCH_KIND[c] = K_EXPAND;
      SEARCH_EXPAND.set(c, out);
    }
  }
}

buildTables();

// ---------------------------------------------------------------------------------------------
// Output buffers, reused between calls (results are copied out).

let outBuf = new Uint16Array(1024);
let mapBuf = new Int32Array(1024);

function ensure(capacity: number): void {
  if (outBuf.length >= capacity) return;
  let size = outBuf.length;
  while (size < capacity) size *= 2;
  const o = new Uint16Array(size);
  o.set(outBuf);
  outBuf = o;
  const m = new Int32Array(size);
  m.set(mapBuf);
  mapBuf = m;
}

const utf16 = new TextDecoder('utf-16le');
/** Below this many units String.fromCharCode beats a TextDecoder call. */
const SMALL_DECODE = 48;

function decode(length: number): string {
  if (length <= SMALL_DECODE) {
    let s = '';
    for (let i = 0; i < length; i++) s += String.fromCharCode(outBuf[i]);
    return s;
  }
  return utf16.decode(outBuf.subarray(0, length));
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/** Result of one table pass: output length in outBuf/mapBuf, and flags. */
interface PassResult {
  length: number;
  changed: boolean;
  needsNfc: boolean;
  fallback: boolean;
}

const pass: PassResult = { length: 0, changed: false, needsNfc: false, fallback: false };

/** S2 context rule: is the joiner at `i` part of the text (kept) or stray (dropped)? */
function keepJoiner(text: string, i: number, code: number): boolean {
  const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
  const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
  if (code === ZWNJ_CODE) return IS_ARABIC_LETTER[prev] === 1 && IS_ARABIC_LETTER[next] === 1;
  // ZWJ: inside an emoji ZWJ sequence (👨‍👩‍👧, 🏳️‍🌈).
  const afterEmoji =
    prev === 0xfe0f || (isLowSurrogate(prev) && i > 1 && isHighSurrogate(text.charCodeAt(i - 2)));
  const beforeSymbol = isHighSurrogate(next) || (next >= 0x2600 && next <= 0x27bf);
  return afterEmoji && beforeSymbol;
}

/**
 * One pass of `text` through a table into outBuf (and mapBuf when `wantMap`). `isSearch` selects
 * the search behaviour for surrogates (abort on a combining astral mark) and joiners.
 */
function runPass(
  text: string,
  kind: Uint8Array,
  code: Uint16Array,
  expand: Map<number, string>,
  wantMap: boolean,
  isSearch: boolean,
): PassResult {
  const n = text.length;
  ensure(n + 16);
  let out = outBuf;
  let map = mapBuf;
  let j = 0;
  let changed = false;
  let needsNfc = false;
  let afterMark = false; // the previous unit written was an Arabic mark
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const k = kind[c];
    if (k === K_COPY) {
      const t = code[c];
      if (t !== c) changed = true;
      out[j] = t;
      if (wantMap) map[j] = i;
      j++;
      afterMark = false;
      continue;
    }
    if (k === K_COPY_ARABIC_MARK) {
      if (afterMark) needsNfc = true;
      afterMark = true;
      out[j] = c;
      if (wantMap) map[j] = i;
      j++;
      continue;
    }
    // A unit that is dropped leaves the marks around it next to each other (ْ + ZWNJ + ّ → ّْ
    // needs NFC's reordering), so it does not end a run of marks.
    const markBefore: boolean = afterMark;
    afterMark = false;
    switch (k) {
      case K_REMOVE:
        changed = true;
        afterMark = markBefore;
        break;
      case K_COPY_NFC:
        needsNfc = true;
        out[j] = c;
        if (wantMap) map[j] = i;
        j++;
        break;
      case K_EXPAND:
      case K_EXPAND_NFC: {
        if (k === K_EXPAND_NFC) needsNfc = true;
        changed = true;
        const s = expand.get(c) as string;
        if (j + s.length + 16 > out.length) {
          ensure(j + s.length + (n - i) + 16);
          out = outBuf;
          map = mapBuf;
        }
        for (let q = 0; q < s.length; q++) {
          out[j] = s.charCodeAt(q);
          if (wantMap) map[j] = i;
          j++;
        }
        break;
      }
      case K_JOINER:
        if (keepJoiner(text, i, c)) {
          out[j] = c;
          if (wantMap) map[j] = i;
          j++;
        } else {
          changed = true;
          afterMark = markBefore;
        }
        break;
      case K_SURROGATE: {
        const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
        if (isHighSurrogate(c) && isLowSurrogate(next)) {
          const cp = (c - 0xd800) * 0x400 + (next - 0xdc00) + 0x10000;
          if (astralNfcClass(cp) !== 0) {
            if (isSearch) {
              pass.fallback = true;
              return pass;
            }
            needsNfc = true;
          }
          out[j] = c;
          out[j + 1] = next;
          if (wantMap) {
            map[j] = i;
            map[j + 1] = i + 1;
          }
          j += 2;
          i++;
        } else {
          // A lone surrogate is not text; U+FFFD keeps the length and makes the output valid UTF-16.
          changed = true;
          out[j] = REPLACEMENT_CHAR;
          if (wantMap) map[j] = i;
          j++;
        }
        break;
      }
      default: // K_FALLBACK
        pass.fallback = true;
        return pass;
    }
  }
  if (wantMap) map[j] = n;
  pass.length = j;
  pass.changed = changed;
  pass.needsNfc = needsNfc;
  pass.fallback = false;
  return pass;
}

/** NFC class of the code point at `p` of `t` (surrogate pairs resolved). */
function nfcClassAt(t: string, p: number): number {
  const c = t.charCodeAt(p);
  if (c >= 0xd800 && c <= 0xdbff && p + 1 < t.length) {
    const lo = t.charCodeAt(p + 1);
    if (lo >= 0xdc00 && lo <= 0xdfff) return astralNfcClass((c - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000);
  }
  return NFC_CLASS[c];
}

function unitLengthAt(t: string, p: number): number {
  const c = t.charCodeAt(p);
  if (c >= 0xd800 && c <= 0xdbff && p + 1 < t.length) {
    const lo = t.charCodeAt(p + 1);
    if (lo >= 0xdc00 && lo <= 0xdfff) return 2;
  }
  return 1;
}

/**
 * S3: NFC per cluster (a starter and the combining marks after it). Returns null when the text is
 * already NFC (the common case), else the new text and its map into `t`.
 */
function nfcPass(t: string): { text: string; map: Int32Array } | null {
  const n = t.length;
  let parts: string[] | null = null;
  let map: Int32Array | null = null;
  let j = 0; // output length so far (only tracked once something changed)
  let copyFrom = 0; // start of the pending verbatim run
  let lastStarter = -1; // input index of the last stable starter
  let i = 0;
  while (i < n) {
    const c = t.charCodeAt(i);
    if (c < 0xd800 && NFC_CLASS[c] === 0) {
      lastStarter = i++;
      continue;
    }
    const cls = nfcClassAt(t, i);
    const len = c < 0xd800 ? 1 : unitLengthAt(t, i);
    if (cls === 0) {
      lastStarter = i;
      i += len;
      continue;
    }
    let end = i + len;
    while (end < n) {
      const d = nfcClassAt(t, end);
      if (d !== 1 && d !== 3) break;
      end += unitLengthAt(t, end);
    }
    // A lone non-composing Arabic mark after a starter cannot change under NFC.
    if (cls === 3 && end === i + len) {
      lastStarter = -1;
      i = end;
      continue;
    }
    const start = cls !== 2 && lastStarter >= 0 ? lastStarter : i;
    const seg = t.slice(start, end);
    const nf = seg.normalize('NFC');
    if (nf !== seg) {
      if (parts === null || map === null) {
        parts = [];
        map = new Int32Array(n + (nf.length > seg.length ? n : 0) + 1);
      }
      if (j + (start - copyFrom) + nf.length + (n - end) + 1 > map.length) {
        const bigger = new Int32Array((j + (start - copyFrom) + nf.length + (n - end) + 1) * 2);
        bigger.set(map.subarray(0, j));
        map = bigger;
      }
      for (let p = copyFrom; p < start; p++) map[j++] = p;
      if (start > copyFrom) parts.push(t.slice(copyFrom, start));
      const m = nf.length;
      const len0 = end - start;
      for (let q = 0; q < m; q++) map[j++] = start + Math.floor((q * len0) / m);
      parts.push(nf);
      copyFrom = end;
    }
    lastStarter = -1;
    i = end;
  }
  if (parts === null || map === null) return null;
  if (j + (n - copyFrom) + 1 > map.length) {
    const bigger = new Int32Array(j + (n - copyFrom) + 1);
    bigger.set(map.subarray(0, j));
    map = bigger;
  }
  for (let p = copyFrom; p < n; p++) map[j++] = p;
  if (n > copyFrom) parts.push(t.slice(copyFrom, n));
  map[j] = n;
  return { text: parts.join(''), map: map.slice(0, j + 1) };
}

function identityMap(n: number): Int32Array {
  const m = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) m[i] = i;
  return m;
}

/** Compose a map into an intermediate text with that text's map into the original. */
function compose(outer: Int32Array, inner: Int32Array): Int32Array {
  const m = new Int32Array(outer.length);
  for (let i = 0; i < outer.length; i++) m[i] = inner[outer[i]];
  return m;
}

function normalizeStore(text: string): Normalized {
  const r = runPass(text, STORE_KIND, STORE_CODE, STORE_EXPAND, true, false);
  const needsNfc = r.needsNfc;
  let t1: string;
  let m1: Int32Array;
  if (!r.changed) {
    t1 = text;
    m1 = identityMap(text.length);
  } else {
    t1 = decode(r.length);
    m1 = mapBuf.slice(0, r.length + 1);
  }
  if (!needsNfc) return { text: t1, toOriginal: m1 };
  const nfc = nfcPass(t1);
  if (nfc === null) return { text: t1, toOriginal: m1 };
  return { text: nfc.text, toOriginal: r.changed ? compose(nfc.map, m1) : nfc.map };
}

function foldPass(text: string, wantMap: boolean): { text: string; map: Int32Array | null } {
  const r = runPass(text, FOLD_KIND, FOLD_CODE, FOLD_EXPAND, wantMap, false);
  return { text: decode(r.length), map: wantMap ? mapBuf.slice(0, r.length + 1) : null };
}

function normalizeSearch(text: string, wantMap: boolean): { text: string; map: Int32Array | null } {
  const r = runPass(text, SEARCH_KIND, SEARCH_CODE, SEARCH_EXPAND, wantMap, true);
  if (!r.fallback) {
    return { text: decode(r.length), map: wantMap ? mapBuf.slice(0, r.length + 1) : null };
  }
  // Slow path: a combining mark the fold keeps (Devanagari, Hebrew points, kana voicing…) —
  // run store (with NFC) and then the fold, exactly as the profile is defined.
  const stored = normalizeStore(text);
  const folded = foldPass(stored.text, wantMap);
  return { text: folded.text, map: wantMap ? compose(folded.map as Int32Array, stored.toOriginal) : null };
}

/**
 * Normalise `text` for storage ("store", non-lossy) or matching ("search", lossy fold), with the
 * offset of every output code unit in the original text. See NormalizeProfile for the rules.
 *
 * @example
 * normalize('ﻻ تُقاطِع', 'search') // → { text: 'لا تقاطع', toOriginal: [0, 0, 1, 2, 4, 5, 6, 8, 9] }
 */
export function normalize(text: string, profile: NormalizeProfile): Normalized {
  if (profile === 'store') return normalizeStore(text);
  const r = normalizeSearch(text, true);
  return { text: r.text, toOriginal: r.map as Int32Array };
}

/**
 * The search fold of `text` without the offset map: the same function runs on indexed text and
 * on queries, so equal folds mean a match.
 *
 * @example
 * foldForSearch('إلى المدرسةِ ١٢') // → 'الي المدرسه 12'
 */
export function foldForSearch(text: string): string {
  return normalizeSearch(text, false).text;
}

/**
 * The search folds of the space-separated words of `list`, as a set: word lists written in
 * normal spelling (lexicons, head nouns) compared with folded text.
 *
 * @example
 * foldedWordSet('وزارة هيئة').has('هيئه') // → true
 */
export function foldedWordSet(list: string): Set<string> {
  const out = new Set<string>();
  for (const w of list.split(/\s+/)) if (w) out.add(foldForSearch(w));
  return out;
}

/**
 * Fold of one BMP code unit under the search profile, for per-word scanners (segment, stem):
 * the target code unit, -1 when the fold removes it, -2 when it needs the full function
 * (expansions, surrogates, marks that must go through NFC).
 */
export function foldCodeUnit(code: number): number {
  const k = SEARCH_KIND[code];
  if (k === K_COPY) return SEARCH_CODE[code];
  if (k === K_REMOVE) return -1;
  return -2;
}
