import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gregorianToHijri, hijriMonthLength, hijriToGregorian } from './hijri.js';

// Known pairs, each checked against Node's ICU Umm al-Qura formatter when written.
const KNOWN: Array<[[number, number, number], string]> = [
  [[1439, 1, 1], '2017-09-21'],
  [[1439, 1, 27], '2017-10-17'],
  [[1445, 9, 1], '2024-03-11'],
  [[1445, 9, 15], '2024-03-25'],
  [[1420, 1, 1], '1999-04-17'],
  [[1500, 12, 30], '2077-11-16'],
];

const iso = (d: { year: number; month: number; day: number }) =>
  `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

test('known Hijri/Gregorian pairs', () => {
  for (const [[y, m, d], g] of KNOWN) {
    assert.equal(iso(hijriToGregorian(y, m, d)), g, `${y}-${m}-${d}`);
    assert.deepEqual(gregorianToHijri(new Date(`${g}T00:00:00Z`)), { year: y, month: m, day: d });
  }
});

test('every day from 1420 to 1500 AH round-trips through both conversions', () => {
  let previous: number | null = null;
  let days = 0;
  for (let y = 1420; y <= 1500; y++) {
    for (let m = 1; m <= 12; m++) {
      const length = hijriMonthLength(y, m);
      assert.ok(length === 29 || length === 30, `${y}-${m} has ${length} days`);
      for (let d = 1; d <= length; d++) {
        const g = hijriToGregorian(y, m, d);
        const t = Date.UTC(g.year, g.month - 1, g.day);
        // Consecutive Hijri days are consecutive Gregorian days: no gaps, no repeats.
        if (previous !== null) assert.equal(t - previous, 86_400_000, `${y}-${m}-${d}`);
        previous = t;
        assert.deepEqual(gregorianToHijri(g), { year: y, month: m, day: d });
        days++;
      }
    }
  }
  assert.ok(days > 28_000);
});

test('days that do not exist are refused', () => {
  assert.throws(() => hijriToGregorian(1445, 13, 1), RangeError);
  assert.throws(() => hijriToGregorian(1445, 1, 0), RangeError);
  const short = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].find((m) => hijriMonthLength(1445, m) === 29)!;
  assert.throws(() => hijriToGregorian(1445, short, 30), RangeError);
});
