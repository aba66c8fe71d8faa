// Feeds and crawler files for the demo sites: RSS 2.0, Atom, JSON Feed 1.1, RSS 1.0 (RDF),
// a Google News sitemap behind a sitemap index, and robots.txt. Every article of a site is
// in its feed (the demo has no pagination), newest first.

import { authorsOf, type DemoArticle, sectionPath } from './content.js';
import { cdata, DEMO_NOW, datePathParts, escXml, excerpt, rfc822 } from './format.js';
import { absolute, type SiteContext, sectionName } from './templates/common.js';

export interface FeedFile {
  path: string;
  text: string;
  contentType: string;
}

function newest(ctx: SiteContext): string {
  return ctx.articles[0]?.published ?? DEMO_NOW;
}

function summary(a: DemoArticle): string {
  return excerpt(a.paragraphs[0], 35);
}

/** RSS 2.0, WordPress flavour (content:encoded, dc:creator) or plain (the aggregator). */
export function rss2(ctx: SiteContext): FeedFile {
  const o = ctx.outlet;
  const wordpress = o.template === 'wordpress';
  const items = ctx.articles
    .map((a) => {
      const link = absolute(ctx, a.path);
      const creator = a.author ?? (a.credit || o.name);
      const full = a.paragraphs.map((p) => `<p>${p}</p>`).join('\n');
      return `<item>
<title>${escXml(a.title)}</title>
<link>${escXml(link)}</link>
<pubDate>${rfc822(a.published)}</pubDate>
<dc:creator>${cdata(creator)}</dc:creator>
<category>${cdata(sectionName(o, a.section))}</category>
<guid isPermaLink="${wordpress ? 'false' : 'true'}">${escXml(wordpress ? absolute(ctx, `/?p=${a.number}`) : link)}</guid>
<description>${cdata(summary(a))}</description>
${wordpress ? `<content:encoded>${cdata(full)}</content:encoded>\n` : ''}</item>`;
    })
    .join('\n');
  const text = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">
<channel>
<title>${escXml(o.name)}</title>
<atom:link href="${escXml(absolute(ctx, ctx.feedPath))}" rel="self" type="application/rss+xml"/>
<link>${escXml(absolute(ctx, '/'))}</link>
<description>${escXml(o.tagline)}</description>
<lastBuildDate>${rfc822(newest(ctx))}</lastBuildDate>
<language>${o.kind === 'aggregator' ? 'en-US' : 'ar'}</language>
<sy:updatePeriod>hourly</sy:updatePeriod>
<sy:updateFrequency>1</sy:updateFrequency>
${wordpress ? '<generator>https://wordpress.org/?v=6.6.2</generator>\n' : ''}${items}
</channel>
</rss>
`;
  return { path: ctx.feedPath, text, contentType: 'application/rss+xml; charset=utf-8' };
}

/** Atom 1.0 with tag: ids. */
export function atom(ctx: SiteContext): FeedFile {
  const o = ctx.outlet;
  const entries = ctx.articles
    .map((a) => {
      const authors = authorsOf(a);
      const author = authors.length ? authors[0] : o.name;
      return `<entry>
<id>tag:${o.id}.example,2026:article-${a.number}-${a.slug}</id>
<title type="text">${escXml(a.title)}</title>
<link rel="alternate" type="text/html" href="${escXml(absolute(ctx, a.path))}"/>
<published>${a.published}</published>
<updated>${a.modified ?? a.published}</updated>
<author><name>${escXml(author)}</name></author>
<category term="${a.section}" label="${escXml(sectionName(o, a.section))}"/>
<summary type="text">${escXml(summary(a))}</summary>
</entry>`;
    })
    .join('\n');
  const text = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ar">
<id>tag:${o.id}.example,2026:feed</id>
<title>${escXml(o.name)}</title>
<subtitle>${escXml(o.tagline)}</subtitle>
<link rel="self" type="application/atom+xml" href="${escXml(absolute(ctx, ctx.feedPath))}"/>
<link rel="alternate" type="text/html" href="${escXml(absolute(ctx, '/'))}"/>
<updated>${newest(ctx)}</updated>
<rights>© ${o.founded}–2026 ${escXml(o.name)}</rights>
${entries}
</feed>
`;
  return { path: ctx.feedPath, text, contentType: 'application/atom+xml; charset=utf-8' };
}

/** JSON Feed 1.1. */
export function jsonFeed(ctx: SiteContext, imagePath: (a: DemoArticle) => string | null): FeedFile {
  const o = ctx.outlet;
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: o.name,
    home_page_url: absolute(ctx, '/'),
    feed_url: absolute(ctx, ctx.feedPath),
    description: o.tagline,
    language: 'ar',
    items: ctx.articles.map((a) => {
      const image = imagePath(a);
      return {
        id: String(a.number),
        url: absolute(ctx, a.path),
        title: a.title,
        summary: summary(a),
        ...(image ? { image: absolute(ctx, image) } : {}),
        date_published: a.published,
        ...(a.modified ? { date_modified: a.modified } : {}),
        authors: a.author ? [{ name: a.author }] : [{ name: o.name }],
        tags: [sectionName(o, a.section), ...a.tags],
      };
    }),
  };
  return {
    path: ctx.feedPath,
    text: `${JSON.stringify(feed, null, 2)}\n`,
    contentType: 'application/feed+json; charset=utf-8',
  };
}

