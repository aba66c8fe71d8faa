// The article body: which container holds the article, and which of its blocks are the text.
//
// 1. Every block gets a score: positive for prose (Arabic or Latin words, with ، ؛ ؟ . as
//    signs of running sentences), negative for link lists, furniture and comment sections.
// 2. Every element sums the good and the bad of the blocks under it; the container is the
//    element with the most good minus bad (ties go to the deepest), i.e. the smallest element
//    that holds the prose without the sidebars.
// 3. Prose just before the container and after the headline (a lead kept outside the body
//    element, an <h2> lead) is taken in too.
// 4. Inside it, each block is kept or dropped by named predicates; related-article teasers
//    go to `related`.

import { countWords, PROSE_PUNCTUATION_RE } from '../arabic/chars.js';
import { foldKey } from '../arabic/keys.js';
import type { RelatedLink } from '../model/index.js';
import { type Block, linkDensity } from './blocks.js';
import {
  isFurniture,
  isImageCredit,
  isReadAlsoTeaser,
  isRelatedHeading,
  sameText,
  titleMatcher,
} from './boilerplate.js';
import { type AnyNode, type Element, isElement } from './dom.js';

/** Above this share of linked text a block is navigation or a teaser, not prose. */
const MAX_LINK_DENSITY = 0.5;
/** Words counted per block at most, so one huge block (a legal notice) cannot outweigh the rest. */
const MAX_BLOCK_WORDS = 150;
/** How many ancestor levels a block's score reaches: bounded so degenerate nesting stays linear. */
const MAX_ANCESTOR_LEVELS = 40;
/** A block with at least this many words and some punctuation is prose wherever it stands. */
const PROSE_MIN_WORDS = 12;
/** Leading/trailing blocks in the container shorter than this (and unpunctuated) are trimmed. */
const EDGE_MIN_WORDS = 7;

export interface BodyResult {
  paragraphs: string[];
  kept: Block[];
  container: Element | null;
  related: RelatedLink[];
  /** Links with headline-like text (≥ 4 words) inside the container: many of them mean a listing. */
  headlineLinks: number;
  /** Good prose words over the container (for the article/listing decision). */
  proseWords: number;
  /** Share of kept blocks that are not prose (headlines, labels): high on listings of teasers. */
  nonProseShare: number;
  /** Linked headlines inside the container: teaser cards of a listing or search page. */
  linkedHeadings: number;
  /** Prose blocks inside the container. */
  proseBlocks: number;
  /** Kept blocks outside table cells (the count nonProseShare is over). */
  freeBlocks: number;
}

function punctuationCount(text: string): number {
  return text.match(PROSE_PUNCTUATION_RE)?.length ?? 0;
}

/** Share of a block's words that are numbers: datelines and meta lines ("12 مارس 2024، 08:40") are mostly numbers. */
function numberShare(b: Block): number {
  const numbers = b.text.match(/[0-9٠-٩۰-۹]+(?:[:.,/][0-9٠-٩۰-۹]+)*/g)?.length ?? 0;
  return numbers / Math.max(1, b.words + numbers);
}

/** Above this share of numbers a block is a dateline or meta line, not prose. */
const MAX_PROSE_NUMBER_SHARE = 0.3;

/** Prose: enough words, few links, and punctuation of running sentences. */
export function isProse(b: Block): boolean {
  return (
    b.words >= PROSE_MIN_WORDS &&
    linkDensity(b) < 0.3 &&
    punctuationCount(b.text) > 0 &&
    numberShare(b) < MAX_PROSE_NUMBER_SHARE
  );
}

/** Words compared to tell a standfirst from the lead it summarises. */
const STANDFIRST_PREFIX_WORDS = 6;

/** A summary before the body that the first paragraph repeats (a standfirst, a deck). */
function isRepeatedStandfirst(b: Block, next: Block | undefined): boolean {
  if (!next || b.words > 60) return false;
  const head = (t: string) => foldKey(t.split(/\s+/).slice(0, STANDFIRST_PREFIX_WORDS).join(' '));
  return head(b.text).length > 10 && head(b.text) === head(next.text);
}

/** Score one block: > 0 is content evidence, < 0 is boilerplate evidence, 0 is neutral. */
export function scoreBlock(b: Block): number {
  if (b.inComments) return -b.words;
  const ld = linkDensity(b);
  if (ld > MAX_LINK_DENSITY) return -b.words * ld;
  if (isFurniture(b.text, b.words)) return -b.words;
  const words = Math.min(b.words, MAX_BLOCK_WORDS);
  const punct = punctuationCount(b.text);
  // Short unpunctuated lines are labels, menu items and captions: neutral.
  if (b.words < 5 && punct === 0) return 0;
  let s = words * (1 - ld);
  // Running prose has a clause mark every ~10 words (، and . alike).
  s *= 1 + Math.min(punct / Math.max(words / 10, 1), 1) * 0.5;
  if (b.words < 10 && punct === 0) s *= 0.3;
  // Inside a container whose class names furniture, prose counts against the container.
  if (b.boilerplate) s = -s * 0.5;
  return s;
}

