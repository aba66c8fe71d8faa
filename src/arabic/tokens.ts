// Tokeniser for Arabic (and mixed Arabic/Latin) news text: a hand-written scanner over UTF-16
// code units with one class table built at load time. Tokens keep their offsets in the input, and
// tokens plus the whitespace gaps between them rejoin to the input exactly.

import {
  ARABIC_DECIMAL_SEPARATOR,
  ARABIC_LETTER_RANGES,
  ARABIC_PRESENTATION_RANGES,
  ARABIC_THOUSANDS_SEPARATOR,
  BIDI_CONTROL_RANGES,
  bmpTable,
  TATWEEL,
} from './chars.js';

export type TokenKind =
  | 'word'
  | 'number'
  | 'punctuation'
  | 'url'
  | 'email'
  | 'hashtag'
  | 'mention'
  | 'symbol';

export interface Token {
  text: string;
  /** Offset of the first code unit in the input. */
  start: number;
  /** Offset just past the last code unit (exclusive). */
  end: number;
  kind: TokenKind;
}

// ---------------------------------------------------------------------------------------------
// Character classes, one byte per BMP code unit.

/** Symbols, controls and anything unassigned: a one-character "symbol" token. */
const C_OTHER = 0;
/** Whitespace and invisible format characters (bidi controls, ZWSP, BOM): the gaps. */
const C_SPACE = 1;
const C_LATIN = 2;
/** Arabic-script letters, presentation forms and tatweel. */
const C_ARABIC = 3;
/** Letters of any other script (Greek, Cyrillic, Hebrew, CJK…). */
const C_LETTER = 4;
/** Combining marks: harakat inside Arabic words, accents, variation selectors. */
const C_MARK = 5;
const C_DIGIT = 6;
/** ZWJ / ZWNJ: part of a word between letters, a gap elsewhere. */
const C_JOINER = 7;
const C_PUNCT = 8;
const C_HIGH = 9;
const C_LOW = 10;

const CLASS = new Uint8Array(0x10000);

function buildClasses(): void {
  const tables: Array<[RegExp, number]> = [
    [/\p{P}/u, C_PUNCT],
    [/\p{Nd}/u, C_DIGIT],
    [/\p{M}/u, C_MARK],
    [/\p{L}/u, C_LETTER],
    [/\p{Script=Latin}/u, C_LATIN],
    [/\s/u, C_SPACE],
  ];
  for (const [re, cls] of tables) {
    const flags = bmpTable(re);
    for (let c = 0; c < 0x10000; c++) {
      if (!flags[c]) continue;
      // Latin applies to letters only (the script property also covers ª º and some symbols).
      if (cls === C_LATIN && CLASS[c] !== C_LETTER) continue;
      CLASS[c] = cls;
    }
  }
  for (const [from, to] of ARABIC_LETTER_RANGES) CLASS.fill(C_ARABIC, from, to + 1);
  for (const [from, to] of ARABIC_PRESENTATION_RANGES) {
    for (let c = from; c <= to; c++) if (CLASS[c] === C_LETTER) CLASS[c] = C_ARABIC;
  }
  CLASS[TATWEEL.charCodeAt(0)] = C_ARABIC;
  for (const [from, to] of BIDI_CONTROL_RANGES) CLASS.fill(C_SPACE, from, to + 1);
  CLASS[0x200b] = C_SPACE; // zero-width space
  CLASS[0x2060] = C_SPACE; // word joiner
  CLASS[0xfeff] = C_SPACE; // BOM / zero-width no-break space
  CLASS[0x00ad] = C_MARK; // soft hyphen stays inside its word
  CLASS[0x200c] = C_JOINER;
  CLASS[0x200d] = C_JOINER;
  CLASS.fill(C_HIGH, 0xd800, 0xdc00);
  CLASS.fill(C_LOW, 0xdc00, 0xe000);
}

buildClasses();

