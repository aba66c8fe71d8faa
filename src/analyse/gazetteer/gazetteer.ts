// The gazetteer index and its longest-match scan over text. Names are stored as a trie of folded
// words (the root is the index from a name's first word to the rest), so the scan does one map
// look-up per word and reading, and follows the trie only where a name can continue.

import { createReadings, procliticReadings, type Readings } from './clitics.js';
import { COUNTRYSIDE_WORD, combineDirections, DIRECTION_AFTER, DIRECTION_BEFORE } from './qualifiers.js';
import { foldName, offsetAfterFolded, type ScannedWords, scanWords } from './scan.js';
import type { Direction, Gazetteer, GazetteerEntity, GazetteerMention, PlaceQualifier } from './types.js';

/** Longest name indexed, in words (`تنظيم الدولة الإسلامية في العراق والشام` has 6; a settlement word may precede it). */
export const MAX_NAME_WORDS = 7;

interface TrieNode {
  /** Entities whose name ends at this node. */
  ids: string[] | null;
  next: Map<string, TrieNode> | null;
}

function newNode(): TrieNode {
  return { ids: null, next: null };
}

/**
 * Words that introduce a settlement's name: a place whose name is also a common word
 * (commonWordNames) is indexed only behind one of them (`مدينة الثورة`, not `الثورة`).
 */
export const SETTLEMENT_WORDS = ['مدينة', 'بلدة', 'قرية', 'ناحية', 'مخيم', 'حي'];
/** The same for a country whose name is a common word (`مالي`): `دولة مالي`, `جمهورية مالي`. */
export const COUNTRY_WORDS = ['دولة', 'جمهورية'];

/** English names carrying an explanation in brackets ("Islamic State (ISIS/ISIL)") are not names to match. */
function isIndexableEnglishName(name: string): boolean {
  return !/[()/]/.test(name);
}

/**
 * Every name the index matches for an entity: the Arabic name, aliases and a plain English name,
 * with each common-word name replaced by its forms behind SETTLEMENT_WORDS.
 */
export function namesOf(entity: GazetteerEntity): string[] {
  const names = [entity.nameAr, ...entity.aliases];
  if (entity.nameEn && isIndexableEnglishName(entity.nameEn)) names.push(entity.nameEn);
  const common = entity.commonWordNames;
  if (!common || common.length === 0) return names;
  const isCommon = new Set(common);
  const out = names.filter((n) => !isCommon.has(n));
  const words = entity.adminLevel === 0 ? COUNTRY_WORDS : SETTLEMENT_WORDS;
  for (const n of common) for (const w of words) out.push(`${w} ${n}`);
  return out;
}

/** Reads the word before `index` with its proclitics stripped; returns the reading that `test` accepts. */
function readBefore<T>(
  words: ScannedWords,
  index: number,
  readings: Readings,
  test: (word: string) => T | undefined,
): { value: T; prefix: number } | null {
  procliticReadings(words.folded[index], readings);
  for (let k = 0; k < readings.count; k++) {
    const value = test(readings.words[k]);
    if (value !== undefined) return { value, prefix: readings.prefix[k] };
  }
  return null;
}

/**
 * Build a gazetteer over `entities` (the shipped file, or a handful in tests).
 *
 * @example
 * const g = buildGazetteer([{ id: 'org:sdf', kind: 'organisation', nameAr: 'قوات سوريا الديمقراطية',
 *   nameEn: 'SDF', aliases: ['قسد'] }]);
 * g.findMentions('لقسد') // → [{ start: 1, end: 4, surface: 'قسد', entityIds: ['org:sdf'] }]
 */
