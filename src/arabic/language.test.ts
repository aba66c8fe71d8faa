import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectLanguage } from './language.js';

describe('detectLanguage', () => {
  const cases: Array<[string, string | null]> = [
    ['معارضون يسيطرون على مخازن للصواريخ بريف دمشق', 'ar'],
    ['وزير الرى يشهد توقيع عقد دراسة', 'ar'],
    ['مصر', 'ar'],
    ['The minister said on Monday that talks would resume.', 'en'],
    ['Le ministre a déclaré lundi que les négociations reprendront.', 'fr'],
    ['وزیر امور خارجه ایران گفت که مذاکرات از سر گرفته می‌شود.', 'fa'],
    ['وزیر خارجہ نے کہا کہ مذاکرات دوبارہ شروع ہوں گے۔', 'ur'],
    ['Путин заявил о переговорах', 'other'],
    ['BBC عربي: الأخبار', 'ar'],
    ['ok', null],
    ['١٢٣ ؟', null],
    ['', null],
  ];
  for (const [text, expected] of cases) {
    it(`${text || '(empty)'} → ${expected}`, () => assert.equal(detectLanguage(text).language, expected));
  }
  it('gives a confidence between 0 and 1', () => {
    for (const [text] of cases) {
      const { confidence } = detectLanguage(text);
      assert.ok(confidence >= 0 && confidence <= 1);
    }
  });
});
