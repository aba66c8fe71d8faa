// readUrlList: comments, blank lines, scheme-less hosts, bad lines as warnings with line numbers.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { detectSourceKind, readUrlList } from './index.js';

const LISTS = new URL('../../test/fixtures/sources/lists/', import.meta.url);

describe('readUrlList', () => {
  it('reads the fixture list, reporting bad lines as warnings', () => {
    const bytes = readFileSync(new URL('urls.txt', LISTS));
    const r = readUrlList(bytes);
    assert.ok(r.ok);
    assert.deepEqual(r.value.urls, [
      'https://akhbar.example/local/2017/10/water-network',
      'https://janoub.example/2017/10/un-visit',
      'http://furat.example/news.php?id=501',
      'https://jamia.example/news/halls-reopen',
    ]);
    assert.deepEqual(r.value.warnings, [
      { line: 7, text: 'not a url at all', reason: 'contains spaces; one URL a line' },
      { line: 8, text: 'ftp://files.example/dump.zip', reason: 'not an http(s) URL' },
      {
        line: 9,
        text: 'https://akhbar.example/local/2017/10/water-network',
        reason: 'duplicate of an earlier line',
      },
    ]);
    assert.equal(detectSourceKind(bytes, { url: 'urls.txt' }), 'urllist');
  });

  it('accepts a string, CRLF line ends and a BOM', () => {
    const r = readUrlList('\uFEFFhttps://a.example/1\r\nhttps://a.example/2\r\n');
    assert.ok(r.ok);
    assert.deepEqual(r.value.urls, ['https://a.example/1', 'https://a.example/2']);
  });

  it('is empty (an error value) when no line is a URL, and keeps the reasons', () => {
    const r = readUrlList('# only comments\n\njavascript:alert(1)\n');
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'source.empty');
    assert.equal((r.error.cause as { warnings: unknown[] }).warnings.length, 1);
  });

  it('turns away binary data', () => {
    const r = readUrlList(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'source.unsupported');
  });
});