/** True for the code units allowed between tokens (whitespace and invisible format characters). */
export function isGapCode(code: number): boolean {
  const cls = CLASS[code];
  return cls === C_SPACE || cls === C_JOINER;
}

/** Astral code points: letters are words, digits numbers, everything else (emoji) symbols. */
const astralClassCache = new Map<number, number>();
const ASTRAL_LETTER_RE = /^\p{L}$/u;
const ASTRAL_DIGIT_RE = /^\p{Nd}$/u;
const ASTRAL_MARK_RE = /^\p{M}$/u;
function astralClass(cp: number): number {
  let cls = astralClassCache.get(cp);
  if (cls === undefined) {
    const s = String.fromCodePoint(cp);
    cls = ASTRAL_LETTER_RE.test(s)
      ? C_LETTER
      : ASTRAL_DIGIT_RE.test(s)
        ? C_DIGIT
        : ASTRAL_MARK_RE.test(s)
          ? C_MARK
          : C_OTHER;
    astralClassCache.set(cp, cls);
  }
  return cls;
}

/** Class of the code point at `i` (surrogate pairs resolved). */
function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  const cls = CLASS[c];
  if (cls !== C_HIGH) return cls;
  const lo = text.charCodeAt(i + 1);
  if (lo >= 0xdc00 && lo <= 0xdfff) return astralClass((c - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000);
  return C_OTHER;
}

/** Length in code units of the code point at `i`. */
function unitLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) {
    const lo = text.charCodeAt(i + 1);
    if (lo >= 0xdc00 && lo <= 0xdfff) return 2;
  }
  return 1;
}

// ---------------------------------------------------------------------------------------------
// Scanners. Each takes the start offset and returns the end offset (or -1: not this kind).

const DOT = 0x2e;
const COMMA = 0x2c;
const APOSTROPHE = 0x27;
const RIGHT_SINGLE_QUOTE = 0x2019;
const UNDERSCORE = 0x5f;
const HASH = 0x23;
const AT = 0x40;
const SLASH = 0x2f;
const HYPHEN = 0x2d;
const AR_DECIMAL = ARABIC_DECIMAL_SEPARATOR.charCodeAt(0);
const AR_THOUSANDS = ARABIC_THOUSANDS_SEPARATOR.charCodeAt(0);

/** Digit-group separators that stay inside a number when a digit follows: 3.5, 1,200, ١٬٥٠٠, ٣٫٥. */
function isNumberSeparator(c: number): boolean {
  return c === DOT || c === COMMA || c === AR_DECIMAL || c === AR_THOUSANDS;
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
}

function isWordClass(cls: number): boolean {
  return cls === C_LATIN || cls === C_ARABIC || cls === C_LETTER || cls === C_MARK;
}

/**
 * A word: letters of any script with their marks, tatweel, and ZWNJ/ZWJ between letters.
 * Digits join Latin letters (COP28, H1N1, 5G) but not Arabic ones (٢٠٢٠م → ٢٠٢٠ + م), and an
 * apostrophe between Latin letters stays (don't, l'économie, O'Brien).
 */
function scanWord(text: string, i: number, afterDigit: boolean): number {
  const n = text.length;
  let j = i;
  // What the last letter-like unit was: 1 Latin/other, 2 Arabic, 3 digit.
  let last = afterDigit ? 3 : 0;
  while (j < n) {
    const u = text.charCodeAt(j);
    let cls = CLASS[u];
    // The common case first: an Arabic letter or mark, one code unit.
    if (cls === C_ARABIC) {
      if (last === 3) break;
      last = 2;
      j++;
      continue;
    }
    if (cls === C_HIGH) cls = classAt(text, j);
    if (cls === C_LATIN || cls === C_LETTER) {
      last = 1;
    } else if (cls === C_ARABIC) {
      if (last === 3) break;
      last = 2;
    } else if (cls === C_MARK) {
      // keeps `last`
    } else if (cls === C_DIGIT) {
      if (last === 2) break;
      last = 3;
    } else if (cls === C_JOINER) {
      if (j + 1 >= n || !isWordClass(classAt(text, j + 1))) break;
    } else {
      const c = text.charCodeAt(j);
      const isApostrophe = c === APOSTROPHE || c === RIGHT_SINGLE_QUOTE;
      if (!(isApostrophe && last === 1 && j + 1 < n && CLASS[text.charCodeAt(j + 1)] === C_LATIN)) break;
    }
    j += unitLength(text, j);
  }
  return j;
}

