// A modern news site theme (sada, nawafed): JSON-LD NewsArticle and breadcrumbs, Open Graph
// and Twitter tags, lazy images with a blank placeholder, a cookie banner, a ticker, a share
// bar, "اقرأ أيضاً" teasers between paragraphs (nawafed), comments, a "الأكثر قراءة" sidebar,
// newsletter and ad slots. nawafed prints every visible number in Arabic-Indic digits.

import { type DemoArticle, sectionPath } from '../content.js';
import {
  arabicDate,
  clock,
  DEMO_NOW,
  datePathParts,
  esc,
  excerpt,
  relativeAgo,
  toArabicIndic,
} from '../format.js';
import {
  absolute,
  BLANK_GIF,
  bodyParts,
  bylineText,
  commentCount,
  commentsFor,
  type Listing,
  latest,
  mostRead,
  relatedTo,
  type SiteContext,
  type SiteTemplate,
  sectionName,
  viewCount,
} from './common.js';

const CSS = `*{box-sizing:border-box}body{margin:0;font-family:"Noto Naskh Arabic","Segoe UI",Tahoma,sans-serif;color:#1d1d1f;background:#fafafa}
.site-header{background:#0d2b45;color:#fff}.site-header a{color:#fff;text-decoration:none}.main-nav ul{display:flex;gap:20px;list-style:none;margin:0;padding:10px 24px}
.ticker{background:#e63946;color:#fff;padding:6px 24px;display:flex;gap:12px;overflow:hidden;white-space:nowrap}.ticker a{color:#fff}
.container{max-width:1200px;margin:0 auto;padding:24px}.grid{display:grid;grid-template-columns:3fr 1fr;gap:32px}
.article-title{font-size:34px;line-height:1.4}.article-meta{color:#666;font-size:14px;display:flex;gap:16px}.article-body p{font-size:19px;line-height:2}
.read-also{border-right:4px solid #e63946;background:#fff3f3;padding:8px 12px;margin:16px 0}.lead-image img{width:100%;height:auto}
.share-bar{display:flex;gap:8px}.cookie-banner{position:fixed;bottom:0;left:0;right:0;background:#222;color:#fff;padding:12px}
.card{background:#fff;border-radius:8px;padding:12px}.site-footer{background:#0d2b45;color:#cfd8e3;padding:24px;margin-top:40px}`;

/** Visible text on this site: nawafed prints digits the Arabic-Indic way. */
function show(ctx: SiteContext, text: string): string {
  return ctx.outlet.digits === 'arabic-indic' ? toArabicIndic(text) : text;
}

function documentTitle(ctx: SiteContext, title: string): string {
  // sada: "Headline | صدى بيروت"; nawafed puts its name first: "نوافذ الرافدين | Headline".
  return ctx.outlet.urlStyle === 'section-dated'
    ? `${title} | ${ctx.outlet.name}`
    : `${ctx.outlet.name} | ${title}`;
}

function dateLine(ctx: SiteContext, iso: string): string {
  return show(ctx, `${arabicDate(iso, ctx.outlet.months)} | ${clock(iso)}`);
}

function head(
  ctx: SiteContext,
  title: string,
  canonical: string,
  description: string,
  extra: string,
): string {
  const o = ctx.outlet;
  const feedType = o.feed === 'atom' ? 'application/atom+xml' : 'application/feed+json';
  return `<!doctype html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<meta name="description" content="${esc(description)}">
<link rel="canonical" href="${esc(absolute(ctx, canonical))}">
<link rel="alternate" type="${feedType}" title="${esc(o.name)}" href="${esc(absolute(ctx, ctx.feedPath))}">
<link rel="stylesheet" href="${template.stylesheetPath(ctx)}">
<link rel="icon" href="/static/logo.svg">
<meta name="theme-color" content="#0d2b45">
${extra}</head>`;
}

