// readWarc on archives built here with warcio (WARCRecord.create + WARCSerializer): a warcinfo,
// a request, a windows-1256 page, a chunked+gzip page, a 404, a metadata and a revisit record;
// plain and .warc.gz, as bytes and as streams; then truncation, bad records, junk and limits.

import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { WARCRecord, WARCSerializer } from 'warcio';
import type { Result } from '../model/index.js';
import { detectSourceKind, readWarc, type WarcInput, type WarcResponse } from './index.js';

const HTML_1256 =
  '<html><head><meta charset="windows-1256"><title>بلدي نيوز</title></head>' +
  '<body><h1>أعلن التحالف الدولي مساء الثلاثاء عن عملية جديدة</h1></body></html>';
const HTML_GZIP = '<html><body><p>خبر مضغوط ومقسّم إلى أجزاء</p></body></html>';
const enc = new TextEncoder();

async function* once(bytes: Uint8Array) {
  yield bytes;
}

/** HTTP/1.1 chunked framing of `body` in pieces of `size` bytes. */
function chunked(body: Uint8Array, size: number): Uint8Array {
  const parts: Buffer[] = [];
  for (let i = 0; i < body.length; i += size) {
    const piece = body.subarray(i, i + size);
    parts.push(Buffer.from(`${piece.length.toString(16)}\r\n`), Buffer.from(piece), Buffer.from('\r\n'));
  }
  parts.push(Buffer.from('0\r\n\r\n'));
  return Buffer.concat(parts);
}

interface Spec {
  type: 'warcinfo' | 'request' | 'response' | 'metadata' | 'revisit';
  url?: string;
  date?: string;
  statusline?: string;
  httpHeaders?: Record<string, string>;
  body?: Uint8Array;
}

/** Records are one-shot (their body is a generator), so each archive builds fresh ones. */
function specs(): Spec[] {
  return [
    { type: 'warcinfo' },
    {
      type: 'request',
      url: 'https://baladi.example/news/1',
      statusline: 'GET /news/1 HTTP/1.1',
      httpHeaders: { Host: 'baladi.example', 'User-Agent': 'Marsad-test' },
    },
    {
      type: 'response',
      url: 'https://baladi.example/news/1',
      date: '2017-10-10T18:00:01Z',
      httpHeaders: { 'Content-Type': 'text/html; charset=windows-1256', Server: 'test' },
      body: iconv.encode(HTML_1256, 'windows-1256'),
    },
    {
      type: 'metadata',
      url: 'https://baladi.example/news/1',
      body: enc.encode('outlinks: https://baladi.example/\n'),
    },
    {
      type: 'response',
      url: 'https://baladi.example/news/2',
      date: '2017-10-10T18:00:02Z',
      httpHeaders: {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Encoding': 'gzip',
        'Transfer-Encoding': 'chunked',
      },
      body: chunked(gzipSync(enc.encode(HTML_GZIP)), 16),
    },
    {
      type: 'response',
      url: 'https://baladi.example/missing',
      date: '2017-10-10T18:00:03Z',
      statusline: 'HTTP/1.1 404 Not Found',
      httpHeaders: { 'Content-Type': 'text/html' },
      body: enc.encode('<h1>غير موجود</h1>'),
    },
    { type: 'revisit', url: 'https://baladi.example/news/1', date: '2017-10-11T00:00:00Z', httpHeaders: {} },
  ];
}

async function serialize(list: Spec[], gzip: boolean): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for (const s of list) {
    const record =
      s.type === 'warcinfo'
        ? await WARCRecord.createWARCInfo(
            { filename: 'test.warc', warcVersion: 'WARC/1.1' },
            { software: 'marsad-test' },
          )
        : await WARCRecord.create(
            {
              url: s.url,
              date: s.date,
              type: s.type,
              warcVersion: 'WARC/1.1',
              statusline: s.statusline,
              httpHeaders: s.httpHeaders,
            },
            s.body ? once(s.body) : undefined,
          );
    parts.push(await WARCSerializer.serialize(record, { gzip }));
  }
  return Buffer.concat(parts);
}

