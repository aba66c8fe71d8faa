import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isGapCode, type TokenKind, tokenize } from './tokens.js';

const CHARS = [
  ...'ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآؤئىة',
  '\u064E',
  '\u0650',
  '\u0651',
  '\u064B',
  '\u0640',
  ...'٠١٢٣٩۰۱',
  '٫',
  '٬',
  ...'0129',
  ',',
  '.',
  '.',
  ...'،؛؟«»"\'“”…!?()-:#@_/%$',
  ' ',
  ' ',
  '\n',
  '\t',
  '\u00A0',
  '\u200B',
  ...'AaZzéhtpw',
  ...'ﻻﺍ',
  '\u200C',
  '\u200D',
  '\u200F',
  '\u0301',
  '👍',
  '🇪🇬',
  '\uD83D',
  '\uDC4D',
  '𝐀',
];
const text = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.constantFrom(...CHARS), { maxLength: 50 }).map((a) => a.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);

function show(s: string): string[] {
  return tokenize(s).map((t) => `${t.text}/${t.kind}`);
}

describe('tokenize', () => {
  const cases: Array<[string, string, string[]]> = [
    ['words glued to quotes', '"الدولة"', ['"/punctuation', 'الدولة/word', '"/punctuation']],
    [
      'guillemets and tatweel prefix',
      'لـ«الصباح»',
      ['لـ/word', '«/punctuation', 'الصباح/word', '»/punctuation'],
    ],
    [
      'Arabic comma, semicolon, question mark',
      'نعم، لا؛ لماذا؟',
      ['نعم/word', '،/punctuation', 'لا/word', '؛/punctuation', 'لماذا/word', '؟/punctuation'],
    ],
    ['decimal number', 'بلغ 3.5%', ['بلغ/word', '3.5/number', '%/punctuation']],
    ['Arabic-Indic thousands', '١٬٥٠٠ جندي', ['١٬٥٠٠/number', 'جندي/word']],
    ['Arabic decimal separator', '٣٫٥', ['٣٫٥/number']],
    ['Latin thousands', '1,200 km', ['1,200/number', 'km/word']],
    [
      'separator not followed by a digit',
      '2011، و3.',
      ['2011/number', '،/punctuation', 'و/word', '3/number', './punctuation'],
    ],
    ['digits do not glue to Arabic letters', '٢٠٢٠م', ['٢٠٢٠/number', 'م/word']],
    ['digits glue to Latin letters', 'COP28 5G', ['COP28/word', '5G/word']],
    ['harakat and tatweel inside words', 'كَتَبَ الـــدولة', ['كَتَبَ/word', 'الـــدولة/word']],
    ['mixed Arabic/Latin word', 'بالـBBC', ['بالـBBC/word']],
    ['ZWNJ inside a Persian word', 'می\u200Cخواهم', ['می\u200Cخواهم/word']],
    ['Latin apostrophe', "l'économie don't", ["l'économie/word", "don't/word"]],
    [
      'URL with trailing full stop',
      'انظر https://example.com/a(b). ثم',
      ['انظر/word', 'https://example.com/a(b)/url', './punctuation', 'ثم/word'],
    ],
    [
      'www host before Arabic comma',
      'www.youm7.com، اليوم',
      ['www.youm7.com/url', '،/punctuation', 'اليوم/word'],
    ],
    ['bare domain', 'موقع aljazeera.net/news.', ['موقع/word', 'aljazeera.net/news/url', './punctuation']],
    ['upper-case TLD is not a domain', 'ASP.NET', ['ASP/word', './punctuation', 'NET/word']],
    ['email', 'راسلونا info@marsad.org.', ['راسلونا/word', 'info@marsad.org/email', './punctuation']],
    ['hashtag with underscore', '#الثورة_السورية', ['#الثورة_السورية/hashtag']],
    ['mention', '@user_1:', ['@user_1/mention', ':/punctuation']],
    [
      'run of dots is one token',
      'بيوتهم.. وهلال...',
      ['بيوتهم/word', '../punctuation', 'وهلال/word', '.../punctuation'],
    ],
    ['emoji sequences', '👍🏽 🇪🇬', ['👍🏽/symbol', '🇪🇬/symbol']],
    ['lone # is punctuation', '# 1', ['#/punctuation', '1/number']],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => assert.deepEqual(show(input), expected));
  }

  it('records offsets into the input', () => {
    const s = ' قال: «نعم»';
    for (const t of tokenize(s)) assert.equal(s.slice(t.start, t.end), t.text);
    assert.deepEqual(
      tokenize(s).map((t) => [t.start, t.end]),
      [
        [1, 4],
        [4, 5],
        [6, 7],
        [7, 10],
        [10, 11],
      ],
    );
  });

  it('tokens and whitespace gaps rejoin to the input', () => {
    const kinds = new Set<TokenKind>([
      'word',
      'number',
      'punctuation',
      'url',
      'email',
      'hashtag',
      'mention',
      'symbol',
    ]);
    fc.assert(
      fc.property(text, (s) => {
        let out = '';
        let at = 0;
        for (const t of tokenize(s)) {
          assert.ok(t.start >= at && t.end > t.start, 'ordered, non-empty');
          for (let i = at; i < t.start; i++)
            assert.ok(isGapCode(s.charCodeAt(i)), `gap char U+${s.charCodeAt(i).toString(16)}`);
          assert.equal(s.slice(t.start, t.end), t.text);
          assert.ok(kinds.has(t.kind));
          out += s.slice(at, t.start) + t.text;
          at = t.end;
        }
        for (let i = at; i < s.length; i++) assert.ok(isGapCode(s.charCodeAt(i)));
        out += s.slice(at);
        assert.equal(out, s);
      }),
      { numRuns: 1000 },
    );
  });
});
