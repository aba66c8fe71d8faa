// A WordPress-like blog theme (minbar: /?p= links; khadra: pretty permalinks and Yoast-style
// meta tags): header, menu, breaking ticker, entry-header/entry-content, share buttons, tags,
// previous/next links, related posts, a comment form, widgets and a footer.

import { type DemoArticle, sectionPath } from '../content.js';
import { arabicDate, clock, DEMO_NOW, datePathParts, esc, excerpt, MONTHS } from '../format.js';
import {
  absolute,
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
} from './common.js';

const THEME_CSS = `body{font-family:Tahoma,Arial,sans-serif;margin:0;background:#f4f4f4;color:#222}
.site{max-width:1140px;margin:0 auto;background:#fff}.site-header{padding:12px 20px;border-bottom:3px solid #b71c1c}
.main-navigation ul{list-style:none;margin:0;padding:0;display:flex;gap:16px}.breaking-news{background:#b71c1c;color:#fff;padding:6px 20px}
.breaking-news a{color:#fff}.site-content{display:flex;gap:24px;padding:20px}.content-area{flex:3}.widget-area{flex:1}
.entry-title{font-size:28px}.entry-meta{color:#777;font-size:13px}.entry-content p{line-height:1.9}
.sharedaddy{border-top:1px solid #eee;margin-top:16px;padding-top:8px}.site-footer{background:#222;color:#bbb;padding:16px 20px}`;

function isPretty(ctx: SiteContext): boolean {
  return ctx.outlet.urlStyle === 'wp-pretty';
}

/** "Title – منبر الشام" (WordPress default) or "Title | الخضراء أونلاين" (Yoast). */
function documentTitle(ctx: SiteContext, title: string): string {
  return `${title} ${isPretty(ctx) ? '|' : '–'} ${ctx.outlet.name}`;
}

function head(ctx: SiteContext, title: string, canonical: string, extra: string): string {
  const o = ctx.outlet;
  return `<!DOCTYPE html>
<html dir="rtl" lang="ar">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<link rel="canonical" href="${esc(absolute(ctx, canonical))}">
<link rel="alternate" type="application/rss+xml" title="${esc(o.name)} &raquo; الخلاصة" href="${esc(absolute(ctx, ctx.feedPath))}">
<link rel="stylesheet" id="theme-style-css" href="${template.stylesheetPath(ctx)}" type="text/css" media="all">
<meta name="generator" content="WordPress 6.6.2">
${extra}<script>window._wpemojiSettings = {"baseUrl":"https://s.w.org/images/core/emoji/15.0.3/72x72/"};</script>
</head>`;
}

function header(ctx: SiteContext): string {
  const o = ctx.outlet;
  const menu = o.sections
    .map(
      (s) =>
        `<li class="menu-item menu-item-type-taxonomy"><a href="${sectionPath(o, s.id)}">${esc(s.name)}</a></li>`,
    )
    .join('\n');
  const ticker = latest(ctx, 5)
    .map((a) => `<li><a href="${esc(a.path)}">${esc(a.title)}</a></li>`)
    .join('');
  return `<div id="page" class="site">
<a class="skip-link screen-reader-text" href="#content">تخطي إلى المحتوى</a>
<div class="top-bar"><span class="today">${esc(arabicDate(DEMO_NOW, o.months))}</span>
<ul class="social-links"><li><a href="#" class="facebook">فيسبوك</a></li><li><a href="#" class="x">إكس</a></li><li><a href="#" class="telegram">تلغرام</a></li><li><a href="#" class="youtube">يوتيوب</a></li></ul></div>
<header id="masthead" class="site-header">
<div class="site-branding"><p class="site-title"><a href="/" rel="home">${esc(o.name)}</a></p>
<p class="site-description">${esc(o.tagline)}</p></div>
<nav id="site-navigation" class="main-navigation"><button class="menu-toggle" aria-controls="primary-menu" aria-expanded="false">القائمة</button>
<ul id="primary-menu" class="menu"><li class="menu-item menu-item-home"><a href="/">الرئيسية</a></li>
${menu}
</ul></nav>
</header>
<div class="breaking-news"><span class="breaking-title">عاجل</span><ul class="ticker">${ticker}</ul></div>
<div id="content" class="site-content">`;
}

