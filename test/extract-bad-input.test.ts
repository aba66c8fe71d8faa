// Bad input for extractArticle, generated here rather than committed: empty input, binary
// files, a 20 MB page, 100,000 nested elements, a page with every closing tag dropped, lying
// charset declarations, NUL bytes, UTF-16, script-only pages. Each call must not throw, must
// return within TIME_LIMIT_MS, and must say what was wrong through a warning code.

import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { describe, test } from 'node:test';
import { deflateSync, gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { extractArticle } from '../src/extract/index.js';
import type { ExtractOptions } from '../src/extract/options.js';
import type { Article } from '../src/model/index.js';
import { collapse } from './helpers/fixtures.js';
import { mulberry32 } from './helpers/prng.js';
import { SAMPLE_PARAGRAPHS, SAMPLE_TITLE, samplePage } from './helpers/sample-article.js';

/** A bound on time, not a benchmark: generous for two shared cores, small enough to catch blow-ups. */
const TIME_LIMIT_MS = 5000;

function extract(input: Uint8Array | string, options?: ExtractOptions): Article {
  const start = performance.now();
  let article: Article;
  try {
    article = extractArticle(input, options);
  } catch (error) {
    assert.fail(`extractArticle threw: ${error instanceof Error ? error.stack : String(error)}`);
  }
  const ms = performance.now() - start;
  assert.ok(ms < TIME_LIMIT_MS, `extractArticle took ${Math.round(ms)} ms (limit ${TIME_LIMIT_MS} ms)`);
  assert.equal(typeof article.isArticle, 'boolean');
  assert.equal(typeof article.text, 'string');
  assert.ok(Array.isArray(article.paragraphs) && Array.isArray(article.warnings));
  return article;
}

function hasWarning(article: Article, code: string): boolean {
  return article.warnings.some((w) => w.startsWith(code));
}

function assertWarning(article: Article, code: string): void {
  assert.ok(
    hasWarning(article, code),
    `no warning starting with ${code}: ${JSON.stringify(article.warnings)}`,
  );
}

function assertGarbage(article: Article, code?: string): void {
  assert.equal(article.isArticle, false, 'garbage taken for an article');
  if (code) assertWarning(article, code);
}

/** Each sample paragraph is in the article text (whatever the paragraph splitting). */
function assertSampleTextOut(article: Article): void {
  const text = collapse(article.text);
  for (const p of SAMPLE_PARAGRAPHS)
    assert.ok(text.includes(p), `paragraph lost: ${p.slice(0, 60)}…\ntext: ${text}`);
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A valid 2×2 RGB PNG. */
function tinyPng(): Buffer {
  const ihdr = Buffer.from([0, 0, 0, 2, 0, 0, 0, 2, 8, 2, 0, 0, 0]);
  const rows = Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(rows)),
    pngChunk('IEND', new Uint8Array(0)),
  ]);
}

