// Which articles are copies of which. Two articles are copies when their shingle sets are
// near-identical (estimated Jaccard ≥ COPY_JACCARD) or one holds nearly all of the other
// (containment ≥ COPY_CONTAINMENT, with the shorter at least MIN_SIZE_RATIO of the longer:
// a copy with its last paragraph trimmed). Among copies the original is the one whose outlet
// the other credits, else the one published first, else the one stored first.

import { foldKey } from '../arabic/keys.js';
import { estimateContainment, estimateSimilarity } from './fingerprint.js';

/** Calibrated on the demo corpus (eval:dedup): rewrites of one story by two outlets stay under 0.3. */
export const COPY_JACCARD = 0.7;
export const COPY_CONTAINMENT = 0.85;
export const MIN_SIZE_RATIO = 0.5;

export interface CopyCandidate {
  id: number;
  minhash: Uint32Array | null;
  siteName: string | null;
  outlet: string | null;
  published: string | null;
  copyOf: number | null;
}

export function isCopyPair(a: Uint32Array, b: Uint32Array): boolean {
  const n = a.length - 1;
  const sa = a[n];
  const sb = b[n];
  if (sa === 0 || sb === 0) return false;
  if (estimateSimilarity(a, b) >= COPY_JACCARD) return true;
  return (
    Math.min(sa, sb) / Math.max(sa, sb) >= MIN_SIZE_RATIO && estimateContainment(a, b) >= COPY_CONTAINMENT
  );
}

function credits(copy: CopyCandidate, original: CopyCandidate): boolean {
  if (!copy.outlet || !original.siteName) return false;
  if (copy.siteName && foldKey(copy.outlet) === foldKey(copy.siteName)) return false;
  const o = foldKey(copy.outlet);
  const s = foldKey(original.siteName);
  return o.length > 1 && (o === s || o.includes(s) || s.includes(o));
}

/** True when `a` is the original of the pair {a, b}. */
export function isOriginal(a: CopyCandidate, b: CopyCandidate): boolean {
  if (credits(b, a)) return true;
  if (credits(a, b)) return false;
  const pa = a.published ? Date.parse(a.published) : Number.NaN;
  const pb = b.published ? Date.parse(b.published) : Number.NaN;
  if (!Number.isNaN(pa) && !Number.isNaN(pb) && pa !== pb) return pa < pb;
  if (!Number.isNaN(pa) && Number.isNaN(pb)) return true;
  if (Number.isNaN(pa) && !Number.isNaN(pb)) return false;
  return a.id < b.id;
}

export interface CopyLink {
  articleId: number;
  copyOf: number | null;
}

/**
 * Given a new article and the stored candidates sharing an LSH band with it, the copy links
 * to write: the new article may be a copy of the group's original, or the new original of it.
 */
export function linkCopies(article: CopyCandidate, candidates: CopyCandidate[]): CopyLink[] {
  const sig = article.minhash;
  if (!sig) return [];
  const group = candidates.filter((c) => c.id !== article.id && c.minhash && isCopyPair(sig, c.minhash));
  if (group.length === 0) return [];
  // The group's members and the originals they already point at.
  const byId = new Map<number, CopyCandidate>(group.map((c) => [c.id, c]));
  let original = article;
  for (const c of group) if (isOriginal(c, original)) original = c;
  const links: CopyLink[] = [];
  const members = [article, ...group];
  for (const m of members) {
    const target = m.id === original.id ? null : original.id;
    if (m.id === article.id ? target !== null : (byId.get(m.id)?.copyOf ?? null) !== target) {
      links.push({ articleId: m.id, copyOf: target });
    }
  }
  return links;
}
