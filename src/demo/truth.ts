// The demo's ground truth, derived from demo/content: what each article page should yield.
// scripts/build-demo-truth.ts writes it to demo/truth.json; the tests check it is current.

import { authorsOf, loadContent } from './content.js';

export interface TruthArticle {
  id: string;
  /** The outlet id of the site that serves the page. */
  outlet: string;
  /** The serving site's own name (what og:site_name says). */
  siteName: string;
  /** Path on that site (the demo server decides the origin). */
  url: string;
  /** The headline without any site name. */
  title: string;
  published: string;
  authors: string[];
  story: string | null;
  /** The original this page copies (syndication or aggregator), or null for an original. */
  copyOf: string | null;
  /** The outlet a copy credits ("منبر الشام"); null on originals. */
  creditedOutlet: string | null;
}

export interface DemoTruth {
  about: string;
  articles: TruthArticle[];
  /** Story id → every article about it, originals and copies, oldest first. */
  stories: Record<string, string[]>;
}

/** The truth for every demo article, ordered by outlet (content order) then date. */
export function buildDemoTruth(): DemoTruth {
  const content = loadContent();
  const articles: TruthArticle[] = [];
  for (const outlet of content.outlets) {
    const own = [...(content.byOutlet.get(outlet.id) ?? [])].reverse();
    for (const a of own) {
      articles.push({
        id: a.id,
        outlet: outlet.id,
        siteName: outlet.name,
        url: a.path,
        title: a.title,
        published: a.published,
        authors: authorsOf(a),
        story: a.story,
        copyOf: a.copyOf,
        creditedOutlet: a.credit,
      });
    }
  }
  const stories: Record<string, string[]> = {};
  const byDate = [...articles].sort(
    (x, y) => Date.parse(x.published) - Date.parse(y.published) || (x.id < y.id ? -1 : 1),
  );
  for (const a of byDate) {
    if (!a.story) continue;
    stories[a.story] = [...(stories[a.story] ?? []), a.id];
  }
  const sorted = Object.fromEntries(
    Object.keys(stories)
      .sort()
      .map((k) => [k, stories[k]]),
  );
  return {
    about:
      'Ground truth for the Marsad demo sites (fiction written for Marsad). Built from demo/content by scripts/build-demo-truth.ts; do not edit by hand.',
    articles,
    stories: sorted,
  };
}
