// Roles around person names and people framed by titles, on sentences written for these tests.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { NameSpan } from './org-shape.js';
import { findTitledPersons, roleAfter, roleBefore, roleContext } from './roles.js';
import { scanWords } from './words.js';

function spansOf(text: string, names: string[]): NameSpan[] {
  const out: NameSpan[] = [];
  for (const n of names) {
    for (let at = text.indexOf(n); at >= 0; at = text.indexOf(n, at + 1))
      out.push({ start: at, end: at + n.length });
  }
  return out;
}

/** Roles before and after the first mention of `person`; `known` are other names in the text. */
function roles(text: string, person: string, known: string[] = []) {
  const ctx = roleContext(text, scanWords(text), spansOf(text, [person, ...known]));
  const at = text.indexOf(person);
  return { before: roleBefore(ctx, at), after: roleAfter(ctx, at + person.length) };
}

describe('roles', () => {
  test('before the name, honorifics skipped', () => {
    const r = roles('قال وزير الزراعة والري الدكتور سامي العلي إن المحصول وفير.', 'سامي العلي');
    assert.equal(r.before, 'وزير الزراعة والري');
  });

  test('before the name, after a comma and a quotation mark', () => {
    const r = roles('قال مدير الإعلام في البلدية، "نادر عيسى"، إن الطريق أُغلق.', 'نادر عيسى');
    assert.equal(r.before, 'مدير الإعلام في البلدية');
  });

  test('the nearest title whose phrase reaches the name, not one in an earlier clause', () => {
    const r = roles('وقال وزير الخارجية إن رئيس الوزراء عمر ناصر سيزور الرباط.', 'عمر ناصر', ['الرباط']);
    assert.equal(r.before, 'رئيس الوزراء');
  });

  test('two titles joined by و', () => {
    const r = roles(
      'وأوضح المستشار القانوني والمتحدث الرسمي باسم هيئة الموانئ سعيد الحربي أن الرسوم ثابتة.',
      'سعيد الحربي',
      ['هيئة الموانئ'],
    );
    assert.equal(r.before, 'المستشار القانوني والمتحدث الرسمي باسم هيئة الموانئ');
  });

  test('after the name, after a comma', () => {
    const r = roles('أكدت ليلى حداد، المتحدثة الرسمية باسم وزارة البيئة، أن الحملة ناجحة.', 'ليلى حداد', [
      'وزارة البيئة',
    ]);
    assert.equal(r.after, 'المتحدثة الرسمية باسم وزارة البيئة');
  });

  test('after the name without a comma: an indefinite title, up to the end of its phrase', () => {
    const r = roles('استقبل فادي منصور مدير مستشفى الأمل بالمدينة الوفد الزائر.', 'فادي منصور');
    assert.equal(r.after, 'مدير مستشفى الأمل بالمدينة');
  });

  test('a role that names a country and a preposition phrase', () => {
    const r = roles('والتقى كارلوس مينديز سفير البرازيل لدى الأردن، ثم غادر.', 'كارلوس مينديز', [
      'البرازيل',
      'الأردن',
    ]);
    assert.equal(r.after, 'سفير البرازيل لدى الأردن');
  });

  test('after a name inside the role, only a preposition or an adjective continues it', () => {
    const r = roles('وقدم نبيل الحسيني عميد كلية الصيدلة جامعة حلب الشكر للفريق.', 'نبيل الحسيني', [
      'كلية الصيدلة جامعة حلب',
    ]);
    assert.equal(r.after, 'عميد كلية الصيدلة جامعة حلب');
  });

  test('an adverbial after the role is not part of it', () => {
    const r = roles('وحضر رامي يوسف عميد كلية الحقوق في حضور عدد من الطلاب.', 'رامي يوسف', ['كلية الحقوق']);
    assert.equal(r.after, 'عميد كلية الحقوق');
  });

  test('nouns in construct that never reach a definite noun are not a role', () => {
    const r = roles('وشهد هاني سليم وزير السياحة مراسم توقيع عقد المرحلة الأولى.', 'هاني سليم');
    assert.equal(r.after, 'وزير السياحة');
  });

  test('a definite title right after a name is an object, not a role', () => {
    const r = roles('والتقى سليم داود الرئيس الفرنسي في باريس.', 'سليم داود');
    assert.equal(r.after, null);
  });

  test('a name joined to a conjunction has no role before it', () => {
    const text = 'وحضر الوزير وجمال فؤاد الاجتماع.';
    const ctx = roleContext(text, scanWords(text), []);
    assert.equal(roleBefore(ctx, text.indexOf('جمال')), null);
  });
});

describe('people framed by an honorific and a title', () => {
  const people = (text: string) =>
    findTitledPersons(text, scanWords(text)).map((s) => text.slice(s.start, s.end));

  test('honorific, name, indefinite title', () => {
    assert.deepEqual(people('أوضح الدكتور نبيل الحسيني عميد كلية الصيدلة أن الدراسة اكتملت.'), [
      'نبيل الحسيني',
    ]);
  });
  test('stacked honorifics and a four-word name', () => {
    assert.deepEqual(people('برئاسة السيد الأستاذ الدكتور علاء الدين عبد المنعم رئيس الجامعة'), [
      'علاء الدين عبد المنعم',
    ]);
  });
  test('a family name that is also a title word', () => {
    assert.deepEqual(people('وأكد اللواء مهندس صلاح الأمير محافظ الإقليم أن الطرق مفتوحة.'), ['صلاح الأمير']);
  });
  test('a comma before the title', () => {
    assert.deepEqual(people('وقال المهندس كريم سعد، رئيس شركة المياه، إن الضخ عاد.'), ['كريم سعد']);
  });
  test('no title after the name: nothing', () => {
    assert.deepEqual(people('وأكد الدكتور كريم سعد أن الضخ عاد.'), []);
  });
  test('a function word where the name should be: nothing', () => {
    assert.deepEqual(people('وقال الدكتور في الجامعة رئيس القسم إن'), []);
  });
});