function header(ctx: SiteContext): string {
  const o = ctx.outlet;
  const nav = o.sections.map((s) => `<li><a href="${sectionPath(o, s.id)}">${esc(s.name)}</a></li>`).join('');
  const ticker = latest(ctx, 6)
    .map((a) => `<li><a href="${esc(a.path)}">${esc(a.title)}</a></li>`)
    .join('');
  return `<div class="cookie-banner" id="cookie-banner" role="dialog">نستخدم ملفات تعريف الارتباط لتحسين تجربتك على الموقع. بمتابعتك التصفح فإنك توافق على سياسة الخصوصية. <button type="button">موافق</button></div>
<header class="site-header">
<div class="header-top"><span class="today">${esc(show(ctx, arabicDate(DEMO_NOW, o.months)))}</span>
<ul class="social"><li><a href="#" aria-label="فيسبوك">f</a></li><li><a href="#" aria-label="إكس">x</a></li><li><a href="#" aria-label="إنستغرام">ig</a></li><li><a href="#" aria-label="يوتيوب">yt</a></li></ul>
<a class="subscribe" href="#newsletter">اشترك</a></div>
<a class="logo" href="/"><img src="/static/logo.svg" alt="${esc(o.name)}" width="180" height="48"></a>
<nav class="main-nav" aria-label="الأقسام"><ul><li><a href="/">الرئيسية</a></li>${nav}</ul></nav>
</header>
<div class="ticker" role="marquee"><strong>عاجل</strong><ul>${ticker}</ul></div>`;
}

function sidebar(ctx: SiteContext): string {
  const popular = mostRead(ctx, 6)
    .map(
      (a, i) =>
        `<li><span class="rank">${show(ctx, String(i + 1))}</span><a href="${esc(a.path)}">${esc(a.title)}</a></li>`,
    )
    .join('\n');
  return `<aside class="sidebar">
<section class="most-read card"><h3>الأكثر قراءة</h3><ol>
${popular}
</ol></section>
<div class="ad-slot" data-slot="sidebar-300x250"><span class="ad-label">إعلان</span></div>
<section class="newsletter card" id="newsletter"><h3>النشرة البريدية</h3><p>أهم الأخبار في بريدك كل صباح.</p><form action="#" method="post"><input type="email" name="email" placeholder="بريدك الإلكتروني"><button type="submit">اشترك</button></form></section>
</aside>`;
}

function footer(ctx: SiteContext): string {
  const o = ctx.outlet;
  return `<footer class="site-footer">
<div class="footer-links"><a href="/">الرئيسية</a>${o.sections.map((s) => ` · <a href="${sectionPath(o, s.id)}">${esc(s.name)}</a>`).join('')} · <a href="${ctx.feedPath}">${o.feed === 'atom' ? 'Atom' : 'JSON Feed'}</a></div>
<p class="about">${esc(o.name)}: ${esc(o.description)}.</p>
<p class="copyright">${esc(show(ctx, `© ${o.founded}–2026 ${o.name}. جميع الحقوق محفوظة.`))}</p>
</footer>
<script>document.querySelectorAll('img[data-src]').forEach(function(i){i.src=i.dataset.src;});</script>
</body>
</html>`;
}

function jsonLd(ctx: SiteContext, a: DemoArticle): string {
  const o = ctx.outlet;
  const image = template.imagePath(ctx, a);
  const article: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': absolute(ctx, a.path) },
    headline: a.title,
    description: excerpt(a.paragraphs[0], 30),
    image: image ? [absolute(ctx, image)] : undefined,
    datePublished: a.published,
    dateModified: a.modified ?? a.published,
    author: a.author ? [{ '@type': 'Person', name: a.author }] : { '@type': 'Organization', name: o.name },
    publisher: {
      '@type': 'NewsMediaOrganization',
      name: o.name,
      logo: { '@type': 'ImageObject', url: absolute(ctx, '/static/logo.svg') },
    },
    articleSection: sectionName(o, a.section),
    inLanguage: 'ar',
  };
  // nawafed's CMS also puts the whole text in the JSON-LD.
  if (o.digits === 'arabic-indic') article.articleBody = a.paragraphs.join('\n');
  const crumbs = {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: [
      { '@type': 'ListItem', position: 1, name: 'الرئيسية', item: absolute(ctx, '/') },
      {
        '@type': 'ListItem',
        position: 2,
        name: sectionName(o, a.section),
        item: absolute(ctx, sectionPath(o, a.section)),
      },
    ],
  };
  const safe = (x: unknown) => JSON.stringify(x).replace(/</g, '\\u003c');
  return `<script type="application/ld+json">${safe(article)}</script>
<script type="application/ld+json">${safe(crumbs)}</script>
`;
}

