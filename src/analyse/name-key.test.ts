// Name keys: the spellings Arabic news uses for one name meet, different names do not.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { nameKey, nameWords } from './name-key.js';

const key = (s: string) => nameKey(s).join(' ');

describe('nameKey', () => {
  const same: Array<[string, string, string]> = [
    ['compound given name with and without a space', 'عبدالرحمن الشريف', 'عبد الرحمن الشريف'],
    ['عبد + الله', 'نبيل عبدالله', 'نبيل عبد الله'],
    ['given name + الدين', 'نورالدين زكي', 'نور الدين زكي'],
    ['final ى / ي', 'وزارة الزراعة والرى', 'وزارة الزراعة والري'],
    ['ة / ه', 'هيئة الطاقة الذرية', 'هيئه الطاقه الذريه'],
    ['hamza forms', 'مؤسسة الأمل', 'موسسة الامل'],
    ['ل + ال written لل', 'للهيئة الوطنية', 'الهيئة الوطنية'],
    ['quotes around a word', 'حزب "النهضة"', 'حزب النهضة'],
    ['harakat', 'وزارةُ الماليّة', 'وزارة المالية'],
  ];
  for (const [why, a, b] of same) test(`${why}: ${a} = ${b}`, () => assert.equal(key(a), key(b)));

  const different: Array<[string, string]> = [
    ['سامر الخطيب', 'رامي الخطيب'],
    ['وزارة الزراعة', 'وزارة الزراعة والري'],
  ];
  for (const [a, b] of different) test(`${a} ≠ ${b}`, () => assert.notEqual(key(a), key(b)));

  test('the article goes from long words only', () => {
    assert.deepEqual(nameKey('قطاع المياه الجوفية'), ['قطاع', 'مياه', 'جوفيه']);
    assert.deepEqual(nameKey('حزب الله'), ['حزب', 'الله']);
  });

  test('الوالدين is no compound; a name that is all punctuation has no words', () => {
    assert.deepEqual(nameWords('الوالدين'), ['الوالدين']);
    assert.deepEqual(nameWords('«»'), []);
  });
});
