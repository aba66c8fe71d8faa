// Everything the page says about itself in markup: <meta> tags, JSON-LD, <link>s, <title>,
// <h1>s, <time>s and rel=author links — gathered in one pass over the document.

import {
  attr,
  collapse,
  type Document,
  type Element,
  findAll,
  findFirst,
  isElement,
  isHidden,
  textOf,
} from '../dom.js';

export interface JsonLdArticle {
  type: string;
  headline: string | null;
  authors: string[];
  datePublished: string | null;
  dateModified: string | null;
  publisher: string | null;
  image: string | null;
  url: string | null;
  articleBody: string | null;
}

export interface PageMeta {
  /** Lower-cased name/property/itemprop/http-equiv → content values, in document order. */
  meta: Map<string, string[]>;
  jsonLd: JsonLdArticle[];
  /** JSON-LD WebSite / Organization names (site name candidates). */
  jsonLdSiteNames: string[];
  titleTag: string | null;
  h1s: Element[];
  canonical: string | null;
  /** <time> elements with their datetime attribute or text. */
  times: Element[];
  authorLinks: Element[];
  htmlLang: string | null;
  /** Links to the site's root ("/"): their text often is the site's name. */
  rootLinks: Element[];
}

/** schema.org types whose JSON-LD object describes the article itself. */
const ARTICLE_TYPES =
  /^(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|BlogPosting|Report|LiveBlogPosting|WebPage|ScholarlyArticle|TechArticle|SocialMediaPosting)$/i;

/** Link texts that say "home", not the site's name. */
const HOME_LINK_RE = /^(?:الرئيسية|الصفحة الرئيسية|الرئيسيه|الرئيسة|home|homepage|accueil|index)$/i;

/** Names the site gives its home link: the logo's alt text, or a short link text (not "home"). */
const LOGO_CLASS_RE = /logo|brand|site-?title|site-?name|masthead/i;

export function logoNames(pm: PageMeta, pageHost: string | null = null): string[] {
  const out: string[] = [];
  for (const a of pm.rootLinks.slice(0, 20)) {
    // Only the site's own home: a relative link, or one to the page's host.
    const href = attr(a, 'href') ?? '';
    if (/^https?:/i.test(href) && !(pageHost && href.toLowerCase().includes(pageHost))) continue;
    const img = findFirst(a, (e) => e.name === 'img');
    const alt = img ? collapse(attr(img, 'alt') ?? attr(img, 'title') ?? '') : '';
    // A text link to "/" names the site only when it is marked as the logo or brand.
    const text =
      alt ||
      (LOGO_CLASS_RE.test(
        `${attr(a, 'class') ?? ''} ${attr(a, 'id') ?? ''} ${a.parent && isElement(a.parent) ? (attr(a.parent, 'class') ?? '') : ''}`,
      )
        ? textOf(a)
        : '');
    // "الصباح | Assabah": a logo naming the site in two languages gives two names.
    for (const name of text.split(/\s+[|–—-]\s+/).map((t) => t.trim())) {
      if (
        name &&
        name.length <= 40 &&
        name.split(' ').length <= 5 &&
        !HOME_LINK_RE.test(name) &&
        !/^logo$|شعار/i.test(name)
      ) {
        if (!out.includes(name)) out.push(name);
      }
    }
  }
  return out;
}

/** Links to a site's home page: "/", "./", "/index.php", "https://host/". */
const ROOT_HREF_RE = /^(?:\.?\/|\/index\.(?:php|html?|aspx?|jsp)|https?:\/\/[^/]+\/?)$/i;

export function getMeta(pm: PageMeta, ...names: string[]): string | null {
  for (const n of names) {
    const v = pm.meta.get(n);
    if (v) for (const x of v) if (x.trim() !== '') return collapse(x);
  }
  return null;
}

