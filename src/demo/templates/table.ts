// An old agency site (fayhaa) built of nested tables, served as windows-1256 bytes with a
// <meta http-equiv> charset: <font> tags, a news text whose paragraphs are separated by
// <br><br> inside one table cell, a "فانا" dateline, a print link under a path that
// robots.txt disallows, a poll, a visitor counter and a "latest news" column.

import { type DemoArticle, sectionPath } from '../content.js';
import { arabicDate, clock, esc, excerpt, numericDate } from '../format.js';
import {
  bodyParts,
  bylineText,
  type Listing,
  latest,
  mostRead,
  relatedTo,
  type SiteContext,
  type SiteTemplate,
  sectionName,
  viewCount,
} from './common.js';

const CSS = `body{margin:0;font-family:Tahoma;font-size:12px;background:#e8e8e8}
td{font-family:Tahoma;font-size:12px}.menu a{color:#fff;font-weight:bold;text-decoration:none}
.title{color:#7a0000;font-size:18px;font-weight:bold}.text{font-size:14px;line-height:24px}
.side td{border-bottom:1px dotted #999}.date{color:#555}`;

function agencyTag(ctx: SiteContext): string {
  return ctx.outlet.shortName ?? ctx.outlet.name;
}

function page(ctx: SiteContext, title: string, center: string): string {
  const o = ctx.outlet;
  const menu = o.sections
    .map((s) => `<a href="${sectionPath(o, s.id)}">${esc(s.name)}</a>`)
    .join('&nbsp;|&nbsp;');
  const latestRows = latest(ctx, 8)
    .map(
      (a) =>
        `<tr><td><img src="/images/bullet.gif" width="7" height="7" alt=""> <a href="${a.path}">${esc(a.title)}</a><br><font color="#888888" size="1">${clock(a.published)} - ${numericDate(a.published)}</font></td></tr>`,
    )
    .join('\n');
  const popularRows = mostRead(ctx, 6)
    .map((a) => `<tr><td><a href="${a.path}">${esc(a.title)}</a></td></tr>`)
    .join('\n');
  return `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html dir="rtl">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">
<meta http-equiv="Content-Language" content="ar-sy">
<title>${esc(title)}</title>
<meta name="keywords" content="سوريا, دمشق, أخبار, وكالة, ${esc(agencyTag(ctx))}">
<link href="/css/style.css" rel="stylesheet" type="text/css">
<link rel="alternate" type="application/rss+xml" title="RSS" href="${ctx.feedPath}">
<script language="JavaScript" type="text/javascript">function MM_openBrWindow(u,n,f){window.open(u,n,f);}</script>
</head>
<body bgcolor="#E8E8E8" leftmargin="0" topmargin="0" marginwidth="0" marginheight="0">
<table width="980" border="0" align="center" cellpadding="0" cellspacing="0" bgcolor="#FFFFFF">
<tr><td colspan="3" height="90" bgcolor="#7A0000"><a href="/"><img src="/images/logo.gif" width="300" height="80" border="0" alt="${esc(o.name)}"></a>
<font color="#FFFFFF" size="4"><b>${esc(o.name)} - ${esc(agencyTag(ctx))}</b></font></td></tr>
<tr><td colspan="3" class="menu" bgcolor="#333333" height="28">&nbsp;<a href="/">الرئيسية</a>&nbsp;|&nbsp;${menu}&nbsp;|&nbsp;<a href="${ctx.feedPath}">RSS</a></td></tr>
<tr><td colspan="3" bgcolor="#FFF4CC"><marquee direction="right" scrollamount="3" onmouseover="this.stop()" onmouseout="this.start()">${latest(
    ctx,
    4,
  )
    .map((a) => `<a href="${a.path}">${esc(a.title)}</a>`)
    .join(' &nbsp;*&nbsp; ')}</marquee></td></tr>
<tr>
<td width="200" valign="top" bgcolor="#F2F2F2">
<table width="100%" border="0" cellpadding="4" cellspacing="0" class="side">
<tr><td bgcolor="#7A0000"><font color="#FFFFFF"><b>آخر الأخبار</b></font></td></tr>
${latestRows}
</table>
<br>
<table width="100%" border="0" cellpadding="4" cellspacing="0" class="side">
<tr><td bgcolor="#7A0000"><font color="#FFFFFF"><b>الأكثر قراءة</b></font></td></tr>
${popularRows}
</table>
<br>
<table width="100%" border="0" cellpadding="4" cellspacing="0">
<tr><td bgcolor="#7A0000"><font color="#FFFFFF"><b>استطلاع الرأي</b></font></td></tr>
<tr><td><form action="/poll.php" method="post">هل تتابع الأخبار عبر الإنترنت يومياً؟<br>
<input type="radio" name="vote" value="1"> نعم<br><input type="radio" name="vote" value="2"> أحياناً<br><input type="radio" name="vote" value="3"> لا<br>
<input type="submit" value="تصويت"></form></td></tr>
</table>
</td>
<td width="10">&nbsp;</td>
<td width="770" valign="top">
${center}
</td>
</tr>
<tr><td colspan="3" align="center" bgcolor="#333333" height="40"><font color="#CCCCCC" size="1">جميع الحقوق محفوظة © ${o.founded} - 2026 ${esc(o.name)}<br>
عدد الزوار: 18273645 &nbsp;|&nbsp; أفضل عرض للموقع بدقة 1024×768</font></td></tr>
</table>
</body>
</html>
`;
}

