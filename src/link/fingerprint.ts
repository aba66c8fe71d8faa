// Fingerprints of an article's text for finding copies: a content hash (exact copies) and a
// MinHash signature over word shingles of the search-folded text (near copies), with LSH bands.
// Folding first makes copies match through changed punctuation, hamza spellings, harakat,
// tatweel and digit sets; shingles make them match through different boilerplate at the ends.

import { createHash } from 'node:crypto';
import { foldForSearch } from '../arabic/normalize.js';

/** Words per shingle: 3 keeps rewrites of the same story apart (they share words, rarely 3 in a row). */
export const SHINGLE_WORDS = 3;
/** Signature length and LSH banding: 32 bands of 4 rows make a pair with Jaccard 0.8 a
 * candidate with probability 1 − (1 − 0.8⁴)³² ≈ 1.0, and one with 0.3 with ≈ 0.23 (then rejected
 * by the signature estimate). */
export const NUM_HASHES = 128;
export const BANDS = 32;
export const ROWS = NUM_HASHES / BANDS;

export interface Fingerprint {
  contentHash: string;
  /** NUM_HASHES minimum hash values, then the number of distinct shingles as a last element. */
  minhash: Uint32Array;
  bands: string[];
}

function words(text: string): string[] {
  return foldForSearch(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** sha256 of the folded words: equal for texts that differ only in spacing, punctuation or spelling variants. */
export function contentHash(text: string): string {
  return createHash('sha256').update(words(text).join(' ')).digest('hex');
}

/** FNV-1a over a string's UTF-16 code units, 32 bits. */
function fnv1a(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // final avalanche (murmur3 fmix32)
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * MinHash signature of a text. Each of the NUM_HASHES hash functions is h1 + i·h2 over two base
 * hashes of the shingle (Kirsch–Mitzenmacher), which behaves like independent hashes here.
 * @example estimateSimilarity(fingerprint(a).minhash, fingerprint(b).minhash) // ≈ Jaccard of shingle sets
 */
export function fingerprint(text: string): Fingerprint {
  const w = words(text);
  const sig = new Uint32Array(NUM_HASHES + 1).fill(0xffffffff);
  const seen = new Set<string>();
  const k = Math.min(SHINGLE_WORDS, Math.max(1, w.length));
  for (let i = 0; i + k <= w.length; i++) {
    const sh = w.slice(i, i + k).join(' ');
    if (seen.has(sh)) continue;
    seen.add(sh);
    const h1 = fnv1a(sh, 0);
    const h2 = fnv1a(sh, 0x9e3779b9) | 1;
    for (let j = 0; j < NUM_HASHES; j++) {
      const v = (h1 + Math.imul(j, h2)) >>> 0;
      if (v < sig[j]) sig[j] = v;
    }
  }
  sig[NUM_HASHES] = seen.size;
  return {
    contentHash: createHash('sha256').update(w.join(' ')).digest('hex'),
    minhash: sig,
    bands: seen.size === 0 ? [] : bandKeys(sig),
  };
}

/** LSH band keys: "band index:hash of its rows". Two signatures sharing a key are candidates. */
export function bandKeys(sig: Uint32Array): string[] {
  const out: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS; r++) {
      h ^= sig[b * ROWS + r];
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    out.push(`${b}:${(h >>> 0).toString(36)}`);
  }
  return out;
}

/** Estimated Jaccard similarity of the two shingle sets. */
export function estimateSimilarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < NUM_HASHES; i++) if (a[i] === b[i]) same++;
  return same / NUM_HASHES;
}

/** Estimated share of the smaller text's shingles found in the larger (a trimmed copy scores high). */
export function estimateContainment(a: Uint32Array, b: Uint32Array): number {
  const j = estimateSimilarity(a, b);
  const na = a[NUM_HASHES];
  const nb = b[NUM_HASHES];
  if (na === 0 || nb === 0) return 0;
  const intersection = (j / (1 + j)) * (na + nb);
  return Math.min(1, intersection / Math.min(na, nb));
}
