import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fail, ok, type Result } from '../model/index.js';
import { CRAWL_DELAY_CAP_MS, createRobotsCache, productToken, type RobotsFetchOutcome } from './robots.js';

test('productToken: the name before the version', () => {
  assert.equal(productToken('Marsad/0.1.0 (+https://example.org)'), 'Marsad');
  assert.equal(productToken('Marsad'), 'Marsad');
  assert.equal(productToken(''), '*');
});

test('the cache loads each origin once, concurrent misses included', async () => {
  let loads = 0;
  const load = async (): Promise<Result<RobotsFetchOutcome>> => {
    loads++;
    return ok({ kind: 'found', text: 'User-agent: *\nDisallow: /no\nCrawl-delay: 100\n' });
  };
  const cache = createRobotsCache();
  const [a, b] = await Promise.all([
    cache.check(new URL('https://example.com/yes'), 'Marsad', load),
    cache.check(new URL('https://example.com/no'), 'Marsad', load),
  ]);
  assert.equal(loads, 1);
  assert.ok(a.ok && b.ok);
  assert.equal(a.value.allowed, true);
  assert.equal(b.value.allowed, false);
  assert.equal(a.value.crawlDelayMs, CRAWL_DELAY_CAP_MS); // 100 s asked, 30 s granted
});

test('unreachable disallows for now and is asked again later; errors are not cached', async () => {
  let now = 0;
  let loads = 0;
  const cache = createRobotsCache(() => now);
  const unreachable = async (): Promise<Result<RobotsFetchOutcome>> => {
    loads++;
    return ok({ kind: 'unreachable', reason: 'HTTP 503' });
  };
  const first = await cache.check(new URL('http://a.test/x'), 'Marsad', unreachable);
  assert.ok(first.ok);
  assert.equal(first.value.allowed, false);
  assert.equal(first.value.status, 'unreachable');
  now += 60_000;
  await cache.check(new URL('http://a.test/x'), 'Marsad', unreachable);
  assert.equal(loads, 1);
  now += 10 * 60_000;
  await cache.check(new URL('http://a.test/x'), 'Marsad', unreachable);
  assert.equal(loads, 2);

  let refused = 0;
  const forbidden = async (): Promise<Result<RobotsFetchOutcome>> => {
    refused++;
    return fail('fetch.forbidden-address', 'b.test resolves to 10.0.0.1');
  };
  assert.equal((await cache.check(new URL('http://b.test/'), 'Marsad', forbidden)).ok, false);
  assert.equal((await cache.check(new URL('http://b.test/'), 'Marsad', forbidden)).ok, false);
  assert.equal(refused, 2);
});

test('a missing robots.txt (4xx) allows everything', async () => {
  const cache = createRobotsCache();
  const r = await cache.check(new URL('http://c.test/any'), 'Marsad', async () =>
    ok({ kind: 'missing', status: 404 }),
  );
  assert.ok(r.ok);
  assert.equal(r.value.allowed, true);
  assert.equal(r.value.status, 'none');
});
