// Loading the shipped gazetteer (data/gazetteer.jsonl, or .jsonl.gz when it was compressed).
// The path is relative to this module, so it resolves the same from src/ (tsx) and dist/ (tsc).

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { buildGazetteer } from './gazetteer.js';
import type { Gazetteer, GazetteerEntity } from './types.js';

const DATA_FILES = [
  new URL('../../../data/gazetteer.jsonl.gz', import.meta.url),
  new URL('../../../data/gazetteer.jsonl', import.meta.url),
];

/** Parse JSON Lines of entities; optional fields omitted in the file get the model's defaults. */
export function parseGazetteerLines(text: string): GazetteerEntity[] {
  const entities: GazetteerEntity[] = [];
  let line = 0;
  for (const raw of text.split('\n')) {
    line++;
    if (raw.trim() === '') continue;
    let value: Partial<GazetteerEntity>;
    try {
      value = JSON.parse(raw) as Partial<GazetteerEntity>;
    } catch (cause) {
      throw new Error(`gazetteer: line ${line} is not JSON`, { cause });
    }
    if (typeof value.id !== 'string' || typeof value.nameAr !== 'string' || typeof value.kind !== 'string') {
      throw new Error(`gazetteer: line ${line} lacks id, kind or nameAr`);
    }
    entities.push({
      ...value,
      nameEn: value.nameEn ?? null,
      aliases: value.aliases ?? [],
    } as GazetteerEntity);
  }
  return entities;
}

/** Read a gazetteer file (gzip-compressed when the name ends in .gz). */
export function readGazetteerFile(path: string | URL): GazetteerEntity[] {
  const bytes = readFileSync(path);
  const text = (String(path).endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  return parseGazetteerLines(text);
}

let shipped: Gazetteer | null = null;

/**
 * The shipped gazetteer, read and indexed on first use (about 0.3 s) and kept for the process:
 * it is read-only data, so one copy serves every caller.
 *
 * @example
 * loadGazetteer().findMentions('في ريف حماة')[0].entityIds // → ['region:rif-hama']
 */
export function loadGazetteer(): Gazetteer {
  if (shipped) return shipped;
  const file = DATA_FILES.find((url) => existsSync(url));
  if (!file) throw new Error('gazetteer: data/gazetteer.jsonl is missing; run `npm run build:gazetteer`');
  shipped = buildGazetteer(readGazetteerFile(fileURLToPath(file)));
  return shipped;
}
