// What every demo template shares: the site context, listings, picks for the clutter around
// an article (related, most read, ticker, reader comments) and placeholder images.

import type { DemoArticle, DemoContent, Outlet } from '../content.js';
import { hash } from '../format.js';

export interface SiteContext {
  outlet: Outlet;
  /** "http://127.0.0.1:4101" (no trailing slash). */
  baseUrl: string;
  content: DemoContent;
  /** This site's articles, newest first. */
  articles: DemoArticle[];
  /** Path of the feed or sitemap, for <link rel=alternate>. */
  feedPath: string;
}

/** A page listing articles: the home page, a section, a month archive. */
export interface Listing {
  path: string;
  /** Heading shown on the page ("أخبار سورية"); null on the home page. */
  heading: string | null;
  articles: DemoArticle[];
  kind: 'home' | 'section' | 'archive';
}

export interface SiteTemplate {
  article(ctx: SiteContext, a: DemoArticle): string;
  listing(ctx: SiteContext, listing: Listing): string;
  /** Where the article's lead image lives on the site, or null for no image. */
  imagePath(ctx: SiteContext, a: DemoArticle): string | null;
  stylesheetPath(ctx: SiteContext): string;
  stylesheet: string;
}

export function absolute(ctx: SiteContext, path: string): string {
  return ctx.baseUrl + path;
}

export function sectionName(outlet: Outlet, id: string): string {
  return outlet.sections.find((s) => s.id === id)?.name ?? id;
}

/** Same story first, then same section, newest first; never the article itself. */
export function relatedTo(ctx: SiteContext, a: DemoArticle, n: number): DemoArticle[] {
  const others = ctx.articles.filter((x) => x.id !== a.id);
  const story = a.story ? others.filter((x) => x.story === a.story) : [];
  const section = others.filter((x) => x.section === a.section && !story.includes(x));
  const rest = others.filter((x) => !story.includes(x) && !section.includes(x));
  return [...story, ...section, ...rest].slice(0, n);
}

/** A stable "most read" list: ranked by a hash of the id, so each site has its favourites. */
export function mostRead(ctx: SiteContext, n: number): DemoArticle[] {
  return [...ctx.articles].sort((x, y) => hash(`${x.id}:views`) - hash(`${y.id}:views`)).slice(0, n);
}

export function latest(ctx: SiteContext, n: number): DemoArticle[] {
  return ctx.articles.slice(0, n);
}

/** A view counter that looks plausible and never changes between runs. */
export function viewCount(a: DemoArticle): number {
  return 300 + (hash(`${a.id}:count`) % 9000);
}

/** Reader comments: clutter that must never end up in the body. */
const COMMENTS: readonly { name: string; text: string }[] = [
  { name: 'أبو محمد', text: 'الله يفرج عن أهلنا، تعبنا من الوعود.' },
  { name: 'سارة', text: 'شكراً على التغطية، لكن الأرقام المذكورة أقل من الواقع بكثير.' },
  { name: 'مواطن', text: 'كل يوم نفس الكلام ولا شيء يتغير على الأرض.' },
  { name: 'خالد ع.', text: 'تقرير متوازن، نتمنى متابعة الموضوع في الأيام القادمة.' },
  { name: 'نور', text: 'أين دور المنظمات؟ الناس بحاجة إلى أفعال لا بيانات.' },
  { name: 'Ahmad', text: 'مقال ممتاز، لكن العنوان فيه مبالغة.' },
  { name: 'أم علي', text: 'ربي يحمي الجميع ويرجع الأمان للبلد.' },
  { name: 'متابع', text: 'هل من مصدر رسمي يؤكد هذه المعلومات؟' },
  { name: 'ريم', text: 'نشرتم الخبر قبل الجميع، شكراً.' },
  { name: 'أبو سليم', text: 'الوضع المعيشي لم يعد يحتمل، الله المستعان.' },
];

export function commentsFor(a: DemoArticle, n: number): { name: string; text: string; ago: string }[] {
  const start = hash(`${a.id}:comments`) % COMMENTS.length;
  const agos = ['منذ 3 ساعات', 'منذ 5 ساعات', 'منذ يوم', 'منذ يومين'];
  return Array.from({ length: n }, (_, i) => ({
    ...COMMENTS[(start + i * 3) % COMMENTS.length],
    ago: agos[i % 4],
  }));
}

/** How many comments a page shows (0–4). */
export function commentCount(a: DemoArticle): number {
  return hash(`${a.id}:n`) % 5;
}

/** A small SVG standing in for a news photo. */
export function placeholderSvg(label: string, seed: string): string {
  const hue = hash(seed) % 360;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="780" height="440" viewBox="0 0 780 440"><rect width="780" height="440" fill="hsl(${hue},35%,55%)"/><circle cx="600" cy="140" r="70" fill="hsl(${(hue + 40) % 360},40%,75%)"/><path d="M0 440 L260 220 L420 340 L560 250 L780 440 Z" fill="hsl(${hue},30%,35%)"/><text x="24" y="416" font-family="sans-serif" font-size="20" fill="#fff">${label}</text></svg>`;
}

/** The byline a reader sees: "كتب: عمر الحسن", "بلدي نيوز – (عمر الحسن)", "فريق التحرير", or null. */
export function bylineText(outlet: Outlet, a: DemoArticle): string | null {
  if (a.creditStyle === 'byline' && a.credit) return a.author ? `${a.credit} – (${a.author})` : a.credit;
  if (a.author) return outlet.bylineCue ? `${outlet.bylineCue} ${a.author}` : a.author;
  return outlet.noAuthorLabel;
}

/** Paragraphs with subheadings and the quote block in place, as HTML fragments. */
export function bodyParts(
  a: DemoArticle,
  render: {
    paragraph: (text: string, index: number) => string;
    subheading: (text: string) => string;
    quote: (text: string, cite: string | undefined) => string;
  },
): string[] {
  const out: string[] = [];
  a.paragraphs.forEach((p, i) => {
    for (const s of a.subheadings) if (s.beforeParagraph === i) out.push(render.subheading(s.text));
    out.push(render.paragraph(p, i));
    if (a.quoteBlock && a.quoteBlock.afterParagraph === i)
      out.push(render.quote(a.quoteBlock.text, a.quoteBlock.cite));
  });
  return out;
}

/** A transparent 1×1 GIF, the usual src of lazy images before their script runs. */
export const BLANK_GIF = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';