describe('extractArticle on bad input', () => {
  test('empty input, as bytes and as a string', () => {
    for (const input of [new Uint8Array(0), Buffer.alloc(0), '']) {
      const article = extract(input);
      assertGarbage(article, 'input.empty');
      assert.equal(article.text, '');
      assert.deepEqual(article.paragraphs, []);
    }
  });

  test('whitespace only', () => {
    assertGarbage(extract(Buffer.from('  \r\n\t  \n   ')), 'input.empty');
    assertGarbage(extract('\n\n   \t'), 'input.empty');
  });

  test('markup without any text', () => {
    const article = extract(
      Buffer.from('<!DOCTYPE html><html><head></head><body><div><span></span></div></body></html>'),
    );
    assertGarbage(article);
    assert.equal(article.text, '');
  });

  test('a PNG image passed as HTML', () => {
    const png = tinyPng();
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    const article = extract(png, { url: 'https://example.org/news/photo.html', contentType: 'text/html' });
    assertGarbage(article, 'input.binary');
    assert.equal(article.text, '');
  });

  test('a gzip-compressed page passed as HTML (a fetch that forgot to inflate)', () => {
    const article = extract(gzipSync(Buffer.from(samplePage())), { contentType: 'text/html; charset=utf-8' });
    assertGarbage(article, 'input.binary');
    assert.equal(article.text, '');
  });

  test('random bytes', () => {
    const rng = mulberry32(1256);
    const bytes = new Uint8Array(64 * 1024);
    for (let i = 0; i < bytes.length; i++) bytes[i] = rng.int(256);
    assertGarbage(extract(bytes));
  });

  test('a JSON response passed as HTML', () => {
    const json = JSON.stringify({
      status: 'ok',
      items: SAMPLE_PARAGRAPHS.map((p, i) => ({ id: i, body: p })),
    });
    assertGarbage(extract(Buffer.from(json), { contentType: 'application/json' }));
  });

  test('a 20 MB page: cut to maxBytes with a warning, the article at its top still read', () => {
    const page = samplePage();
    const head = page.slice(0, page.indexOf('</body>'));
    // The article, then ~20 MB of comments, as on a page whose comment thread never ends.
    const parts: string[] = [head, '<ol class="comments">'];
    let size = Buffer.byteLength(head);
    for (let i = 0; size < 20 * 1024 * 1024; i++) {
      const item = `<li class="comment" id="c${i}"><b>زائر ${i}</b><p>شكرا</p></li>\n`;
      parts.push(item);
      size += Buffer.byteLength(item);
    }
    parts.push('</ol></body></html>');
    const bytes = Buffer.from(parts.join(''));
    assert.ok(bytes.length >= 20 * 1024 * 1024);
    const article = extract(bytes);
    assertWarning(article, 'input.too-large');
    assert.equal(article.title, SAMPLE_TITLE);
    assertSampleTextOut(article);
  });

  test('the maxBytes option is honoured', () => {
    const page = samplePage();
    const padding = `<!-- ${'حشو '.repeat(60_000)} -->`;
    const bytes = Buffer.from(page.replace('</body>', `${padding}</body>`));
    assert.ok(bytes.length > 300_000);
    const article = extract(bytes, { maxBytes: 100_000 });
    assertWarning(article, 'input.too-large');
    assertSampleTextOut(article);
    assert.ok(!hasWarning(extract(bytes), 'input.too-large'), 'a 300 KB page is under the default cap');
  });

  test('100,000 nested <div>s, closed and unclosed', () => {
    const depth = 100_000;
    const closed = `<html><body>${'<div>'.repeat(depth)}نص قصير${'</div>'.repeat(depth)}</body></html>`;
    assertGarbage(extract(Buffer.from(closed)));
    const unclosed = `<html><body>${'<div class="x">'.repeat(depth)}نص قصير`;
    assertGarbage(extract(unclosed));
  });

  test('every closing tag dropped: the text still comes out', () => {
    // Keep the end tags of raw-text and RCDATA elements: without </title> even a browser reads
    // the whole page as the title. Every other closing tag goes.
    const broken = samplePage().replace(/<\/(?!title\b|script\b|style\b|textarea\b)[a-z][a-z0-9]*\s*>/gi, '');
    assert.ok(!/<\/(div|p|a|li|ul|body|html)>/.test(broken));
    const article = extract(Buffer.from(broken), { url: 'https://asi-net.example/hama/market' });
    assertSampleTextOut(article);
    assert.equal(article.title, SAMPLE_TITLE);
    assert.equal(article.isArticle, true, 'the article is not recognised as one');
  });

  test('<meta charset=utf-8> over windows-1256 bytes: decoded as windows-1256, with a warning', () => {
    const bytes = iconv.encode(samplePage('utf-8'), 'windows-1256');
    const article = extract(bytes, { contentType: 'text/html' });
    assert.equal(article.encoding, 'windows-1256');
    assertWarning(article, 'encoding.mismatch');
    assert.equal(article.title, SAMPLE_TITLE);
    assert.deepEqual(article.paragraphs.map(collapse), SAMPLE_PARAGRAPHS);
  });

  test('NUL bytes sprinkled through an article are dropped, as a browser drops them', () => {
    const page = samplePage();
    const rng = mulberry32(0);
    const start = page.indexOf('<div class="main">');
    let out = page.slice(0, start);
    // Between tags and inside text (between letters, at word ends), never inside a tag.
    let inTag = false;
    for (const ch of page.slice(start)) {
      if (ch === '<') inTag = true;
      if (!inTag && rng.next() < 0.03) out += '\0';
      out += ch;
      if (ch === '>') inTag = false;
    }
    const nuls = out.split('\0').length - 1;
    assert.ok(nuls > 20, `only ${nuls} NULs inserted`);
    const article = extract(Buffer.from(out));
    assert.equal(article.isArticle, true);
    assert.ok(!hasWarning(article, 'input.binary'), 'a page with stray NULs is not binary');
    assertWarning(article, 'input.nul');
    assert.equal(article.encoding, 'utf-8');
    assert.ok(!/[\0\uFFFD]/.test(article.text), 'NUL or U+FFFD left in the text');
    assert.equal(article.title, SAMPLE_TITLE);
    assert.deepEqual(article.paragraphs.map(collapse), SAMPLE_PARAGRAPHS);
  });

  test('UTF-16LE with a byte-order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(samplePage(null), 'utf16le')]);
    const article = extract(bytes);
    assert.equal(article.encoding, 'utf-16le');
    assert.ok(!hasWarning(article, 'input.binary'), 'UTF-16 is text, not binary');
    assert.equal(article.isArticle, true);
    assert.deepEqual(article.paragraphs.map(collapse), SAMPLE_PARAGRAPHS);
  });

  test('a page given as a string reads as its UTF-8 bytes do', () => {
    const fromBytes = extract(Buffer.from(samplePage()));
    const fromString = extract(samplePage());
    assert.equal(fromString.isArticle, true);
    assert.equal(fromString.title, fromBytes.title);
    assert.deepEqual(fromString.paragraphs, fromBytes.paragraphs);
    assert.deepEqual(fromString.paragraphs.map(collapse), SAMPLE_PARAGRAPHS);
  });

  test('a page whose only content is written by document.write', (t) => {
    const script = `document.write('<h1>${SAMPLE_TITLE}</h1>');\n${SAMPLE_PARAGRAPHS.map(
      (p) => `document.write('<p>${p}</p>');`,
    ).join('\n')}`;
    const page = `<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>شبكة العاصي</title></head><body><script type="text/javascript">${script}</script><noscript>يرجى تفعيل جافاسكربت لعرض المحتوى</noscript></body></html>`;
    const article = extract(Buffer.from(page));
    assertGarbage(article);
    assert.ok(!article.text.includes('document.write'), 'script source in the text');
    assert.ok(
      !collapse(article.text).includes(SAMPLE_PARAGRAPHS[0].slice(0, 40)),
      'script strings in the text',
    );
    if (article.warnings.length === 0) t.diagnostic('no warning says the content is written by a script');
  });
});
