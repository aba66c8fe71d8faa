// The demo's sample sites on a real local HTTP server: one port per site on 127.0.0.1, so each
// is its own host for the fetcher's politeness rules. Serves HEAD and GET with ETag validators
// (answering 304 to a conditional GET) and gzip when asked, like a real site.

import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { feedPath, loadContent } from './content.js';
import { renderSites, type SiteFile } from './sites.js';

/** Default first port: sites take consecutive ports from here (0 = any free ports, for tests). */
export const DEMO_BASE_PORT = 47801;

export interface DemoSite {
  id: string;
  name: string;
  baseUrl: string;
  feedUrl: string;
  pages: number;
}

export interface DemoServer {
  sites: DemoSite[];
  /** Requests served so far, by site id. */
  requests: Map<string, number>;
  close(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function etagOf(f: SiteFile): string {
  return `"${createHash('sha1').update(f.body).digest('base64url').slice(0, 16)}"`;
}

/**
 * Start the sample sites.
 * @example const demo = await startDemoServer(); demo.sites[0].feedUrl // 'http://127.0.0.1:47801/feed/'
 */
export async function startDemoServer(opts: { basePort?: number; host?: string } = {}): Promise<DemoServer> {
  const host = opts.host ?? '127.0.0.1';
  const basePort = opts.basePort ?? DEMO_BASE_PORT;
  const content = loadContent();
  const servers: Server[] = [];
  const ports: number[] = [];
  const files = new Map<string, Map<string, SiteFile>>();
  const requests = new Map<string, number>();
  try {
    for (let i = 0; i < content.outlets.length; i++) {
      const id = content.outlets[i].id;
      const server = createServer((req, res) => {
        requests.set(id, (requests.get(id) ?? 0) + 1);
        const site = files.get(id);
        const f = site?.get(req.url ?? '/') ?? site?.get(decodeURI(req.url ?? '/'));
        if (req.method !== 'GET' && req.method !== 'HEAD') {
          res.writeHead(405, { allow: 'GET, HEAD' }).end();
          return;
        }
        if (!f) {
          res
            .writeHead(404, { 'content-type': 'text/html; charset=utf-8' })
            .end('<h1>404 — الصفحة غير موجودة</h1>');
          return;
        }
        const etag = etagOf(f);
        if (req.headers['if-none-match'] === etag) {
          res.writeHead(304, { etag }).end();
          return;
        }
        const gzip =
          /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) &&
          /text|xml|json/.test(f.contentType);
        const body = gzip ? gzipSync(f.body) : f.body;
        res.writeHead(200, {
          'content-type': f.contentType,
          'content-length': body.length,
          etag,
          ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
        });
        res.end(req.method === 'HEAD' ? undefined : body);
      });
      servers.push(server);
      ports.push(await listen(server, basePort === 0 ? 0 : basePort + i, host));
    }
  } catch (err) {
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EADDRINUSE') {
      throw new Error(
        `demo: port ${e.message.match(/:(\d+)/)?.[1] ?? basePort} is in use; is another demo running? Stop it, or pick other ports with --demo-port`,
      );
    }
    throw err;
  }
  const baseUrls: Record<string, string> = {};
  content.outlets.forEach((o, i) => {
    baseUrls[o.id] = `http://${host}:${ports[i]}`;
  });
  for (const [id, site] of renderSites(baseUrls)) files.set(id, site);
  return {
    sites: content.outlets.map((o) => ({
      id: o.id,
      name: o.name,
      baseUrl: baseUrls[o.id],
      feedUrl: baseUrls[o.id] + feedPath(o),
      pages: (content.byOutlet.get(o.id) ?? []).length,
    })),
    requests,
    close: async () => {
      await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    },
  };
}
