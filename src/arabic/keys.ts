// Comparison keys for short strings (titles, site names, author and outlet names): letters and digits
// only, Arabic letter variants folded, Latin lower-cased. Not for display.

const FOLD_MAP: Record<string, string> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ى: 'ي',
  ة: 'ه',
  ؤ: 'و',
  ئ: 'ي',
  ی: 'ي',
  ک: 'ك',
};

const NON_KEY_RE = /[^\p{L}\p{N}]+/gu;
const MARKS_RE = /[\u064B-\u065F\u0670\u0640]/g;

export function foldKey(s: string): string {
  return s
    .toLowerCase()
    .replace(MARKS_RE, '')
    .replace(/[أإآٱىةؤئیک]/g, (c) => FOLD_MAP[c] ?? c)
    .replace(NON_KEY_RE, '');
}

/** True when one key contains the other and the shorter is not trivially short. */
export function keysOverlap(a: string, b: string, minLength = 3): boolean {
  if (a.length < minLength || b.length < minLength) return a === b && a.length > 0;
  return a.includes(b) || b.includes(a);
}
