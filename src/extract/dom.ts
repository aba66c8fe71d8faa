// The DOM we extract from: htmlparser2's document, with the few helpers every part needs.
// Traversals are iterative (explicit stacks), so 100,000 nested <div>s cannot overflow the stack.

import type { AnyNode, Document, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';

export type { AnyNode, Document, Element };

export function parseHtml(html: string): Document {
  return parseDocument(limitNesting(html), {
    lowerCaseTags: true,
    lowerCaseAttributeNames: true,
    decodeEntities: true,
  });
}

/** Deepest element nesting kept. Real pages stay under ~60; htmlparser2's open-element stack is
 * an array it shifts and unshifts, so 100,000 nested <div>s would take it minutes. */
export const MAX_NESTING = 1000;

const TAG_RE = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)(?:\s[^>]*?)?(\/?)>/g;
const VOID_TAGS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

/**
 * Drop the open tags nested deeper than MAX_NESTING (and the close tags that pair with them),
 * keeping all text. Returns the input itself when nothing is that deep (the common case).
 */
export function limitNesting(html: string, max = MAX_NESTING): string {
  // A page needs more than `max` tags to be that deep: skip the scan for small pages.
  if (html.length < max * 4) return html;
  let depth = 0;
  let deepest = 0;
  for (const m of html.matchAll(TAG_RE)) {
    if (m[3] === '/' || VOID_TAGS.has(m[2].toLowerCase())) continue;
    depth += m[1] === '/' ? -1 : 1;
    if (depth < 0) depth = 0;
    if (depth > deepest) deepest = depth;
  }
  if (deepest <= max) return html;
  depth = 0;
  let skipped = 0;
  return html.replace(TAG_RE, (tag, close: string, name: string, selfClose: string) => {
    if (selfClose === '/' || VOID_TAGS.has(name.toLowerCase())) return tag;
    if (close === '/') {
      if (skipped > 0) {
        skipped--;
        return '';
      }
      if (depth > 0) depth--;
      return tag;
    }
    if (depth >= max) {
      skipped++;
      return '';
    }
    depth++;
    return tag;
  });
}

export function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

export function attr(el: Element, name: string): string | null {
  const v = el.attribs[name];
  return v === undefined ? null : v;
}

/** All elements under `root` (document order) for which `pred` holds. */
export function findAll(root: AnyNode, pred: (el: Element) => boolean): Element[] {
  const out: Element[] = [];
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isElement(node) && pred(node)) out.push(node);
    const children = (node as Element).children;
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return out;
}

export function findFirst(root: AnyNode, pred: (el: Element) => boolean): Element | null {
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isElement(node) && pred(node)) return node;
    const children = (node as Element).children;
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return null;
}

/** Text of a node with whitespace collapsed; tags add nothing (words split over spans stay whole). */
export function textOf(root: AnyNode, opts: { skipHidden?: boolean } = {}): string {
  let out = '';
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') out += node.data;
    else if (isElement(node)) {
      if (SKIP_TEXT_TAGS.has(node.name)) continue;
      if (opts.skipHidden && isHidden(node)) continue;
      if (node.name === 'br' || BLOCK_TAGS.has(node.name)) out += ' ';
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
    } else if ((node as Document).children) {
      const children = (node as Document).children;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
  }
  return collapse(out);
}

export function collapse(s: string): string {
  // A space before a haraka is markup whitespace inside a word ("ي</span>\n<span>ُرجى"): drop it.
  return s
    .replace(/[\s\u00A0\u200B\uFEFF]+/g, ' ')
    .replace(/ (?=[\u064B-\u065F\u0670])/g, '')
    .trim();
}

/** Elements whose text is never content. */
export const SKIP_TEXT_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'select',
  'option',
  'textarea',
  'button',
  'input',
  'head',
  'title',
  'meta',
  'link',
]);

/** Elements that start a new block of text. */
export const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'html',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

const HIDDEN_STYLE_RE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

/** Hidden by the page itself: `hidden`, aria-hidden, display:none or visibility:hidden inline. */
export function isHidden(el: Element): boolean {
  const a = el.attribs;
  if (a.hidden !== undefined) return true;
  if (a['aria-hidden'] === 'true') return true;
  const style = a.style;
  return style !== undefined && HIDDEN_STYLE_RE.test(style);
}

/** `class` and `id` of an element, lower-cased, as one string for pattern checks. */
export function classAndId(el: Element): string {
  const c = el.attribs.class;
  const id = el.attribs.id;
  if (c === undefined && id === undefined) return '';
  return `${c ?? ''} ${id ?? ''}`.toLowerCase();
}
