// Plain text from the HTML snippets feeds put in titles and descriptions.

import { type ChildNode, type Document, isCDATA, isTag, isText } from 'domhandler';
import { parseDocument } from 'htmlparser2';

/** Something that looks like markup or an entity; plain text skips the HTML parser. */
const LOOKS_LIKE_HTML = /<[a-zA-Z!/]|&[#a-zA-Z0-9]+;/;

/**
 * HTML or plain text → one line of plain text, whitespace collapsed, cut to `maxChars` (with
 * an ellipsis); null when nothing is left.
 *
 * @example toPlainText('<p>عاجل: <b>انفجار</b></p>') === 'عاجل: انفجار'
 */
export function toPlainText(
  value: string | null | undefined,
  maxChars = Number.POSITIVE_INFINITY,
): string | null {
  if (typeof value !== 'string') return null;
  let text = value;
  if (LOOKS_LIKE_HTML.test(text)) {
    text = textOutsideCode(parseDocument(text));
  }
  text = text.replace(/\s+/g, ' ').trim();
  if (text === '') return null;
  if (text.length > maxChars) text = `${text.slice(0, maxChars).trimEnd()}…`;
  return text;
}

/** Elements that end a run of words: without a space `<p>أ</p><p>ب</p>` would read "أب". */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);

/** Scripts and styles in descriptions are code, not words. */
const CODE_TAGS = new Set(['script', 'style', 'noscript', 'template']);

/** Iterative on purpose: a hostile description can nest tags deeper than the call stack. */
function textOutsideCode(doc: Document): string {
  const parts: string[] = [];
  // Work items: a node to visit, or a ' ' to emit after a block element's children.
  const stack: Array<ChildNode | ' '> = [...doc.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === ' ') {
      parts.push(' ');
    } else if (isText(node)) {
      parts.push(node.data);
    } else if (isTag(node)) {
      const name = node.name.toLowerCase();
      if (CODE_TAGS.has(name)) continue;
      const block = BLOCK_TAGS.has(name);
      if (block) {
        parts.push(' ');
        stack.push(' ');
      }
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
    } else if (isCDATA(node)) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
    }
  }
  return parts.join('');
}
