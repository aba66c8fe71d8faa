import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { type DateMention, parseDate, parseDates } from './dates.js';

interface GoldExpect {
  text: string;
  value: string | null;
  granularity: DateMention['granularity'];
  partOfDay?: DateMention['partOfDay'];
}

interface GoldEntry {
  text: string;
  reference: string | null;
  timeZone?: string;
  note?: string;
  expect: GoldExpect[];
}

const GOLD: GoldEntry[] = JSON.parse(
  readFileSync(new URL('../../test/fixtures/arabic/dates-gold.json', import.meta.url), 'utf8'),
);

const optionsOf = (e: GoldEntry) => ({
  reference: e.reference ? new Date(e.reference) : undefined,
  timeZone: e.timeZone,
});

/** What the gold compares: the span's text, value, granularity and part of day, in order. */
const comparable = (m: GoldExpect) => ({
  text: m.text,
  value: m.value,
  granularity: m.granularity,
  partOfDay: m.partOfDay,
});

test(`dates gold: every one of ${GOLD.length} entries`, () => {
  assert.ok(GOLD.length >= 150, 'the gold keeps at least 150 entries');
  const failures: string[] = [];
  for (const entry of GOLD) {
    const got = parseDates(entry.text, optionsOf(entry)).map(comparable);
    const want = entry.expect.map(comparable);
    try {
      assert.deepEqual(got, want);
    } catch {
      failures.push(
        `${entry.text}  [ref ${entry.reference ?? '—'}${entry.timeZone ? ` ${entry.timeZone}` : ''}]\n` +
          `    want ${JSON.stringify(want)}\n    got  ${JSON.stringify(got)}`,
      );
    }
  }
  if (failures.length > 0) {
    console.log(`${failures.length}/${GOLD.length} gold entries fail:\n${failures.join('\n')}`);
  }
  assert.equal(failures.length, 0);
});

test('spans are exact, sorted and non-overlapping on the gold sentences', () => {
  for (const entry of GOLD) {
    const mentions = parseDates(entry.text, optionsOf(entry));
    let lastEnd = 0;
    for (const m of mentions) {
      assert.equal(entry.text.slice(m.start, m.end), m.text);
      assert.ok(m.start >= lastEnd, `overlap in ${entry.text}`);
      lastEnd = m.end;
    }
  }
});

test('Hijri mentions carry the written Hijri date and calendar', () => {
  const [m] = parseDates('الثلاثاء 27 محرم 1439 هـ');
  assert.equal(m.kind, 'hijri');
  assert.equal(m.calendar, 'hijri');
  assert.deepEqual(m.hijri, { year: 1439, month: 1, day: 27 });
  assert.equal(m.value, '2017-10-17');
  const [year] = parseDates('عام 1445 هـ');
  assert.equal(year.kind, 'hijri');
  assert.equal(year.granularity, 'year');
  assert.deepEqual(year.hijri, { year: 1445 });
});

test('kinds: absolute, weekday, relative', () => {
  const ref = { reference: new Date('2020-08-27T10:00:00Z') };
  const kinds = parseDates('في 4 آب 2020 ثم مساء الثلاثاء ثم أمس', ref).map((m) => m.kind);
  assert.deepEqual(kinds, ['absolute', 'weekday', 'relative']);
  const noRef = parseDates('منذ ثلاثة أيام');
  assert.equal(noRef[0].kind, 'relative');
  assert.equal(noRef[0].value, null);
});

test('longest match wins: a weekday inside a full date is not reported alone', () => {
  const mentions = parseDates('الثلاثاء 10 أكتوبر 2017', { reference: new Date('2020-01-01T00:00:00Z') });
  assert.equal(mentions.length, 1);
  assert.equal(mentions[0].kind, 'absolute');
});

test('parseDate prefers a written date over a relative one', () => {
  const ref = { reference: new Date('2020-08-27T10:00:00Z') };
  assert.equal(parseDate('أمس، الإثنين 24 أغسطس 2020', ref)?.value, '2020-08-24');
  assert.equal(parseDate('نُشر منذ ساعتين', ref)?.value, '2020-08-27T08:00');
  assert.equal(parseDate('نُشر منذ ساعتين'), null);
  assert.equal(parseDate('لا تاريخ هنا'), null);
});

test('dense text: many mentions stay sorted and exact', () => {
  const sentence = 'قال الوزير أمس إن اجتماع 10 أكتوبر 2017 ومساء الخميس ومنذ 5 دقائق و2020-08-24 ';
  const text = sentence.repeat(200);
  const mentions = parseDates(text, { reference: new Date('2020-08-27T10:00:00Z') });
  assert.equal(mentions.length, 5 * 200);
  for (let i = 1; i < mentions.length; i++) assert.ok(mentions[i].start >= mentions[i - 1].end);
});

/** Pieces that make date-like noise: month names, digits of all three sets, clitics, marks. */
const PIECES = [
  'أكتوبر',
  'تشرين الأول',
  'آب',
  'ماي',
  'رمضان',
  'محرم',
  'هـ',
  'الثلاثاء',
  'مساء',
  'أمس',
  'اليوم',
  'منذ',
  'قبل',
  'ساعتين',
  'عام',
  'الساعة',
  'صيف',
  'في',
  'ثلاثين',
  'عاما',
  'م',
  'و',
  'ب',
  '10',
  '٢٤',
  '۱۴۴۵',
  '2017',
  '1439',
  '/',
  '-',
  ':',
  '(',
  ')',
  '،',
  ' ',
  ' ',
  '\u064B',
  '\u0640',
  '\u200F',
  'x',
];

test('property: never throws; spans are exact, sorted, non-overlapping', () => {
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }),
      fc.option(fc.date({ min: new Date('1990-01-01'), max: new Date('2090-01-01'), noInvalidDate: true })),
      (pieces, reference) => {
        const text = pieces.join('');
        const mentions = parseDates(text, { reference: reference ?? undefined });
        let lastEnd = 0;
        for (const m of mentions) {
          assert.equal(text.slice(m.start, m.end), m.text);
          assert.ok(m.start >= lastEnd && m.end > m.start);
          lastEnd = m.end;
        }
      },
    ),
    { numRuns: 500 },
  );
});
