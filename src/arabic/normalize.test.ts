import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { foldForSearch, type NormalizeProfile, normalize } from './normalize.js';

/** Characters the property tests draw from: Arabic-heavy, with every rule's trigger present. */
const CHARS = [
  ...'ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآٱؤئىة', // letters incl. hamza forms, ى, ة
  '\u064B',
  '\u064E',
  '\u064F',
  '\u0650',
  '\u0651',
  '\u0652',
  '\u0670',
  '\u0653',
  '\u0654',
  '\u0655', // harakat
  '\u0640', // tatweel
  ...'٠١٢٣٤٥٦٧٨٩۰۱۲۳',
  '٫',
  '٬',
  '٪',
  ...'0123456789',
  ...'،؛؟«».,!?"-:()…',
  ' ',
  ' ',
  ' ',
  '\n',
  '\u00A0',
  ...'AaZzéÉçß',
  '\u0301',
  '\u0308',
  ...'ﻻﻷﺍﻟﺴﻼﻡﹰﹱﷲﻋﺮﺏ',
  '\uFEFF', // presentation forms, BOM
  '\u200C',
  '\u200D',
  '\u200E',
  '\u200F',
  '\u061C',
  '\u202B',
  '\u2067', // joiners and bidi controls
  ...'یکپچگےہھں', // Persian and Urdu
  '👍',
  '👍🏽',
  '🇪🇬',
  '\uD83D', // emoji, a lone surrogate
];

/** Arbitrary strings biased to Arabic news text, plus fully random Unicode now and then. */
const arabicText = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.constantFrom(...CHARS), { maxLength: 40 }).map((a) => a.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
);

describe('normalize: store profile', () => {
  const cases: Array<[string, string, string]> = [
    ['lam-alef ligature becomes two letters', 'ﻻ', 'لا'],
    ['contextual forms become base letters', 'ﺍﻟﺴﻼﻡ', 'السلام'],
    ['isolated haraka form loses its space', 'بﹰ', 'بً'],
    ['bidi controls removed', '\u200Fمرحبا\u200E \u202Bنص\u202C\u2067x\u2069\u061C', 'مرحبا نصx'],
    ['BOM removed', '\uFEFFنص', 'نص'],
    ['ZWNJ between Arabic-script letters kept (Persian)', 'می\u200Cخواهم', 'می\u200Cخواهم'],
    ['stray ZWNJ removed', 'a\u200Cb \u200Cنص', 'ab نص'],
    ['stray ZWJ removed', 'ب\u200Dب', 'بب'],
    ['ZWJ inside an emoji sequence kept', '👨\u200D👩', '👨\u200D👩'],
    ['NFC composes hamza with its carrier', 'ا\u0654ي\u0654و\u0654', 'أئؤ'],
    ['NFC orders shadda after fatha', 'ب\u0651\u064E', 'ب\u064E\u0651'],
    ['digits, harakat, tatweel and punctuation kept', 'كَتَبَ ١٢۳ الـــدولة؟', 'كَتَبَ ١٢۳ الـــدولة؟'],
    ['Latin NFC', 'e\u0301', 'é'],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => assert.equal(normalize(input, 'store').text, expected));
  }
  it('returns the input itself when nothing changes', () => {
    const s = 'نص عادي بلا تغيير';
    const r = normalize(s, 'store');
    assert.equal(r.text, s);
    assert.deepEqual([...r.toOriginal], [...Array(s.length + 1).keys()]);
  });
});

