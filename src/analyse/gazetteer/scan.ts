// Word scanner for gazetteer lookup: one pass over UTF-16 code units with a class table built at
// load time, giving each word's offsets and its search fold (src/arabic/normalize.ts), and
// whether only "soft" separators (spaces, quotation marks, hyphens) stand between it and the
// previous word — multi-word names may only continue across those, so `تنظيم "الدولة"` and
// `تنظيم «الدولة»` read as `تنظيم الدولة`, while `حلب، دمشق` never reads as one name.

import { bmpTable } from '../../arabic/chars.js';
import { foldCodeUnit, foldForSearch } from '../../arabic/normalize.js';

/** Part of a word: letters of any script, digits, combining marks, tatweel, ZWNJ/ZWJ. */
const C_WORD = 1;
/** Between two words of one name: whitespace, quotation marks, hyphens, invisible controls. */
const C_SOFT = 2;
/** Anything else (punctuation, brackets, symbols) ends a name. */
const C_HARD = 0;

/**
 * Quotation marks and hyphens that may sit inside a name as written in the press:
 * `تنظيم "الدولة"`, `تنظيم «الدولة»`, `'الدولة'`, `Deir ez-Zor`. Dashes (– —) and brackets are
 * hard: they separate a byline or an aside from the text.
 */
const SOFT_PUNCTUATION = `"'«»“”‘’‹›„‟\`´-‐‑`;

const CLASS = new Uint8Array(0x10000);

function buildClasses(): void {
  const word = [bmpTable(/\p{L}/u), bmpTable(/\p{M}/u), bmpTable(/\p{Nd}/u)];
  const space = bmpTable(/\s/u);
  for (let c = 0; c < 0x10000; c++) {
    if (word[0][c] || word[1][c] || word[2][c]) CLASS[c] = C_WORD;
    else if (space[c]) CLASS[c] = C_SOFT;
  }
  CLASS[0x0640] = C_WORD; // tatweel
  CLASS[0x200c] = C_WORD; // ZWNJ (the fold drops it)
  CLASS[0x200d] = C_WORD; // ZWJ
  for (const c of [0x200b, 0x200e, 0x200f, 0x061c, 0x2060, 0xfeff, 0x00ad]) CLASS[c] = C_SOFT;
  for (let c = 0x202a; c <= 0x202e; c++) CLASS[c] = C_SOFT;
  for (let c = 0x2066; c <= 0x2069; c++) CLASS[c] = C_SOFT;
  for (const ch of SOFT_PUNCTUATION) CLASS[ch.charCodeAt(0)] = C_SOFT;
  // Surrogates: astral letters (rare in names) are treated as part of a word.
  CLASS.fill(C_WORD, 0xd800, 0xe000);
}

buildClasses();

/** Words of a text, as parallel arrays (no object per word: the scan runs on every article). */
export interface ScannedWords {
  count: number;
  /** Search fold of each word (no harakat, hamza/alef, ta marbuta and ya folded, lower case). */
  folded: string[];
  start: number[];
  end: number[];
  /** 1 when only soft separators lie between word i-1 and word i (always 0 for word 0). */
  joined: Uint8Array;
}

/** Fold one word [start, end) of `text`; fast path: unchanged words are sliced, not rebuilt. */
function foldWord(text: string, start: number, end: number): string {
  let changed = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const f = foldCodeUnit(c);
    if (f === c) continue;
    if (f === -2) return foldForSearch(text.slice(start, end));
    changed = true;
    break;
  }
  if (!changed) return text.slice(start, end);
  let out = '';
  for (let i = start; i < end; i++) {
    const f = foldCodeUnit(text.charCodeAt(i));
    if (f === -2) return foldForSearch(text.slice(start, end));
    if (f >= 0) out += String.fromCharCode(f);
  }
  return out;
}

/**
 * Split `text` into words with offsets, folds and soft joins.
 *
 * @example
 * scanWords('تنظيم "الدولة"، حلب').folded // → ['تنظيم', 'الدوله', 'حلب'], joined [0, 1, 0]
 */
export function scanWords(text: string): ScannedWords {
  const folded: string[] = [];
  const start: number[] = [];
  const end: number[] = [];
  const joinedList: number[] = [];
  let soft = false;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const cls = CLASS[text.charCodeAt(i)];
    if (cls !== C_WORD) {
      if (cls === C_HARD) soft = false;
      i++;
      continue;
    }
    const s = i;
    while (i < n && CLASS[text.charCodeAt(i)] === C_WORD) i++;
    const f = foldWord(text, s, i);
    if (f.length === 0) continue; // a run of marks only
    joinedList.push(soft && folded.length > 0 ? 1 : 0);
    folded.push(f);
    start.push(s);
    end.push(i);
    soft = true;
  }
  return { count: folded.length, folded, start, end, joined: Uint8Array.from(joinedList) };
}

/**
 * The folded words of a name, as the index stores it; [] when the name has none. Words are split
 * exactly as scanWords splits text, so `Deir ez-Zor` → ['deir', 'ez', 'zor'].
 */
export function foldName(name: string): string[] {
  const scanned = scanWords(name);
  return scanned.folded;
}

/**
 * Offset in `text` just after the first `units` folded code units of the word starting at
 * `start` (and after any harakat or tatweel that follow them): where a name begins once its
 * proclitics are stripped (`وَالتحالف`, 1 unit → offset of `ا`).
 */
export function offsetAfterFolded(text: string, start: number, end: number, units: number): number {
  let i = start;
  let seen = 0;
  while (i < end && seen < units) {
    if (foldCodeUnit(text.charCodeAt(i)) !== -1) seen++;
    i++;
  }
  while (i < end && foldCodeUnit(text.charCodeAt(i)) === -1) i++;
  return i;
}
