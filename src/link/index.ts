// The link stage's only door: fingerprints and copy decisions (stories come later).
export {
  COPY_CONTAINMENT,
  COPY_JACCARD,
  type CopyCandidate,
  type CopyLink,
  isCopyPair,
  isOriginal,
  linkCopies,
} from './copies.js';
export {
  contentHash,
  estimateContainment,
  estimateSimilarity,
  type Fingerprint,
  fingerprint,
} from './fingerprint.js';
