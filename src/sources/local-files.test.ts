// listLocalInputs on a temporary tree: recursion, extensions, hidden entries, symlink loops.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { isInputFileName, listLocalInputs } from './index.js';

describe('listLocalInputs', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'marsad-sources-'));
    for (const dir of ['a', 'a/b', '.git', 'c']) mkdirSync(join(root, dir), { recursive: true });
    const files = [
      'page.html',
      'a/feed.xml',
      'a/b/crawl.warc.gz',
      'a/b/list.txt',
      'a/b/feeds.opml',
      'c/feed.json',
      'c/page.HTM',
      'a/photo.jpg',
      'a/.hidden.html',
      '.git/config.xml',
      'c/archive.warc',
      'c/sitemap.xml.gz',
    ];
    for (const f of files) writeFileSync(join(root, f), 'x');
    // A loop: c/loop → the root.
    symlinkSync(root, join(root, 'c', 'loop'));
    symlinkSync(join(root, 'missing'), join(root, 'c', 'broken.html'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('lists input files recursively, sorted, skipping hidden entries and loops', async () => {
    const r = await listLocalInputs(root);
    assert.ok(r.ok);
    assert.deepEqual(
      r.value.files.map((f) => f.slice(root.length + 1)),
      [
        'a/b/crawl.warc.gz',
        'a/b/feeds.opml',
        'a/b/list.txt',
        'a/feed.xml',
        'c/archive.warc',
        'c/feed.json',
        'c/page.HTM',
        'c/sitemap.xml.gz',
        'page.html',
      ],
    );
    assert.match(r.value.warnings.join('\n'), /broken link skipped: .*broken\.html/);
  });

  it('returns a file named directly, whatever its extension', async () => {
    const r = await listLocalInputs(join(root, 'a', 'photo.jpg'));
    assert.ok(r.ok);
    assert.deepEqual(r.value.files, [join(root, 'a', 'photo.jpg')]);
  });

  it('gives a clear error for a missing path', async () => {
    const r = await listLocalInputs(join(root, 'nope'));
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'input.not-found');
    assert.match(r.error.message, /no such file or directory: .*nope/);
  });

  it('knows which names are inputs', () => {
    assert.ok(isInputFileName('x.warc.gz'));
    assert.ok(isInputFileName('X.XHTML'));
    assert.ok(!isInputFileName('x.gz'));
    assert.ok(!isInputFileName('.x.html'));
  });
});
