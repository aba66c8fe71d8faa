import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { splitSentences } from './sentences.js';

function split(s: string): string[] {
  return splitSentences(s).map((x) => s.slice(x.start, x.end));
}

const CHARS = [
  ...'ابتدرسقلمنهوي',
  ...'دمهـقصأJ',
  ' ',
  ' ',
  ' ',
  '\n',
  '.',
  '.',
  '؟',
  '?',
  '!',
  '؛',
  '…',
  '«',
  '»',
  '"',
  ...'0123٣',
  ',',
];
const text = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.constantFrom(...CHARS), { maxLength: 60 }).map((a) => a.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);

describe('splitSentences', () => {
  const cases: Array<[string, string, string[]]> = [
    ['full stop, Arabic question mark, exclamation', 'ذهب. هل عاد؟ نعم!', ['ذهب.', 'هل عاد؟', 'نعم!']],
    ['Latin question mark and Arabic semicolon', 'Why? لأنه تأخر؛ ثم وصل', ['Why?', 'لأنه تأخر؛', 'ثم وصل']],
    ['ellipsis and runs of dots', 'بيوتهم.. وهلال العيد… يفرقهم', ['بيوتهم..', 'وهلال العيد…', 'يفرقهم']],
    [
      'line breaks end sentences, spans trimmed',
      '  سطر أول\nسطر ثان\n\n  فقرة  ',
      ['سطر أول', 'سطر ثان', 'فقرة'],
    ],
    ['not inside a decimal number', 'بلغ النمو 3.5 في المئة. ثم', ['بلغ النمو 3.5 في المئة.', 'ثم']],
    ['not inside Arabic-Indic numbers', 'بلغ ٣٫٥ و١٬٥٠٠. تم', ['بلغ ٣٫٥ و١٬٥٠٠.', 'تم']],
    ['not after د. and م.', 'قال د. أحمد وم. خالد إنهما وصلا.', ['قال د. أحمد وم. خالد إنهما وصلا.']],
    ['not after أ. or ص.ب', 'كتب أ. محمد إلى ص.ب 12 في عمان.', ['كتب أ. محمد إلى ص.ب 12 في عمان.']],
    ['not after هـ. inside a sentence', 'سنة 1443 هـ. الموافق 2022', ['سنة 1443 هـ.', 'الموافق 2022']],
    [
      'era marker after a year ends the sentence',
      'ولد عام 1950 م. ثم سافر.',
      ['ولد عام 1950 م.', 'ثم سافر.'],
    ],
    ['ق.م after a year ends the sentence', 'بنيت عام 300 ق.م. وما زالت', ['بنيت عام 300 ق.م.', 'وما زالت']],
    ['not after a Latin initial', 'التقى J. Smith أمس.', ['التقى J. Smith أمس.']],
    ['not after a Latin title', 'Mr. Brown left. He came back.', ['Mr. Brown left.', 'He came back.']],
    [
      'not inside a quote that continues',
      'قال: «نجحنا. وسنكمل». ثم غادر',
      ['قال: «نجحنا. وسنكمل».', 'ثم غادر'],
    ],
    ['closing quote absorbed', 'قال: «هل انتهى؟» ثم صمت', ['قال: «هل انتهى؟»', 'ثم صمت']],
    [
      'ASCII quotes pair',
      'قال: "لن نتراجع." وأضاف أن الأمر انتهى',
      ['قال: "لن نتراجع."', 'وأضاف أن الأمر انتهى'],
    ],
    [
      'an unmatched quote holds nothing open',
      'قال: «بدأ. ثم انتهى. نهاية',
      ['قال: «بدأ.', 'ثم انتهى.', 'نهاية'],
    ],
    ['terminator runs', 'حقا؟! نعم', ['حقا؟!', 'نعم']],
    [
      'URL dots are not full stops',
      'زوروا www.youm7.com لمزيد. شكرا',
      ['زوروا www.youm7.com لمزيد.', 'شكرا'],
    ],
    ['missing space after the stop', 'انتهى الاجتماع.وبدأ المؤتمر', ['انتهى الاجتماع.', 'وبدأ المؤتمر']],
    ['empty and blank input', '  \n ', []],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => assert.deepEqual(split(input), expected));
  }

  it('spans are ordered, disjoint, in range and trimmed', () => {
    fc.assert(
      fc.property(text, (s) => {
        let at = 0;
        for (const { start, end } of splitSentences(s)) {
          assert.ok(start >= at && end > start && end <= s.length);
          assert.ok(!/\s/u.test(s[start]) && !/\s/u.test(s[end - 1]), 'trimmed');
          at = end;
        }
      }),
      { numRuns: 1000 },
    );
  });
});
