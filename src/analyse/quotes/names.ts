// Name knowledge for splitting "role + name" without entity mentions: the given names and the
// one-word place names the NER tagger ships in data/ner/ (given-names.txt, gazetteer-seed.tsv).
// A given name marks where a name starts ("نائب رئيس شعبة الذهب … إيهاب واصف"); a place name is
// never the start of a person's name ("مدير مكتب الأمم المتحدة … في سوريا"). Both files are
// optional: without them the finder falls back on the shape of the words.

import { existsSync, readFileSync } from 'node:fs';
import { foldForSearch } from '../../arabic/index.js';

const GIVEN_NAMES_FILE = new URL('../../../data/ner/given-names.txt', import.meta.url);
const SEED_GAZETTEER_FILE = new URL('../../../data/ner/gazetteer-seed.tsv', import.meta.url);
/** Origin of the given names not checked by hand (given-names.txt, data/SOURCES.md). */
const UNCURATED_ORIGIN = 'a';

export interface NameKnowledge {
  /** Folded given names (محمد، جمانة، جوناثان). */
  given: ReadonlySet<string>;
  /** Folded one-word place names (سوريا، دمشق، كردستان). */
  places: ReadonlySet<string>;
}

function readLines(url: URL): string[] {
  if (!existsSync(url)) return [];
  return readFileSync(url, 'utf8')
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('#'));
}

let shipped: NameKnowledge | null = null;

/** Read once and kept (read-only data shared by every call). */
export function loadNameKnowledge(): NameKnowledge {
  if (shipped) return shipped;
  const given = new Set<string>();
  for (const line of readLines(GIVEN_NAMES_FILE)) {
    const [name, origin] = line.split('\t').map((x) => x.trim());
    // Origin "a" is a long list from a package, with common words among its names: the tagger
    // weighs it, but here a listed name is taken at its word.
    if (name && origin !== UNCURATED_ORIGIN) given.add(foldForSearch(name));
  }
  const places = new Set<string>();
  for (const line of readLines(SEED_GAZETTEER_FILE)) {
    const [name, type] = line.split('\t');
    if (type?.trim() === 'LOC' && name && !name.includes(' ')) places.add(foldForSearch(name.trim()));
  }
  shipped = { given, places };
  return shipped;
}