interface Tally {
  good: number;
  bad: number;
}

function isAncestor(anc: Element, el: Element): boolean {
  let n: Element | null = el;
  for (let i = 0; n && i < 400; i++) {
    if (n === anc) return true;
    n = n.parent as Element | null;
  }
  return false;
}

/** Step 2: the element with most good minus bad; ties go to the deeper element. */
function chooseContainer(blocks: Block[], scores: number[]): Element | null {
  const tallies = new Map<Element, Tally>();
  for (let i = 0; i < blocks.length; i++) {
    const s = scores[i];
    if (s === 0) continue;
    let n: Element | null = blocks[i].el;
    for (let level = 0; n && level < MAX_ANCESTOR_LEVELS; level++) {
      let t = tallies.get(n);
      if (!t) {
        t = { good: 0, bad: 0 };
        tallies.set(n, t);
      }
      if (s > 0) t.good += s;
      else t.bad -= s;
      const parent: AnyNode | null = n.parent;
      n = parent && isElement(parent) ? parent : null;
    }
  }
  let best: Element | null = null;
  let bestValue = 0;
  let bestDepth = -1;
  for (const [el, t] of tallies) {
    const value = t.good - t.bad;
    if (value > bestValue + 1e-9) {
      best = el;
      bestValue = value;
      bestDepth = depthOf(el);
    } else if (Math.abs(value - bestValue) <= 1e-9 && best) {
      const d = depthOf(el);
      if (d > bestDepth) {
        best = el;
        bestDepth = d;
      }
    }
  }
  return best;
}

function depthOf(el: Element): number {
  let d = 0;
  for (let n = el.parent; n && d < 10_000; n = n.parent) d++;
  return d;
}

/** Step 4 predicates: why a block inside the container is not body text. */
function dropReason(b: Block, score: number, isTitle: (text: string) => boolean): string | null {
  if (b.inComments) return 'comments';
  if (b.boilerplate && !isProse(b)) return `furniture:${b.boilerplate}`;
  if (b.boilerplate && score < 0) return `furniture:${b.boilerplate}`;
  if (linkDensity(b) > MAX_LINK_DENSITY) return 'links';
  if (isRelatedHeading(b.text)) return 'related-heading';
  if (isReadAlsoTeaser(b.text) && b.links.length > 0) return 'read-also';
  if (isFurniture(b.text, b.words)) return 'furniture-text';
  if (isImageCredit(b.text, b.words)) return 'image-credit';
  if ((b.heading > 0 || b.words <= 40) && isTitle(b.text)) return 'title';
  return null;
}

/** Words up to which a furniture phrase at the very end of the body marks a comment policy or notice. */
const TAIL_FURNITURE_MAX_WORDS = 80;

function isTailJunk(b: Block): boolean {
  if (isFurniture(b.text, Math.min(b.words, furnitureWordsAtTail(b)))) return true;
  return b.words < EDGE_MIN_WORDS && punctuationCount(b.text.replace(/[:：]\s*$/, '')) === 0;
}

/** At the tail, a block up to TAIL_FURNITURE_MAX_WORDS is judged as if it were short. */
function furnitureWordsAtTail(b: Block): number {
  return b.words <= TAIL_FURNITURE_MAX_WORDS ? 1 : b.words;
}

/** Related-article links: blocks after a related heading, and "read also" teasers. */
export function collectRelated(
  blocks: Block[],
  title: string | null,
  relatedBlocks: Set<number> = new Set(),
): RelatedLink[] {
  const out: RelatedLink[] = [];
  const seen = new Set<string>();
  const add = (text: string, href: string | null) => {
    const t = text.replace(/^[\s:：\-–•]+/, '').trim();
    if (countWords(t) < 3 || seen.has(t) || (title && sameText(t, title))) return;
    seen.add(t);
    out.push({ title: t, url: href });
  };
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.inComments) continue;
    if (isRelatedHeading(b.text)) {
      for (let j = i + 1, taken = 0; j < blocks.length && taken < 30; j++) {
        const c = blocks[j];
        if (isRelatedHeading(c.text) || c.heading === 1) break;
        if (c.links.length === 0 || linkDensity(c) < 0.6) {
          if (
            c.words > 30 ||
            (c.links.length === 0 && c.words > 0 && taken > 0 && !isImageCredit(c.text, c.words))
          )
            break;
          continue;
        }
        for (const l of c.links) add(l.text, l.href);
        relatedBlocks.add(j);
        taken++;
      }
    } else if (isReadAlsoTeaser(b.text) && b.links.length > 0) {
      for (const l of b.links) add(l.text, l.href);
      relatedBlocks.add(i);
    }
  }
  return out;
}

