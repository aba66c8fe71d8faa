// The page as a list of text blocks in reading order: each run of text between block-level
// boundaries (p, div, li, td, h2, br…) with its element, link share and the boilerplate
// marks of its ancestors. The body scorer and the byline, date and related finders read it.

import { Element } from 'domhandler';
import { countWords } from '../arabic/chars.js';
import {
  type AnyNode,
  BLOCK_TAGS,
  classAndId,
  collapse,
  type Document,
  isElement,
  isHidden,
  SKIP_TEXT_TAGS,
} from './dom.js';

export interface BlockLink {
  text: string;
  href: string | null;
}

export interface Block {
  index: number;
  text: string;
  /** Nearest block-level ancestor: the element this text belongs to. */
  el: Element;
  words: number;
  /** Characters of `text` inside links. */
  linkChars: number;
  links: BlockLink[];
  /** An ancestor's class or id names boilerplate (share, comments, sidebar…): which one. */
  boilerplate: string | null;
  /** The element that carries that mark. */
  boilerplateEl: Element | null;
  /** Inside a heading (h1–h6). */
  heading: number;
  /** Inside a <blockquote>, <li>, <pre>, or a table cell. */
  inQuote: boolean;
  inList: boolean;
  inCell: Element | null;
  /** Inside a comment section (class/id names comments, or <section id=comments>). */
  inComments: boolean;
}

/** Class/id words of containers that hold page furniture, not the article. Generic words of
 * web templates (the same list Readability's "unlikely candidates" uses, extended for news). */
const BOILERPLATE_WORDS = new Set([
  'share',
  'sharing',
  'social',
  'socials',
  'sidebar',
  'widget',
  'widgets',
  'menu',
  'nav',
  'navbar',
  'navigation',
  'breadcrumb',
  'breadcrumbs',
  'footer',
  'masthead',
  'ticker',
  'newsticker',
  'breaking',
  'flash',
  'marquee',
  'urgent',
  'newsletter',
  'subscribe',
  'subscription',
  'ad',
  'ads',
  'advert',
  'advertisement',
  'adsbygoogle',
  'banner',
  'promo',
  'sponsor',
  'sponsored',
  'popup',
  'modal',
  'cookie',
  'cookies',
  'tags',
  'tagcloud',
  'related',
  'recommended',
  'recommendations',
  'trending',
  'popular',
  'mostread',
  'most',
  'outbrain',
  'taboola',
  'comment',
  'comments',
  'disqus',
  'respond',
  'caption',
  'credit',
  'credits',
  'copyright',
  'inject',
  'readmore',
  'more',
  'print',
  'rss',
  'pagination',
  'pager',
  'login',
  'search',
  'bio',
  'authorbox',
]);

/** Substrings that mark boilerplate even inside a longer class word (camelCase, glued). */
const BOILERPLATE_SUBSTRINGS = /comment|sponsor|advert|newsletter|taboola|outbrain|caption|breadcrumb|ticker/;

/** Class/id words that vouch for content: when present, boilerplate words are ignored
 * (`main-with-sidebar`, `article-content`), as in Readability's okMaybeItsACandidate. */
const CONTENT_WORDS = /article|content|entry|post|story|body|main|text|news-details|details/;

const COMMENT_RE = /comment|disqus|respond|reply|تعليق/;

/** Which boilerplate word an element's class/id carries, or null. */
/** Verdicts by "tag class id": templates repeat the same classes on every card and item. */
const boilerplateMemo = new Map<string, string | null>();
const BOILERPLATE_MEMO_MAX = 20_000;

export function boilerplateWord(el: Element): string | null {
  const a = el.attribs;
  if (a.class === undefined && a.id === undefined) return null;
  const key = `${el.name} ${a.class ?? ''} ${a.id ?? ''}`;
  const known = boilerplateMemo.get(key);
  if (known !== undefined) return known;
  const verdict = boilerplateVerdict(el);
  if (boilerplateMemo.size > BOILERPLATE_MEMO_MAX) boilerplateMemo.clear();
  boilerplateMemo.set(key, verdict);
  return verdict;
}

function boilerplateVerdict(el: Element): string | null {
  const a = el.attribs;
  // camelCase words are words too: "relatedNews" → "related news"; "selectionShareable" stays one word.
  const s = `${a.class ?? ''} ${a.id ?? ''}`.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  if (el.name === 'body' || el.name === 'html' || el.name === 'article' || el.name === 'main') return null;
  let hit: string | null = null;
  for (const token of s.split(/[^a-z0-9]+/)) {
    if (token === '') continue;
    if (BOILERPLATE_WORDS.has(token)) {
      hit = token;
      break;
    }
  }
  if (!hit) {
    const m = s.match(BOILERPLATE_SUBSTRINGS);
    if (m) hit = m[0];
  }
  if (hit && CONTENT_WORDS.test(s) && !COMMENT_RE.test(s) && hit !== 'related' && hit !== 'share')
    return null;
  return hit;
}

const TAG_BOILERPLATE = new Set(['nav', 'footer', 'aside', 'figcaption', 'form']);

interface Frame {
  node: AnyNode;
  exit: boolean;
  /** On exit frames: whether entering pushed a boilerplate mark / a comment mark. */
  boiler?: boolean;
  comment?: boolean;
}

/** Stands for the document when text sits outside any element (a bare fragment). */
const ROOT_ELEMENT = new Element('#root', {});

interface OpenLink {
  href: string | null;
  start: number;
  /** Text characters this link has covered in earlier blocks. */
  spanned: number;
  blocks: number;
}