function sidebar(ctx: SiteContext): string {
  const o = ctx.outlet;
  const popular = mostRead(ctx, 5)
    .map((a) => `<li><a href="${esc(a.path)}">${esc(a.title)}</a></li>`)
    .join('\n');
  const recent = latest(ctx, 5)
    .map(
      (a) =>
        `<li><a href="${esc(a.path)}">${esc(a.title)}</a> <span class="post-date">${esc(arabicDate(a.published, o.months, false))}</span></li>`,
    )
    .join('\n');
  const months = archiveMonths(ctx)
    .map((m) => `<li><a href="${m.path}">${esc(m.label)}</a></li>`)
    .join('');
  // Tunisian sites list the whole year in a drop-down, month names the Maghrebi way (جانفي، فيفري …).
  const dropdown = isPretty(ctx)
    ? `<select name="archive-dropdown" aria-label="الأرشيف"><option value="">اختر الشهر</option>${MONTHS[
        o.months
      ]
        .slice(0, 11)
        .map((name, i) => `<option value="/2026/${String(i + 1).padStart(2, '0')}/">${name} 2026</option>`)
        .reverse()
        .join('')}</select>`
    : `<ul>${months}</ul>`;
  return `<aside id="secondary" class="widget-area">
<section id="search-2" class="widget widget_search"><form role="search" method="get" class="search-form" action="/"><label><span class="screen-reader-text">البحث عن:</span><input type="search" class="search-field" placeholder="بحث &hellip;" name="s"></label><input type="submit" class="search-submit" value="بحث"></form></section>
<section id="popular-3" class="widget widget_popular_posts"><h2 class="widget-title">الأكثر قراءة</h2><ul>
${popular}
</ul></section>
<section id="recent-posts-2" class="widget widget_recent_entries"><h2 class="widget-title">أحدث المقالات</h2><ul>
${recent}
</ul></section>
<section id="archives-2" class="widget widget_archive"><h2 class="widget-title">الأرشيف</h2>${dropdown}</section>
<section id="text-4" class="widget widget_text"><h2 class="widget-title">تابعونا</h2><div class="textwidget"><p>اشترك في قناتنا على تلغرام لتصلك الأخبار العاجلة أولاً بأول.</p></div></section>
</aside>`;
}

function footer(ctx: SiteContext): string {
  const o = ctx.outlet;
  return `</div><!-- #content -->
<footer id="colophon" class="site-footer">
<nav class="footer-navigation"><ul><li><a href="/">الرئيسية</a></li>${o.sections.map((s) => `<li><a href="${sectionPath(o, s.id)}">${esc(s.name)}</a></li>`).join('')}</ul></nav>
<div class="site-info">© ${o.founded} - 2026 ${esc(o.name)}. جميع الحقوق محفوظة. <span class="sep"> | </span>يعمل بواسطة ووردبريس</div>
</footer>
</div><!-- #page -->
<script>document.documentElement.className += " js";</script>
</body>
</html>`;
}

/** The months that have posts, for the archive widget and the month pages. */
export function archiveMonths(ctx: SiteContext): { path: string; label: string; articles: DemoArticle[] }[] {
  const byMonth = new Map<string, DemoArticle[]>();
  for (const a of ctx.articles) {
    const { yyyy, mm } = datePathParts(a.published);
    const key = `/${yyyy}/${mm}/`;
    byMonth.set(key, [...(byMonth.get(key) ?? []), a]);
  }
  return [...byMonth.entries()].map(([path, articles]) => {
    const [, yyyy, mm] = path.split('/');
    return { path, label: `${MONTHS[ctx.outlet.months][Number(mm) - 1]} ${yyyy}`, articles };
  });
}

