// Organisation names by shape, on sentences written for these tests: each rule with a name it
// must find and a description it must leave alone.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findOrganisationNames, type NameSpan } from './org-shape.js';
import { scanWords } from './words.js';

/** Names found in `text`; `known` are names already found (as the gazetteer or tagger would). */
function names(text: string, known: string[] = []): string[] {
  const spans: NameSpan[] = [];
  for (const k of known) {
    for (let at = text.indexOf(k); at >= 0; at = text.indexOf(k, at + 1))
      spans.push({ start: at, end: at + k.length });
  }
  return findOrganisationNames(text, scanWords(text), spans).map((s) => text.slice(s.start, s.end));
}

describe('organisation names by shape', () => {
  const found: Array<[string, string, string[], string[]?]> = [
    // [rule, text, names expected, known names]
    [
      'indefinite head + definite noun + coordination + adjective',
      'أعلنت وزارة التربية والتعليم العالي أن الامتحانات تبدأ في يونيو.',
      ['وزارة التربية والتعليم العالي'],
    ],
    ['the chain stops at a time word', 'أعلنت وزارة الصحة اليوم تسجيل إصابات جديدة.', ['وزارة الصحة']],
    [
      'definite head + a name adjective + a ل-phrase',
      'وقالت الهيئة العامة للأرصاد الجوية إن موجة حر ستضرب البلاد.',
      ['الهيئة العامة للأرصاد الجوية'],
    ],
    ['embassy + nationality', 'استقبلت السفارة الفرنسية وفداً من رجال الأعمال.', ['السفارة الفرنسية']],
    [
      'company + definite noun + ل-phrase',
      'وأكدت شركة النصر للسيارات أنها ستطرح طرازاً جديداً.',
      ['شركة النصر للسيارات'],
    ],
    ['armed group + definite noun', 'وتبنت كتيبة الفرسان الهجوم على الحاجز.', ['كتيبة الفرسان']],
    [
      'armed group + a noun in construct + definite',
      'وأعلنت ألوية صلاح الدين مسؤوليتها.',
      ['ألوية صلاح الدين'],
    ],
    [
      'a nisba adjective after the genitive',
      'وقالت نقابة المهندسين الأردنيين إن الإضراب مستمر.',
      ['نقابة المهندسين الأردنيين'],
    ],
    [
      'a head with a proclitic; a known place as the genitive',
      'وأفاد متحدث بشرطة طرابلس بأن التحقيق جار.',
      ['شرطة طرابلس'],
      ['طرابلس'],
    ],
    [
      'a name in apposition (faculty + university)',
      'وحضر أساتذة من كلية الطب جامعة دمشق الاجتماع.',
      ['كلية الطب جامعة دمشق'],
      ['دمشق'],
    ],
    [
      'a weak head before a strong one: the name starts at the strong one',
      'وقال رئيس مجلس إدارة شركة الاتصالات السعودية إن الأرباح زادت.',
      ['شركة الاتصالات السعودية'],
    ],
    [
      'weak head with a nested genitive',
      'وتتولى وحدة مكافحة الإرهاب التحقيق في الحادث.',
      ['وحدة مكافحة الإرهاب'],
    ],
    [
      'weak head: a title in front of one mention shows it for all',
      'وقال رئيس قطاع الكهرباء الريفية بالمحافظة إن قطاع الكهرباء الريفية سيمد الخطوط.',
      ['قطاع الكهرباء الريفية', 'قطاع الكهرباء الريفية'],
    ],
    [
      'weak head with a place and a ل-phrase',
      'أصدر مركز عمان للدراسات تقريراً.',
      ['مركز عمان للدراسات'],
      ['عمان'],
    ],
    [
      'a Latin name after an outlet word',
      'ونقلت وكالة Bloomberg عن مصادر مطلعة أن الصفقة أُلغيت.',
      ['Bloomberg'],
    ],
    [
      'a Latin name after a head with a preposition',
      'وفي مقابلة لصحيفة The Guardian قال إن الحرب ستطول.',
      ['The Guardian'],
    ],
    ['a brand', 'واشترى ساعة من علامة رولكس التجارية.', ['رولكس']],
    [
      'two names split by a dash',
      'وشارك لواء الفتح - كتيبة الحمزة في المعركة.',
      ['لواء الفتح', 'كتيبة الحمزة'],
    ],
  ];
  for (const [rule, text, expected, known] of found)
    test(`${rule}: ${expected.join(' + ')}`, () => assert.deepEqual(names(text, known), expected));

  const none: Array<[string, string, string[]?]> = [
    ['forces of the regime (a description)', 'وتقدمت قوات النظام نحو البلدة.'],
    ['the occupation army', 'واقتحم جيش الاحتلال القرية فجراً.'],
    ['militias of a region', 'وانتشرت ميليشيات شرق ليبيا على الطريق.', ['شرق ليبيا', 'ليبيا']],
    ['traffic, not a movement', 'وشهدت حركة المرور ازدحاماً كبيراً.'],
    ['a bare head', 'وزار الوزير مقر الوزارة صباحاً.'],
    ['a definite head without a name adjective', 'وقالت الوزارة المعنية إنها تتابع الملف.'],
    ['a verb after the head', 'حزب يدعو الحكومة إلى الاستقالة.'],
    ['a word with a pronoun', 'وهي هيئة معارضة مقرها باريس.'],
    ['unity, not a unit', 'وشدد على وحدة الصف في مواجهة الأزمة.'],
    ['the energy sector (weak head, no evidence)', 'ويمثل قطاع الطاقة ثلث الاقتصاد.'],
    ['a board of directors', 'واجتمع مجلس إدارة الشركة أمس.'],
    ['national unity (weak definite head)', 'ودعا إلى الوحدة الوطنية.'],
    ['the general administration, alone', 'ووافقت الإدارة العامة على الطلب.'],
    ['an indefinite head and its adjective, then an object', 'وقدرت جمعية أهلية الأضرار بمليون دينار.'],
    ['a committee for a purpose (ل + verbal noun)', 'وشكلت البلدية لجنة لحصر الأضرار في الأحياء.'],
    ['a movement of goods (weak head)', 'وتحسنت حركة نقل البضائع عبر المعبر.'],
    ['transit, not a movement', 'واستؤنفت حركة العبور بعد الظهر.'],
  ];
  test('a known name ends the chain before a ل-phrase of purpose', () => {
    const text =
      'ويقود مجلس حلب المحلي محادثات لإعادة فتح الطريق، وعقد مجلس حلب المحلي لإخراج الجرحى اجتماعا.';
    assert.deepEqual(names(text, ['مجلس حلب المحلي']), ['مجلس حلب المحلي', 'مجلس حلب المحلي']);
  });
  for (const [why, text, known] of none) test(`none: ${why}`, () => assert.deepEqual(names(text, known), []));
});