function metaTags(ctx: SiteContext, a: DemoArticle): string {
  const o = ctx.outlet;
  const image = template.imagePath(ctx, a);
  const description = excerpt(a.paragraphs[0], 30);
  return `<meta property="og:type" content="article">
<meta property="og:site_name" content="${esc(o.name)}">
<meta property="og:title" content="${esc(a.title)}">
<meta property="og:description" content="${esc(description)}">
<meta property="og:url" content="${esc(absolute(ctx, a.path))}">
${image ? `<meta property="og:image" content="${esc(absolute(ctx, image))}">\n` : ''}<meta property="og:locale" content="ar_AR">
<meta property="article:published_time" content="${a.published}">
${a.modified ? `<meta property="article:modified_time" content="${a.modified}">\n` : ''}<meta property="article:section" content="${esc(sectionName(o, a.section))}">
${a.author ? `<meta name="author" content="${esc(a.author)}">\n` : ''}<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:title" content="${esc(a.title)}">
${jsonLd(ctx, a)}`;
}

function articlePage(ctx: SiteContext, a: DemoArticle): string {
  const o = ctx.outlet;
  const image = template.imagePath(ctx, a);
  const related = relatedTo(ctx, a, 6);
  const teasers = related.slice(0, 2);
  const withTeasers = o.digits === 'arabic-indic';
  const body = bodyParts(a, {
    paragraph: (p, i) => {
      // nawafed: an "اقرأ أيضاً" teaser after the 2nd and 4th paragraphs, as its CMS inserts them.
      const teaser =
        withTeasers && (i === 1 || i === 3) && i < a.paragraphs.length - 1
          ? teasers[i === 1 ? 0 : 1]
          : undefined;
      const t = teaser
        ? `\n<div class="read-also"><span>اقرأ أيضاً:</span> <a href="${esc(teaser.path)}">${esc(teaser.title)}</a></div>`
        : '';
      return `<p>${esc(p)}</p>${t}`;
    },
    subheading: (t) => `<h2 class="subheading">${esc(t)}</h2>`,
    quote: (t, cite) =>
      `<blockquote class="pull-quote"><p>${esc(t)}</p>${cite ? `<footer>— ${esc(cite)}</footer>` : ''}</blockquote>`,
  });
  if (a.credit && a.creditStyle === 'source-line')
    body.push(`<p class="source">المصدر: ${esc(a.credit)}</p>`);
  const byline = bylineText(o, a);
  const n = commentCount(a);
  const comments = commentsFor(a, n)
    .map(
      (c) =>
        `<div class="comment"><div class="comment-author">${esc(c.name)}</div><div class="comment-time">${c.ago}</div><p class="comment-text">${esc(c.text)}</p><button class="like">أعجبني</button></div>`,
    )
    .join('\n');
  return `${head(ctx, documentTitle(ctx, a.title), a.path, excerpt(a.paragraphs[0], 30), metaTags(ctx, a))}
<body class="page-article section-${a.section}">
${header(ctx)}
<main class="container"><div class="grid">
<article class="article" id="article-${a.number}">
<nav class="breadcrumb" aria-label="مسار التنقل"><a href="/">الرئيسية</a> › <a href="${sectionPath(o, a.section)}">${esc(sectionName(o, a.section))}</a></nav>
<h1 class="article-title">${esc(a.title)}</h1>
<div class="article-meta">${byline ? `<span class="author">${esc(byline)}</span>` : ''}
<time class="published" datetime="${a.published}">${esc(dateLine(ctx, a.published))}</time>
${a.modified ? `<span class="updated">آخر تحديث: <time datetime="${a.modified}">${esc(show(ctx, relativeAgo(a.modified)))}</time></span>` : ''}
<span class="views">${esc(show(ctx, `${viewCount(a)} مشاهدة`))}</span></div>
<div class="share-bar" aria-label="مشاركة"><span>شارك:</span><a href="#" class="fb">فيسبوك</a><a href="#" class="x">إكس</a><a href="#" class="wa">واتساب</a><a href="#" class="tg">تلغرام</a><button type="button" class="copy-link">نسخ الرابط</button></div>
${image ? `<figure class="lead-image"><img class="lazyload" src="${BLANK_GIF}" data-src="${image}" loading="lazy" alt="${esc(a.caption ?? a.title)}" width="780" height="440"><noscript><img src="${image}" alt=""></noscript>${a.caption ? `<figcaption>${esc(a.caption)}</figcaption>` : ''}</figure>` : ''}
<div class="article-body">
${body.join('\n')}
</div>
${a.tags.length ? `<div class="tags"><span>الكلمات المفتاحية:</span> ${a.tags.map((t) => `<a href="${sectionPath(o, a.section)}">${esc(t)}</a>`).join(' ')}</div>` : ''}
<div class="share-bar bottom"><span>شارك المقال</span><a href="#" class="fb">فيسبوك</a><a href="#" class="x">إكس</a><a href="#" class="wa">واتساب</a></div>
<section class="comments" id="comments"><h3>${esc(show(ctx, `التعليقات (${n})`))}</h3>
${comments}
<form class="comment-form" action="#" method="post"><textarea name="comment" placeholder="أضف تعليقك"></textarea><input name="name" placeholder="الاسم"><button type="submit">نشر</button></form>
<p class="comment-policy">التعليقات المنشورة لا تعبر بالضرورة عن رأي ${esc(o.name)}.</p></section>
</article>
${sidebar(ctx)}
</div>
<section class="related"><h3>قد يهمك أيضاً</h3><div class="cards">
${related
  .map(
    (r) =>
      `<a class="card" href="${esc(r.path)}"><span class="card-section">${esc(sectionName(o, r.section))}</span><span class="card-title">${esc(r.title)}</span><time>${esc(show(ctx, relativeAgo(r.published)))}</time></a>`,
  )
  .join('\n')}
</div></section>
</main>
${footer(ctx)}`;
}