async function collect(input: WarcInput, options = {}): Promise<Array<Result<WarcResponse>>> {
  const out: Array<Result<WarcResponse>> = [];
  for await (const r of readWarc(input, options)) out.push(r);
  return out;
}

function expectGood(results: Array<Result<WarcResponse>>) {
  assert.equal(results.length, 3, JSON.stringify(results.map((r) => (r.ok ? r.value.url : r.error.message))));
  const [page, gz, missing] = results.map((r) => {
    assert.ok(r.ok, r.ok ? '' : r.error.message);
    return r.value;
  });
  assert.equal(page.url, 'https://baladi.example/news/1');
  assert.equal(page.status, 200);
  assert.equal(page.contentType, 'text/html; charset=windows-1256');
  assert.equal(page.headers.server, 'test');
  assert.equal(page.date, '2017-10-10T18:00:01.000Z');
  // The bytes as archived: decoding the charset is the fetch/extract stages' job.
  assert.deepEqual(Buffer.from(page.body), iconv.encode(HTML_1256, 'windows-1256'));
  assert.equal(iconv.decode(Buffer.from(page.body), 'windows-1256'), HTML_1256);

  assert.equal(gz.url, 'https://baladi.example/news/2');
  assert.equal(new TextDecoder().decode(gz.body), HTML_GZIP, 'chunked + gzip removed by warcio');
  assert.equal(gz.headers['content-encoding'], 'gzip', 'headers kept as archived');

  assert.equal(missing.status, 404);
  assert.equal(new TextDecoder().decode(missing.body), '<h1>غير موجود</h1>');
}

