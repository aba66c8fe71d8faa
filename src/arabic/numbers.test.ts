import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { foldForMatching, type NumberMention, parseNumbers, spanInSource } from './numbers.js';

/** [text, expected mentions as [span text, value] or [span text, null, min, max]]. */
type Want = [string, number] | [string, null, number, number];
// biome-ignore format: one case per line reads as a table
const CASES: Array<[string, Want[]]> = [
  // digits in three digit sets, separators
  ['قتل 25 شخصا', [['25', 25]]],
  ['قتل ٢٥ شخصا', [['٢٥', 25]]],
  ['قتل ۲۵ شخصا', [['۲۵', 25]]],
  ['بلغ العدد 1,500 شخص', [['1,500', 1500]]],
  ['بلغ العدد ١٬٥٠٠ شخص', [['١٬٥٠٠', 1500]]],
  ['نسبة ٢٫٥ بالمئة', [['٢٫٥', 2.5]]],
  ['نسبة 2.5 بالمئة', [['2.5', 2.5]]],
  ['نسبة 2,5 بالمئة', [['2,5', 2.5]]],
  ['1.000.000 دولار', [['1.000.000', 1_000_000]]],
  ['2,300,000 نسمة', [['2,300,000', 2_300_000]]],
  // digits with scales
  ['5 ملايين دولار', [['5 ملايين', 5_000_000]]],
  ['1.5 مليون نازح', [['1.5 مليون', 1_500_000]]],
  ['٢٤٫٥ مليون', [['٢٤٫٥ مليون', 24_500_000]]],
  ['20 ألف متظاهر', [['20 ألف', 20_000]]],
  ['3 آلاف جندي', [['3 آلاف', 3000]]],
  ['2 مليار يورو', [['2 مليار', 2_000_000_000]]],
  // units, teens, tens
  ['واحد', [['واحد', 1]]],
  ['ثلاثة أطفال', [['ثلاثة', 3]]],
  ['ثلاث نساء', [['ثلاث', 3]]],
  ['عشرة أيام', [['عشرة', 10]]],
  ['أحد عشر لاعبا', [['أحد عشر', 11]]],
  ['إحدى عشرة سنة', [['إحدى عشرة', 11]]],
  ['اثنا عشر شهرا', [['اثنا عشر', 12]]],
  ['خمسة عشر قتيلا', [['خمسة عشر', 15]]],
  ['عشرون', [['عشرون', 20]]],
  ['تسعين يوما', [['تسعين', 90]]],
  ['خمسة وعشرون شخصا', [['خمسة وعشرون', 25]]],
  ['ثلاث وأربعين', [['ثلاث وأربعين', 43]]],
  // hundreds
  ['مئة شخص', [['مئة', 100]]],
  ['مائة شخص', [['مائة', 100]]],
  ['مئتان', [['مئتان', 200]]],
  ['مائتين', [['مائتين', 200]]],
  ['ثلاثمئة', [['ثلاثمئة', 300]]],
  ['خمسمائة', [['خمسمائة', 500]]],
  ['ثلاث مئة', [['ثلاث مئة', 300]]],
  ['مئة وخمسون', [['مئة وخمسون', 150]]],
  ['مئة و20', [['مئة و20', 120]]],
  // thousands, millions, compounds
  ['ألف', [['ألف', 1000]]],
  ['ألفان', [['ألفان', 2000]]],
  ['ألفين', [['ألفين', 2000]]],
  ['ثلاثة آلاف', [['ثلاثة آلاف', 3000]]],
  ['عشرون ألفاً', [['عشرون ألفاً', 20_000]]],
  ['خمسة عشر ألفا', [['خمسة عشر ألفا', 15_000]]],
  ['مئة ألف', [['مئة ألف', 100_000]]],
  ['ثلاثمئة ألف', [['ثلاثمئة ألف', 300_000]]],
  ['ثلاثة آلاف وخمسمئة وعشرون', [['ثلاثة آلاف وخمسمئة وعشرون', 3520]]],
  ['ألف وخمسمائة', [['ألف وخمسمائة', 1500]]],
  ['مليون', [['مليون', 1_000_000]]],
  ['مليونان', [['مليونان', 2_000_000]]],
  ['مليون ونصف', [['مليون ونصف', 1_500_000]]],
  ['ثلاثة ملايين ونصف', [['ثلاثة ملايين ونصف', 3_500_000]]],
  ['نصف مليون', [['نصف مليون', 500_000]]],
  ['ربع مليون', [['ربع مليون', 250_000]]],
  ['ألف ونصف', [['ألف ونصف', 1500]]],
  ['مليونين و500 ألف', [['مليونين و500 ألف', 2_500_000]]],
  ['مليار و200 مليون', [['مليار و200 مليون', 1_200_000_000]]],
  // vague quantities
  ['عشرات القتلى', [['عشرات', null, 20, 90]]],
  ['مئات الجرحى', [['مئات', null, 200, 900]]],
  ['آلاف المتظاهرين', [['آلاف', null, 2000, 9000]]],
  ['عشرات الآلاف', [['عشرات الآلاف', null, 20_000, 90_000]]],
  ['مئات الآلاف', [['مئات الآلاف', null, 200_000, 900_000]]],
  ['ملايين الدولارات', [['ملايين', null, 2_000_000, 9_000_000]]],
  ['بضعة أيام', [['بضعة', null, 3, 9]]],
  ['بضعة آلاف', [['بضعة آلاف', null, 3000, 9000]]],
  ['خرج الآلاف', [['الآلاف', null, 2000, 9000]]],
  // clitics و/ب/ل/ف stay outside the span
  ['وخمسة آخرون', [['خمسة', 5]]],
  ['بخمسة أهداف', [['خمسة', 5]]],
  ['لعشرات السنين', [['عشرات', null, 20, 90]]],
  ['بألف دينار', [['ألف', 1000]]],
  ['ولثلاثة أيام', [['ثلاثة', 3]]],
  // separate numbers stay separate
  ['ثلاثة وخمسة', [['ثلاثة', 3], ['خمسة', 5]]],
  ['25 و30', [['25', 25], ['30', 30]]],
  ['خمسة، عشرة', [['خمسة', 5], ['عشرة', 10]]],
  ['ألف ألف', [['ألف', 1000], ['ألف', 1000]]],
  // harakat and tatweel
  ['ثَلَاثَةُ آلَافٍ', [['ثَلَاثَةُ آلَافٍ', 3000]]],
  ['خمســة', [['خمســة', 5]]],
  // not numbers
  ['لست أدري', []],
  ['الخامس', []],
  ['أحد الأشخاص', []],
  ['نصف الطريق', []],
];