function yoast(ctx: SiteContext, a: DemoArticle): string {
  if (!isPretty(ctx)) return '';
  const o = ctx.outlet;
  const image = template.imagePath(ctx, a);
  return `<!-- This site is optimized with the Yoast SEO plugin v23.5 -->
<meta name="description" content="${esc(excerpt(a.paragraphs[0], 25))}">
<meta property="og:locale" content="ar_AR">
<meta property="og:type" content="article">
<meta property="og:title" content="${esc(a.title)}">
<meta property="og:description" content="${esc(excerpt(a.paragraphs[0], 25))}">
<meta property="og:url" content="${esc(absolute(ctx, a.path))}">
<meta property="og:site_name" content="${esc(o.name)}">
<meta property="article:published_time" content="${a.published}">
${a.modified ? `<meta property="article:modified_time" content="${a.modified}">\n` : ''}${image ? `<meta property="og:image" content="${esc(absolute(ctx, image))}">\n` : ''}<meta name="author" content="${esc(a.author ?? o.name)}">
<!-- / Yoast SEO plugin. -->
`;
}

function articlePage(ctx: SiteContext, a: DemoArticle): string {
  const o = ctx.outlet;
  const image = template.imagePath(ctx, a);
  const byline = bylineText(o, a);
  const body = bodyParts(a, {
    paragraph: (p) => `<p>${esc(p)}</p>`,
    subheading: (t) => `<h3>${esc(t)}</h3>`,
    quote: (t, cite) =>
      `<blockquote class="wp-block-quote"><p>${esc(t)}</p>${cite ? `<cite>${esc(cite)}</cite>` : ''}</blockquote>`,
  });
  if (a.credit && a.creditStyle === 'source-line')
    body.push(`<p><strong>المصدر: ${esc(a.credit)}</strong></p>`);
  const index = ctx.articles.indexOf(a);
  const newer = ctx.articles[index - 1];
  const older = ctx.articles[index + 1];
  const related = relatedTo(ctx, a, 4);
  const n = commentCount(a);
  const comments = commentsFor(a, n)
    .map(
      (
        c,
        i,
      ) => `<li id="comment-${a.number * 10 + i}" class="comment"><article class="comment-body"><footer class="comment-meta"><b class="fn">${esc(c.name)}</b> <span class="says">قال:</span> <time>${c.ago}</time></footer>
<div class="comment-content"><p>${esc(c.text)}</p></div><div class="reply"><a rel="nofollow" class="comment-reply-link" href="#respond">رد</a></div></article></li>`,
    )
    .join('\n');
  const tags = a.tags.map((t) => `<a href="${sectionPath(o, a.section)}" rel="tag">${esc(t)}</a>`).join('، ');
  return `${head(ctx, documentTitle(ctx, a.title), a.path, yoast(ctx, a))}
<body class="post-template-default single single-post postid-${a.number} single-format-standard">
${header(ctx)}
<div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-${a.number}" class="post-${a.number} post type-post status-publish format-standard has-post-thumbnail hentry category-${a.section}">
<header class="entry-header">
<span class="cat-links"><a href="${sectionPath(o, a.section)}" rel="category tag">${esc(sectionName(o, a.section))}</a></span>
<h1 class="entry-title">${esc(a.title)}</h1>
<div class="entry-meta"><span class="posted-on"><time class="entry-date published" datetime="${a.published}">${esc(arabicDate(a.published, o.months, false))}</time>${a.modified ? `<time class="updated" datetime="${a.modified}">${esc(arabicDate(a.modified, o.months, false))}</time>` : ''} <span class="post-time">${clock(a.published)}</span></span>${byline ? ` <span class="byline"><span class="author vcard">${esc(byline)}</span></span>` : ''} <span class="comments-link"><a href="#comments">${n} تعليقات</a></span></div>
</header>
${image ? `<div class="post-thumbnail"><img width="780" height="440" src="${image}" class="attachment-post-thumbnail size-post-thumbnail wp-post-image" alt="" decoding="async">${a.caption ? `<p class="wp-caption-text">${esc(a.caption)}</p>` : ''}</div>\n` : ''}<div class="entry-content">
${body.join('\n')}
<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social"><h3 class="sd-title">شارك هذا:</h3><div class="sd-content"><ul><li><a class="share-facebook" href="#">فيسبوك</a></li><li><a class="share-twitter" href="#">إكس</a></li><li><a class="share-jetpack-whatsapp" href="#">واتساب</a></li><li><a class="share-telegram" href="#">تلغرام</a></li><li><a class="share-print" href="#print">طباعة</a></li></ul></div></div></div>
</div><!-- .entry-content -->
<footer class="entry-footer">${tags ? `<span class="tags-links">الوسوم: ${tags}</span>` : ''}</footer>
</article>
<nav class="navigation post-navigation" aria-label="المقالات"><h2 class="screen-reader-text">تصفّح المقالات</h2><div class="nav-links">${older ? `<div class="nav-previous"><a href="${esc(older.path)}" rel="prev"><span class="meta-nav">السابق</span> ${esc(older.title)}</a></div>` : ''}${newer ? `<div class="nav-next"><a href="${esc(newer.path)}" rel="next"><span class="meta-nav">التالي</span> ${esc(newer.title)}</a></div>` : ''}</div></nav>
<div class="related-posts"><h3 class="related-title">مقالات ذات صلة</h3><ul>
${related.map((r) => `<li><a href="${esc(r.path)}">${esc(r.title)}</a></li>`).join('\n')}
</ul></div>
<div id="comments" class="comments-area">
${n > 0 ? `<h2 class="comments-title">${n} تعليقات على &ldquo;${esc(a.title)}&rdquo;</h2><ol class="comment-list">\n${comments}\n</ol>` : ''}
<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">اترك تعليقاً</h3>
<form action="/wp-comments-post.php" method="post" id="commentform" class="comment-form"><p class="comment-notes">لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ <span class="required">*</span></p>
<p class="comment-form-comment"><label for="comment">التعليق <span class="required">*</span></label><textarea id="comment" name="comment" cols="45" rows="8" required></textarea></p>
<p class="comment-form-author"><label for="author">الاسم <span class="required">*</span></label><input id="author" name="author" type="text" required></p>
<p class="comment-form-email"><label for="email">البريد الإلكتروني <span class="required">*</span></label><input id="email" name="email" type="email" required></p>
<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="إرسال التعليق"><input type="hidden" name="comment_post_ID" value="${a.number}"></p></form></div>
</div>
</main></div>
${sidebar(ctx)}
${footer(ctx)}`;
}