/** A number: digits with inner separators followed by a digit. Returns the end offset. */
function scanNumber(text: string, i: number): number {
  const n = text.length;
  let j = i;
  while (j < n) {
    const cls = CLASS[text.charCodeAt(j)];
    if (cls === C_DIGIT || cls === C_MARK) j++;
    else if (isNumberSeparator(text.charCodeAt(j)) && j + 1 < n && CLASS[text.charCodeAt(j + 1)] === C_DIGIT)
      j++;
    else break;
  }
  return j;
}

/** Characters that end a URL even without a space: quotes, angle brackets, Arabic punctuation. */
function endsUrl(c: number): boolean {
  return (
    CLASS[c] === C_SPACE ||
    c === 0x22 || // "
    c === 0x3c || // <
    c === 0x3e || // >
    c === 0xab || // «
    c === 0xbb || // »
    c === 0x201c || // “
    c === 0x201d || // ”
    c === 0x060c || // ،
    c === 0x061b || // ؛
    c === 0x061f // ؟
  );
}

/** Trailing characters that belong to the sentence, not the URL: "see example.com/x." */
function isUrlTrailer(c: number): boolean {
  return (
    c === DOT ||
    c === COMMA ||
    c === 0x3b || // ;
    c === 0x3a || // :
    c === 0x21 || // !
    c === 0x3f || // ?
    c === APOSTROPHE ||
    c === RIGHT_SINGLE_QUOTE ||
    c === 0x29 || // )
    c === 0x5d || // ]
    c === 0x7d || // }
    c === 0x2026 // …
  );
}

function hasPrefixIgnoreCase(text: string, i: number, prefix: string): boolean {
  if (i + prefix.length > text.length) return false;
  for (let k = 0; k < prefix.length; k++) {
    if (
      (text.charCodeAt(i + k) | 0x20) !== prefix.charCodeAt(k) &&
      text.charCodeAt(i + k) !== prefix.charCodeAt(k)
    ) {
      return false;
    }
  }
  return true;
}

/** Scheme URLs (http://, https://, ftp://) and www. hosts. */
function scanUrl(text: string, i: number): number {
  let j: number;
  if (hasPrefixIgnoreCase(text, i, 'https://')) j = i + 8;
  else if (hasPrefixIgnoreCase(text, i, 'http://') || hasPrefixIgnoreCase(text, i, 'ftp://')) {
    j = i + (text.charCodeAt(i) === 0x66 || text.charCodeAt(i) === 0x46 ? 6 : 7);
  } else if (hasPrefixIgnoreCase(text, i, 'www.')) j = i + 4;
  else return -1;
  const bodyStart = j;
  return scanUrlRest(text, j, bodyStart, i);
}

function scanUrlRest(text: string, j: number, bodyStart: number, start: number): number {
  const n = text.length;
  while (j < n && !endsUrl(text.charCodeAt(j))) j++;
  // Trim sentence punctuation, keeping a ")" that closes a "(" inside the URL (Wikipedia links).
  while (j > bodyStart && isUrlTrailer(text.charCodeAt(j - 1))) {
    if (text.charCodeAt(j - 1) === 0x29) {
      let open = 0;
      let close = 0;
      for (let k = start; k < j; k++) {
        const c = text.charCodeAt(k);
        if (c === 0x28) open++;
        else if (c === 0x29) close++;
      }
      if (open >= close) break;
    }
    j--;
  }
  return j > bodyStart ? j : -1;
}