const simplify = (m: NumberMention): Want =>
  m.vague ? [m.text, null, m.min!, m.max!] : [m.text, m.value as number];

test(`parseNumbers: ${CASES.length} table cases`, () => {
  const failures: string[] = [];
  for (const [text, want] of CASES) {
    const got = parseNumbers(text).map(simplify);
    try {
      assert.deepEqual(got, want);
    } catch {
      failures.push(`${text}\n    want ${JSON.stringify(want)}\n    got  ${JSON.stringify(got)}`);
    }
  }
  if (failures.length > 0) console.log(failures.join('\n'));
  assert.equal(failures.length, 0);
});

test('spans index the original text', () => {
  const text = 'قُتِلَ خمسةٌ وعشرونَ شخصاً، وأصيب ٣ آلاف، وشارك عشرات الآلاف';
  for (const m of parseNumbers(text)) assert.equal(text.slice(m.start, m.end), m.text);
  assert.deepEqual(
    parseNumbers(text).map((m) => m.text),
    ['خمسةٌ وعشرونَ', '٣ آلاف', 'عشرات الآلاف'],
  );
});

test('vague mentions have a null value and a range', () => {
  const [m] = parseNumbers('عشرات');
  assert.equal(m.value, null);
  assert.equal(m.vague, true);
  assert.deepEqual([m.min, m.max], [20, 90]);
});

test('foldForMatching: marks dropped, letters unified, offsets mapped back', () => {
  const source = 'أَكْتُوبَر ٢٠١٧ غداً';
  const f = foldForMatching(source);
  assert.equal(f.text, 'اكتوبر 2017 غدا');
  const at = f.text.indexOf('غدا');
  const [start, end] = spanInSource(f, at, at + 3);
  assert.equal(source.slice(start, end), 'غداً');
});

test('property: never throws; spans exact and ordered', () => {
  const pieces = [
    'خمسة',
    'و',
    'عشرون',
    'ألف',
    'آلاف',
    'مليون',
    'نصف',
    'عشرات',
    '12',
    '٣',
    ',',
    '.',
    '٫',
    ' ',
    'ب',
    'ً',
  ];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 25 }), (parts) => {
      const text = parts.join('');
      let lastEnd = 0;
      for (const m of parseNumbers(text)) {
        assert.equal(text.slice(m.start, m.end), m.text);
        assert.ok(m.start >= lastEnd);
        lastEnd = m.end;
      }
    }),
    { numRuns: 500 },
  );
});