/** A link whose text runs past the block it starts in was, most likely, never closed
 * (htmlparser2 does not repair misnested <a> as a browser would; unclosed-tags fixture): only
 * its first block counts as link text. A card link (<a><h3>…</h3><p>…</p></a>) thus marks its
 * headline, not its teaser. */
const MAX_LINK_BLOCKS = 1;
const MAX_LINK_CHARS = 300;

/** Linearise the document into blocks. Iterative; hidden and non-text elements are skipped. */
export function collectBlocks(doc: Document): Block[] {
  const blocks: Block[] = [];
  const blockStack: Element[] = [ROOT_ELEMENT];
  const boilerStack: Array<{ word: string; el: Element }> = [];
  const openLinks: OpenLink[] = [];
  let heading = 0;
  let quote = 0;
  let list = 0;
  let comments = 0;
  const cells: Element[] = [];
  let buf = '';
  let linkChars = 0;
  let links: BlockLink[] = [];

  const flush = () => {
    for (const l of openLinks) {
      const t = collapse(buf.slice(l.start));
      l.start = 0;
      if (!t) continue;
      l.blocks++;
      l.spanned += t.length;
      if (l.blocks > MAX_LINK_BLOCKS || l.spanned > MAX_LINK_CHARS) continue;
      linkChars += t.length;
      links.push({ text: t, href: l.href });
    }
    const text = collapse(buf);
    if (text !== '') {
      blocks.push({
        index: blocks.length,
        text,
        el: blockStack[blockStack.length - 1],
        words: countWords(text),
        linkChars: Math.min(linkChars, text.length),
        links,
        boilerplate: boilerStack.length > 0 ? boilerStack[boilerStack.length - 1].word : null,
        boilerplateEl: boilerStack.length > 0 ? boilerStack[boilerStack.length - 1].el : null,
        heading,
        inQuote: quote > 0,
        inList: list > 0,
        inCell: cells.length > 0 ? cells[cells.length - 1] : null,
        inComments: comments > 0,
      });
    }
    buf = '';
    linkChars = 0;
    links = [];
  };

  const stack: Frame[] = [{ node: doc, exit: false }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const { node, exit } = frame;
    if (node.type === 'text') {
      buf += node.data;
      continue;
    }
    if (!isElement(node)) {
      const children = (node as Document).children;
      if (children && node.type === 'root')
        for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], exit: false });
      continue;
    }
    const name = node.name;
    const isBlock = BLOCK_TAGS.has(name);
    if (!exit) {
      if (SKIP_TEXT_TAGS.has(name) || isHidden(node)) continue;
      if (name === 'br' || name === 'hr') {
        flush();
        continue;
      }
      if (isBlock) {
        flush();
        blockStack.push(node);
      }
      const bw = boilerplateWord(node) ?? (TAG_BOILERPLATE.has(name) ? name : null);
      if (bw) boilerStack.push({ word: bw, el: node });
      const isComment = COMMENT_RE.test(classAndId(node));
      if (name === 'a')
        openLinks.push({ href: node.attribs.href ?? null, start: buf.length, spanned: 0, blocks: 0 });
      if (name.length === 2 && name[0] === 'h' && name[1] >= '1' && name[1] <= '6') heading = Number(name[1]);
      if (name === 'blockquote') quote++;
      if (name === 'li' || name === 'dd' || name === 'dt') list++;
      if (name === 'td' || name === 'th') cells.push(node);
      if (isComment) comments++;
      stack.push({ node, exit: true, boiler: bw !== null, comment: isComment });
      for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i], exit: false });
    } else {
      if (name === 'a') {
        const l = openLinks.pop();
        if (l && l.blocks < MAX_LINK_BLOCKS && l.spanned < MAX_LINK_CHARS) {
          const t = collapse(buf.slice(l.start));
          linkChars += t.length;
          if (t) links.push({ text: t, href: l.href });
        }
      }
      if (isBlock) {
        flush();
        blockStack.pop();
      }
      if (frame.boiler) boilerStack.pop();
      if (name.length === 2 && name[0] === 'h' && name[1] >= '1' && name[1] <= '6') heading = 0;
      if (name === 'blockquote') quote--;
      if (name === 'li' || name === 'dd' || name === 'dt') list--;
      if (name === 'td' || name === 'th') cells.pop();
      if (frame.comment) comments--;
    }
  }
  flush();
  unmarkProseHeavyFurniture(blocks);
  return blocks;
}

/** Words of unlinked, punctuated text above which a "furniture" container is taken for content. */
const FURNITURE_MAX_PROSE_WORDS = 100;

/**
 * A menu or sidebar mark over a lot of running prose is a misnesting (an unclosed <ul class=menu>
 * swallowing the page): the mark is dropped for that container's blocks.
 */
function unmarkProseHeavyFurniture(blocks: Block[]) {
  const prose = new Map<Element, { prose: number; links: number }>();
  for (const b of blocks) {
    if (!b.boilerplateEl || b.boilerplate === 'comment' || b.boilerplate === 'comments') continue;
    const t = prose.get(b.boilerplateEl) ?? { prose: 0, links: 0 };
    const ld = linkDensity(b);
    if (ld < 0.3 && /[.،؛؟!]/.test(b.text)) t.prose += b.words;
    else t.links += b.words;
    prose.set(b.boilerplateEl, t);
  }
  for (const b of blocks) {
    const t = b.boilerplateEl ? prose.get(b.boilerplateEl) : undefined;
    if (t && t.prose > FURNITURE_MAX_PROSE_WORDS && t.prose > t.links) {
      b.boilerplate = null;
      b.boilerplateEl = null;
    }
  }
}

/** Share of a block's text that sits inside links. */
export function linkDensity(b: Block): number {
  return b.text.length === 0 ? 0 : b.linkChars / b.text.length;
}
