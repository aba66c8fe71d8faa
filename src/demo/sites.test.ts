// The demo sites: enough articles over enough sites, every article reachable from a feed or
// sitemap, feeds well-formed, the windows-1256 site decodable, internal links resolvable,
// copies pointing at other outlets, the committed truth file current. At the end, if the
// extract stage is there, it runs on a sample of pages and prints (never asserts) how much
// of the truth it recovers.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import type { Element } from 'domhandler';
import * as DomUtils from 'domutils';
import { Parser, parseDocument } from 'htmlparser2';
import { loadContent } from './content.js';
import { hijriDate, MONTHS, relativeAgo, toArabicIndic, wordCount } from './format.js';
import { renderSites, type SiteFile } from './sites.js';
import { buildDemoTruth, type DemoTruth } from './truth.js';

const content = loadContent();
const BASE: Record<string, string> = Object.fromEntries(
  content.outlets.map((o, i) => [o.id, `http://127.0.0.1:${4100 + i}`]),
);
const sites = renderSites(BASE);
const truth = buildDemoTruth();

function decode(file: SiteFile): string {
  const charset = /charset=([\w-]+)/i.exec(file.contentType)?.[1]?.toLowerCase() ?? 'utf-8';
  return new TextDecoder(charset, { fatal: true }).decode(file.body);
}

function fileOf(outlet: string, path: string): SiteFile {
  const f = sites.get(outlet)?.get(path);
  assert.ok(f, `${outlet} serves ${path}`);
  return f;
}

/** Strict enough for our feeds: every element closed explicitly, only XML's own entities. */
function assertWellFormedXml(xml: string, label: string): void {
  const problems: string[] = [];
  const stack: { name: string; selfClosing: boolean }[] = [];
  let roots = 0;
  let explicitCloses = 0;
  const parser: Parser = new Parser(
    {
      onopentag(name) {
        if (stack.length === 0) roots++;
        stack.push({ name, selfClosing: xml[parser.endIndex - 1] === '/' });
      },
      onclosetag(name, isImplied) {
        const top = stack.pop();
        if (!top || top.name !== name) problems.push(`</${name}> does not close <${top?.name}>`);
        else if (isImplied && !top.selfClosing) problems.push(`<${name}> is never closed`);
        if (!isImplied) explicitCloses++;
      },
      onerror(err) {
        problems.push(err.message);
      },
    },
    { xmlMode: true },
  );
  parser.write(xml);
  parser.end();
  if (roots !== 1) problems.push(`${roots} root elements`);
  const outsideCdata = xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
  // htmlparser2 drops a stray end tag silently: count them in the source instead.
  const endTags = outsideCdata.match(/<\/[^>]+>/g)?.length ?? 0;
  if (endTags !== explicitCloses) problems.push(`${endTags - explicitCloses} end tags close nothing`);
  const badEntity = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.exec(outsideCdata);
  if (badEntity)
    problems.push(`bare or unknown entity at …${outsideCdata.slice(badEntity.index, badEntity.index + 12)}`);
  if (!xml.startsWith('<?xml')) problems.push('no XML declaration');
  assert.deepEqual(problems, [], `${label} is well-formed XML`);
}

function textOf(el: Element | null | undefined): string {
  return el ? DomUtils.textContent(el).trim() : '';
}