/**
 * Top-level domains recognised on bare host names (aljazeera.net, youm7.com) without a scheme.
 * Lower case only, so "ASP.NET" stays a word. The list covers generic TLDs and the Arab world.
 */
const BARE_TLDS = new Set(
  (
    'com net org info gov edu int mil biz io co tv me news online site ' +
    'eg sa ae qa kw bh om jo lb sy iq ps ma dz tn ly sd ye mr so dj km ' +
    'tr ir il uk fr de es it ru cn us ca ch be nl se no at'
  ).split(' '),
);

/** Domain labels [A-Za-z0-9-]+ joined by dots, from `i`; returns [end, lastLabelStart] or null. */
function scanHost(text: string, i: number): [number, number] | null {
  const n = text.length;
  let j = i;
  let labels = 0;
  let lastLabel = i;
  for (;;) {
    const labelStart = j;
    while (j < n && (isAsciiAlnum(text.charCodeAt(j)) || text.charCodeAt(j) === HYPHEN)) j++;
    if (j === labelStart) return labels >= 2 ? [labelStart - 1, lastLabel] : null;
    labels++;
    lastLabel = labelStart;
    if (j < n && text.charCodeAt(j) === DOT && j + 1 < n && isAsciiAlnum(text.charCodeAt(j + 1))) j++;
    else break;
  }
  return labels >= 2 ? [j, lastLabel] : null;
}

/** Email addresses and bare host names, from an ASCII letter or digit. */
function scanEmailOrHost(text: string, i: number): { end: number; kind: TokenKind } | null {
  const n = text.length;
  let j = i;
  let sawDot = false;
  // The run of characters an email local part may hold.
  for (; j < n; j++) {
    const c = text.charCodeAt(j);
    if (isAsciiAlnum(c) || c === UNDERSCORE || c === 0x25 || c === 0x2b || c === HYPHEN) continue;
    if (c === DOT) {
      sawDot = true;
      continue;
    }
    break;
  }
  if (j < n && text.charCodeAt(j) === AT && j > i) {
    const host = scanHost(text, j + 1);
    if (host !== null) {
      const [end, tld] = host;
      if (end - tld >= 2 && !isWordClass(classAt(text, end))) return { end, kind: 'email' };
    }
    return null;
  }
  if (!sawDot) return null;
  const host = scanHost(text, i);
  if (host === null) return null;
  const [end, tld] = host;
  if (!BARE_TLDS.has(text.slice(tld, end))) return null;
  if (end < n) {
    const next = text.charCodeAt(end);
    if (isWordClass(classAt(text, end)) || next === AT) return null;
    if (next === SLASH) return { end: scanUrlRest(text, end, end, i), kind: 'url' };
  }
  return { end, kind: 'url' };
}

function isRegionalIndicator(text: string, i: number): boolean {
  const lo = text.charCodeAt(i + 1);
  return text.charCodeAt(i) === 0xd83c && lo >= 0xdde6 && lo <= 0xddff;
}

/** Emoji and other symbols with their modifiers, variation selectors and ZWJ sequences. */
function scanSymbol(text: string, i: number): number {
  const n = text.length;
  let j = i + unitLength(text, i);
  // Two regional indicators (U+1F1E6–1F1FF) make one flag: 🇪🇬.
  if (isRegionalIndicator(text, i) && isRegionalIndicator(text, j)) j += 2;
  while (j < n) {
    const c = text.charCodeAt(j);
    const cls = classAt(text, j);
    if (cls === C_MARK) {
      j += unitLength(text, j);
    } else if (
      c === 0xd83c &&
      j + 1 < n &&
      text.charCodeAt(j + 1) >= 0xdffb &&
      text.charCodeAt(j + 1) <= 0xdfff
    ) {
      j += 2; // skin-tone modifier U+1F3FB–1F3FF
    } else if (c === 0xdb40) {
      j += 2; // tag characters (flag sequences)
    } else if (
      c === 0x200d &&
      j + 1 < n &&
      (CLASS[text.charCodeAt(j + 1)] === C_HIGH || CLASS[text.charCodeAt(j + 1)] === C_OTHER)
    ) {
      j += 1 + unitLength(text, j + 1);
    } else break;
  }
  return j;
}

