import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BACKOFF_CAP_MS, backoffMs, isRetryableStatus, parseRetryAfter } from './retry.js';

test('parseRetryAfter reads seconds and HTTP dates', () => {
  const now = Date.parse('2015-10-21T07:27:00Z');
  assert.equal(parseRetryAfter('120', now), 120_000);
  assert.equal(parseRetryAfter(' 0 ', now), 0);
  assert.equal(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', now), 60_000);
  assert.equal(parseRetryAfter('Wed, 21 Oct 2015 07:00:00 GMT', now), 0); // in the past
  assert.equal(parseRetryAfter(undefined, now), null);
  assert.equal(parseRetryAfter('soon', now), null);
  assert.equal(parseRetryAfter('-5', now), null);
  assert.equal(parseRetryAfter('1.5', now), null);
});

test('backoffMs grows exponentially with jitter and is capped', () => {
  const low = () => 0;
  const high = () => 1;
  assert.equal(backoffMs(0, 1000, low), 500);
  assert.equal(backoffMs(0, 1000, high), 1000);
  assert.equal(backoffMs(2, 1000, low), 2000);
  assert.equal(backoffMs(2, 1000, high), 4000);
  assert.equal(backoffMs(20, 1000, high), BACKOFF_CAP_MS);
});

test('isRetryableStatus: 408, 429 and 5xx only', () => {
  // biome-ignore format: a table
  const cases: Array<[number, boolean]> = [[200, false], [304, false], [400, false], [403, false], [404, false],
    [408, true], [429, true], [500, true], [502, true], [503, true], [504, true]];
  for (const [status, want] of cases) assert.equal(isRetryableStatus(status), want, String(status));
});
