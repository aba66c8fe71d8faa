// The visible text of a fixture page, computed naively (decode with the expected encoding,
// drop scripts and styles, a space at every block boundary). Used only to check that a
// fixture's expected.json agrees with its own page — never as the answer for the extractor.

import type { ChildNode } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { collapse } from './fixtures.js';

const SKIPPED = new Set(['script', 'style', 'template']);
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'em',
  'font',
  'i',
  'mark',
  'q',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
]);

export function pageText(html: string): string {
  const parts: string[] = [];
  const walk = (nodes: ChildNode[]) => {
    for (const node of nodes) {
      if (node.type === 'text') parts.push(node.data);
      else if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
        if (SKIPPED.has(node.name)) continue;
        const block = !INLINE.has(node.name);
        if (block) parts.push(' ');
        walk(node.children);
        if (block) parts.push(' ');
      } else if ('children' in node) walk(node.children as ChildNode[]);
    }
  };
  walk(parseDocument(html).children);
  return collapse(parts.join(''));
}