function listingPage(ctx: SiteContext, listing: Listing): string {
  const o = ctx.outlet;
  const title = listing.heading ? documentTitle(ctx, listing.heading) : `${o.name} | ${o.tagline}`;
  const [first, ...rest] = listing.articles;
  const card = (a: DemoArticle, big: boolean) => {
    const image = template.imagePath(ctx, a);
    return `<article class="card${big ? ' featured' : ''}">${image ? `<a href="${esc(a.path)}"><img class="lazyload" src="${BLANK_GIF}" data-src="${image}" loading="lazy" alt=""></a>` : ''}
<span class="card-section"><a href="${sectionPath(o, a.section)}">${esc(sectionName(o, a.section))}</a></span>
<h${big ? 2 : 3}><a href="${esc(a.path)}">${esc(a.title)}</a></h${big ? 2 : 3}>
${big ? `<p>${esc(excerpt(a.paragraphs[0], 35))}</p>` : ''}<time datetime="${a.published}">${esc(show(ctx, relativeAgo(a.published)))}</time></article>`;
  };
  return `${head(ctx, title, listing.path, o.description, `<meta property="og:site_name" content="${esc(o.name)}">\n<meta property="og:type" content="website">\n`)}
<body class="page-${listing.kind}">
${header(ctx)}
<main class="container"><div class="grid"><div class="listing">
${listing.heading ? `<h1 class="section-title">${esc(listing.heading)}</h1>` : '<h2 class="section-title">آخر الأخبار</h2>'}
${first ? card(first, true) : ''}
<div class="cards">
${rest.map((a) => card(a, false)).join('\n')}
</div></div>
${sidebar(ctx)}
</div></main>
${footer(ctx)}`;
}

export const template: SiteTemplate = {
  article: articlePage,
  listing: listingPage,
  imagePath: (_ctx, a) => {
    const { yyyy, mm } = datePathParts(a.published);
    return `/media/${yyyy}/${mm}/${a.slug}.svg`;
  },
  stylesheetPath: () => '/static/site.css',
  stylesheet: CSS,
};