/**
 * Find the body.
 * @example extractBody(blocks, 'عنوان الخبر').paragraphs // ['الفقرة الأولى…', …]
 */
export function extractBody(blocks: Block[], title: string | null): BodyResult {
  const scores = blocks.map(scoreBlock);
  const isTitle = titleMatcher(title);
  const container = chooseContainer(blocks, scores);
  const relatedBlocks = new Set<number>();
  const related = collectRelated(blocks, title, relatedBlocks);
  if (!container) {
    return {
      paragraphs: [],
      kept: [],
      container: null,
      related,
      headlineLinks: 0,
      proseWords: 0,
      nonProseShare: 0,
      linkedHeadings: 0,
      proseBlocks: 0,
      freeBlocks: 0,
    };
  }

  const inside: number[] = [];
  for (let i = 0; i < blocks.length; i++) if (isAncestor(container, blocks[i].el)) inside.push(i);

  // Step 3: prose between the headline and the container (a lead outside the body element).
  const first = inside[0] ?? 0;
  let titleIndex = -1;
  if (title) {
    for (let i = 0; i < first; i++) if (isTitle(blocks[i].text)) titleIndex = i;
  }
  const lead: number[] = [];
  if (titleIndex >= 0) {
    for (let i = titleIndex + 1; i < first; i++) {
      const b = blocks[i];
      if (isProse(b) && !b.boilerplate && !b.inComments && scores[i] > 0) lead.push(i);
    }
  }

  const keptIdx: number[] = [];
  for (const i of [...lead, ...inside]) {
    if (dropReason(blocks[i], scores[i], isTitle) === null) keptIdx.push(i);
  }
  // Trim the ends: before the first prose block stand labels, datelines, bylines and split
  // headlines (read separately); after the last, signatures and comment policies.
  let s = 0;
  let e = keptIdx.length - 1;
  while (s <= e && !isProse(blocks[keptIdx[s]])) s++;
  if (s < e && isRepeatedStandfirst(blocks[keptIdx[s]], blocks[keptIdx[s + 1]])) s++;
  while (e >= s && isTailJunk(blocks[keptIdx[e]])) e--;
  const kept = keptIdx.slice(s, e + 1).map((i) => blocks[i]);

  let headlineLinks = 0;
  let proseWords = 0;
  let linkedHeadings = 0;
  for (const i of inside) {
    // A linked headline (a heading link, or a link line of 4+ words) is a teaser card's title.
    const bi = blocks[i];
    if (
      !bi.boilerplate &&
      !relatedBlocks.has(i) &&
      linkDensity(bi) > MAX_LINK_DENSITY &&
      (bi.heading > 0 || bi.words >= 4)
    ) {
      linkedHeadings++;
    }
    for (const l of blocks[i].links) if (countWords(l.text) >= 4) headlineLinks++;
    if (scores[i] > 0 && !blocks[i].boilerplate) proseWords += blocks[i].words;
  }
  // Table cells are short by nature: they do not count here.
  const freeStanding = kept.filter((b) => !b.inCell);
  const nonProseShare =
    freeStanding.length === 0 ? 0 : freeStanding.filter((b) => !isProse(b)).length / freeStanding.length;
  return {
    paragraphs: toParagraphs(kept),
    kept,
    container,
    related,
    headlineLinks,
    proseWords,
    nonProseShare,
    linkedHeadings,
    proseBlocks: inside.filter((i) => isProse(blocks[i])).length,
    freeBlocks: freeStanding.length,
  };
}

/** Blocks → paragraph strings; the cells of one table row become one line. */
export function toParagraphs(kept: Block[]): string[] {
  const out: string[] = [];
  let row: Element | null = null;
  let cell: Element | null = null;
  for (const b of kept) {
    const cellRow = b.inCell && b.el === b.inCell ? (b.inCell.parent as Element | null) : null;
    // The next cell of the same row continues the line; lines within one cell (<br>) do not.
    if (cellRow && cellRow === row && b.inCell !== cell && out.length > 0) {
      out[out.length - 1] += ` ${b.text}`;
    } else {
      out.push(b.text);
    }
    row = cellRow;
    cell = b.inCell;
  }
  return out;
}
