// The demo sites scaled up for bench:ingest: every article page of the seven demo sites served
// many times over, each copy ("variant") with its own path and its own text, so the pipeline
// sees thousands of distinct articles on seven real loopback hosts.
//
// Variant k of the page at PATH lives at `/v<k>PATH` — a prefix works for every URL style of the
// demo (`/v3/?p=21057`, `/v3/ar/news/2026/11/184983.htm`, `/v3/2026/11/13/slug/` …). Its HTML is
// the original's with (1) the page's own absolute URL (canonical link, og:url, JSON-LD @id)
// pointed at the variant, else every variant would share one canonical URL and be dropped as a
// duplicate; and (2) about one in REPLACE_ONE_IN of the article's own words (those of its
// paragraphs, minus names, outlet words and byline cues) swapped, wherever they appear on the
// page, for a word from a fixed list chosen by a hash of (k, word). Keying on the word, not its
// position, keeps the page consistent (the headline in <title>, og:title and <h1> changes alike)
// and keeps syndicated copies copies: variant k of a copy and variant k of its original change
// the same words. No two variants of one article share a content hash, and near-duplicate
// detection sees them as different texts.
// windows-1256 pages are decoded and re-encoded, so the old agency site stays windows-1256.
//
// The server runs in a child process (forked from this module) so that its CPU does not count
// against the pipeline's event loop. Variant bodies are made per request and never cached: the
// child holds only the 225 rendered originals (~3 MB).

import { type ChildProcess, fork } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { ARABIC_WORD_G } from '../../src/arabic/index.js';
import { type DemoArticle, type DemoContent, loadContent, type Outlet } from '../../src/demo/content.js';
import { renderSites, type SiteFile } from '../../src/demo/sites.js';
import { REPO_ROOT } from './paths.js';

/** One replaceable word in this many is replaced (on average, by hash): 20 %, enough that
 * every variant's 3-word shingles differ from its siblings' (Jaccard well under the 0.7 copy
 * threshold) while the page still reads as prose to the extractor. */
export const REPLACE_ONE_IN = 5;

/**
 * Words never replaced even when an article's paragraphs use them: byline and credit cues
 * (src/extract/byline.ts reads them), so bylines and "المصدر:" lines are still recognised, and
 * month and weekday names, so printed dates still parse.
 */
const PROTECTED_WORDS = [
  'بقلم كتب كتبت كتبه كتبها الكاتب الكاتبة إعداد اعداد تحرير التحرير فريق هيئة المحرر حوار تقرير',
  'متابعة ترجمة مراسل مراسلة مراسلنا المصدر مصدر الخبر نقلا نقلاً عن وكالات خاص',
  'كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين الأول الثاني',
  'يناير فبراير مارس أبريل إبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر',
  'الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت',
].join(' ');

/**
 * Replacement words: plain nouns in the basic Arabic block, so windows-1256 can encode them,
 * without prefixes or diacritics, so they look like any other word to tokenisers.
 */
export const REPLACEMENT_WORDS = [
  'مدينة',
  'سوق',
  'نهر',
  'جبل',
  'قرية',
  'شارع',
  'مدرسة',
  'طريق',
  'بحر',
  'صحراء',
  'حديقة',
  'ميناء',
  'جسر',
  'مكتبة',
  'ساحة',
  'مصنع',
  'مزرعة',
  'وادي',
  'سهل',
  'غابة',
  'ضوء',
  'صوت',
  'كتاب',
  'قلم',
  'نافذة',
  'باب',
  'زيتون',
  'قمح',
  'نخيل',
  'ليمون',
  'رمان',
  'سماء',
  'غيمة',
  'مطر',
  'ريح',
  'شمس',
  'قمر',
  'نجمة',
  'حجر',
  'خبز',
] as const;

/** The sitemap each host serves, listing all its variant URLs. */
export const BENCH_SITEMAP_PATH = '/bench-sitemap.xml';

/** One sitemap file may list at most this many URLs (sitemaps.org); the bench uses one per host. */
export const MAX_SITEMAP_URLS = 50_000;

