// In-article resolution on texts written for these tests: the shipped gazetteer, and the tagger's
// spans given by hand (so the tests do not move when the tagger's weights do).

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { splitSentences } from '../arabic/sentences.js';
import type { NerType } from '../model/index.js';
import { type AnalysedEntity, findEntities, sentenceIndexer, type TaggedSpan } from './entities.js';
import { loadGazetteer } from './gazetteer/index.js';

/** Every occurrence of each string, tagged with its type. */
function tag(text: string, spans: Array<[NerType, string]>): TaggedSpan[] {
  const out: TaggedSpan[] = [];
  for (const [type, s] of spans) {
    for (let at = text.indexOf(s); at >= 0; at = text.indexOf(s, at + 1))
      out.push({ start: at, end: at + s.length, type });
  }
  return out.sort((a, b) => a.start - b.start);
}

function analyse(text: string, spans: Array<[NerType, string]> = []) {
  return findEntities(text, loadGazetteer(), tag(text, spans), sentenceIndexer(splitSentences(text)));
}

const withSurface = (entities: AnalysedEntity[], surface: string) =>
  entities.filter((e) => e.surfaces.includes(surface));

/** The one entity that has `surface`, which must have every one of `others` too. */
function assertOne(entities: AnalysedEntity[], surface: string, others: string[]) {
  const hits = withSurface(entities, surface);
  assert.equal(
    hits.length,
    1,
    `one entity with ${surface}: ${JSON.stringify(entities.map((e) => e.surfaces))}`,
  );
  for (const o of others) assert.ok(hits[0].surfaces.includes(o), `${o} in ${hits[0].surfaces.join(' / ')}`);
  return hits[0];
}

describe('one person under several names', () => {
  test('a compound given name with and without a space, and the family name alone', () => {
    const text =
      'افتتح عبدالرحمن الشريف المعرض صباح الأحد. وقال عبد الرحمن الشريف إن المعرض يضم مئة دار نشر، ' +
      'وأضاف الشريف أن الدورة المقبلة ستقام في الربيع.';
    const { entities } = analyse(text, [
      ['PERS', 'عبدالرحمن الشريف'],
      ['PERS', 'عبد الرحمن الشريف'],
      ['PERS', 'الشريف'],
    ]);
    const p = assertOne(entities, 'عبد الرحمن الشريف', ['عبدالرحمن الشريف', 'الشريف']);
    assert.equal(p.kind, 'person');
  });

  test('a partial name shared by two people stays apart', () => {
    const text = 'التقى سامر الخطيب شقيقه رامي الخطيب في المطار. وقال الخطيب إن الرحلة تأخرت.';
    const { entities } = analyse(text, [
      ['PERS', 'سامر الخطيب'],
      ['PERS', 'رامي الخطيب'],
      ['PERS', 'الخطيب'],
    ]);
    const partial = entities.find((e) => e.surfaces.length === 1 && e.surfaces[0] === 'الخطيب');
    assert.ok(partial, 'الخطيب alone');
    assert.equal(withSurface(entities, 'سامر الخطيب')[0].surfaces.length, 1);
  });

  test('a transliterated family name spelt one letter off is the same person; short names are not tried', () => {
    const text =
      'وصل المبعوث الأممي يوهانس كريستيانسن إلى جنيف. وقال كريستيانسون إن الجولة المقبلة حاسمة. ' +
      'والتقى محمد سليمان بالأمير فهد سلمان، وقال سلمان إن اللقاء مثمر.';
    const { entities } = analyse(text, [
      ['PERS', 'يوهانس كريستيانسن'],
      ['PERS', 'كريستيانسون'],
      ['PERS', 'محمد سليمان'],
      ['PERS', 'فهد سلمان'],
    ]);
    assertOne(entities, 'يوهانس كريستيانسن', ['كريستيانسون']);
    assert.equal(withSurface(entities, 'محمد سليمان')[0].surfaces.length, 1);
  });

  test('a hyphenated family name completes the full name the tagger typed as a place', () => {
    const text =
      'وصلت المفوضة الأوروبية للتجارة، كارين ليندبرغ هولم، إلى العاصمة. وقالت ليندبرغ-هولم إن المحادثات مثمرة.';
    const { entities } = analyse(text, [
      ['LOC', 'كارين ليندبرغ'],
      ['PERS', 'ليندبرغ'],
    ]);
    const p = assertOne(entities, 'كارين ليندبرغ هولم', ['ليندبرغ-هولم']);
    assert.equal(p.kind, 'person');
    assert.equal(p.role, 'المفوضة الأوروبية للتجارة');
  });

  test('a proclitic comes off a tagged name only with evidence', () => {
    const text = 'وصل الباحث بيتر بيرغمان إلى بكفرنبودة أمس، وقال سكان في كفرنبودة إن القصف توقف.';
    const { entities } = analyse(text, [
      ['PERS', 'بيتر بيرغمان'],
      ['LOC', 'بكفرنبودة'],
      ['LOC', 'كفرنبودة'],
    ]);
    assert.equal(withSurface(entities, 'بيتر بيرغمان').length, 1, 'بيتر keeps its ب');
    assertOne(entities, 'كفرنبودة', []);
    assert.equal(withSurface(entities, 'بكفرنبودة').length, 0, 'بكفرنبودة is ب + كفرنبودة');
  });
});