function listingPage(ctx: SiteContext, listing: Listing): string {
  const o = ctx.outlet;
  const title = listing.heading
    ? documentTitle(ctx, listing.heading)
    : `${o.name} ${isPretty(ctx) ? '|' : '–'} ${o.tagline}`;
  const bodyClass =
    listing.kind === 'home' ? 'home blog' : listing.kind === 'section' ? 'archive category' : 'archive date';
  const items = listing.articles
    .map((a) => {
      const image = template.imagePath(ctx, a);
      return `<article id="post-${a.number}" class="post-${a.number} post type-post status-publish hentry category-${a.section}">
${image ? `<div class="post-thumbnail"><a href="${esc(a.path)}"><img width="300" height="170" src="${image}" alt="" loading="lazy"></a></div>` : ''}
<header class="entry-header"><h2 class="entry-title"><a href="${esc(a.path)}" rel="bookmark">${esc(a.title)}</a></h2>
<div class="entry-meta"><time class="entry-date published" datetime="${a.published}">${esc(arabicDate(a.published, o.months, false))}</time></div></header>
<div class="entry-summary"><p>${esc(excerpt(a.paragraphs[0], 28))}</p></div>
<a class="more-link" href="${esc(a.path)}">أكمل القراءة</a>
</article>`;
    })
    .join('\n');
  return `${head(ctx, title, listing.path, '')}
<body class="${bodyClass}">
${header(ctx)}
<div id="primary" class="content-area"><main id="main" class="site-main">
${listing.heading ? `<header class="page-header"><h1 class="page-title">${esc(listing.heading)}</h1></header>` : ''}
${items}
</main></div>
${sidebar(ctx)}
${footer(ctx)}`;
}

export const template: SiteTemplate = {
  article: articlePage,
  listing: listingPage,
  imagePath: (ctx, a) => {
    const { yyyy, mm } = datePathParts(a.published);
    return `/wp-content/uploads/${yyyy}/${mm}/${ctx.outlet.id}-${a.number}-780x440.svg`;
  },
  stylesheetPath: (ctx) => `/wp-content/themes/${ctx.outlet.id}/style.css`,
  stylesheet: THEME_CSS,
};