export function buildGazetteer(entities: readonly GazetteerEntity[]): Gazetteer {
  const byId = new Map<string, GazetteerEntity>();
  const root = new Map<string, TrieNode>();

  for (const entity of entities) {
    byId.set(entity.id, entity);
    for (const name of namesOf(entity)) {
      const words = foldName(name);
      if (words.length === 0 || words.length > MAX_NAME_WORDS) continue;
      let node = root.get(words[0]);
      if (!node) {
        node = newNode();
        root.set(words[0], node);
      }
      for (let k = 1; k < words.length; k++) {
        node.next ??= new Map();
        let child = node.next.get(words[k]);
        if (!child) {
          child = newNode();
          node.next.set(words[k], child);
        }
        node = child;
      }
      if (!node.ids) node.ids = [entity.id];
      else if (!node.ids.includes(entity.id)) node.ids.push(entity.id);
    }
  }

  const isPlace = (id: string): boolean => byId.get(id)?.kind === 'place';

  function lookup(name: string | readonly string[]): string[] {
    const words = typeof name === 'string' ? foldName(name) : name.flatMap((w) => foldName(w));
    if (words.length === 0) return [];
    let node = root.get(words[0]);
    for (let k = 1; node && k < words.length; k++) node = node.next?.get(words[k]);
    return node?.ids ? [...node.ids] : [];
  }

  function findMentions(text: string): GazetteerMention[] {
    const words = scanWords(text);
    const readings = createReadings();
    const aside = createReadings();
    const mentions: GazetteerMention[] = [];
    /** First word not yet part of a mention: look-behind for qualifiers and cues stops here. */
    let free = 0;
    let i = 0;
    while (i < words.count) {
      // 1. Longest name starting at word i, over the proclitic readings of word i.
      procliticReadings(words.folded[i], readings);
      let bestLast = -1;
      let bestIds: string[] | null = null;
      let bestPrefix = 0;
      for (let k = 0; k < readings.count; k++) {
        let node = root.get(readings.words[k]);
        if (!node) continue;
        let j = i;
        let last = node.ids ? i : -1;
        let ids = node.ids;
        while (node.next && j + 1 < words.count && words.joined[j + 1] === 1) {
          const child: TrieNode | undefined = node.next.get(words.folded[j + 1]);
          if (!child) break;
          j++;
          node = child;
          if (node.ids) {
            last = j;
            ids = node.ids;
          }
        }
        // Strictly longer only: on a tie the reading with fewer stripped letters wins.
        if (last > bestLast) {
          bestLast = last;
          bestIds = ids;
          bestPrefix = readings.prefix[k];
        }
      }
      if (bestLast < 0 || !bestIds) {
        i++;
        continue;
      }

      // 2. Qualifiers around a place: ريف X, شرق X, شمال شرق X, X الشمالي, X الشمالي الشرقي.
      let firstWord = i;
      let startPrefix = bestPrefix;
      let lastWord = bestLast;
      let entityIds = bestIds;
      const qualifier: PlaceQualifier = {};
      const places = bestIds.filter(isPlace);
      if (places.length > 0) {
        if (bestPrefix === 0 && i - 1 >= free && words.joined[i] === 1) {
          const rif = readBefore(words, i - 1, aside, (w) => (w === COUNTRYSIDE_WORD ? true : undefined));
          const dir = rif ? null : readBefore(words, i - 1, aside, (w) => DIRECTION_BEFORE.get(w));
          if (rif) {
            qualifier.countryside = true;
            firstWord = i - 1;
            startPrefix = rif.prefix;
          } else if (dir) {
            let direction: Direction = dir.value;
            firstWord = i - 1;
            startPrefix = dir.prefix;
            if (dir.prefix === 0 && i - 2 >= free && words.joined[i - 1] === 1) {
              const first = readBefore(words, i - 2, aside, (w) => DIRECTION_BEFORE.get(w));
              const combined = first ? combineDirections(first.value, direction) : null;
              if (first && combined) {
                direction = combined;
                firstWord = i - 2;
                startPrefix = first.prefix;
              }
            }
            qualifier.direction = direction;
          }
        }
        if (
          qualifier.direction === undefined &&
          lastWord + 1 < words.count &&
          words.joined[lastWord + 1] === 1
        ) {
          const after = DIRECTION_AFTER.get(words.folded[lastWord + 1]);
          if (after) {
            let direction: Direction = after;
            lastWord++;
            if (lastWord + 1 < words.count && words.joined[lastWord + 1] === 1) {
              const second = DIRECTION_AFTER.get(words.folded[lastWord + 1]);
              const combined = second ? combineDirections(direction, second) : null;
              if (combined) {
                direction = combined;
                lastWord++;
              }
            }
            qualifier.direction = direction;
          }
        }
        if (qualifier.countryside || qualifier.direction) entityIds = places;
      }

      // 3. The mention, without the proclitics of its first word.
      const start = offsetAfterFolded(text, words.start[firstWord], words.end[firstWord], startPrefix);
      const end = words.end[lastWord];
      const mention: GazetteerMention = {
        start,
        end,
        surface: text.slice(start, end),
        entityIds: [...entityIds],
      };
      if (qualifier.countryside || qualifier.direction) mention.qualifier = qualifier;
      if (firstWord - 1 >= free && words.joined[firstWord] === 1) mention.cue = words.folded[firstWord - 1];
      mentions.push(mention);
      free = lastWord + 1;
      i = lastWord + 1;
    }
    return mentions;
  }

  return {
    size: byId.size,
    get: (id) => byId.get(id),
    entities: () => byId.values(),
    lookup,
    findMentions,
  };
}