/**
 * Split `text` into tokens. Whitespace (and invisible format characters) between tokens is not
 * returned; concatenating tokens and the gaps between them gives back `text` exactly.
 *
 * - words: Arabic, Latin or mixed, with harakat, tatweel and ZWNJ inside (لـ, بالـBBC, می‌خواهم)
 * - numbers: 3.5, 1,200, ١٬٥٠٠, ٣٫٥ (a separator stays only when a digit follows)
 * - url, email, hashtag (#سوريا, #الثورة_السورية), mention (@user)
 * - punctuation: one token per character (« » ، ؛ ؟ " …), except runs of dots ("..", "...")
 * - symbol: everything else, emoji sequences included
 *
 * @example
 * tokenize('قال: "الدولة"').map((t) => t.text) // → ['قال', ':', '"', 'الدولة', '"']
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const cls = CLASS[c];
    if (cls === C_SPACE || cls === C_JOINER) {
      i++;
      continue;
    }
    let end = -1;
    let kind: TokenKind = 'word';
    switch (cls) {
      case C_LATIN:
      case C_DIGIT: {
        if (c < 0x80) {
          if (c === 0x68 || c === 0x48 || c === 0x77 || c === 0x57 || c === 0x66 || c === 0x46) {
            end = scanUrl(text, i);
            if (end > 0) kind = 'url';
          }
          if (end < 0) {
            const hit = scanEmailOrHost(text, i);
            if (hit !== null && hit.end > i) {
              end = hit.end;
              kind = hit.kind;
            }
          }
        }
        if (end < 0) {
          if (cls === C_DIGIT) {
            end = scanNumber(text, i);
            kind = 'number';
            // 5G, 3D, 2nd: a number glued to Latin letters is a word.
            if (end < n && CLASS[text.charCodeAt(end)] === C_LATIN) {
              end = scanWord(text, end, true);
              kind = 'word';
            }
          } else end = scanWord(text, i, false);
        }
        break;
      }
      case C_ARABIC:
      case C_LETTER:
      case C_MARK:
        end = scanWord(text, i, false);
        break;
      case C_HIGH: {
        const acls = classAt(text, i);
        if (acls === C_LETTER || acls === C_MARK) end = scanWord(text, i, false);
        else if (acls === C_DIGIT) {
          end = scanNumber(text, i);
          if (end === i) end = i + 2;
          kind = 'number';
        } else {
          end = scanSymbol(text, i);
          kind = 'symbol';
        }
        break;
      }
      case C_PUNCT: {
        kind = 'punctuation';
        end = i + 1;
        if (c === HASH || c === AT) {
          const next = i + 1 < n ? classAt(text, i + 1) : C_OTHER;
          if (isWordClass(next) || next === C_DIGIT || (i + 1 < n && text.charCodeAt(i + 1) === UNDERSCORE)) {
            end = scanTagBody(text, i + 1);
            kind = c === HASH ? 'hashtag' : 'mention';
          }
        } else if (c === DOT) {
          while (end < n && text.charCodeAt(end) === DOT) end++;
        }
        break;
      }
      default:
        end = scanSymbol(text, i);
        kind = 'symbol';
    }
    tokens.push({ text: text.slice(i, end), start: i, end, kind });
    i = end;
  }
  return tokens;
}

/** Body of a hashtag or mention: letters, marks, digits, underscores, joiners between letters. */
function scanTagBody(text: string, i: number): number {
  const n = text.length;
  let j = i;
  while (j < n) {
    const cls = classAt(text, j);
    if (isWordClass(cls) || cls === C_DIGIT || text.charCodeAt(j) === UNDERSCORE) j += unitLength(text, j);
    else if (cls === C_JOINER && j + 1 < n && isWordClass(classAt(text, j + 1))) j++;
    else break;
  }
  return j;
}
