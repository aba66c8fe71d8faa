// Text normalisation for snippet scoring, following the corpus README's text rule: entities
// unescaped, every whitespace run collapsed to one space. Nothing else is folded (no tatweel,
// diacritic or letter-variant folding): snippets are exact text, and a system that drops a
// tatweel or a shadda has changed the text.

/** The named entities that occur in news text; extracted text should hold none of them. */
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00A0',
  shy: '\u00AD',
  zwnj: '\u200C',
  zwj: '\u200D',
  lrm: '\u200E',
  rlm: '\u200F',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  laquo: '«',
  raquo: '»',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  bull: '•',
  middot: '·',
  copy: '©',
  reg: '®',
  trade: '™',
};

const ENTITY_RE = /&(#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);/g;

/** JavaScript's `\s`: ASCII whitespace plus NBSP, the U+2000 spaces, U+3000 and the BOM. */
const WHITESPACE_RUN_RE = /\s+/g;

/** Replaces numeric and common named character references; unknown names are left as they are. */
export function unescapeEntities(text: string): string {
  return text.replace(ENTITY_RE, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED_ENTITIES[ref] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Every run of whitespace becomes one space; ends trimmed. */
export function collapseWhitespace(text: string): string {
  return text.replace(WHITESPACE_RUN_RE, ' ').trim();
}

/** A field value for comparison: entities unescaped, whitespace collapsed, empty → null. */
export function normaliseField(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const out = collapseWhitespace(unescapeEntities(value));
  return out === '' ? null : out;
}

/** A body prepared once for many snippet look-ups. */
export interface PreparedBody {
  /** Entities unescaped, whitespace collapsed: the strict form, the one that counts. */
  strict: string;
  /** All whitespace removed: forgives a system that adds or drops a space at a tag boundary. */
  loose: string;
}

export function prepareBody(text: string): PreparedBody {
  const strict = collapseWhitespace(unescapeEntities(text));
  return { strict, loose: strict.replace(WHITESPACE_RUN_RE, '') };
}

/** Whether the snippet occurs in the body, strictly or loosely (see PreparedBody). */
export function bodyHas(body: PreparedBody, snippet: string, mode: 'strict' | 'loose'): boolean {
  const s = collapseWhitespace(unescapeEntities(snippet));
  return mode === 'strict' ? body.strict.includes(s) : body.loose.includes(s.replace(WHITESPACE_RUN_RE, ''));
}
