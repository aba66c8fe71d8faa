// The package's doors as a user imports them (after `npm ci` built dist/): `marsad` and
// `marsad/arabic`, resolved through package.json "exports".

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';

const built = existsSync(new URL('../dist/index.js', import.meta.url));

test('import { extractArticle, analyseText } from "marsad" and normalize from "marsad/arabic"', {
  skip: !built && 'dist/ is not built (npm run build)',
}, async () => {
  const marsad = (await import('marsad')) as typeof import('../src/index.js');
  const arabic = (await import('marsad/arabic')) as typeof import('../src/arabic/index.js');
  const a = marsad.extractArticle(
    '<html><head><title>خبر - موقع</title></head><body><h1>خبر</h1><p>نص قصير.</p></body></html>',
  );
  assert.equal(typeof a.isArticle, 'boolean');
  const r = marsad.analyseText('قال وزير الخارجية إن المحادثات في دمشق مستمرة.', { published: '2026-11-01' });
  assert.ok(r.places.some((p) => p.nameAr === 'دمشق'));
  assert.equal(arabic.normalize('أحمد', 'search').text, 'احمد');
});
