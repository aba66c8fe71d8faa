import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { segment } from './segment.js';

function show(word: string): string {
  const s = segment(word);
  return `${s.proclitics.join('+') || '-'}|${s.stem}|${s.enclitics.join('+') || '-'}`;
}

/** Letters, as segment() counts them: harakat and tatweel do not count. */
function letters(s: string): number {
  return s.replace(/[\u064B-\u065F\u0670\u0640\u200C\u200D]/g, '').length;
}

describe('segment', () => {
  const cases: Array<[string, string]> = [
    ['وقالت', 'و|قالت|-'],
    ['فأعلنوا', 'ف|أعلنوا|-'],
    ['سيقولون', 'س|يقولون|-'],
    ['وأضافوا', 'و|أضافوا|-'],
    ['والتحالف', 'و+ال|تحالف|-'],
    ['بالمدينة', 'ب+ال|مدينة|-'],
    ['للدراسات', 'ل+ل|دراسات|-'],
    ['وللحكومة', 'و+ل+ل|حكومة|-'],
    ['وبقواتها', 'و+ب|قوات|ها'],
    ['كالعادة', 'ك+ال|عادة|-'],
    ['وسيتم', 'و+س|يتم|-'],
    ['حكومته', '-|حكومت|ه'],
    ['عليهم', '-|علي|هم'],
    ['وفيها', 'و|في|ها'],
    ['لأنه', 'ل|أن|ه'],
    ['لقد', 'ل|قد|-'],
    ['وقد', 'و|قد|-'],
    // names, places and words that only look cliticised
    ['الله', '-|الله|-'],
    ['والله', 'و|الله|-'],
    ['ليبيا', '-|ليبيا|-'],
    ['بريطانيا', '-|بريطانيا|-'],
    ['فلسطين', '-|فلسطين|-'],
    ['وفلسطين', 'و|فلسطين|-'],
    ['كندا', '-|كندا|-'],
    ['ألمانيا', '-|ألمانيا|-'],
    ['المانيا', '-|المانيا|-'],
    ['بلال', '-|بلال|-'],
    ['وليد', '-|وليد|-'],
    ['كمال', '-|كمال|-'],
    ['سامر', '-|سامر|-'],
    ['فاطمة', '-|فاطمة|-'],
    ['هاني', '-|هاني|-'],
    ['والي', '-|والي|-'],
    ['وزير', '-|وزير|-'],
    ['وزيره', '-|وزير|ه'],
    ['سيارة', '-|سيارة|-'],
    ['سياسة', '-|سياسة|-'],
    // no pronoun after the article, nor on words that end like one
    ['الاتجاه', 'ال|اتجاه|-'],
    ['المتهم', 'ال|متهم|-'],
    ['اتجاه', '-|اتجاه|-'],
    ['يمكن', '-|يمكن|-'],
    ['أحيانا', '-|أحيانا|-'],
    ['كورونا', '-|كورونا|-'],
    ['عربي', '-|عربي|-'],
    ['يمني', '-|يمني|-'],
    // harakat and tatweel stay inside the parts
    ['وَالحُكُومَةُ', 'وَ+ال|حُكُومَةُ|-'],
    ['بالـBBC', 'ب+الـ|BBC|-'],
    ['لـ', '-|لـ|-'],
  ];
  for (const [word, expected] of cases) {
    it(`${word} → ${expected}`, () => assert.equal(show(word), expected));
  }

  const arabicWord = fc
    .array(
      fc.constantFrom(...'وفبكلسالتمنهيةىأإآؤئءرزدقعحخجشصضطظغثذ', '\u064E', '\u0651', '\u064B', '\u0640'),
      {
        minLength: 1,
        maxLength: 12,
      },
    )
    .map((a) => a.join(''));

  it('parts concatenate to the input, and the stem keeps at least two letters', () => {
    fc.assert(
      fc.property(arabicWord, (w) => {
        const s = segment(w);
        assert.equal([...s.proclitics, s.stem, ...s.enclitics].join(''), w);
        for (const p of [...s.proclitics, ...s.enclitics]) assert.ok(p.length > 0);
        if (letters(w) >= 2) assert.ok(letters(s.stem) >= 2, `stem of ${w}: ${s.stem}`);
        assert.ok(s.enclitics.length <= 1);
      }),
      { numRuns: 2000 },
    );
  });
});