/** RSS 1.0 (RDF), as old agency sites still serve it; declared windows-1256 when the site is. */
export function rdf(ctx: SiteContext): FeedFile {
  const o = ctx.outlet;
  const encoding = o.charset === 'windows-1256' ? 'windows-1256' : 'utf-8';
  const links = ctx.articles.map((a) => absolute(ctx, a.path));
  const items = ctx.articles
    .map(
      (a, i) => `<item rdf:about="${escXml(links[i])}">
<title>${escXml(a.title)}</title>
<link>${escXml(links[i])}</link>
<description>${escXml(summary(a))}</description>
<dc:date>${a.published}</dc:date>
<dc:subject>${escXml(sectionName(o, a.section))}</dc:subject>
<dc:publisher>${escXml(o.name)}</dc:publisher>
</item>`,
    )
    .join('\n');
  const text = `<?xml version="1.0" encoding="${encoding}"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="${escXml(absolute(ctx, ctx.feedPath))}">
<title>${escXml(o.name)}</title>
<link>${escXml(absolute(ctx, '/'))}</link>
<description>${escXml(o.tagline)}</description>
<dc:language>ar</dc:language>
<dc:date>${newest(ctx)}</dc:date>
<items>
<rdf:Seq>
${links.map((l) => `<rdf:li rdf:resource="${escXml(l)}"/>`).join('\n')}
</rdf:Seq>
</items>
</channel>
${items}
</rdf:RDF>
`;
  return { path: ctx.feedPath, text, contentType: `application/rdf+xml; charset=${encoding}` };
}

/** A sitemap index → one Google News sitemap per month + a plain sitemap of section pages. */
export function newsSitemaps(ctx: SiteContext): FeedFile[] {
  const o = ctx.outlet;
  const months = new Map<string, DemoArticle[]>();
  for (const a of ctx.articles) {
    const { yyyy, mm } = datePathParts(a.published);
    const key = `${yyyy}-${mm}`;
    months.set(key, [...(months.get(key) ?? []), a]);
  }
  const files: FeedFile[] = [];
  const xml = 'application/xml; charset=utf-8';
  for (const [month, articles] of months) {
    const urls = articles
      .map(
        (a) => `<url>
<loc>${escXml(absolute(ctx, a.path))}</loc>
<lastmod>${a.modified ?? a.published}</lastmod>
<news:news>
<news:publication><news:name>${escXml(o.name)}</news:name><news:language>ar</news:language></news:publication>
<news:publication_date>${a.published}</news:publication_date>
<news:title>${escXml(a.title)}</news:title>
</news:news>
</url>`,
      )
      .join('\n');
    files.push({
      path: `/sitemaps/news-${month}.xml`,
      contentType: xml,
      text: `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
${urls}
</urlset>
`,
    });
  }
  const sections = ['/', ...o.sections.map((s) => sectionPath(o, s.id))];
  files.push({
    path: '/sitemaps/sections.xml',
    contentType: xml,
    text: `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${sections.map((p) => `<url><loc>${escXml(absolute(ctx, p))}</loc><changefreq>hourly</changefreq></url>`).join('\n')}
</urlset>
`,
  });
  const lastmod = (path: string) => {
    const month = /news-(\d{4}-\d{2})/.exec(path)?.[1];
    return month ? months.get(month)![0].published : newest(ctx);
  };
  files.unshift({
    path: ctx.feedPath,
    contentType: xml,
    text: `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${files.map((f) => `<sitemap><loc>${escXml(absolute(ctx, f.path))}</loc><lastmod>${lastmod(f.path)}</lastmod></sitemap>`).join('\n')}
</sitemapindex>
`,
  });
  return files;
}

/**
 * robots.txt. The agency (fayhaa) keeps crawlers out of its print pages and admin and asks
 * for one second between requests; the others allow everything but their admin or search.
 */
export function robots(ctx: SiteContext): FeedFile {
  const o = ctx.outlet;
  const lines = ['User-agent: *'];
  if (o.template === 'table')
    lines.push('Crawl-delay: 0.5', 'Disallow: /print/', 'Disallow: /admin/', 'Disallow: /send.php');
  else if (o.template === 'wordpress') lines.push('Disallow: /wp-admin/', 'Allow: /wp-admin/admin-ajax.php');
  else if (o.template === 'aggregator')
    lines.push('Disallow: /search', '', 'User-agent: GPTBot', 'Disallow: /');
  else lines.push('Disallow: /search', 'Disallow: /api/');
  lines.push('');
  if (o.feed === 'news-sitemap') lines.push(`Sitemap: ${absolute(ctx, ctx.feedPath)}`);
  return { path: '/robots.txt', text: `${lines.join('\n')}\n`, contentType: 'text/plain; charset=utf-8' };
}
