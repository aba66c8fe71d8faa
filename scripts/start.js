// `npm start`: until the ingest demo lands, run `marsad extract` on the bundled fixture pages
// and print what it found, one line per page.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const { extractArticle } = await import('../dist/index.js');
const dir = 'test/fixtures/extract';
for (const slug of readdirSync(dir).sort()) {
  const source = join(dir, slug, 'source.html');
  if (!existsSync(source)) continue;
  const metaPath = join(dir, slug, 'meta.json');
  const meta = existsSync(metaPath) ? JSON.parse(readFileSync(metaPath, 'utf8')) : {};
  const a = extractArticle(readFileSync(source), {
    url: meta.url ?? null,
    contentType: meta.contentType ?? null,
    fetchedAt: meta.fetchedAt ? new Date(meta.fetchedAt) : null,
  });
  const kind = a.isArticle ? 'article' : 'not an article';
  console.log(`\n● ${slug} — ${kind} (${a.encoding}, ${a.extractedBy})`);
  if (a.title) console.log(`  title:     ${a.title}`);
  console.log(`  site:      ${a.siteName ?? '—'}   outlet: ${a.outlet ?? '—'}`);
  if (a.isArticle) {
    console.log(`  authors:   ${a.authors.join('، ') || '—'}   published: ${a.published ?? '—'}`);
    console.log(
      `  body:      ${a.paragraphs.length} paragraphs, ${a.text.length} chars: ${a.text.slice(0, 90).replace(/\n+/g, ' ')}…`,
    );
    if (a.related.length) console.log(`  related:   ${a.related.length} links`);
  }
  if (a.warnings.length) console.log(`  warnings:  ${a.warnings.join('; ')}`);
}
console.log(
  '\nTry: npx marsad extract --format text test/fixtures/extract/aggregator-republished/source.html',
);
