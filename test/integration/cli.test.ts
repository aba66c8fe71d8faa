// The CLI end to end, in-process, against the demo sites on a real loopback server and a real
// SQLite file: sources, ingest (feed, file, directory, WARC), stats, reprocess, OPML round trip,
// and the errors a user sees for bad input.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { WARCRecord, WARCSerializer } from 'warcio';
import { main } from '../../src/cli/main.js';
import { type DemoServer, startDemoServer } from '../../src/demo/server.js';
import { openStore } from '../../src/store/index.js';

async function run(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const saved = { ...process.env };
  Object.assign(process.env, { MARSAD_HOST_DELAY_MS: '0', MARSAD_LOG_LEVEL: 'warn', ...env });
  try {
    const code = await main(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), isTTY: false });
    return { code, out, err };
  } finally {
    process.env = saved;
  }
}

let demo: DemoServer;
let dir: string;
before(async () => {
  demo = await startDemoServer({ basePort: 0 });
  dir = mkdtempSync(join(tmpdir(), 'marsad-cli-'));
});
after(async () => {
  await demo.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('marsad CLI', () => {
  test('sources add, list, export-opml, import-opml, remove', async () => {
    const data = join(dir, 'sources');
    const feed = demo.sites[0].feedUrl;
    let r = await run([
      'sources',
      'add',
      feed,
      '--name',
      'منبر',
      '--every',
      '15',
      '--allow-private',
      '--data-dir',
      data,
    ]);
    assert.equal(r.code, 0, r.err);
    r = await run(['sources', 'list', '--data-dir', data]);
    assert.match(r.out, /every 15 min/);
    assert.match(r.out, /منبر/);
    r = await run(['sources', 'export-opml', '--data-dir', data]);
    assert.match(r.out, /<opml/);
    const opml = join(dir, 'list.opml');
    writeFileSync(opml, r.out);
    const other = join(dir, 'sources2');
    r = await run(['sources', 'import-opml', opml, '--data-dir', other]);
    assert.match(r.out, /imported 1 feeds/);
    r = await run(['sources', 'remove', feed, '--data-dir', data]);
    assert.equal(r.code, 0);
    r = await run(['sources', 'remove', feed, '--data-dir', data]);
    assert.equal(r.code, 1);
    assert.match(r.err, /no source/);
  });

  test('ingest a feed from the loopback server only with --allow-private; then stats and reprocess', async () => {
    const data = join(dir, 'ingest');
    const feed = demo.sites.find((s) => s.id === 'sada')!.feedUrl;
    let r = await run(['ingest', '--data-dir', data, feed]);
    assert.match(
      r.err,
      /--allow-private/,
      'loopback refused without the flag, and the message says what to do',
    );
    r = await run(['ingest', '--allow-private', '--data-dir', data, feed]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /\b3\d pages stored \(3\d articles/);
    r = await run(['ingest', '--allow-private', '--data-dir', data, feed]);
    assert.match(r.out, / 0 pages stored/, 'nothing stored twice');
    r = await run(['stats', '--data-dir', data]);
    assert.match(r.out, /articles: +3\d/);
    r = await run(['reprocess', '--data-dir', data]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /reprocessed 3\d pages \(3\d articles\)/);
  });

  test('ingest a directory of saved pages and a WARC archive', async () => {
    const data = join(dir, 'files');
    const pages = join(dir, 'saved');
    mkdirSync(pages);
    const site = demo.sites.find((s) => s.id === 'khadra')!;
    const feedXml = await (await fetch(site.feedUrl)).text();
    const links = [...feedXml.matchAll(/<link>([^<]+)<\/link>/g)]
      .map((m) => m[1])
      .filter((u) => u !== `${site.baseUrl}/`)
      .slice(0, 4);
    assert.ok(links.length >= 3);
    const bodies = await Promise.all(
      links.map(async (u) => new Uint8Array(await (await fetch(u)).arrayBuffer())),
    );
    for (const [i, b] of bodies.slice(0, 2).entries()) writeFileSync(join(pages, `page-${i}.html`), b);
    writeFileSync(join(pages, 'notes.bin'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]));
    // A WARC with the other pages as response records (and a request record, skipped).
    const records: Uint8Array[] = [];
    for (let i = 2; i < links.length; i++) {
      const http = `HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n`;
      async function* payload() {
        yield new TextEncoder().encode(http);
        yield bodies[i];
      }
      const rec = await WARCRecord.create({ url: links[i], type: 'response' }, payload());
      records.push(await WARCSerializer.serialize(rec, { gzip: false }));
      const req = await WARCRecord.create({ url: links[i], type: 'request' }, (async function* () {})());
      records.push(await WARCSerializer.serialize(req, { gzip: false }));
    }
    const warc = join(dir, 'crawl.warc');
    writeFileSync(warc, Buffer.concat(records));
    const r = await run(['ingest', '--data-dir', data, pages, warc]);
    assert.equal(r.code, 0, r.err + r.out);
    assert.match(r.out, new RegExp(`${links.length} pages stored \\(${links.length} articles`));
  });

  test('run --once checks due sources with a conditional GET; an unchanged feed costs one 304', async () => {
    const data = join(dir, 'run');
    const feed = demo.sites.find((x) => x.id === 'nawafed')!.feedUrl;
    await run(['sources', 'add', feed, '--allow-private', '--every', '5', '--data-dir', data]);
    let r = await run(['run', '--once', '--data-dir', data]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /stored 3\d pages/);
    const store = await openStore(data);
    const src = (await store.getSource(feed))!;
    assert.ok(src.etag, 'the feed validator is kept');
    assert.equal(src.lastError, null);
    // Make it due again: the second check gets a 304 and stores nothing.
    await store.recordSourceCheck(src.id, {
      checkedAt: src.lastCheckedAt!,
      nextCheckAt: '2000-01-01T00:00:00.000Z',
    });
    await store.close();
    r = await run(['run', '--once', '--data-dir', data], { MARSAD_LOG_LEVEL: 'info' });
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /source unchanged/);
    assert.match(r.out, /stored 0 pages/);
    r = await run(['run', '--once', '--data-dir', data]);
    assert.match(r.out, /stored 0 pages/, 'nothing due: nothing fetched');
  });

  test('clear errors: unknown command, bad option value, missing file', async () => {
    let r = await run(['frobnicate']);
    assert.equal(r.code, 2);
    assert.match(r.err, /unknown command "frobnicate"/);
    r = await run(['stats', '--workers', 'many', '--data-dir', join(dir, 'x')]);
    assert.equal(r.code, 2);
    assert.match(r.err, /--workers/);
    r = await run(['extract', join(dir, 'missing.html')]);
    assert.equal(r.code, 1);
    assert.match(r.out, /input\.not-found/);
    r = await run(['ingest', '--data-dir', join(dir, 'y'), join(dir, 'missing-dir')]);
    assert.match(r.err, /no such file or directory/);
  });
});
