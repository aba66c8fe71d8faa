// The aggregator (planet): an English-chrome site that republishes other outlets' Arabic
// articles, gluing its own name to the headline ("headline - Planet Headline!", og:title too),
// opening the text with the original's "Outlet – (Author)" byline line and closing it with a
// "مقالات ذات صلة" list of its other posts. The page's lang says "en"; the post says "ar".

import type { DemoArticle } from '../content.js';
import { sectionPath } from '../content.js';
import { englishDate, esc, excerpt } from '../format.js';
import {
  absolute,
  bodyParts,
  bylineText,
  type Listing,
  latest,
  mostRead,
  relatedTo,
  type SiteContext,
  type SiteTemplate,
  sectionName,
} from './common.js';

const CSS = `body{font-family:Arial,Helvetica,sans-serif;margin:0;background:#111;color:#eee}a{color:#ffcc00}
.top{background:#000;padding:10px 20px;display:flex;justify-content:space-between}.menu a{margin:0 10px;text-transform:uppercase;font-weight:bold}
.layout{display:flex;gap:20px;max-width:1100px;margin:0 auto;padding:20px}.post{flex:3;background:#1c1c1c;padding:20px}
.post-content{direction:rtl;text-align:right;font-size:18px;line-height:1.8}.widgets{flex:1}.sponsored{border:1px dashed #555;padding:10px}`;

function withSuffix(ctx: SiteContext, title: string): string {
  return `${title} - ${ctx.outlet.name}`;
}

function page(ctx: SiteContext, title: string, canonical: string, extraHead: string, main: string): string {
  const o = ctx.outlet;
  const trending = mostRead(ctx, 6)
    .map((a) => `<li><a href="${esc(a.path)}">${esc(a.title)}</a></li>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${esc(title)}</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<link rel="canonical" href="${esc(absolute(ctx, canonical))}">
<link rel="alternate" type="application/rss+xml" title="${esc(o.name)} RSS" href="${esc(absolute(ctx, ctx.feedPath))}">
<link rel="stylesheet" href="/assets/planet.css">
<meta property="og:site_name" content="${esc(o.name)}">
${extraHead}<script async src="/assets/ads.js"></script>
</head>
<body>
<div class="top"><a class="brand" href="/">${esc(o.name)}</a><span class="slogan">${esc(o.tagline)}</span>
<nav class="menu"><a href="/">Home</a>${o.sections.map((s) => `<a href="${sectionPath(o, s.id)}">${esc(s.name)}</a>`).join('')}</nav></div>
<div class="breaking">BREAKING: ${latest(ctx, 3)
    .map((a) => `<a href="${esc(a.path)}">${esc(a.title)}</a>`)
    .join(' | ')}</div>
<div class="layout">
${main}
<aside class="widgets">
<div class="widget"><h4>Trending Now 🔥</h4><ol>
${trending}
</ol></div>
<div class="widget sponsored"><h4>Sponsored</h4><p>You won't believe what this new app can do! Click here to find out.</p></div>
<div class="widget"><h4>Subscribe</h4><form action="#"><input type="email" placeholder="Your email"><button>Go!</button></form></div>
</aside>
</div>
<footer class="bottom">Copyright © 2019-2026 ${esc(o.name)} | All rights reserved | Content belongs to their respective owners.</footer>
</body>
</html>`;
}

function articlePage(ctx: SiteContext, a: DemoArticle): string {
  const o = ctx.outlet;
  const image = template.imagePath(ctx, a);
  const title = withSuffix(ctx, a.title);
  const byline = bylineText(o, a);
  const body = bodyParts(a, {
    paragraph: (p) => `<p>${esc(p)}</p>`,
    subheading: (t) => `<h3>${esc(t)}</h3>`,
    quote: (t) => `<p>${esc(t)}</p>`,
  });
  if (a.credit && a.creditStyle === 'source-line') body.push(`<p>المصدر: ${esc(a.credit)}</p>`);
  const related = relatedTo(ctx, a, 6)
    .map((r) => `<p><a href="${esc(r.path)}">${esc(r.title)}</a></p>`)
    .join('\n');
  const extraHead = `<meta property="og:type" content="article">
<meta property="og:title" content="${esc(title)}">
<meta property="og:description" content="${esc(excerpt(a.paragraphs[0], 25))}">
<meta property="og:url" content="${esc(absolute(ctx, a.path))}">
${image ? `<meta property="og:image" content="${esc(absolute(ctx, image))}">\n` : ''}<meta property="article:published_time" content="${a.published}">
<meta name="twitter:card" content="summary_large_image">
`;
  const main = `<main class="post">
<div class="post-cat"><a href="${sectionPath(o, a.section)}">${esc(sectionName(o, a.section))}</a></div>
<h1 class="post-title" dir="rtl">${esc(a.title)}</h1>
<div class="post-meta">Posted by <span class="admin">admin</span> on <time datetime="${a.published}">${englishDate(a.published)}</time> · 0 Comments</div>
${image ? `<img class="featured" src="${image}" alt="" width="780" height="440">` : ''}
<div class="post-content" lang="ar" dir="rtl">
${byline ? `<p>${esc(byline)}</p>\n` : ''}${body.join('\n')}
<h3>مقالات ذات صلة</h3>
${related}
</div>
<div class="share">Share this: <a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">WhatsApp</a></div>
<div class="comments"><h4>Leave a Reply</h4><textarea></textarea><button>Post Comment</button></div>
</main>`;
  return page(ctx, title, a.path, extraHead, main);
}

function listingPage(ctx: SiteContext, listing: Listing): string {
  const o = ctx.outlet;
  const items = listing.articles
    .map(
      (
        a,
      ) => `<div class="teaser"><h2 dir="rtl"><a href="${esc(a.path)}">${esc(a.title)}</a></h2><span class="date">${englishDate(a.published)}</span>
<p dir="rtl">${esc(excerpt(a.paragraphs[0], 20))}</p><a class="read-more" href="${esc(a.path)}">Read more »</a></div>`,
    )
    .join('\n');
  const main = `<main class="post"><h1>${esc(listing.heading ?? 'Latest News')}</h1>
${items}
</main>`;
  const title = listing.heading ? `${listing.heading} - ${o.name}` : `${o.name} | ${o.tagline}`;
  return page(ctx, title, listing.path, '', main);
}

export const template: SiteTemplate = {
  article: articlePage,
  listing: listingPage,
  imagePath: (_ctx, a) => `/uploads/${a.number}.svg`,
  stylesheetPath: () => '/assets/planet.css',
  stylesheet: CSS,
};
