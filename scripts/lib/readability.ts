// Readability as people usually run it, for comparison: a decoded string into jsdom (or
// linkedom, its fast setup), isProbablyReaderable() for "is this an article", parse() for the
// rest. jsdom's CSS and script errors are silenced with an unattached VirtualConsole.
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { parseHTML } from 'linkedom';
import type { SystemOutput } from './score.js';

/** jsdom options shared by the eval and the bench: the page URL if known, no console noise. */
export function jsdomOptions(url: string | null): { url?: string; virtualConsole: VirtualConsole } {
  return { ...(url ? { url } : {}), virtualConsole: new VirtualConsole() };
}

/** Readability on jsdom, mapped to the Article's fields the way a user would read them. */
export function runReadabilityJsdom(html: string, url: string | null): SystemOutput {
  const dom = new JSDOM(html, jsdomOptions(url));
  try {
    const document = dom.window.document;
    // Before parse(): parse() rewrites the document it is given.
    const readerable = isProbablyReaderable(document);
    const article = new Readability(document).parse();
    const byline = article?.byline?.trim() ?? '';
    return {
      isArticle: readerable,
      title: article?.title ?? null,
      siteName: article?.siteName ?? null,
      // Readability has no outlet: a user would take the site name.
      outlet: article?.siteName ?? null,
      authors: byline === '' ? [] : [byline],
      published: article?.publishedTime ?? null,
      text: article?.textContent ?? '',
    };
  } finally {
    dom.window.close();
  }
}

/** Readability's parse() on a linkedom document: the bench's fast setup. */
export function parseReadabilityLinkedom(html: string): unknown {
  const { document } = parseHTML(html);
  return new Readability(document).parse();
}

/** Readability's parse() on a jsdom document: the bench's usual setup. */
export function parseReadabilityJsdom(html: string, url: string | null): unknown {
  const dom = new JSDOM(html, jsdomOptions(url));
  try {
    return new Readability(dom.window.document).parse();
  } finally {
    dom.window.close();
  }
}