describe('normalize: search profile', () => {
  const cases: Array<[string, string, string]> = [
    ['alef variants fold to bare alef', 'أإآٱ', 'اااا'],
    ['alef maqsura folds to ya', 'مستشفى', 'مستشفي'],
    ['teh marbuta folds to heh', 'مدينة', 'مدينه'],
    ['hamza carriers fold', 'مسؤول رئيس', 'مسوول رييس'],
    ['standalone hamza kept', 'سماء جزء', 'سماء جزء'],
    ['harakat, Quranic marks and tatweel removed', 'كَتَبَ الـــدولةُ هٰذا', 'كتب الدوله هذا'],
    ['Persian yeh and keheh fold', 'یک', 'يك'],
    ['digits fold to ASCII with separators', '١٢ ۳۴ ٣٫٥ ١٬٥٠٠ ٥٪', '12 34 3.5 1,500 5%'],
    ['Latin lower-cased, accents stripped', 'Économie ÇA İstanbul', 'economie ca istanbul'],
    ['presentation forms then fold', 'ﻷ', 'لا'],
    ['joiners and soft hyphen removed', 'می\u200Cخواهم in\u00ADter', 'ميخواهم inter'],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => assert.equal(normalize(input, 'search').text, expected));
  }
  it('maps every output unit back to the original', () => {
    const r = normalize('ﻻ تُقاطِع', 'search');
    assert.equal(r.text, 'لا تقاطع');
    assert.deepEqual([...r.toOriginal], [0, 0, 1, 2, 4, 5, 6, 8, 9]);
  });
  it('maps a span of the fold to the matching span of the original', () => {
    const original = 'قالَ الرئيسُ: «سنُواصِل»';
    const r = normalize(original, 'search');
    const a = r.text.indexOf('الرييس');
    const b = a + 'الرييس'.length;
    // the marks after the last letter belong to it
    assert.equal(original.slice(r.toOriginal[a], r.toOriginal[b]), 'الرئيسُ');
  });
  it('foldForSearch equals the text of the search profile', () => {
    const s = 'إلى المدرسةِ ١٢ ﻻ Éco';
    assert.equal(foldForSearch(s), normalize(s, 'search').text);
    assert.equal(foldForSearch(s), 'الي المدرسه 12 لا eco');
  });
  it('takes the slow path for marks the fold keeps, with the same result shape', () => {
    const r = normalize('क\u093C ग', 'search');
    assert.equal(r.text, 'क\u093C ग');
    assert.equal(r.toOriginal.length, r.text.length + 1);
  });
});

describe('normalize: properties', () => {
  for (const profile of ['store', 'search'] as NormalizeProfile[]) {
    it(`${profile}: offsets are monotone, in range, and end at the original length`, () => {
      fc.assert(
        fc.property(arabicText, (s) => {
          const { text, toOriginal } = normalize(s, profile);
          assert.equal(toOriginal.length, text.length + 1);
          assert.equal(toOriginal[text.length], s.length);
          for (let i = 0; i < text.length; i++) {
            assert.ok(toOriginal[i] >= 0 && toOriginal[i] < s.length, `offset ${i} in range`);
            assert.ok(toOriginal[i] <= toOriginal[i + 1], `offset ${i} monotone`);
          }
        }),
        { numRuns: 500 },
      );
    });
    it(`${profile}: idempotent`, () => {
      // Found by this property: marks that a dropped joiner had kept apart.
      for (const s of ['\u0652\u200c\u0651', 'ب\u0652\u200c\u0651', 'ب\u064e\u200d\u0651']) {
        const once = normalize(s, profile).text;
        assert.equal(normalize(once, profile).text, once, JSON.stringify(s));
      }
      fc.assert(
        fc.property(arabicText, (s) => {
          const once = normalize(s, profile).text;
          assert.equal(normalize(once, profile).text, once);
        }),
        { numRuns: 500 },
      );
    });
  }
  it('search = fold applied after store', () => {
    fc.assert(
      fc.property(arabicText, (s) => {
        assert.equal(normalize(normalize(s, 'store').text, 'search').text, normalize(s, 'search').text);
      }),
      { numRuns: 500 },
    );
  });
  it('foldForSearch agrees with normalize', () => {
    fc.assert(
      fc.property(arabicText, (s) => assert.equal(foldForSearch(s), normalize(s, 'search').text)),
      {
        numRuns: 300,
      },
    );
  });
});
