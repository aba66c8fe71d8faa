// The knowledge the tagger uses besides its weights, read from data/: given names, trigger words
// and gazetteers. Plain maps over folded words (foldForSearch), loaded once by the caller and
// passed down.

import { existsSync, readFileSync } from 'node:fs';
import { foldForSearch } from '../../arabic/normalize.js';
import { entityGazetteer, type Gazetteer, tsvGazetteer } from './gazetteer.js';

/** data/ at the package root: the same depth from src/analyse/ner and dist/analyse/ner. */
export const DATA_DIR = new URL('../../../data/', import.meta.url);

export interface NerResources {
  /** Folded given name → origin: "m" Arabic male, "f" Arabic female, "x" foreign transliterated. */
  givenNames: Map<string, string>;
  /** Folded trigger word (with and without the article) → class (triggers.tsv; CURRENCY for
   * the words of currencies.txt). */
  triggers: Map<string, string>;
  /** External gazetteers: the seed list, and data/gazetteer.jsonl when it exists. */
  gazetteers: Gazetteer[];
}

/** Reads `name<TAB>origin` lines; # comments and blank lines skipped. */
export function parseGivenNames(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const [name, origin] = line.split('\t');
    const key = foldForSearch(name.trim());
    if (key && !out.has(key)) out.set(key, (origin ?? 'm').trim() || 'm');
  }
  return out;
}

/** Trigger classes listed in the masculine whose feminine (+ة) is added on loading. */
const FEMININE_TOO = new Set(['NAT']);

/**
 * Reads `word<TAB>class` lines; each word is keyed with and without the article ال, and a
 * nationality adjective (NAT) also in the feminine (فرنسي → فرنسية).
 */
export function parseTriggers(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const add = (word: string, cls: string) => {
    const key = foldForSearch(word);
    const bare = key.startsWith('ال') && key.length > 3 ? key.slice(2) : key;
    if (!out.has(key)) out.set(key, cls);
    if (!out.has(bare)) out.set(bare, cls);
    if (!out.has(`ال${bare}`)) out.set(`ال${bare}`, cls);
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const [word, cls] = line.split('\t');
    if (!word || !cls) continue;
    add(word.trim(), cls.trim());
    if (FEMININE_TOO.has(cls.trim())) add(`${word.trim()}ة`, cls.trim());
  }
  return out;
}

function readIfExists(url: URL): string | null {
  return existsSync(url) ? readFileSync(url, 'utf8') : null;
}

/**
 * Loads the resources from a data directory (default: the package's data/). Missing files give
 * empty resources: the tagger still runs on its weights alone.
 */
export function loadNerResources(dataDir: URL = DATA_DIR): NerResources {
  const gazetteers: Gazetteer[] = [];
  const seed = readIfExists(new URL('ner/gazetteer-seed.tsv', dataDir));
  if (seed !== null) gazetteers.push(tsvGazetteer(seed, 'seed'));
  const entities = readIfExists(new URL('gazetteer.jsonl', dataDir));
  if (entities !== null) gazetteers.push(entityGazetteer(entities, 'ent'));
  return {
    givenNames: parseGivenNames(readIfExists(new URL('ner/given-names.txt', dataDir)) ?? ''),
    triggers: parseTriggers(
      [
        readIfExists(new URL('ner/triggers.tsv', dataDir)) ?? '',
        ...(readIfExists(new URL('ner/currencies.txt', dataDir)) ?? '')
          .split('\n')
          .filter((line) => line.trim() !== '' && !line.startsWith('#'))
          .map((word) => `${word.trim()}\tCURRENCY`),
      ].join('\n'),
    ),
    gazetteers,
  };
}
