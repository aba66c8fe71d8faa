// Local inputs: a file, or a directory walked recursively for the files Marsad can read.
// Hidden entries (.git, .DS_Store) are skipped; symlinked directories are followed once.

import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Result } from '../model/index.js';
import { fail, ok } from '../model/index.js';
import { MAX_LOCAL_FILES } from './limits.js';
import type { LocalInputs } from './types.js';

/** File names Marsad reads from a directory: pages, archives, feeds, lists. */
const INPUT_EXTENSIONS = [
  '.html',
  '.htm',
  '.xhtml',
  '.txt',
  '.warc',
  '.warc.gz',
  '.xml',
  '.xml.gz',
  '.opml',
  '.json',
];

/** Is this a file name a directory walk picks up? */
export function isInputFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return !name.startsWith('.') && INPUT_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/**
 * The input files under `path`, sorted. A file named directly is returned whatever its
 * extension (the caller asked for it); in a directory only known extensions are kept.
 * A missing path is `input.not-found`.
 *
 * @example
 * const r = await listLocalInputs('corpus/');
 * if (r.ok) for (const file of r.value.files) await ingest(file);
 */
export async function listLocalInputs(path: string): Promise<Result<LocalInputs>> {
  const root = resolve(path);
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(root);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT' || e.code === 'ENOTDIR')
      return fail('input.not-found', `no such file or directory: ${path}`);
    return fail('input.unreadable', `cannot read ${path}: ${e.message}`, err);
  }
  if (info.isFile()) return ok({ files: [root], warnings: [] });
  if (!info.isDirectory()) return fail('input.unreadable', `${path} is neither a file nor a directory`);

  const files: string[] = [];
  const warnings: string[] = [];
  const visited = new Set<string>();
  const dirs = [root];
  while (dirs.length > 0) {
    const dir = dirs.pop()!;
    // A symlink cycle (a → b → a) would walk forever; each real directory is read once.
    let real: string;
    try {
      real = await realpath(dir);
    } catch (err) {
      warnings.push(`cannot resolve ${dir}: ${(err as Error).message}`);
      continue;
    }
    if (visited.has(real)) continue;
    visited.add(real);
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      warnings.push(`cannot read directory ${dir}: ${(err as Error).message}`);
      continue;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = await stat(full);
          isDir = target.isDirectory();
          isFile = target.isFile();
        } catch {
          warnings.push(`broken link skipped: ${full}`);
          continue;
        }
      }
      if (isDir) dirs.push(full);
      else if (isFile && isInputFileName(entry.name)) {
        if (files.length === MAX_LOCAL_FILES) {
          return fail(
            'source.too-large',
            `more than ${MAX_LOCAL_FILES} input files under ${path}; give a smaller directory`,
          );
        }
        files.push(full);
      }
    }
  }
  files.sort();
  return ok({ files, warnings });
}
