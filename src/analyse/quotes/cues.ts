// The speech cues of data/cue-verbs.tsv: verbs of saying in the third person, their accusative
// participles (مشيرًا إلى أن), attribution words (وحسب، وفقًا لـ) and nominal cues (وجاء في).
// Parsed once into a map from the folded form to its entry; looked up with one conjunction
// (و/ف) allowed in front.

import { existsSync, readFileSync } from 'node:fs';
import { foldForSearch } from '../../arabic/index.js';

export type CueKind = 'verb' | 'participle' | 'attribution' | 'nominal';

export interface CueEntry {
  lemma: string;
  kind: CueKind;
  /** ala: على + noun phrase is a statement; cont: continues the previous speaker; strict; via. */
  flags: ReadonlySet<string>;
}

export interface CueLexicon {
  /** Folded form → entry. First listing wins when two lemmas share a form. */
  forms: ReadonlyMap<string, CueEntry>;
}

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
        if (key && !forms.has(key)) forms.set(key, entry);
      }
    };
    add(cols[4], kind);
    if (kind === 'verb') add(cols[5], 'participle');
  }
  return { forms };
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
 * → أكد. The whole word is tried first (ورد is a cue of its own, not و + رد). Attribution words
 * take only و (فحسب is "only", not ف + حسب).
 */
export function lookupCue(lex: CueLexicon, word: string): { entry: CueEntry; prefix: number } | null {
  const whole = lex.forms.get(word);
  if (whole) return { entry: whole, prefix: 0 };
  const c = word.charCodeAt(0);
  if ((c === 0x0648 || c === 0x0641) && word.length > 2) {
    const rest = lex.forms.get(word.slice(1));
    if (rest && (c === 0x0648 || rest.kind !== 'attribution')) return { entry: rest, prefix: 1 };
  }
  return null;
}