export function collectMeta(doc: Document): PageMeta {
  const meta = new Map<string, string[]>();
  const jsonLd: JsonLdArticle[] = [];
  const jsonLdSiteNames: string[] = [];
  let titleTag: string | null = null;
  let canonical: string | null = null;
  let htmlLang: string | null = null;
  const h1s: Element[] = [];
  const times: Element[] = [];
  const authorLinks: Element[] = [];
  const rootLinks: Element[] = [];

  findAll(doc, (el) => {
    switch (el.name) {
      case 'meta': {
        const content = attr(el, 'content');
        if (content === null) break;
        for (const key of ['name', 'property', 'itemprop', 'http-equiv']) {
          const k = attr(el, key);
          if (k) for (const part of k.toLowerCase().split(/\s+/)) push(meta, part, content);
        }
        break;
      }
      case 'title':
        if (titleTag === null) titleTag = collapse(textOfScript(el));
        break;
      case 'link': {
        const rel = (attr(el, 'rel') ?? '').toLowerCase();
        if (rel.split(/\s+/).includes('canonical') && !canonical) canonical = attr(el, 'href');
        if (rel.split(/\s+/).includes('author') && attr(el, 'title'))
          push(meta, 'link:author', attr(el, 'title')!);
        break;
      }
      case 'script':
        if ((attr(el, 'type') ?? '').toLowerCase().includes('ld+json'))
          readJsonLd(el, jsonLd, jsonLdSiteNames);
        break;
      case 'h1':
        if (!isHidden(el)) h1s.push(el);
        break;
      case 'time':
        times.push(el);
        break;
      case 'a': {
        if ((attr(el, 'rel') ?? '').toLowerCase().split(/\s+/).includes('author')) authorLinks.push(el);
        const href = attr(el, 'href');
        if (href && ROOT_HREF_RE.test(href)) rootLinks.push(el);
        break;
      }
      case 'html':
        htmlLang = attr(el, 'lang');
        break;
      default:
        // microdata on visible elements: itemprop=datePublished/author with text or datetime
        // and RDFa (property="dc:date" content="…") on visible elements.
        if (el.attribs.itemprop && (el.attribs.datetime || el.attribs.content)) {
          push(meta, el.attribs.itemprop.toLowerCase(), el.attribs.datetime ?? el.attribs.content);
        }
        if (el.attribs.property && el.attribs.content)
          push(meta, el.attribs.property.toLowerCase(), el.attribs.content);
    }
    return false;
  });
  return { meta, jsonLd, jsonLdSiteNames, titleTag, h1s, canonical, times, authorLinks, htmlLang, rootLinks };
}

function push(map: Map<string, string[]>, key: string, value: string) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function str(v: unknown): string | null {
  if (typeof v === 'string') return collapse(v) || null;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return str(v[0]);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return str(o.name ?? o['@value'] ?? o.url ?? o['@id'] ?? null);
  }
  return null;
}

function names(v: unknown): string[] {
  if (v == null) return [];
  if (Array.isArray(v)) return v.flatMap(names);
  if (typeof v === 'string')
    return v
      .split(/\s*[,،]\s*|\s+(?:و|and)\s+/)
      .map(collapse)
      .filter(Boolean);
  if (typeof v === 'object') {
    const n = str((v as Record<string, unknown>).name);
    return n ? [n] : [];
  }
  return [];
}

function readJsonLd(el: Element, out: JsonLdArticle[], siteNames: string[]) {
  const raw = textOfScript(el);
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    // Many CMSs emit JSON-LD with raw newlines or trailing commas: one forgiving retry.
    try {
      data = JSON.parse(raw.replace(/[\r\n\t]+/g, ' ').replace(/,\s*([}\]])/g, '$1'));
    } catch {
      return;
    }
  }
  const queue: unknown[] = [data];
  let guard = 0;
  while (queue.length > 0 && guard++ < 200) {
    const item = queue.shift();
    if (Array.isArray(item)) {
      queue.push(...item);
      continue;
    }
    if (!item || typeof item !== 'object') continue;
    const o = item as Record<string, unknown>;
    if (Array.isArray(o['@graph'])) queue.push(...o['@graph']);
    const types = ([] as unknown[]).concat(o['@type'] ?? []).map(String);
    if (types.some((t) => t === 'WebSite' || t === 'Organization' || t === 'NewsMediaOrganization')) {
      const n = str(o.name);
      if (n) siteNames.push(n);
    }
    const type = types.find((t) => ARTICLE_TYPES.test(t));
    if (!type) continue;
    const image = o.image ?? o.thumbnailUrl ?? null;
    out.push({
      type,
      headline: str(o.headline ?? o.name),
      authors: names(o.author ?? o.creator),
      datePublished: str(o.datePublished ?? o.dateCreated),
      dateModified: str(o.dateModified),
      publisher: str(o.publisher),
      image: typeof image === 'string' ? image : str(image),
      url: str(o.url ?? o.mainEntityOfPage),
      articleBody: typeof o.articleBody === 'string' ? o.articleBody : null,
    });
  }
}

function textOfScript(el: Element): string {
  let s = '';
  for (const c of el.children) if (c.type === 'text') s += c.data;
  return s;
}