function articlePage(ctx: SiteContext, a: DemoArticle): string {
  const o = ctx.outlet;
  const parts = bodyParts(a, {
    paragraph: (p) => esc(p),
    subheading: (t) => `<b>${esc(t)}</b>`,
    quote: (t) => `<i>${esc(t)}</i>`,
  });
  if (a.credit && a.creditStyle === 'source-line') parts.push(`المصدر: ${esc(a.credit)}`);
  const dateline = a.dateline ? `<b>${esc(a.dateline)}-${esc(agencyTag(ctx))}</b><br>\n` : '';
  const byline = bylineText(o, a);
  const related = relatedTo(ctx, a, 5)
    .map(
      (r) =>
        `<tr><td>» <a href="${r.path}">${esc(r.title)}</a> <font size="1" color="#888888">(${numericDate(r.published)})</font></td></tr>`,
    )
    .join('\n');
  const center = `<table width="100%" border="0" cellpadding="6" cellspacing="0">
<tr><td class="date"><font color="#555555">${esc(arabicDate(a.published, o.months))} - ${clock(a.published)}</font> &nbsp; <a href="${sectionPath(o, a.section)}">${esc(sectionName(o, a.section))}</a></td></tr>
<tr><td class="title"><font size="4" color="#7A0000"><b>${esc(a.title)}</b></font></td></tr>
${byline ? `<tr><td><font size="2"><b>${esc(byline)}</b></font></td></tr>\n` : ''}<tr><td class="text" align="justify"><font size="3">
${dateline}${parts.join('\n<br><br>\n')}
</font></td></tr>
<tr><td bgcolor="#F2F2F2"><font size="1">تاريخ النشر: ${numericDate(a.published)} &nbsp;|&nbsp; عدد القراءات: ${viewCount(a)} &nbsp;|&nbsp;
<a href="/print/${a.number}.htm" target="_blank">نسخة للطباعة</a> &nbsp;|&nbsp; <a href="javascript:MM_openBrWindow('/send.php?id=${a.number}','send','width=400,height=300')">أرسل لصديق</a></font></td></tr>
</table>
<br>
<table width="100%" border="0" cellpadding="4" cellspacing="0">
<tr><td bgcolor="#DDDDDD"><b>أخبار ذات صلة</b></td></tr>
${related}
</table>`;
  return page(ctx, `${agencyTag(ctx)} :: ${a.title}`, center);
}

function listingPage(ctx: SiteContext, listing: Listing): string {
  const o = ctx.outlet;
  const rows = listing.articles
    .map(
      (
        a,
      ) => `<tr><td valign="top"><font size="1" color="#888888">${numericDate(a.published)} ${clock(a.published)}</font><br>
<a href="${a.path}"><font size="3"><b>${esc(a.title)}</b></font></a><br>
${esc(excerpt(a.paragraphs[0], 25))}</td></tr>`,
    )
    .join('\n');
  const center = `<table width="100%" border="0" cellpadding="6" cellspacing="0">
<tr><td bgcolor="#DDDDDD"><b>${esc(listing.heading ?? 'الأخبار الرئيسية')}</b></td></tr>
${rows}
</table>`;
  return page(
    ctx,
    listing.heading ? `${agencyTag(ctx)} :: ${listing.heading}` : `${o.name} - ${agencyTag(ctx)}`,
    center,
  );
}

export const template: SiteTemplate = {
  article: articlePage,
  listing: listingPage,
  imagePath: () => null,
  stylesheetPath: () => '/css/style.css',
  stylesheet: CSS,
};
