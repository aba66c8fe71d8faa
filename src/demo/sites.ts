// Renders every file of every demo site (home, section and archive pages, articles, feeds,
// robots.txt, stylesheets, placeholder images) from demo/content. A pure function of the
// base URLs: the server decides the ports, this module decides the bytes.

import iconv from 'iconv-lite';
import {
  type DemoArticle,
  type DemoContent,
  feedPath,
  loadContent,
  type Outlet,
  sectionPath,
} from './content.js';
import { atom, type FeedFile, jsonFeed, newsSitemaps, rdf, robots, rss2 } from './feeds.js';
import { template as aggregator } from './templates/aggregator.js';
import {
  BLANK_GIF,
  type Listing,
  placeholderSvg,
  type SiteContext,
  type SiteTemplate,
} from './templates/common.js';
import { template as modern } from './templates/modern.js';
import { template as portal } from './templates/portal.js';
import { template as table } from './templates/table.js';
import { archiveMonths, template as wordpress } from './templates/wordpress.js';

export interface SiteFile {
  body: Buffer;
  contentType: string;
}

/** outlet id → (path, with its query string if any → file). */
export type DemoSites = Map<string, Map<string, SiteFile>>;

const TEMPLATES: Record<Outlet['template'], SiteTemplate> = { wordpress, modern, table, portal, aggregator };

/** How many articles the home page lists. */
const HOME_ARTICLES = 24;

/**
 * Every file of every demo site, keyed by outlet id and then by path ("/", "/?p=21159",
 * "/feed/", "/robots.txt" …). `baseUrls` gives each outlet's origin, used for absolute links
 * in feeds, canonical links and sitemaps.
 *
 * @example
 *   const sites = renderSites({ minbar: 'http://127.0.0.1:4101', … });
 *   sites.get('minbar')!.get('/feed/')!.body // RSS 2.0 bytes
 */
export function renderSites(baseUrls: Record<string, string>): DemoSites {
  const content = loadContent();
  const out: DemoSites = new Map();
  for (const outlet of content.outlets) {
    const baseUrl = baseUrls[outlet.id];
    if (!baseUrl) throw new Error(`renderSites: no base URL for outlet ${outlet.id}`);
    out.set(outlet.id, renderSite(content, outlet, baseUrl.replace(/\/+$/, '')));
  }
  return out;
}

/** The demo's outlet ids, in content order (for the server to pick ports). */
export function demoOutletIds(): string[] {
  return loadContent().outlets.map((o) => o.id);
}

function renderSite(content: DemoContent, outlet: Outlet, baseUrl: string): Map<string, SiteFile> {
  const ctx: SiteContext = {
    outlet,
    baseUrl,
    content,
    articles: content.byOutlet.get(outlet.id) ?? [],
    feedPath: feedPath(outlet),
  };
  const t = TEMPLATES[outlet.template];
  const files = new Map<string, SiteFile>();
  const put = (path: string, body: Buffer, contentType: string) => {
    if (files.has(path)) throw new Error(`renderSites: ${outlet.id} renders ${path} twice`);
    files.set(path, { body, contentType });
  };
  const html = (path: string, text: string) => put(path, encodeHtml(outlet, text), htmlType(outlet));

  for (const listing of listingsOf(ctx)) html(listing.path, t.listing(ctx, listing));
  for (const a of ctx.articles) html(a.path, t.article(ctx, a));

  for (const f of feedsOf(ctx, t)) put(f.path, encodeText(f), f.contentType);
  const r = robots(ctx);
  put(r.path, Buffer.from(r.text, 'utf8'), r.contentType);
  put(t.stylesheetPath(ctx), Buffer.from(t.stylesheet, 'utf8'), 'text/css; charset=utf-8');
  for (const [path, file] of assetsOf(ctx, t)) put(path, file.body, file.contentType);
  return files;
}