/** Every article URL a site's feed (or sitemap index and its sitemaps) lists. */
function feedUrls(outletId: string): Set<string> {
  const outlet = content.outletById.get(outletId)!;
  const files = sites.get(outletId)!;
  const base = BASE[outletId];
  const urls = new Set<string>();
  const xmlDoc = (path: string) => parseDocument(decode(fileOf(outletId, path)), { xmlMode: true });
  const byTag = (doc: ReturnType<typeof parseDocument>, tag: string) =>
    DomUtils.getElementsByTagName(tag, doc.children, true);
  switch (outlet.feed) {
    case 'rss2':
    case 'rdf': {
      const path = [...files.keys()].find((p) => /\/(feed\/|rss\.xml|ar\/rss\.rdf)$/.test(p))!;
      for (const item of byTag(xmlDoc(path), 'item')) {
        urls.add(textOf(DomUtils.getElementsByTagName('link', item.children, false)[0]));
      }
      break;
    }
    case 'atom':
      for (const entry of byTag(xmlDoc('/feed.atom'), 'entry')) {
        const link = DomUtils.getElementsByTagName('link', entry.children, false).find(
          (l) => l.attribs.rel === 'alternate',
        );
        if (link) urls.add(link.attribs.href);
      }
      break;
    case 'jsonfeed': {
      const feed = JSON.parse(decode(fileOf(outletId, '/feed.json'))) as { items: { url: string }[] };
      for (const item of feed.items) urls.add(item.url);
      break;
    }
    case 'news-sitemap':
      for (const loc of byTag(xmlDoc('/sitemap.xml'), 'loc')) {
        const child = textOf(loc).slice(base.length);
        for (const url of byTag(xmlDoc(child), 'url')) {
          const hasNews =
            DomUtils.getElementsByTagName('news:publication_date', url.children, true).length > 0;
          if (hasNews) urls.add(textOf(DomUtils.getElementsByTagName('loc', url.children, false)[0]));
        }
      }
      break;
  }
  return urls;
}

describe('demo content', () => {
  test('at least 200 articles over at least 7 sites, 160+ originals and 40+ aggregator copies', () => {
    assert.ok(sites.size >= 7, `${sites.size} sites`);
    assert.ok(content.articles.length >= 200, `${content.articles.length} articles`);
    const originals = content.articles.filter((a) => !a.copyOf);
    const aggregated = content.articles.filter(
      (a) => content.outletById.get(a.outletId)!.kind === 'aggregator',
    );
    assert.ok(originals.length >= 160, `${originals.length} originals`);
    assert.ok(aggregated.length >= 40, `${aggregated.length} aggregator copies`);
    const syndicated = content.articles.filter((a) => a.copyOf && !aggregated.includes(a));
    assert.ok(syndicated.length >= 5, `${syndicated.length} syndicated copies`);
  });

  test('originals are 120–400 words in 3–8 paragraphs, dated 2026-10-15 … 2026-11-13', () => {
    for (const a of content.articles) {
      const day = a.published.slice(0, 10);
      assert.ok(day >= '2026-10-15' && day <= '2026-11-13', `${a.id} published ${a.published}`);
      if (a.copyOf) continue;
      const words = a.paragraphs.reduce((n, p) => n + wordCount(p), 0);
      assert.ok(words >= 120 && words <= 400, `${a.id}: ${words} words`);
      assert.ok(
        a.paragraphs.length >= 3 && a.paragraphs.length <= 8,
        `${a.id}: ${a.paragraphs.length} paragraphs`,
      );
    }
  });

  test('every copyOf points to an original of another outlet, published earlier', () => {
    for (const a of content.articles.filter((x) => x.copyOf)) {
      const original = content.articleById.get(a.copyOf!);
      assert.ok(original, `${a.id} copies ${a.copyOf}`);
      assert.notEqual(original.outletId, a.outletId, `${a.id} copies its own outlet`);
      assert.equal(original.copyOf, null, `${a.id} copies a copy`);
      assert.ok(Date.parse(a.published) > Date.parse(original.published), `${a.id} predates its original`);
      assert.equal(
        a.credit,
        content.outletById.get(original.outletId)!.name,
        `${a.id} credits its original's outlet`,
      );
    }
  });

  test('each story is covered by at least two outlets in their own words', () => {
    const stories = new Map<string, Set<string>>();
    for (const a of content.articles) {
      if (a.story && !a.copyOf) stories.set(a.story, (stories.get(a.story) ?? new Set()).add(a.outletId));
    }
    assert.ok(stories.size >= 30, `${stories.size} stories`);
    for (const [story, outlets] of stories)
      assert.ok(outlets.size >= 2, `${story}: ${[...outlets].join(', ')}`);
  });
});