describe('organisations', () => {
  test('spelling variants of a name found by its shape, and its generic short form', () => {
    const text =
      'أعلنت وزارة الزراعة والرى عن خطة جديدة للمحاصيل. وقال المتحدث باسم الوزارة إن خطة وزارة الزراعة والري ' +
      'تشمل كل المحافظات، وإن الوزارة ستوزع البذور مجاناً.';
    const { entities } = analyse(text);
    const org = assertOne(entities, 'وزارة الزراعة والرى', ['وزارة الزراعة والري', 'الوزارة']);
    assert.equal(org.kind, 'organisation');
    assert.equal(org.id, 'name:وزاره زراعه والري');
  });

  test('a bare head goes to the latest organisation named with it', () => {
    const text =
      'اجتمع وزير المالية مع ممثلي وزارة الاقتصاد ثم مع ممثلي وزارة الطاقة. وقالت الوزارة في بيان إن الاجتماع مثمر.';
    const { entities } = analyse(text);
    assertOne(entities, 'وزارة الطاقة', ['الوزارة']);
    assert.equal(withSurface(entities, 'وزارة الاقتصاد')[0].surfaces.length, 1);
  });

  test('a head written before the only name it can stand for', () => {
    const text = 'قالت الشرطة إنها تبحث عن السارق. وأوضح متحدث باسم شرطة الإسكندرية أن الكاميرات رصدته.';
    const { entities } = analyse(text);
    assertOne(entities, 'شرطة الإسكندرية', ['الشرطة']);
  });

  test('a shorter form of a longer name is the same organisation; its inner name is another', () => {
    const text =
      'وقع عميد كلية الطب جامعة دمشق الاتفاقية. وقال أساتذة في كلية الطب إن جامعة دمشق ستمول المشروع.';
    const { entities } = analyse(text, [['ORG', 'جامعة دمشق']]);
    assertOne(entities, 'كلية الطب جامعة دمشق', ['كلية الطب']);
    const university = withSurface(entities, 'جامعة دمشق');
    assert.equal(university.length, 1);
    assert.ok(!university[0].surfaces.includes('كلية الطب'));
  });

  test('an alias in parentheses, and the alias written alone later', () => {
    const text =
      'أعلنت شركة الخطوط الجوية الوطنية (ناشونال إير) عن رحلات جديدة. وقال مسؤول في ناشونال إير إن الأسعار ثابتة.';
    const { entities } = analyse(text, [['ORG', 'ناشونال إير']]);
    assertOne(entities, 'شركة الخطوط الجوية الوطنية', ['ناشونال إير']);
  });

  test('الجمهورية after the country was named as a republic', () => {
    const text = 'تنتشر مكاتب الشركة في جمهورية العراق، وتغطي خدماتها الجمهورية كلها منذ العام الماضي.';
    const { entities } = analyse(text);
    const iraq = assertOne(entities, 'جمهورية العراق', ['الجمهورية']);
    assert.equal(iraq.id, 'country:IQ');
  });

  test('a description is not an organisation', () => {
    const text = 'وتقدمت قوات الاحتلال نحو البلدة، فيما قالت الوزارة المعنية إنها تتابع الوضع.';
    const { entities } = analyse(text);
    assert.deepEqual(
      entities.filter((e) => e.kind === 'organisation').map((e) => e.surfaces),
      [],
    );
  });
});

describe('roles and titled people', () => {
  test('a person the tagger missed, framed by honorifics and a title, with the role after the name', () => {
    const text = 'وأكد الفريق مهندس صلاح الأمير وزير الطيران المدني، أن المطار الجديد يفتتح في الصيف.';
    const { entities } = analyse(text);
    const p = assertOne(entities, 'صلاح الأمير', []);
    assert.equal(p.kind, 'person');
    assert.equal(p.role, 'وزير الطيران المدني');
  });

  test('a role with words beyond the bare title wins over the bare title', () => {
    const text = 'وحضر السفير ماركو بيانكي سفير إيطاليا لدى تونس الحفل. وقال بيانكي إن التعاون سيتوسع.';
    const { entities } = analyse(text, [
      ['PERS', 'ماركو بيانكي'],
      ['PERS', 'بيانكي'],
    ]);
    const p = assertOne(entities, 'ماركو بيانكي', ['بيانكي']);
    assert.equal(p.role, 'سفير إيطاليا لدى تونس');
  });

  test('the role before a name, after a comma and a quotation mark', () => {
    const text = 'وقال مدير الإعلام في بلدية صيدا، "نادر عيسى"، إن الطريق أُغلق.';
    const { entities } = analyse(text, [['PERS', 'نادر عيسى']]);
    assert.equal(assertOne(entities, 'نادر عيسى', []).role, 'مدير الإعلام في بلدية صيدا');
  });
});
