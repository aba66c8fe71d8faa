// The fetcher against real HTTP servers on 127.0.0.1. "Public" hosts are simulated with the
// fetcher's two seams: a fake resolver (made-up names → 127.0.0.1) and a guard decision that
// treats one made-up name as public while every other name and address gets the real guard.

import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import zlib from 'node:zlib';
import { classifyAddress, createFetcher, type Fetcher, type FetcherOptions } from './index.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

interface TestServer {
  origin: string;
  port: number;
  /** Paths requested, in order (robots.txt included). */
  hits: string[];
  server: Server;
}

const servers: Server[] = [];
const fetchers: Fetcher[] = [];
after(async () => {
  await Promise.all(fetchers.map((f) => f.close()));
  for (const s of servers) s.closeAllConnections();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

/** A server on 127.0.0.1:0 routing by path; unknown paths (robots.txt included) get 404. */
async function serve(routes: Record<string, Handler>): Promise<TestServer> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    hits.push(path);
    const route = routes[path] ?? routes['*'];
    if (route) return route(req, res);
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, port, hits, server };
}

function html(body = '<p>مرحبا</p>'): Handler {
  return (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
}

/** A fetcher for loopback tests: private addresses allowed, no politeness delay, quick backoff. */
function fetcher(options: FetcherOptions = {}): Fetcher {
  const f = createFetcher({ allowPrivate: true, perHostDelayMs: 0, retryBaseMs: 10, ...options });
  fetchers.push(f);
  return f;
}

/** Made-up names resolved to loopback; `public.test` counts as a public host, nothing else does. */
const fakeDns: FetcherOptions = {
  lookup: async (hostname) => {
    if (hostname === 'public.test' || hostname === 'sneaky.test')
      return [{ address: '127.0.0.1', family: 4 }];
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  },
  guard: (address, hostname) => (hostname === 'public.test' ? null : classifyAddress(address)),
};

test('loopback is refused without allowPrivate, before any connection', async () => {
  const s = await serve({ '/': html() });
  const f = fetcher({ allowPrivate: false });
  const byIp = await f.fetch(`${s.origin}/`);
  assert.equal(byIp.ok, false);
  assert.equal(!byIp.ok && byIp.error.code, 'fetch.forbidden-address');
  assert.match(
    !byIp.ok ? byIp.error.message : '',
    /127\.0\.0\.1 is a loopback address; add the source with --allow-private/,
  );
  // A name that resolves to loopback (the system resolver reads /etc/hosts: no traffic).
  const byName = await f.fetch(`http://localhost:${s.port}/`);
  assert.equal(!byName.ok && byName.error.code, 'fetch.forbidden-address');
  assert.match(
    !byName.ok ? byName.error.message : '',
    /localhost resolves to (127\.0\.0\.1|::1), a loopback address/,
  );
  assert.deepEqual(s.hits, []);
});

test('loopback is fetched with allowPrivate', async () => {
  const s = await serve({ '/': html('<p>ok</p>') });
  const r = await fetcher().fetch(`${s.origin}/`);
  assert.ok(r.ok, !r.ok ? r.error.message : '');
  assert.equal(r.value.status, 200);
  assert.equal(Buffer.from(r.value.body).toString(), '<p>ok</p>');
  assert.equal(r.value.contentType, 'text/html; charset=utf-8');
  assert.equal(r.value.finalUrl, `${s.origin}/`);
  assert.equal(r.value.notModified, false);
  assert.deepEqual(s.hits, ['/robots.txt', '/']);
});

test('a public host redirecting to a forbidden address is refused, by IP and by name', async () => {
  const inside = await serve({ '*': html('secret') });
  const outside = await serve({
    '/to-ip': (_req, res) => res.writeHead(302, { location: `http://127.0.0.1:${inside.port}/admin` }).end(),
    '/to-name': (_req, res) =>
      res.writeHead(301, { location: `http://sneaky.test:${inside.port}/admin` }).end(),
    '/fine': html('public page'),
  });
  const f = fetcher({ allowPrivate: false, ...fakeDns });
  const publicUrl = `http://public.test:${outside.port}`;

  const fine = await f.fetch(`${publicUrl}/fine`);
  assert.ok(fine.ok, !fine.ok ? fine.error.message : '');

  const toIp = await f.fetch(`${publicUrl}/to-ip`);
  assert.equal(!toIp.ok && toIp.error.code, 'fetch.forbidden-address');
  assert.match(
    !toIp.ok ? toIp.error.message : '',
    /redirected to http:\/\/127\.0\.0\.1:\d+\/admin: 127\.0\.0\.1 is a loopback/,
  );

  // The name is judged by the address the socket connects to (robots.txt is the first request there).
  const toName = await f.fetch(`${publicUrl}/to-name`);
  assert.equal(!toName.ok && toName.error.code, 'fetch.forbidden-address');
  assert.match(
    !toName.ok ? toName.error.message : '',
    /\/to-name redirected to http:\/\/sneaky\.test:\d+\/admin: sneaky\.test resolves to 127\.0\.0\.1, a loopback address/,
  );
  // Without robots.txt, the page request itself is refused at connect time.
  const direct = await f.fetch(`http://sneaky.test:${inside.port}/admin`, { respectRobots: false });
  assert.equal(!direct.ok && direct.error.code, 'fetch.forbidden-address');

  assert.deepEqual(inside.hits, []);
  assert.deepEqual(outside.hits, ['/robots.txt', '/fine', '/to-ip', '/to-name']);
});

test('URLs with other schemes or credentials are refused', async () => {
  const f = fetcher();
  const ftp = await f.fetch('ftp://example.com/file');
  assert.equal(!ftp.ok && ftp.error.code, 'fetch.bad-url');
  const creds = await f.fetch('http://user:pw@127.0.0.1:9/');
  assert.equal(!creds.ok && creds.error.code, 'fetch.bad-url');
  assert.match(!creds.ok ? creds.error.message : '', /user name or password/);
  const junk = await f.fetch('not a url');
  assert.equal(!junk.ok && junk.error.code, 'fetch.bad-url');
});

test('redirect chains are followed up to maxRedirects (5)', async () => {
  const hop: Handler = (req, res) => {
    const n = Number(new URL(req.url!, 'http://x').searchParams.get('n'));
    if (n === 0) return html('end')(req, res);
    res.writeHead(n % 2 ? 302 : 301, { location: `/hop?n=${n - 1}` }).end();
  };
  const s = await serve({ '/hop': hop });
  const f = fetcher();
  const five = await f.fetch(`${s.origin}/hop?n=5`);
  assert.ok(five.ok, !five.ok ? five.error.message : '');
  assert.equal(five.value.finalUrl, `${s.origin}/hop?n=0`);
  assert.equal(five.value.url, `${s.origin}/hop?n=5`);
  assert.deepEqual(
    five.value.redirects,
    [5, 4, 3, 2, 1].map((n) => `${s.origin}/hop?n=${n}`),
  );
  const six = await f.fetch(`${s.origin}/hop?n=6`);
  assert.equal(!six.ok && six.error.code, 'fetch.too-many-redirects');
  const two = await f.fetch(`${s.origin}/hop?n=3`, { maxRedirects: 2 });
  assert.equal(!two.ok && two.error.code, 'fetch.too-many-redirects');
});

test('conditional GET: 304 with ETag and Last-Modified', async () => {
  const etag = '"v1"';
  const lastModified = 'Tue, 01 Apr 2025 10:00:00 GMT';
  const s = await serve({
    '/feed': (req, res) => {
      if (req.headers['if-none-match'] === etag && req.headers['if-modified-since'] === lastModified) {
        return res.writeHead(304, { etag }).end();
      }
      res
        .writeHead(200, { 'content-type': 'application/rss+xml', etag, 'last-modified': lastModified })
        .end('<rss/>');
    },
  });
  const f = fetcher();
  const first = await f.fetch(`${s.origin}/feed`, { accept: 'feed' });
  assert.ok(first.ok);
  assert.equal(first.value.etag, etag);
  assert.equal(first.value.lastModified, lastModified);
  const again = await f.fetch(`${s.origin}/feed`, {
    accept: 'feed',
    etag: first.value.etag,
    lastModified: first.value.lastModified,
  });
  assert.ok(again.ok, !again.ok ? again.error.message : '');
  assert.equal(again.value.status, 304);
  assert.equal(again.value.notModified, true);
  assert.equal(again.value.body.length, 0);
  assert.equal(again.value.etag, etag);
  assert.equal(again.value.lastModified, lastModified); // kept from the request
});

test('503 is retried, then succeeds', async () => {
  let calls = 0;
  const s = await serve({
    '/flaky': (req, res) => {
      if (++calls < 3) return res.writeHead(503).end('busy');
      html('finally')(req, res);
    },
  });
  const r = await fetcher().fetch(`${s.origin}/flaky`);
  assert.ok(r.ok, !r.ok ? r.error.message : '');
  assert.equal(calls, 3);
  const never = await serve({ '/down': (_req, res) => res.writeHead(500).end() });
  const down = await fetcher().fetch(`${never.origin}/down`, { retries: 2 });
  assert.equal(!down.ok && down.error.code, 'fetch.status');
  assert.equal(never.hits.filter((p) => p === '/down').length, 3);
});

test('429 with Retry-After is waited out', async () => {
  const starts: number[] = [];
  const s = await serve({
    '/busy': (req, res) => {
      starts.push(Date.now());
      if (starts.length === 1) return res.writeHead(429, { 'retry-after': '1' }).end();
      html()(req, res);
    },
    '/too-busy': (_req, res) => res.writeHead(429, { 'retry-after': '3600' }).end(),
  });
  const f = fetcher();
  const r = await f.fetch(`${s.origin}/busy`);
  assert.ok(r.ok, !r.ok ? r.error.message : '');
  const waited = starts[1] - starts[0];
  assert.ok(waited >= 950 && waited < 2500, `waited ${waited} ms`);
  // Beyond the 60 s cap: no wait, a clear error.
  const t0 = Date.now();
  const no = await f.fetch(`${s.origin}/too-busy`);
  assert.equal(!no.ok && no.error.code, 'fetch.status');
  assert.match(!no.ok ? no.error.message : '', /come back in 3600 s/);
  assert.ok(Date.now() - t0 < 1000);
});

test('a server that never answers times out (and the timeout is retried)', async () => {
  const s = await serve({ '/hang': () => {} });
  const t0 = Date.now();
  const r = await fetcher().fetch(`${s.origin}/hang`, {
    totalTimeoutMs: 200,
    retries: 1,
    respectRobots: false,
  });
  assert.equal(!r.ok && r.error.code, 'fetch.timeout');
  assert.match(!r.ok ? r.error.message : '', /did not answer in full within 200 ms/);
  assert.equal(s.hits.length, 2);
  assert.ok(Date.now() - t0 < 2000);
});

test('a huge streaming body is cut at maxBytes and the connection closed', async () => {
  const chunk = Buffer.alloc(64 * 1024, 'a');
  let written = 0;
  let closedEarly: () => void = () => {};
  const sawClose = new Promise<void>((resolve) => {
    closedEarly = resolve;
  });
  const s = await serve({
    '/huge': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.on('close', () => {
        if (!res.writableFinished) closedEarly();
      });
      const pump = () => {
        while (!res.destroyed && written < 500 * 1024 * 1024) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    },
  });
  const r = await fetcher().fetch(`${s.origin}/huge`, { maxBytes: 1024 * 1024, respectRobots: false });
  assert.equal(!r.ok && r.error.code, 'fetch.too-large');
  assert.match(!r.ok ? r.error.message : '', /larger than the 1 MB limit/);
  await Promise.race([
    sawClose,
    sleep(3000).then(() => assert.fail('the server never saw the connection close')),
  ]);
  assert.ok(written < 50 * 1024 * 1024, `server wrote ${written} bytes`);
});

test('a declared Content-Length over the cap is refused without reading', async () => {
  const s = await serve({
    '/big': (_req, res) =>
      res.writeHead(200, { 'content-length': String(5 * 1024 * 1024) }).end(Buffer.alloc(5 * 1024 * 1024)),
  });
  const r = await fetcher().fetch(`${s.origin}/big`, { maxBytes: 1024 * 1024, respectRobots: false });
  assert.equal(!r.ok && r.error.code, 'fetch.too-large');
});

test('gzip, deflate (zlib and raw) and br bodies are decompressed', async () => {
  const text = 'خبر عاجل: '.repeat(200);
  const encoded: Record<string, Buffer> = {
    gzip: zlib.gzipSync(text),
    deflate: zlib.deflateSync(text),
    'deflate-raw': zlib.deflateRawSync(text),
    br: zlib.brotliCompressSync(text),
  };
  const s = await serve({
    '*': (req, res) => {
      const name = req.url!.slice(1);
      const encoding = name === 'deflate-raw' ? 'deflate' : name;
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': encoding }).end(encoded[name]);
    },
  });
  const f = fetcher({ respectRobots: false });
  for (const name of Object.keys(encoded)) {
    const r = await f.fetch(`${s.origin}/${name}`);
    assert.ok(r.ok, !r.ok ? r.error.message : '');
    assert.equal(Buffer.from(r.value.body).toString('utf8'), text, name);
  }
  const bad = await serve({
    '*': (req, res) =>
      res.writeHead(200, { 'content-encoding': req.url!.slice(1) }).end('this is not compressed at all'),
  });
  for (const encoding of ['gzip', 'br', 'deflate']) {
    const corrupt = await f.fetch(`${bad.origin}/${encoding}`);
    assert.equal(!corrupt.ok && corrupt.error.code, 'fetch.encoding', encoding);
  }
  const unknown = await f.fetch(`${bad.origin}/zstd`);
  assert.equal(!unknown.ok && unknown.error.code, 'fetch.encoding');
  assert.match(!unknown.ok ? unknown.error.message : '', /"zstd", which Marsad cannot undo/);
});

test('a gzip bomb is capped on the decompressed size', async () => {
  const bomb = zlib.gzipSync(Buffer.alloc(20 * 1024 * 1024)); // ~20 KB on the wire
  const s = await serve({
    '/bomb': (_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(bomb),
  });
  const r = await fetcher().fetch(`${s.origin}/bomb`, { maxBytes: 1024 * 1024, respectRobots: false });
  assert.equal(!r.ok && r.error.code, 'fetch.too-large');
  assert.ok(bomb.length < 1024 * 1024);
});

test('a wrong Content-Type is refused for html and feeds', async () => {
  const s = await serve({
    '/pdf': (_req, res) => res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF'),
    '/rss': (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<rss/>'),
    '/bare': (_req, res) => res.end('<p>no type</p>'),
  });
  const f = fetcher({ respectRobots: false });
  const pdf = await f.fetch(`${s.origin}/pdf`, { accept: 'html' });
  assert.equal(!pdf.ok && pdf.error.code, 'fetch.content-type');
  assert.match(!pdf.ok ? pdf.error.message : '', /application\/pdf, not an HTML page/);
  assert.equal((await f.fetch(`${s.origin}/pdf`, { accept: 'feed' })).ok, false);
  assert.equal((await f.fetch(`${s.origin}/pdf`, { accept: 'any' })).ok, true);
  assert.equal((await f.fetch(`${s.origin}/rss`, { accept: 'feed' })).ok, true);
  assert.equal((await f.fetch(`${s.origin}/rss`, { accept: 'html' })).ok, false);
  assert.equal((await f.fetch(`${s.origin}/bare`, { accept: 'html' })).ok, true);
});

test('robots.txt: Disallow honoured for * and for our token; fetched once per origin', async () => {
  const robots = [
    'User-agent: *',
    'Disallow: /private',
    '',
    'User-agent: OtherBot',
    'Disallow: /',
    '',
    'Sitemap: https://example.com/sitemap.xml',
  ].join('\n');
  const s = await serve({
    '/robots.txt': (_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end(robots),
    '/public': html(),
    '/private/page': html(),
  });
  const f = fetcher({ contactUrl: 'https://example.org/marsad' });
  assert.equal((await f.fetch(`${s.origin}/public`)).ok, true);
  const no = await f.fetch(`${s.origin}/private/page`);
  assert.equal(!no.ok && no.error.code, 'fetch.robots');
  assert.match(!no.ok ? no.error.message : '', /robots\.txt disallows \/private\/page for Marsad/);
  const other = await f.fetch(`${s.origin}/public`, { userAgent: 'OtherBot/2.0' });
  assert.equal(!other.ok && other.error.code, 'fetch.robots');
  const verdict = await f.robots(`${s.origin}/public`);
  assert.ok(verdict.ok);
  assert.equal(verdict.value.allowed, true);
  assert.equal(verdict.value.status, 'parsed');
  assert.deepEqual(verdict.value.sitemaps, ['https://example.com/sitemap.xml']);
  assert.deepEqual(s.hits, ['/robots.txt', '/public']);
});

test('robots.txt larger than 512 KB: the first 512 KB are obeyed', async () => {
  const robots = `User-agent: *\nDisallow: /x\n${'# padding\n'.repeat(70_000)}Disallow: /y\n`;
  const s = await serve({
    '/robots.txt': (_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end(robots),
    '*': html(),
  });
  const f = fetcher({ maxBytes: 100 });
  const x = await f.fetch(`${s.origin}/x`);
  assert.equal(!x.ok && x.error.code, 'fetch.robots');
  const y = await f.fetch(`${s.origin}/y`);
  assert.ok(y.ok, !y.ok ? y.error.message : '');
});

test('robots.txt: 4xx allows everything, 5xx disallows for now', async () => {
  const gone = await serve({ '/robots.txt': (_req, res) => res.writeHead(410).end(), '/a': html() });
  const broken = await serve({ '/robots.txt': (_req, res) => res.writeHead(503).end(), '/a': html() });
  const f = fetcher();
  assert.equal((await f.fetch(`${gone.origin}/a`)).ok, true);
  const no = await f.fetch(`${broken.origin}/a`);
  assert.equal(!no.ok && no.error.code, 'fetch.robots');
  assert.match(!no.ok ? no.error.message : '', /could not be read .*HTTP 503/);
  assert.deepEqual(broken.hits, ['/robots.txt', '/robots.txt']); // one retry, and never the page
});

test('the User-Agent names Marsad, its version and the contact URL', async () => {
  let ua = '';
  const s = await serve({
    '/': (req, res) => {
      ua = req.headers['user-agent'] ?? '';
      html()(req, res);
    },
  });
  await fetcher({ contactUrl: 'https://example.org/marsad' }).fetch(`${s.origin}/`);
  assert.match(ua, /^Marsad\/\d+\.\d+\.\d+ \(\+https:\/\/example\.org\/marsad\)$/);
});

test('Crawl-delay spaces requests to the host', async () => {
  const starts: Record<string, number> = {};
  const s = await serve({
    '/robots.txt': (_req, res) => res.end('User-agent: *\nCrawl-delay: 1\n'),
    '*': (req, res) => {
      starts[req.url!] = Date.now();
      html()(req, res);
    },
  });
  const f = fetcher();
  const [a, b] = await Promise.all([f.fetch(`${s.origin}/a`), f.fetch(`${s.origin}/b`)]);
  assert.ok(a.ok && b.ok);
  const gap = Math.abs(starts['/b'] - starts['/a']);
  assert.ok(gap >= 950 && gap < 2000, `gap ${gap} ms`);
});

test('perHostDelayMs spaces request starts to one host', async () => {
  const starts: number[] = [];
  const s = await serve({
    '*': (req, res) => {
      starts.push(Date.now());
      html()(req, res);
    },
  });
  const f = fetcher({ perHostDelayMs: 150, respectRobots: false });
  await Promise.all([1, 2, 3].map((n) => f.fetch(`${s.origin}/${n}`)));
  // Measured where the requests arrive: the scheduler spaces starts by 150 ms; allow for the loopback's jitter.
  for (let i = 1; i < starts.length; i++) {
    assert.ok(starts[i] - starts[i - 1] >= 120, `gap ${starts[i] - starts[i - 1]} ms`);
  }
});

test('per-host and global concurrency are never exceeded', async () => {
  let inFlight = 0;
  let maxInFlight = 0;
  const perServerMax = [0, 0];
  const perServerNow = [0, 0];
  const slow =
    (i: number): Handler =>
    (req, res) => {
      inFlight++;
      perServerNow[i]++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      perServerMax[i] = Math.max(perServerMax[i], perServerNow[i]);
      setTimeout(() => {
        inFlight--;
        perServerNow[i]--;
        html()(req, res);
      }, 60);
    };
  const one = await serve({ '*': slow(0) });
  const two = await serve({ '*': slow(1) });
  const f = fetcher({ perHostConcurrency: 2, globalConcurrency: 3, respectRobots: false });
  const urls = [...Array(8)].flatMap((_, i) => [`${one.origin}/${i}`, `${two.origin}/${i}`]);
  const results = await Promise.all(urls.map((u) => f.fetch(u)));
  assert.ok(results.every((r) => r.ok));
  assert.deepEqual(perServerMax, [2, 2]);
  assert.equal(maxInFlight, 3);
});

test('close() ends waiting fetches with an error value', async () => {
  const s = await serve({ '/hang': () => {} });
  const f = createFetcher({ allowPrivate: true, respectRobots: false, perHostConcurrency: 1 });
  const pending = [f.fetch(`${s.origin}/hang`), f.fetch(`${s.origin}/hang`)];
  await sleep(50);
  await f.close();
  for (const r of await Promise.all(pending)) assert.equal(!r.ok && r.error.code, 'fetch.failed');
  const later = await f.fetch(`${s.origin}/hang`);
  assert.equal(!later.ok && later.error.code, 'fetch.failed');
});