/** robots.txt of every bench host: everything allowed, no Crawl-delay, the sitemap named. */
function benchRobots(baseUrl: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${baseUrl}${BENCH_SITEMAP_PATH}\n`;
}

/** Env var that turns this module, when forked, into the server child (its value: ServeOptions JSON). */
const CHILD_ENV = 'MARSAD_SCALED_DEMO_SERVE';
/** How long the parent waits for the child's servers to listen (tsx compiles on start). */
const CHILD_START_TIMEOUT_MS = 60_000;

export interface ServeOptions {
  /** Article pages in all, spread evenly over the 225 demo articles. */
  pages: number;
  /** gzip responses when the client accepts it (costs the server CPU; off by default). */
  gzip: boolean;
}

// ---------------------------------------------------------------------------------------------
// Plan: which variants exist

/** Variants of one original article page. */
export interface PlannedArticle {
  outletId: string;
  /** The original page's path (with its query string, if any). */
  path: string;
  /** Variants 1..variants exist. */
  variants: number;
}

/**
 * Spreads `pages` over the demo's articles, round-robin in content order: article j gets
 * ⌊pages / n⌋ variants, plus one for the first pages mod n articles.
 *
 * @example planVariants(450).every((a) => a.variants === 2) // 225 articles × 2
 */
export function planVariants(pages: number): PlannedArticle[] {
  const content = loadContent();
  const originals = content.outlets.flatMap((o) => (content.byOutlet.get(o.id) ?? []).map((a) => ({ o, a })));
  const n = originals.length;
  return originals.map(({ o, a }, j) => ({
    outletId: o.id,
    path: a.path,
    variants: Math.floor(pages / n) + (j < pages % n ? 1 : 0),
  }));
}

/** `/v<k>` + the original path. */
export function variantPath(k: number, path: string): string {
  return `/v${k}${path}`;
}

/** `/v12/?p=21057` → { k: 12, path: '/?p=21057' }; null for any other path. */
export function parseVariantPath(path: string): { k: number; path: string } | null {
  const m = /^\/v([1-9]\d*)(\/.*)$/.exec(path);
  return m ? { k: Number(m[1]), path: m[2] } : null;
}

// ---------------------------------------------------------------------------------------------
// Variant bodies

/** A 32-bit hash of (k, word): FNV-1a over the word's UTF-16 units, seeded by k, then
 * murmur3's finaliser — deterministic and well spread. */
function wordHash(k: number, word: string): number {
  let h = (0x811c9dc5 ^ Math.imul(k, 0x9e3779b1)) >>> 0;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function wordsOf(text: string | null | undefined): string[] {
  return text ? (text.match(ARABIC_WORD_G) ?? []) : [];
}

const protectedCache = new WeakMap<DemoContent, Set<string>>();

function protectedWordsOf(content: DemoContent): Set<string> {
  const cached = protectedCache.get(content);
  if (cached) return cached;
  const words = new Set(wordsOf(PROTECTED_WORDS));
  for (const o of content.outlets) {
    for (const t of [o.name, o.shortName, o.bylineCue, o.noAuthorLabel, ...o.sections.map((s) => s.name)])
      for (const w of wordsOf(t)) words.add(w);
  }
  for (const a of content.articles)
    for (const t of [a.author, a.credit]) for (const w of wordsOf(t)) words.add(w);
  protectedCache.set(content, words);
  return words;
}

/**
 * The words variants of `article` may replace: those of its paragraphs, quote, subheadings and
 * caption, minus PROTECTED_WORDS and every word of an outlet's names, sections, byline cue and
 * no-author label, and of any author or credited outlet (the byline and site-name heuristics
 * match those).
 */
export function replaceableWords(content: DemoContent, article: DemoArticle): Set<string> {
  const protectedWords = protectedWordsOf(content);
  const texts = [
    ...article.paragraphs,
    ...article.subheadings.map((s) => s.text),
    article.quoteBlock?.text,
    article.caption,
  ];
  const words = new Set<string>();
  for (const t of texts) for (const w of wordsOf(t)) if (!protectedWords.has(w)) words.add(w);
  return words;
}

/**
 * Variant k of an article page: its own URL pointed at the variant, and about one in
 * REPLACE_ONE_IN of the `replaceable` words replaced wherever they appear. `originalUrl` and
 * `variantUrl` are absolute.
 *
 * @example renderVariant(bytes, 'utf-8', 3, 'http://h/?p=1', 'http://h/v3/?p=1', replaceableWords(content, a))
 */
export function renderVariant(
  original: Uint8Array,
  charset: Outlet['charset'],
  k: number,
  originalUrl: string,
  variantUrl: string,
  replaceable: ReadonlySet<string>,
): Buffer {
  const cp1256 = charset === 'windows-1256';
  let html = cp1256
    ? iconv.decode(Buffer.from(original), 'windows-1256')
    : Buffer.from(original).toString('utf8');
  // The page's own URL, where it ends (a quote, tag or space follows): "/?p=2105" must not
  // rewrite "/?p=21057".
  html = html.replace(new RegExp(`${escapeRegExp(originalUrl)}(?=["'<\\s])`, 'g'), variantUrl);
  html = html.replace(ARABIC_WORD_G, (word) => {
    if (!replaceable.has(word)) return word;
    const h = wordHash(k, word);
    return h % REPLACE_ONE_IN === 0 ? REPLACEMENT_WORDS[(h >>> 8) % REPLACEMENT_WORDS.length] : word;
  });
  return cp1256 ? iconv.encode(html, 'windows-1256') : Buffer.from(html, 'utf8');
}

function sitemapXml(baseUrl: string, articles: PlannedArticle[]): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
  ];
  // Variant-major order (every article's v1, then every v2 …) so a partial crawl covers all pages.
  const most = Math.max(0, ...articles.map((a) => a.variants));
  for (let k = 1; k <= most; k++) {
    for (const a of articles) {
      if (k <= a.variants) lines.push(`<url><loc>${esc(baseUrl + variantPath(k, a.path))}</loc></url>`);
    }
  }
  lines.push('</urlset>', '');
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// The server (runs in the child)

/** What the child reports: its own CPU and what it served. */
export interface ServerStats {
  pid: number;
  cpuUserMs: number;
  cpuSystemMs: number;
  requests: number;
  variantPages: number;
  /** Uncompressed body bytes of variant pages served. */
  variantBytes: number;
  /** Bytes on the wire (after gzip when on). */
  wireBytes: number;
  notFound: number;
  maxRssMb: number;
}

export interface BenchSite {
  id: string;
  baseUrl: string;
  sitemapUrl: string;
  pages: number;
}

type ChildMessage = { type: 'ready'; sites: BenchSite[] } | { type: 'stats'; stats: ServerStats };

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

/** Starts the seven hosts in this process; used by the child. */
async function serveHere(opts: ServeOptions): Promise<{ sites: BenchSite[]; stats: () => ServerStats }> {
  const content = loadContent();
  const plan = planVariants(opts.pages);
  const stats = { requests: 0, variantPages: 0, variantBytes: 0, wireBytes: 0, notFound: 0 };
  const servers = content.outlets.map(() => createServer());
  const ports: number[] = [];
  for (const s of servers) ports.push(await listen(s));
  const baseUrls: Record<string, string> = {};
  content.outlets.forEach((o, i) => {
    baseUrls[o.id] = `http://127.0.0.1:${ports[i]}`;
  });
  const rendered = renderSites(baseUrls);

  const sites: BenchSite[] = content.outlets.map((outlet, i) => {
    const baseUrl = baseUrls[outlet.id];
    const files = rendered.get(outlet.id)!;
    const mine = plan.filter((a) => a.outletId === outlet.id);
    const variants = new Map(mine.map((a) => [a.path, a.variants]));
    const replaceable = new Map(
      (content.byOutlet.get(outlet.id) ?? []).map((a) => [a.path, replaceableWords(content, a)]),
    );
    const pages = mine.reduce((sum, a) => sum + a.variants, 0);
    if (pages > MAX_SITEMAP_URLS)
      throw new Error(
        `scaled demo: ${outlet.id} would list ${pages} URLs; one sitemap holds ${MAX_SITEMAP_URLS}`,
      );

    const send = (req: IncomingMessage, res: ServerResponse, body: Buffer, contentType: string) => {
      const gzip = opts.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      const wire = gzip ? gzipSync(body) : body;
      stats.wireBytes += wire.length;
      res.writeHead(200, {
        'content-type': contentType,
        'content-length': wire.length,
        ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
      });
      res.end(req.method === 'HEAD' ? undefined : wire);
    };

    servers[i].on('request', (req, res) => {
      stats.requests++;
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD' }).end();
        return;
      }
      const url = req.url ?? '/';
      if (url === '/robots.txt')
        return send(req, res, Buffer.from(benchRobots(baseUrl)), 'text/plain; charset=utf-8');
      if (url === BENCH_SITEMAP_PATH)
        return send(req, res, Buffer.from(sitemapXml(baseUrl, mine)), 'application/xml; charset=utf-8');
      const v = parseVariantPath(url);
      const original: SiteFile | undefined = v ? files.get(v.path) : files.get(url);
      if (v && original && v.k <= (variants.get(v.path) ?? 0)) {
        const body = renderVariant(
          original.body,
          outlet.charset,
          v.k,
          baseUrl + v.path,
          baseUrl + variantPath(v.k, v.path),
          replaceable.get(v.path) ?? new Set(),
        );
        stats.variantPages++;
        stats.variantBytes += body.length;
        return send(req, res, body, original.contentType);
      }
      // The original site's own files (home page, feeds, images) stay reachable for a look by hand.
      if (!v && original) return send(req, res, original.body, original.contentType);
      stats.notFound++;
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
    });
    return { id: outlet.id, baseUrl, sitemapUrl: baseUrl + BENCH_SITEMAP_PATH, pages };
  });

  return {
    sites,
    stats: () => {
      const cpu = process.cpuUsage();
      return {
        pid: process.pid,
        cpuUserMs: cpu.user / 1000,
        cpuSystemMs: cpu.system / 1000,
        ...stats,
        maxRssMb: (process.resourceUsage().maxRSS * 1024) / 1e6,
      };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The parent's handle on the child

export interface ScaledDemo {
  sites: BenchSite[];
  /** Where the server runs, for the report. */
  where: string;
  pid: number;
  stats(): Promise<ServerStats>;
  close(): Promise<void>;
}

/**
 * Forks the scaled demo server and waits until its seven hosts listen.
 *
 * @example const demo = await startScaledDemo({ pages: 2000, gzip: false }); demo.sites[0].sitemapUrl
 */
export async function startScaledDemo(opts: ServeOptions): Promise<ScaledDemo> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), [], {
    cwd: REPO_ROOT,
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, [CHILD_ENV]: JSON.stringify(opts) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <T extends ChildMessage['type']>(type: T, timeoutMs: number) =>
    new Promise<Extract<ChildMessage, { type: T }>>((resolve, reject) => {
      const timer = setTimeout(
        () => done(new Error(`scaled demo: no '${type}' from the server child`)),
        timeoutMs,
      );
      const onMessage = (m: ChildMessage) => {
        if (m.type === type) done(null, m as Extract<ChildMessage, { type: T }>);
      };
      const onExit = (code: number | null) =>
        done(new Error(`scaled demo: the server child exited (${code})`));
      const done = (err: Error | null, m?: Extract<ChildMessage, { type: T }>) => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        if (err) reject(err);
        else resolve(m!);
      };
      child.on('message', onMessage);
      child.on('exit', onExit);
    });
  let ready: Extract<ChildMessage, { type: 'ready' }>;
  try {
    ready = await next('ready', CHILD_START_TIMEOUT_MS);
  } catch (err) {
    child.kill();
    throw err;
  }
  return {
    sites: ready.sites,
    where: `child process (pid ${child.pid})`,
    pid: child.pid ?? 0,
    stats: async () => {
      const reply = next('stats', 10_000);
      child.send({ type: 'stats' });
      return (await reply).stats;
    },
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.send({ type: 'close' });
      await exited;
    },
  };
}

/** The child: serve until told to close, or until the parent goes away. */
async function runChild(raw: string): Promise<void> {
  const opts = JSON.parse(raw) as ServeOptions;
  const served = await serveHere(opts);
  process.on('message', (m: { type: string }) => {
    if (m.type === 'stats') process.send?.({ type: 'stats', stats: served.stats() } satisfies ChildMessage);
    if (m.type === 'close') process.exit(0);
  });
  process.on('disconnect', () => process.exit(0));
  process.send?.({ type: 'ready', sites: served.sites } satisfies ChildMessage);
}

const childOptions = process.env[CHILD_ENV];
if (childOptions && process.send) await runChild(childOptions);