function listingsOf(ctx: SiteContext): Listing[] {
  const o = ctx.outlet;
  const listings: Listing[] = [
    { path: '/', heading: null, articles: ctx.articles.slice(0, HOME_ARTICLES), kind: 'home' },
  ];
  for (const s of o.sections) {
    const articles = ctx.articles.filter((a) => a.section === s.id);
    if (articles.length > 0)
      listings.push({ path: sectionPath(o, s.id), heading: s.name, articles, kind: 'section' });
  }
  if (o.template === 'wordpress') {
    for (const m of archiveMonths(ctx)) {
      listings.push({
        path: m.path,
        heading: `الأرشيف الشهري: ${m.label}`,
        articles: m.articles,
        kind: 'archive',
      });
    }
  }
  return listings;
}

function feedsOf(ctx: SiteContext, t: SiteTemplate): FeedFile[] {
  switch (ctx.outlet.feed) {
    case 'rss2':
      return [rss2(ctx)];
    case 'atom':
      return [atom(ctx)];
    case 'jsonfeed':
      return [jsonFeed(ctx, (a: DemoArticle) => t.imagePath(ctx, a))];
    case 'rdf':
      return [rdf(ctx)];
    case 'news-sitemap':
      return newsSitemaps(ctx);
  }
}

function assetsOf(ctx: SiteContext, t: SiteTemplate): Map<string, SiteFile> {
  const assets = new Map<string, SiteFile>();
  const svg = (text: string): SiteFile => ({ body: Buffer.from(text, 'utf8'), contentType: 'image/svg+xml' });
  const gif: SiteFile = { body: Buffer.from(BLANK_GIF.split(',')[1], 'base64'), contentType: 'image/gif' };
  for (const a of ctx.articles) {
    const path = t.imagePath(ctx, a);
    if (path) assets.set(path, svg(placeholderSvg(ctx.outlet.nameLatin, a.id)));
  }
  switch (ctx.outlet.template) {
    case 'modern':
      assets.set('/static/logo.svg', svg(placeholderSvg(ctx.outlet.nameLatin, ctx.outlet.id)));
      break;
    case 'portal':
      assets.set('/assets/img/logo.svg', svg(placeholderSvg(ctx.outlet.nameLatin, ctx.outlet.id)));
      break;
    case 'table':
      assets.set('/images/logo.gif', gif);
      assets.set('/images/bullet.gif', gif);
      break;
    case 'aggregator':
      assets.set('/assets/ads.js', {
        body: Buffer.from('/* ad network stub for the demo */\n', 'utf8'),
        contentType: 'text/javascript; charset=utf-8',
      });
      break;
    case 'wordpress':
      break;
  }
  return assets;
}

function htmlType(outlet: Outlet): string {
  return `text/html; charset=${outlet.charset === 'windows-1256' ? 'windows-1256' : 'UTF-8'}`;
}

function encodeHtml(outlet: Outlet, text: string): Buffer {
  return outlet.charset === 'windows-1256' ? toWindows1256(text) : Buffer.from(text, 'utf8');
}

/** Feeds declare their charset in the Content-Type; the agency's RDF feed is windows-1256 too. */
function encodeText(f: FeedFile): Buffer {
  return f.contentType.includes('windows-1256') ? toWindows1256(f.text) : Buffer.from(f.text, 'utf8');
}

/**
 * Encode as windows-1256, refusing text the code page cannot hold (iconv-lite would put "?"
 * there silently): the demo's old site must decode back to exactly what was written.
 */
export function toWindows1256(text: string): Buffer {
  const bytes = iconv.encode(text, 'windows-1256');
  const back = iconv.decode(bytes, 'windows-1256');
  if (back !== text) {
    const i = [...back].findIndex((c, k) => c !== [...text][k]);
    const around = [...text].slice(Math.max(0, i - 20), i + 20).join('');
    throw new Error(`windows-1256 cannot encode the character near: …${around}…`);
  }
  return bytes;
}
