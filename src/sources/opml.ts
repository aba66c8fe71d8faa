// OPML reading lists: the feeds in them (nested folders flattened), and writing our sources
// back out as OPML 2.0 so another reader can import them. Both through feedsmith.

import { generateOpml, parseOpml } from 'feedsmith';
import type { Result } from '../model/index.js';
import { fail, ok } from '../model/index.js';
import { decodeXml, gunzip, isBinary, isGzip } from './bytes.js';
import { MAX_OPML_BYTES, MAX_OPML_DEPTH } from './limits.js';
import { toPlainText } from './text.js';
import type { OpmlFeed, OpmlSourceInput } from './types.js';
import { resolveHttpUrl } from './urls.js';

type Outline = NonNullable<NonNullable<ReturnType<typeof parseOpml>['body']>['outlines']>[number];

/**
 * The feeds listed in an OPML file, in document order, folders flattened, duplicates dropped.
 * An outline is a feed when it has an http(s) `xmlUrl` (whatever its `type`, since readers
 * write `rss`, `atom`, `RSS` or nothing). Never throws.
 *
 * @example
 * readOpml(bytesOf('<opml version="2.0"><body><outline text="سوريا">' +
 *   '<outline text="بلدي نيوز" xmlUrl="https://example.org/feed"/></outline></body></opml>'))
 * // → ok([{ url: 'https://example.org/feed', title: 'بلدي نيوز', kind: 'feed' }])
 */
export function readOpml(input: Uint8Array): Result<OpmlFeed[]> {
  try {
    return readOpmlOrThrow(input);
  } catch (err) {
    return fail('source.malformed', `could not read the OPML file: ${(err as Error).message}`, err);
  }
}

function readOpmlOrThrow(input: Uint8Array): Result<OpmlFeed[]> {
  if (input.length === 0) return fail('source.empty', 'the OPML file is empty (0 bytes)');
  let bytes = input;
  if (isGzip(bytes)) {
    const unzipped = gunzip(bytes, MAX_OPML_BYTES);
    if (!unzipped.ok) return unzipped;
    bytes = unzipped.value.bytes;
  }
  if (bytes.length > MAX_OPML_BYTES) {
    return fail('source.too-large', `the OPML file is ${bytes.length} bytes; the limit is ${MAX_OPML_BYTES}`);
  }
  if (isBinary(bytes)) return fail('source.unsupported', 'binary data, not an OPML file');
  const text = decodeXml(bytes).text;
  if (!/<opml[\s>]/i.test(text.slice(0, 4096))) {
    return fail('source.unsupported', 'not an OPML file: no <opml> root element');
  }
  let doc: ReturnType<typeof parseOpml>;
  try {
    doc = parseOpml(text);
  } catch (err) {
    const cause = (err as Error).cause;
    const reason = cause instanceof Error ? cause.message : (err as Error).message;
    return fail('source.malformed', `the OPML file is not well-formed: ${reason}`, err);
  }
  const feeds: OpmlFeed[] = [];
  const seen = new Set<string>();
  // Iterative walk, depth-capped: folders nest, and a hostile file can nest deeper than the stack.
  const stack: Array<{ outline: Outline; depth: number }> = [];
  const pushAll = (outlines: unknown, depth: number) => {
    if (!Array.isArray(outlines) || depth > MAX_OPML_DEPTH) return;
    for (let i = outlines.length - 1; i >= 0; i--) stack.push({ outline: outlines[i] as Outline, depth });
  };
  pushAll(doc.body?.outlines, 0);
  while (stack.length > 0) {
    const { outline, depth } = stack.pop()!;
    if (outline === null || typeof outline !== 'object') continue;
    const url = resolveHttpUrl(typeof outline.xmlUrl === 'string' ? outline.xmlUrl : null);
    if (url && !seen.has(url)) {
      seen.add(url);
      feeds.push({ url, title: toPlainText(outline.title ?? outline.text ?? null), kind: 'feed' });
    }
    pushAll(outline.outlines, depth + 1);
  }
  if (feeds.length === 0)
    return fail('source.empty', 'the OPML file lists no feeds (no outline with an xmlUrl)');
  return ok(feeds);
}

/**
 * Our sources as an OPML 2.0 document (UTF-8), one `<outline type="rss">` each.
 *
 * @example writeOpml([{ url: 'https://example.org/feed', name: 'بلدي نيوز' }])
 */
export function writeOpml(sources: OpmlSourceInput[], title = 'Marsad sources'): string {
  return generateOpml({
    head: { title, dateCreated: new Date() },
    body: {
      outlines: sources.map((s) => ({ text: s.name, title: s.name, type: 'rss', xmlUrl: s.url })),
    },
  });
}
