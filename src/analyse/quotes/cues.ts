// The speech cues of data/cue-verbs.tsv: verbs of saying in the third person, their accusative
// participles (مشيرًا إلى أن), attribution words (وحسب، وفقًا لـ) and nominal cues (وجاء في).
// Parsed once into a map from every folded surface (with و/ف in front, with an object pronoun)
// to its entry, behind a bit filter that turns most words away before any hashing.

import { existsSync, readFileSync } from 'node:fs';
import { foldForSearch } from '../../arabic/index.js';

export type CueKind = 'verb' | 'participle' | 'attribution' | 'nominal';

export interface CueEntry {
  lemma: string;
  kind: CueKind;
  /** ala, cont, strict, nocont, via, obj, pron: see the header of data/cue-verbs.tsv. */
  flags: ReadonlySet<string>;
}

export interface CueHit {
  entry: CueEntry;
  /** 1 when a conjunction و/ف is glued in front (وقالت، فأكد). */
  prefix: number;
}

export interface CueLexicon {
  /** Folded form → entry. First listing wins when two lemmas share a form (attributions always win). */
  forms: ReadonlyMap<string, CueEntry>;
  /**
   * Every surface a cue takes, folded: the forms, verb forms with an object pronoun (أبلغه),
   * and both with و/ف in front (attributions with و only: فحسب is "only"). One look-up a word.
   */
  surfaces: ReadonlyMap<string, CueHit>;
  /**
   * A bit per hash of (first two letters, last two letters, length) of the surfaces, without a
   * leading و/ف: a word whose bit is clear is no cue, and is not looked up at all. On the
   * development corpus 3% of words pass (77 of them cues), against 47% for a first/second/last
   * letter filter.
   */
  filter: Uint32Array;
}

const FILTER_BITS = 1 << 22;

/** The filter hash of a folded word. */
function filterHash(word: string): number {
  let from = 0;
  if (word.length > 3) {
    const c = word.charCodeAt(0);
    if (c === 0x0648 || c === 0x0641) from = 1;
  }
  const n = word.length - from;
  if (n < 2) return -1;
  const a = word.charCodeAt(from) & 63;
  const b = word.charCodeAt(from + 1) & 63;
  const c = word.charCodeAt(word.length - 2) & 63;
  const d = word.charCodeAt(word.length - 1) & 63;
  return (((((a * 64 + b) * 64 + c) * 64 + d) * 16 + Math.min(n, 15)) >>> 0) % FILTER_BITS;
}

/** Object pronouns a verb of saying takes (أبلغه، أخبرهم، أبلغنا). */
const OBJECT_PRONOUNS = ['ه', 'ها', 'هم', 'هما', 'هن', 'نا', 'ني'];

/** data/ at the package root: the same depth from src/analyse/quotes and dist/analyse/quotes. */
const CUE_FILE = new URL('../../../data/cue-verbs.tsv', import.meta.url);

const KINDS = new Set<string>(['verb', 'attribution', 'nominal']);

/**
 * Parse the TSV (see its header): lemma, kind, flags, gloss, third-person forms, participles,
 * other persons (not used). Throws on a malformed line: the file ships with the code.
 */
export function parseCueLexicon(text: string): CueLexicon {
  const forms = new Map<string, CueEntry>();
  let line = 0;
  for (const raw of text.split('\n')) {
    line++;
    if (raw.startsWith('#') || raw.trim() === '') continue;
    const cols = raw.split('\t');
    if (cols.length < 5 || !KINDS.has(cols[1])) throw new Error(`cue-verbs.tsv: line ${line} is malformed`);
    const flags = new Set(cols[2] === '-' ? [] : cols[2].split(' '));
    const kind = cols[1] as CueKind;
    const add = (list: string | undefined, k: CueKind) => {
      if (!list || list === '-') return;
      const entry: CueEntry = { lemma: cols[0], kind: k, flags };
      for (const form of list.split(' ')) {
        const key = foldForSearch(form);
        // An attribution wins over a verb form: نقلًا "quoting", not the dual نقلا "they relayed".
        if (key && (!forms.has(key) || k === 'attribution')) forms.set(key, entry);
      }
    };
    add(cols[4], kind);
    if (kind === 'verb') add(cols[5], 'participle');
  }
  const bare = new Map<string, CueEntry>(forms);
  for (const [form, entry] of forms) {
    // Only verbs flagged `pron` (أبلغه، أخبرهم): on others a pronoun mostly makes another word
    // (نشرها "which X published"). A form ending in ا (أبلغوا) takes it as أبلغوه: rare, left out.
    if (entry.kind !== 'verb' || !entry.flags.has('pron') || form.endsWith('ا')) continue;
    for (const p of OBJECT_PRONOUNS) if (!bare.has(form + p)) bare.set(form + p, entry);
  }
  const surfaces = new Map<string, CueHit>();
  for (const [form, entry] of bare) surfaces.set(form, { entry, prefix: 0 });
  for (const [form, entry] of bare) {
    for (const conj of entry.kind === 'attribution' ? ['و'] : ['و', 'ف']) {
      // The whole word wins: ورد is a cue of its own, not و + رد.
      if (!surfaces.has(conj + form)) surfaces.set(conj + form, { entry, prefix: 1 });
    }
  }
  const filter = new Uint32Array(FILTER_BITS / 32);
  for (const surface of surfaces.keys()) {
    const h = filterHash(surface);
    if (h >= 0) filter[h >>> 5] |= 1 << (h & 31);
  }
  return { forms, surfaces, filter };
}

let shipped: CueLexicon | null = null;

/** The shipped cue list, read on first use and kept (read-only data, shared by every call). */
export function loadCueLexicon(): CueLexicon {
  if (shipped) return shipped;
  if (!existsSync(CUE_FILE)) throw new Error('quotes: data/cue-verbs.tsv is missing');
  shipped = parseCueLexicon(readFileSync(CUE_FILE, 'utf8'));
  return shipped;
}

/**
 * The cue a folded word is, with the conjunction it carries: `وقالت` → قال (prefix 1), `فأكد`
 * → أكد, `أبلغه` → أبلغ (with an object pronoun).
 */
export function lookupCue(lex: CueLexicon, word: string): CueHit | null {
  const h = filterHash(word);
  if (h < 0 || (lex.filter[h >>> 5] & (1 << (h & 31))) === 0) return null;
  return lex.surfaces.get(word) ?? null;
}
