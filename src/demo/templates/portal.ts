// A Gulf news portal (waha): schema.org microdata in the markup (itemprop headline,
// articleBody, datePublished), Hijri and Gregorian dates side by side, prayer times and
// currency widgets, a "الأكثر قراءة" box, "أخبار ذات صلة" and a sitemap-driven index.

import { type DemoArticle, sectionPath } from '../content.js';
import { arabicDate, clock12, DEMO_NOW, esc, excerpt, hijriDate, localParts, WEEKDAYS } from '../format.js';
import {
  absolute,
  bodyParts,
  bylineText,
  commentCount,
  type Listing,
  latest,
  mostRead,
  relatedTo,
  type SiteContext,
  type SiteTemplate,
  sectionName,
  viewCount,
} from './common.js';

const CSS = `body{margin:0;font-family:"Dubai","Segoe UI",Tahoma,sans-serif;background:#f5f1e8;color:#222}
.portal-header{background:#fff;border-bottom:4px solid #1b7f5b}.portal-nav{background:#1b7f5b}.portal-nav a{color:#fff;padding:10px 14px;display:inline-block}
.wrap{max-width:1180px;margin:0 auto}.cols{display:flex;gap:24px}.main-col{flex:3}.side-col{flex:1}
.news-title{font-size:30px;color:#0b3d2c}.news-info{color:#777;font-size:13px}.news-text p{font-size:18px;line-height:1.9}
.box{background:#fff;border:1px solid #e0dccf;margin-bottom:16px;padding:12px}.box h3{color:#1b7f5b;margin-top:0}`;

/** "الأحد 14 جمادى الأولى 1448هـ - 25 أكتوبر 2026م". */
function dualDate(ctx: SiteContext, iso: string): string {
  const p = localParts(iso);
  return `${WEEKDAYS[p.weekday]} ${hijriDate(iso)} - ${arabicDate(iso, ctx.outlet.months, false)}م`;
}