describe('readWarc', () => {
  it('reads the response records of a .warc, skipping the others', async () => {
    const warc = await serialize(specs(), false);
    assert.equal(detectSourceKind(warc), 'warc');
    expectGood(await collect(warc));
  });

  it('reads a .warc.gz (one gzip member a record)', async () => {
    const warc = await serialize(specs(), true);
    assert.equal(detectSourceKind(warc, { url: 'crawl.warc.gz' }), 'warc');
    expectGood(await collect(warc));
  });

  it('reads from a Node stream and from a web ReadableStream, in small chunks', async () => {
    const warc = await serialize(specs(), true);
    const pieces = Array.from({ length: Math.ceil(warc.length / 100) }, (_, i) =>
      warc.subarray(i * 100, i * 100 + 100),
    );
    expectGood(await collect(Readable.from(pieces)));
    expectGood(await collect(new Blob([new Uint8Array(warc)]).stream()));
  });

  it('removes brotli and deflate content encodings and odd-cased chunked framing', async () => {
    const html = enc.encode('<p>نص مضغوط</p>');
    const list: Spec[] = [
      {
        type: 'response',
        url: 'https://baladi.example/br',
        httpHeaders: { 'Content-Encoding': 'br', 'Content-Type': 'text/html' },
        body: brotliCompressSync(html),
      },
      {
        type: 'response',
        url: 'https://baladi.example/deflate',
        httpHeaders: { 'Content-Encoding': 'deflate', 'Transfer-Encoding': 'Chunked' },
        body: chunked(deflateSync(html), 5),
      },
      {
        type: 'response',
        url: 'https://baladi.example/gzip-te',
        httpHeaders: { 'Transfer-Encoding': 'gzip, chunked' },
        body: chunked(gzipSync(html), 7),
      },
    ];
    const results = await collect(await serialize(list, false));
    assert.deepEqual(
      results.map((r) => (r.ok ? new TextDecoder().decode(r.value.body) : r.error.message)),
      ['<p>نص مضغوط</p>', '<p>نص مضغوط</p>', '<p>نص مضغوط</p>'],
    );
  });

  it('ends a truncated .warc with an error value, after the complete records', async () => {
    const warc = await serialize(specs(), false);
    const cut = Buffer.from(warc).indexOf('غير موجود') - 3; // inside the 404 body
    const results = await collect(warc.subarray(0, cut));
    assert.equal(results.length, 3);
    assert.ok(results[0].ok && results[1].ok);
    const last = results[2];
    assert.ok(!last.ok);
    assert.equal(last.error.code, 'source.malformed');
    assert.match(last.error.message, /ends inside https:\/\/baladi\.example\/missing .*bytes missing/);
  });

  it('never throws on a .warc or .warc.gz cut at every few bytes; a cut record ends in an error', async () => {
    for (const gzip of [false, true]) {
      // Record boundaries, to know which cuts fall inside a record.
      const records = await Promise.all(specs().map((spec) => serialize([spec], gzip)));
      const ends = records.map((_, i) => records.slice(0, i + 1).reduce((n, r) => n + r.length, 0));
      const warc = Buffer.concat(records);
      const good = (await collect(warc)).map(
        (r) => r.ok && `${r.value.url} ${r.value.status} ${r.value.body.length}`,
      );
      for (let cut = 0; cut < warc.length; cut += gzip ? 7 : 13) {
        const results = await collect(warc.subarray(0, cut));
        const oks = results
          .filter((r) => r.ok)
          .map((r) => r.ok && `${r.value.url} ${r.value.status} ${r.value.body.length}`);
        assert.deepEqual(
          oks,
          good.slice(0, oks.length),
          `cut ${cut}: a response that is not in the whole file`,
        );
        // Uncompressed: a cut inside a record must end in an error, except (1) in its first two
        // bytes — warcio takes any 2-byte line ("WA") for the CRLF between records — and (2) in its
        // last 6 bytes — the CRLF CRLF between records, and for a record with an empty block (the
        // revisit) the blank line closing its headers, which warcio does not require.
        const inside = ends.findIndex((end) => cut < end);
        const start = inside > 0 ? ends[inside - 1] : 0;
        if (!gzip && cut > start + 2 && cut < ends[inside] - 6) {
          assert.ok(!results.at(-1)!.ok, `cut ${cut} (inside record ${inside}) did not end in an error`);
        }
      }
    }
  });

  it('gives one error for a bad record and reads on', async () => {
    const list = specs();
    list.splice(2, 0, {
      type: 'response',
      url: 'https://baladi.example/broken',
      statusline: 'NOT-HTTP garbage',
      httpHeaders: { X: 'y' },
      body: enc.encode('???'),
    });
    const results = await collect(await serialize(list, false));
    assert.equal(results.length, 4);
    assert.ok(!results[0].ok);
    assert.match(results[0].error.message, /no HTTP status line .* https:\/\/baladi\.example\/broken/);
    assert.deepEqual(
      results.slice(1).map((r) => r.ok && r.value.status),
      [200, 200, 404],
    );
  });

  it('gives one error for junk between records and reads on', async () => {
    const a = await serialize(specs().slice(0, 3), false);
    const b = await serialize(specs().slice(5), false);
    const junk = enc.encode('this line is not a record\r\nnor: this one\r\n\r\n');
    const results = await collect(Buffer.concat([a, junk, b]));
    assert.deepEqual(
      results.map((r) => (r.ok ? r.value.status : r.error.code)),
      [200, 'source.malformed', 404],
    );
  });

  it('skips a body over the limit with an error value and reads on', async () => {
    const results = await collect(await serialize(specs(), true), { maxBodyBytes: 100 });
    assert.deepEqual(
      results.map((r) => (r.ok ? r.value.status : r.error.code)),
      ['source.too-large', 200, 404],
    );
  });

  it('refuses what is not a WARC, and says an empty input is empty', async () => {
    const random = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 251);
    for (const [input, code] of [
      [random, 'source.unsupported'],
      [enc.encode('<html><body>hi</body></html>'), 'source.unsupported'],
      [gzipSync(enc.encode('not a warc at all')), 'source.unsupported'],
      [new Uint8Array(0), 'source.empty'],
    ] as const) {
      const results = await collect(input);
      assert.equal(results.length, 1);
      assert.ok(!results[0].ok);
      assert.equal(results[0].error.code, code);
    }
  });

  it('turns a failing stream into an error value', async () => {
    async function* failing() {
      yield enc.encode('WARC/1.1\r\n');
      throw new Error('disk went away');
    }
    const results = await collect(failing());
    const last = results.at(-1)!;
    assert.ok(!last.ok);
    assert.match(last.error.message, /disk went away/);
  });
});