describe('demo sites', () => {
  test('every article has a page on its site, 200+ in all', () => {
    let pages = 0;
    for (const a of content.articles) {
      const f = fileOf(a.outletId, a.path);
      assert.match(f.contentType, /^text\/html/);
      pages++;
    }
    assert.ok(pages >= 200);
  });

  test('feeds and sitemaps are well-formed and list every article', () => {
    for (const outlet of content.outlets) {
      for (const [path, file] of sites.get(outlet.id)!) {
        if (/^application\/[\w+]*(xml|rdf|atom|rss)/.test(file.contentType)) {
          assertWellFormedXml(decode(file), `${outlet.id} ${path}`);
        }
        if (file.contentType.startsWith('application/feed+json')) {
          const feed = JSON.parse(decode(file));
          assert.equal(feed.version, 'https://jsonfeed.org/version/1.1');
        }
      }
      const listed = feedUrls(outlet.id);
      for (const a of content.byOutlet.get(outlet.id)!) {
        assert.ok(listed.has(BASE[outlet.id] + a.path), `${a.id} (${a.path}) is in ${outlet.id}'s feed`);
      }
    }
  });

  test('one feed of each kind', () => {
    const kinds = content.outlets.map((o) => o.feed).sort();
    assert.deepEqual([...new Set(kinds)].sort(), ['atom', 'jsonfeed', 'news-sitemap', 'rdf', 'rss2']);
    assert.match(decode(fileOf('fayhaa', '/ar/rss.rdf')), /^<\?xml version="1.0" encoding="windows-1256"\?>/);
    assert.match(decode(fileOf('waha', '/sitemap.xml')), /<sitemapindex/);
  });

  test('the windows-1256 site decodes to exactly what was written', () => {
    const decoder = new TextDecoder('windows-1256');
    for (const a of content.byOutlet.get('fayhaa')!) {
      const file = fileOf('fayhaa', a.path);
      assert.equal(file.contentType, 'text/html; charset=windows-1256');
      assert.ok(!file.body.includes(Buffer.from(a.title, 'utf8')), 'bytes are not UTF-8');
      const html = decoder.decode(file.body);
      assert.ok(!html.includes('\uFFFD'));
      assert.ok(html.includes('<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'));
      assert.ok(html.includes(a.title), `${a.id} title survives the round trip`);
      assert.ok(
        html.includes(a.paragraphs[0].replace(/"/g, '&quot;')),
        `${a.id} text survives the round trip`,
      );
    }
  });

  test('internal links, images and stylesheets resolve (or are kept out by robots.txt)', () => {
    for (const outlet of content.outlets) {
      const files = sites.get(outlet.id)!;
      const robots = decode(files.get('/robots.txt')!);
      const disallowed = [...robots.split('User-agent: GPTBot')[0].matchAll(/^Disallow: (\S+)/gm)].map(
        (m) => m[1],
      );
      const broken = new Set<string>();
      for (const [path, file] of files) {
        if (!file.contentType.startsWith('text/html')) continue;
        const doc = parseDocument(decode(file));
        const refs = DomUtils.findAll(() => true, doc.children).flatMap((el) =>
          ['href', 'src', 'data-src'].map((k) => el.attribs[k]).filter((v): v is string => !!v),
        );
        for (const ref of refs) {
          const local = ref.startsWith(BASE[outlet.id]) ? ref.slice(BASE[outlet.id].length) || '/' : ref;
          if (!local.startsWith('/') || local.startsWith('//')) continue;
          const target = local.split('#')[0];
          if (files.has(target) || disallowed.some((d) => target.startsWith(d))) continue;
          broken.add(`${path} → ${target}`);
        }
      }
      assert.deepEqual([...broken].slice(0, 10), [], `${outlet.id} has no broken internal links`);
    }
  });

  test('robots.txt: the agency asks for a crawl delay and keeps print pages out', () => {
    const robots = decode(fileOf('fayhaa', '/robots.txt'));
    assert.match(robots, /^Crawl-delay: 0.5$/m);
    assert.match(robots, /^Disallow: \/print\/$/m);
    assert.match(
      decode(fileOf('waha', '/robots.txt')),
      /^Sitemap: http:\/\/127\.0\.0\.1:\d+\/sitemap\.xml$/m,
    );
  });

  test('aggregator pages glue the site name to the headline and list related posts', () => {
    for (const a of content.byOutlet.get('planet')!) {
      const html = decode(fileOf('planet', a.path));
      const title = `${a.title} - Planet Headline!`;
      const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
      assert.ok(html.includes(`<title>${esc(title)}</title>`), `${a.id} <title>`);
      assert.ok(html.includes(`<meta property="og:title" content="${esc(title)}">`), `${a.id} og:title`);
      assert.ok(html.includes('<h3>مقالات ذات صلة</h3>'));
      const credit = a.author ? `<p>${a.credit} – (${a.author})</p>` : `<p>المصدر: ${a.credit}</p>`;
      assert.ok(html.includes(credit), `${a.id} credits its outlet`);
    }
  });

  test('regional dates: Arabic-Indic digits, Hijri dates, Maghrebi and Levantine month names', () => {
    const nawafed = content.byOutlet.get('nawafed')!.find((a) => !a.copyOf)!;
    assert.match(decode(fileOf('nawafed', nawafed.path)), /<time class="published"[^>]*>[^<]*[٠-٩]{4}/);
    const waha = content.byOutlet.get('waha')![0];
    assert.ok(decode(fileOf('waha', waha.path)).includes(hijriDate(waha.published)));
    assert.match(hijriDate('2026-10-25T09:00:00+03:00'), /^14 جمادى الأولى 1448هـ$/);
    const khadraText = [...sites.get('khadra')!.values()].map((f) => decode(f)).join('\n');
    for (const month of ['جانفي', 'فيفري', 'جوان', 'جويلية', 'أوت'])
      assert.ok(khadraText.includes(month), month);
    assert.ok(decode(fileOf('sada', '/')).includes(MONTHS.levantine[10]));
    assert.equal(toArabicIndic('2026'), '٢٠٢٦');
    assert.equal(relativeAgo('2026-11-13T19:00:00+03:00'), 'منذ ساعتين');
    const sada = content.byOutlet.get('sada')!.find((a) => a.modified)!;
    assert.match(decode(fileOf('sada', sada.path)), /آخر تحديث: <time[^>]*>منذ ساعتين</);
  });

  test('rendering is deterministic', () => {
    const again = renderSites(BASE);
    for (const [outlet, files] of sites) {
      for (const [path, file] of files)
        assert.ok(again.get(outlet)!.get(path)!.body.equals(file.body), `${outlet} ${path}`);
    }
  });
});

describe('demo truth', () => {
  test('demo/truth.json is current and its ids exist', () => {
    const committed = JSON.parse(
      readFileSync(new URL('../../demo/truth.json', import.meta.url), 'utf8'),
    ) as DemoTruth;
    assert.deepEqual(committed, truth, 'run `npx tsx scripts/build-demo-truth.ts`');
    const ids = new Set(truth.articles.map((a) => a.id));
    assert.equal(ids.size, content.articles.length);
    for (const a of truth.articles) {
      assert.ok(content.articleById.has(a.id));
      if (a.copyOf) assert.ok(ids.has(a.copyOf), `${a.id} copyOf ${a.copyOf}`);
      fileOf(a.outlet, a.url);
    }
    for (const [story, members] of Object.entries(truth.stories)) {
      for (const id of members) assert.ok(ids.has(id), `${story}: ${id}`);
    }
  });
});

// How much of the truth does the extract stage recover on these pages? A gate at 98% per field
// and per site (all fields matched 100% when it was set), so a regression shows at once.
const DEMO_EXTRACT_FLOOR = 0.98;

describe('extract on the demo sites', () => {
  const extractPath = new URL('../extract/index.ts', import.meta.url);
  test('sample of article pages', { skip: !existsSync(extractPath) && 'no src/extract yet' }, async (t) => {
    let extractArticle: (
      input: Uint8Array,
      options: { url: string },
    ) => {
      isArticle: boolean;
      title: string | null;
      outlet: string | null;
      authors: string[];
      published: string | null;
    };
    try {
      ({ extractArticle } = await import('../extract/index.js'));
    } catch (err) {
      t.diagnostic(`extract did not load: ${(err as Error).message}`);
      return;
    }
    // Every article page (a "sample" of one run; it takes a few seconds).
    const sample = truth.articles;
    const tally = new Map<
      string,
      { n: number; article: number; title: number; outlet: number; authors: number; date: number }
    >();
    const misses: string[] = [];
    const norm = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();
    for (const a of sample) {
      const file = fileOf(a.outlet, a.url);
      const got = extractArticle(file.body, { url: BASE[a.outlet] + a.url });
      const row = tally.get(a.outlet) ?? { n: 0, article: 0, title: 0, outlet: 0, authors: 0, date: 0 };
      const expectedOutlet = a.creditedOutlet ?? a.siteName;
      const ok = {
        article: got.isArticle,
        title: norm(got.title) === norm(a.title),
        outlet: norm(got.outlet) === expectedOutlet,
        authors: JSON.stringify(got.authors) === JSON.stringify(a.authors),
        // A page that prints only local time is read right when the wall-clock time matches.
        date:
          got.published !== null &&
          (Date.parse(got.published) === Date.parse(a.published) ||
            (!/(Z|[+-]\d\d:\d\d)$/.test(got.published) && a.published.startsWith(got.published))),
      };
      row.n++;
      for (const k of Object.keys(ok) as (keyof typeof ok)[]) if (ok[k]) row[k]++;
      tally.set(a.outlet, row);
      if (!ok.title) misses.push(`${a.id} title: ${JSON.stringify(got.title)} ≠ ${JSON.stringify(a.title)}`);
      if (!ok.outlet)
        misses.push(`${a.id} outlet: ${JSON.stringify(got.outlet)} ≠ ${JSON.stringify(expectedOutlet)}`);
      if (!ok.authors)
        misses.push(`${a.id} authors: ${JSON.stringify(got.authors)} ≠ ${JSON.stringify(a.authors)}`);
      if (!ok.date) misses.push(`${a.id} published: ${got.published} ≠ ${a.published}`);
    }
    const lines = ['outlet     pages  article  title  outlet  authors  date'];
    for (const [outlet, r] of tally) {
      lines.push(
        `${outlet.padEnd(10)} ${String(r.n).padStart(5)} ${String(r.article).padStart(8)} ${String(r.title).padStart(6)} ${String(r.outlet).padStart(7)} ${String(r.authors).padStart(8)} ${String(r.date).padStart(5)}`,
      );
    }
    // Home, section and archive pages should not pass for articles.
    const articlePaths = new Set(truth.articles.map((x) => `${x.outlet} ${x.url}`));
    const listings: string[] = [];
    let listingsAsArticles = 0;
    for (const [outlet, files] of sites) {
      for (const [path, file] of files) {
        if (!file.contentType.startsWith('text/html') || articlePaths.has(`${outlet} ${path}`)) continue;
        listings.push(`${outlet} ${path}`);
        if (extractArticle(file.body, { url: BASE[outlet] + path }).isArticle) {
          listingsAsArticles++;
          misses.push(`${outlet} ${path}: listing page taken for an article`);
        }
      }
    }
    lines.push(`listing pages taken for articles: ${listingsAsArticles} of ${listings.length}`);
    t.diagnostic(`extract on ${sample.length} demo article pages (matches per field):\n${lines.join('\n')}`);
    const detail = misses.length ? `\nfirst misses:\n  ${misses.slice(0, 40).join('\n  ')}` : '';
    for (const [outlet, r] of tally) {
      for (const k of ['article', 'title', 'outlet', 'authors', 'date'] as const) {
        assert.ok(
          r[k] >= r.n * DEMO_EXTRACT_FLOOR,
          `${outlet}: ${k} ${r[k]}/${r.n} under the floor${detail}`,
        );
      }
    }
    assert.equal(listingsAsArticles, 0, `listing pages taken for articles${detail}`);
  });
});
