import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createScheduler } from './scheduler.js';

test('per-host and global limits, without polling', async () => {
  const s = createScheduler({ perHostConcurrency: 1, perHostDelayMs: 0, globalConcurrency: 2 });
  const a1 = await s.acquire('a:80');
  const b1 = await s.acquire('b:80');
  let a2Granted = false;
  let c1Granted = false;
  const a2 = s.acquire('a:80').then((r) => {
    a2Granted = true;
    return r;
  });
  const c1 = s.acquire('c:80').then((r) => {
    c1Granted = true;
    return r;
  });
  await sleep(20);
  assert.equal(a2Granted, false); // a is busy
  assert.equal(c1Granted, false); // two in flight in all
  b1();
  await sleep(5);
  assert.equal(c1Granted, true); // b's slot went to c, not to a (a still busy)
  assert.equal(a2Granted, false);
  a1();
  (await a2)();
  (await c1)();
});

test('deferHost holds a host back; close rejects waiters', async () => {
  const s = createScheduler({ perHostConcurrency: 2, perHostDelayMs: 0, globalConcurrency: 4 });
  const t0 = Date.now();
  s.deferHost('a:80', t0 + 150);
  (await s.acquire('a:80'))();
  assert.ok(Date.now() - t0 >= 140);
  s.setHostDelay('b:80', 10_000);
  (await s.acquire('b:80'))();
  const waiting = s.acquire('b:80');
  s.close();
  await assert.rejects(waiting, /closed/);
  await assert.rejects(s.acquire('c:80'), /closed/);
});
