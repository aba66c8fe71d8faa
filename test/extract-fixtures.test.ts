// Runs extractArticle on every page under test/fixtures/extract/<slug>/ (the raw bytes, with
// meta.json as options) and compares each field present in expected.json. One test per fixture;
// a mismatch prints every differing field, with a paragraph diff. A second group checks that each
// expected.json agrees with its own page, so a typo in a fixture is not blamed on the extractor.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { extractArticle } from '../src/extract/index.js';
import { collapse, compareArticle, loadFixtures, parseIsoDate } from './helpers/fixtures.js';
import { pageText } from './helpers/page-text.js';

const fixtures = loadFixtures();

describe('extract fixtures', () => {
  test('there are fixtures to run', () => {
    assert.ok(fixtures.length >= 12, `only ${fixtures.length} fixtures found`);
  });

  for (const fixture of fixtures) {
    test(fixture.slug, () => {
      const article = extractArticle(fixture.bytes, fixture.options);
      const problems = compareArticle(article, fixture.expected, fixture.meta.url ?? null);
      if (problems.length > 0) {
        assert.fail(
          `${fixture.slug}: ${problems.length} problem(s)\n  ${problems.join('\n  ')}\n  warnings: ${JSON.stringify(article.warnings)}`,
        );
      }
    });
  }
});

describe('fixture pages agree with their expected.json', () => {
  for (const fixture of fixtures) {
    test(fixture.slug, () => {
      const { expected, bytes } = fixture;
      const encoding = expected.encoding ?? 'utf-8';
      const html = new TextDecoder(encoding).decode(bytes);
      const visible = pageText(html);
      const problems: string[] = [];

      if (encoding !== 'utf-8') {
        let validUtf8 = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        } catch {
          validUtf8 = false;
        }
        if (validUtf8) problems.push(`source.html is valid UTF-8, not ${encoding} bytes`);
      }
      if (html.includes('\uFFFD')) problems.push(`source.html does not decode cleanly as ${encoding}`);

      const paragraphs = (expected.paragraphs ?? []).map(collapse);
      for (const p of paragraphs) if (!visible.includes(p)) problems.push(`paragraph not on the page: ${p}`);
      for (const name of ['title', 'siteName', 'outlet'] as const) {
        const value = expected[name];
        if (value && !visible.includes(collapse(value)) && !html.includes(value)) {
          problems.push(`${name} not on the page: ${value}`);
        }
      }
      for (const author of expected.authors ?? []) {
        if (!visible.includes(author)) problems.push(`author not on the page: ${author}`);
      }
      for (const r of expected.related ?? []) {
        if (!visible.includes(collapse(r.title))) problems.push(`related title not on the page: ${r.title}`);
      }
      for (const snippet of expected.without ?? []) {
        // A `without` snippet that is not on the page checks nothing.
        if (!visible.includes(collapse(snippet)))
          problems.push(`without snippet not on the page: ${snippet}`);
        for (const p of paragraphs) {
          if (p.includes(collapse(snippet)))
            problems.push(`without snippet ${snippet} is inside paragraph: ${p}`);
        }
      }
      for (const name of ['published', 'modified'] as const) {
        const value = expected[name];
        if (value && !parseIsoDate(value)) problems.push(`${name} is not ISO 8601: ${value}`);
      }
      if (expected.isArticle === false && (expected.paragraphs?.length ?? 0) > 0) {
        problems.push('a non-article fixture lists body paragraphs');
      }
      assert.deepEqual(problems, []);
    });
  }
});
