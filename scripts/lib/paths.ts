// Where things are, relative to the repository root (not to the caller's working directory).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: two levels above scripts/lib/. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The shared development corpus, a sibling of the repository (see shared/corpus/extract/README.md). */
export const DEFAULT_CORPUS_DIR = resolve(REPO_ROOT, '../shared/corpus/extract/dev');

/** Floors of the extraction quality gate. */
export const EXTRACT_BASELINE_PATH = resolve(REPO_ROOT, 'scripts/baselines/extract.json');