function page(
  ctx: SiteContext,
  title: string,
  canonical: string,
  extraHead: string,
  main: string,
  itemType: string,
): string {
  const o = ctx.outlet;
  const nav = o.sections.map((s) => `<a href="${sectionPath(o, s.id)}">${esc(s.name)}</a>`).join('\n');
  const popular = mostRead(ctx, 5)
    .map((a) => `<li><a href="${esc(a.path)}">${esc(a.title)}</a></li>`)
    .join('\n');
  const newest = latest(ctx, 5)
    .map(
      (a) => `<li><a href="${esc(a.path)}">${esc(a.title)}</a> <small>${clock12(a.published)}</small></li>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<title>${esc(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="application-name" content="${esc(o.name)}">
<link rel="canonical" href="${esc(absolute(ctx, canonical))}">
<link rel="stylesheet" href="/assets/css/portal.css">
<link rel="sitemap" type="application/xml" href="${ctx.feedPath}">
${extraHead}</head>
<body>
<div class="wrap">
<header class="portal-header">
<div class="date-bar">${esc(dualDate(ctx, DEMO_NOW))}</div>
<a class="logo" href="/"><img src="/assets/img/logo.svg" alt="${esc(o.name)}" width="200" height="60"></a>
<div class="header-ad">مساحة إعلانية 728×90</div>
</header>
<nav class="portal-nav"><a href="/">الرئيسية</a>
${nav}</nav>
<div class="urgent"><b>عاجل:</b> ${latest(ctx, 3)
    .map((a) => `<a href="${esc(a.path)}">${esc(a.title)}</a>`)
    .join(' ▪ ')}</div>
<div class="cols">
<div class="main-col" ${itemType}>
${main}
</div>
<div class="side-col">
<div class="box prayer"><h3>مواقيت الصلاة - الرياض</h3><ul><li>الفجر 4:52</li><li>الظهر 11:47</li><li>العصر 2:52</li><li>المغرب 5:14</li><li>العشاء 6:44</li></ul></div>
<div class="box most-read"><h3>الأكثر قراءة</h3><ol>
${popular}
</ol></div>
<div class="box latest"><h3>آخر الأخبار</h3><ul>
${newest}
</ul></div>
<div class="box currency"><h3>أسعار العملات</h3><table><tr><td>دولار أمريكي</td><td>3.75</td></tr><tr><td>يورو</td><td>4.06</td></tr><tr><td>جنيه إسترليني</td><td>4.79</td></tr></table></div>
</div>
</div>
<footer class="portal-footer"><p><a href="/">الرئيسية</a> | <a href="${ctx.feedPath}">خريطة الموقع</a> | اتصل بنا | سياسة الخصوصية</p>
<p>جميع الحقوق محفوظة لـ${esc(o.name)} © 2026</p></footer>
</div>
</body>
</html>`;
}

/** "إعداد: <Person>" in microdata; a credit byline or the house label as plain text. */
function writer(ctx: SiteContext, a: DemoArticle): string {
  const o = ctx.outlet;
  if (a.author && a.creditStyle !== 'byline') {
    return `<span class="writer">${esc(o.bylineCue ?? '')} <span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">${esc(a.author)}</span></span></span> | `;
  }
  const byline = bylineText(o, a);
  return byline ? `<span class="writer">${esc(byline)}</span> | ` : '';
}

function articlePage(ctx: SiteContext, a: DemoArticle): string {
  const o = ctx.outlet;
  const image = template.imagePath(ctx, a);
  const body = bodyParts(a, {
    paragraph: (p) => `<p>${esc(p)}</p>`,
    subheading: (t) => `<h3>${esc(t)}</h3>`,
    quote: (t, cite) =>
      `<blockquote><p>${esc(t)}</p>${cite ? `<span class="quote-by">${esc(cite)}</span>` : ''}</blockquote>`,
  });
  if (a.credit && a.creditStyle === 'source-line')
    body.push(`<p class="source">المصدر: ${esc(a.credit)}</p>`);
  const related = relatedTo(ctx, a, 5)
    .map((r) => `<li><a href="${esc(r.path)}">${esc(r.title)}</a></li>`)
    .join('\n');
  const extraHead = `<meta name="description" content="${esc(excerpt(a.paragraphs[0], 30))}">
<meta property="og:title" content="${esc(a.title)}">
<meta property="og:type" content="article">
${image ? `<meta property="og:image" content="${esc(absolute(ctx, image))}">\n` : ''}`;
  const main = `<div class="breadcrumbs"><a href="/">الرئيسية</a> » <a href="${sectionPath(o, a.section)}">${esc(sectionName(o, a.section))}</a></div>
<h1 class="news-title" itemprop="headline">${esc(a.title)}</h1>
<div class="news-info">${writer(ctx, a)}<span class="news-date">نشر في: ${esc(dualDate(ctx, a.published))} - ${clock12(a.published)}</span>
<meta itemprop="datePublished" content="${a.published}">${a.modified ? `<meta itemprop="dateModified" content="${a.modified}">` : ''}
<span class="reads">عدد المشاهدات: ${viewCount(a)}</span> | <span class="font-size">حجم الخط: <a href="#">أ+</a> <a href="#">أ-</a></span></div>
<div itemprop="publisher" itemscope itemtype="https://schema.org/Organization"><meta itemprop="name" content="${esc(o.name)}"></div>
${image ? `<div class="news-image"><img itemprop="image" src="${image}" alt="${esc(a.caption ?? '')}" width="780" height="440">${a.caption ? `<span class="caption">${esc(a.caption)}</span>` : ''}</div>` : ''}
<div class="news-text" itemprop="articleBody">
${body.join('\n')}
</div>
<div class="share"><span>مشاركة:</span> <a href="#">واتساب</a> <a href="#">إكس</a> <a href="#">سناب شات</a> <a href="#">فيسبوك</a></div>
<div class="box related"><h3>أخبار ذات صلة</h3><ul>
${related}
</ul></div>
<div class="box comments"><h3>التعليقات (${commentCount(a)})</h3><p>أضف تعليقك، التعليقات تخضع للمراجعة قبل النشر.</p><textarea></textarea></div>`;
  return page(
    ctx,
    `${a.title} - ${o.name}`,
    a.path,
    extraHead,
    main,
    'itemscope itemtype="https://schema.org/NewsArticle"',
  );
}

function listingPage(ctx: SiteContext, listing: Listing): string {
  const o = ctx.outlet;
  const items = listing.articles
    .map((a) => {
      const image = template.imagePath(ctx, a);
      return `<div class="news-item">${image ? `<a href="${esc(a.path)}"><img src="${image}" alt="" width="200" height="113" loading="lazy"></a>` : ''}
<h3><a href="${esc(a.path)}">${esc(a.title)}</a></h3><span class="news-date">${esc(arabicDate(a.published, o.months, false))}</span>
<p>${esc(excerpt(a.paragraphs[0], 22))}</p></div>`;
    })
    .join('\n');
  const main = `<h1 class="section-head">${esc(listing.heading ?? 'أهم الأخبار')}</h1>
${items}`;
  return page(
    ctx,
    listing.heading ? `${listing.heading} - ${o.name}` : `${o.name} - ${o.tagline}`,
    listing.path,
    '',
    main,
    '',
  );
}

export const template: SiteTemplate = {
  article: articlePage,
  listing: listingPage,
  imagePath: (_ctx, a) => `/assets/img/news/${a.number}.svg`,
  stylesheetPath: () => '/assets/css/portal.css',
  stylesheet: CSS,
};
