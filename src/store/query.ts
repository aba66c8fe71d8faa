// The search box's language, turned into an FTS5 MATCH expression over the index's light stems
// (arabic/search-terms.ts). What a user types:
//   words            all of them, in any order (الرقة اجلاء)
//   "a phrase"       these words next to each other, in this order ("مجلس الرقة المدني"; also «…» and “…”)
//   -word, -"phrase" not this
//   a OR b           either (between two words or phrases); AND is the default and may be written
// Every term is quoted before it reaches FTS5, so no input is FTS5 syntax of its own.

import { searchTerms } from '../arabic/search-terms.js';

const PART_RE = /(-?)(?:"([^"]*)"|«([^»]*)»|“([^”]*)”|(\S+))/g;

/**
 * The MATCH expression of a query, or null when it has nothing to look for (only punctuation,
 * or only exclusions).
 *
 * @example ftsQuery('الرقة -دير "مجلس مدني"') // '(("رقه") AND ("مجلس مدني")) NOT ("دير")'
 */
export function ftsQuery(query: string): string | null {
  const must: string[] = [];
  const not: string[] = [];
  let orNext = false;
  for (const m of query.matchAll(PART_RE)) {
    const negated = m[1] === '-';
    const quoted = m[2] ?? m[3] ?? m[4];
    const raw = quoted ?? m[5];
    if (quoted === undefined && !negated && (raw === 'OR' || raw === 'AND')) {
      orNext = raw === 'OR' && must.length > 0;
      continue;
    }
    const terms = searchTerms(raw).map((t) => t.replaceAll('"', ''));
    if (terms.length === 0) continue;
    // A quoted part is one phrase; an unquoted word that splits (a-b) is a phrase too.
    const expr = `"${terms.join(' ')}"`;
    if (negated) not.push(expr);
    else if (orNext) must.push(`${must.pop()} OR ${expr}`);
    else must.push(expr);
    orNext = false;
  }
  if (must.length === 0) return null;
  const positive = must.map((e) => `(${e})`).join(' AND ');
  return not.length === 0 ? positive : `(${positive}) NOT (${not.join(' OR ')})`;
}
