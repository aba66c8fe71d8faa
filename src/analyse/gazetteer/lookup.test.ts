// Lookup tests: small hand-made gazetteers for each matching rule, then the shipped data on the
// seed article (shared/seed) and on the names the brief lists.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildGazetteer, type GazetteerEntity, loadGazetteer } from './index.js';

const SMALL: GazetteerEntity[] = [
  {
    id: 'org:isis',
    kind: 'organisation',
    nameAr: 'تنظيم الدولة الإسلامية',
    nameEn: null,
    aliases: ['داعش', 'تنظيم الدولة'],
  },
  {
    id: 'org:coalition',
    kind: 'organisation',
    nameAr: 'التحالف الدولي',
    nameEn: 'Global Coalition',
    aliases: ['التحالف'],
  },
  {
    id: 'org:sdf',
    kind: 'organisation',
    nameAr: 'قوات سوريا الديمقراطية',
    nameEn: null,
    aliases: ['قسد', 'SDF'],
  },
  { id: 'org:hezbollah', kind: 'organisation', nameAr: 'حزب الله', nameEn: null, aliases: [] },
  { id: 'org:kh', kind: 'organisation', nameAr: 'كتائب حزب الله', nameEn: null, aliases: [] },
  { id: 'adm1:SY-HM', kind: 'place', nameAr: 'محافظة حماة', nameEn: null, aliases: [], adminLevel: 1 },
  { id: 'region:rif-hama', kind: 'place', nameAr: 'ريف حماة', nameEn: null, aliases: [], adminLevel: 5 },
  { id: 'geo:hama', kind: 'place', nameAr: 'حماة', nameEn: 'Hama', aliases: [], adminLevel: 4 },
  { id: 'geo:aleppo', kind: 'place', nameAr: 'حلب', nameEn: 'Aleppo', aliases: [], adminLevel: 4 },
  { id: 'geo:raqqa', kind: 'place', nameAr: 'الرقة', nameEn: null, aliases: [], adminLevel: 4 },
  { id: 'country:SY', kind: 'place', nameAr: 'سوريا', nameEn: null, aliases: ['سورية'], adminLevel: 0 },
  { id: 'country:LB', kind: 'place', nameAr: 'لبنان', nameEn: null, aliases: [], adminLevel: 0 },
  { id: 'geo:banan', kind: 'place', nameAr: 'بنان', nameEn: null, aliases: [], adminLevel: 4 },
  {
    id: 'geo:thawra',
    kind: 'place',
    nameAr: 'الثورة',
    nameEn: null,
    aliases: [],
    adminLevel: 4,
    commonWordNames: ['الثورة'],
  },
];
const small = buildGazetteer(SMALL);

function found(text: string): Array<[string, string[]]> {
  return small.findMentions(text).map((m) => [m.surface, m.entityIds]);
}

describe('findMentions: matching rules', () => {
  test('clitics are stripped from the span: والتحالف, بداعش, لقسد, وبريف حماة', () => {
    assert.deepEqual(found('والتحالف'), [['التحالف', ['org:coalition']]]);
    assert.deepEqual(found('بداعش'), [['داعش', ['org:isis']]]);
    assert.deepEqual(found('لقسد'), [['قسد', ['org:sdf']]]);
    assert.deepEqual(found('وبريف حماة'), [['ريف حماة', ['region:rif-hama']]]);
    assert.deepEqual(found('فالتحالف'), [['التحالف', ['org:coalition']]]);
  });

  test('ل + ال is written لل: للتحالف and وللرقة (the span keeps لل, where the article is)', () => {
    const [m] = small.findMentions('وللرقة');
    assert.deepEqual(m.entityIds, ['geo:raqqa']);
    assert.equal(m.surface, 'للرقة');
    assert.deepEqual(found('للتحالف الدولي'), [['للتحالف الدولي', ['org:coalition']]]);
  });

  test('a name starting with a clitic letter keeps its own reading first (لبنان, not ل + بنان)', () => {
    assert.deepEqual(found('لبنان'), [['لبنان', ['country:LB']]]);
    assert.deepEqual(found('للبنان'), [['لبنان', ['country:LB']]]);
  });

  test('offsets point into the original text, past harakat on the clitic', () => {
    const text = 'قال وَالتَّحالُف';
    const [m] = small.findMentions(text);
    assert.equal(text.slice(m.start, m.end), 'التَّحالُف');
    assert.deepEqual(m.entityIds, ['org:coalition']);
  });

  test('fold-insensitive: hamza/alef, ta marbuta, alef maqsura, harakat, tatweel', () => {
    assert.deepEqual(found('حماه')[0][1], ['geo:hama']);
    assert.deepEqual(found('تنظيم الدولة الاسلامية')[0][1], ['org:isis']);
    assert.deepEqual(found('داعـــش')[0][1], ['org:isis']);
    assert.deepEqual(found('دَاعِش')[0][1], ['org:isis']);
  });

  test('quote-insensitive: تنظيم "الدولة", تنظيم «الدولة» and تنظيم الدولة are one name', () => {
    for (const text of [
      'تنظيم "الدولة"',
      'تنظيم «الدولة»',
      'تنظيم الدولة',
      'تنظيم “الدولة”',
      "تنظيم 'الدولة'",
    ]) {
      const ms = small.findMentions(text);
      assert.equal(ms.length, 1, text);
      assert.deepEqual(ms[0].entityIds, ['org:isis'], text);
    }
  });

  test('punctuation between words ends a name: حزب، الله is not حزب الله', () => {
    assert.deepEqual(found('حزب، الله'), []);
    assert.deepEqual(found('التحالف. الدولي'), [['التحالف', ['org:coalition']]]);
  });

  test('longest match wins: كتائب حزب الله over حزب الله; التحالف الدولي over التحالف', () => {
    assert.deepEqual(found('كتائب حزب الله'), [['كتائب حزب الله', ['org:kh']]]);
    assert.deepEqual(found('التحالف الدولي'), [['التحالف الدولي', ['org:coalition']]]);
  });

  test('Latin names match case-insensitively', () => {
    assert.deepEqual(found('the SDF and sdf'), [
      ['SDF', ['org:sdf']],
      ['sdf', ['org:sdf']],
    ]);
  });

  test('ريف X without a ريف X entity → X with a countryside qualifier', () => {
    const [m] = small.findMentions('في ريف حلب الشمالي');
    assert.equal(m.surface, 'ريف حلب الشمالي');
    assert.deepEqual(m.entityIds, ['geo:aleppo']);
    assert.deepEqual(m.qualifier, { countryside: true, direction: 'north' });
  });

  test('ريف X with its own entity is that entity; a trailing adjective adds a direction', () => {
    const [m] = small.findMentions('بريف حماة الغربي');
    assert.deepEqual(m.entityIds, ['region:rif-hama']);
    assert.deepEqual(m.qualifier, { direction: 'west' });
  });

  test('شرق/شرقي/شمال شرق X → X with a direction', () => {
    assert.deepEqual(small.findMentions('شرق سوريا')[0].qualifier, { direction: 'east' });
    assert.deepEqual(small.findMentions('شرقي حماة')[0].qualifier, { direction: 'east' });
    const [m] = small.findMentions('وجنوب شرق سوريا');
    assert.equal(m.surface, 'جنوب شرق سوريا');
    assert.deepEqual(m.qualifier, { direction: 'south-east' });
    assert.deepEqual(small.findMentions('حلب الشمالي الغربي')[0].qualifier, { direction: 'north-west' });
  });

  test('qualifiers apply to places only: شرق قسد stays قسد', () => {
    const [m] = small.findMentions('شرق قسد');
    assert.equal(m.surface, 'قسد');
    assert.equal(m.qualifier, undefined);
  });

  test('the word before a mention is its cue', () => {
    assert.equal(small.findMentions('مدينة حماة')[0].cue, 'مدينه');
    assert.equal(small.findMentions('، حماة')[0].cue, undefined);
  });

  test('a common-word place name needs a settlement word: الثورة alone is not the town', () => {
    assert.deepEqual(found('أهداف الثورة'), []);
    assert.deepEqual(found('في مدينة الثورة'), [['مدينة الثورة', ['geo:thawra']]]);
  });

  test('lookup(name) finds exact names, folded', () => {
    assert.deepEqual(small.lookup('تنظيم «الدولة»'), ['org:isis']);
    assert.deepEqual(small.lookup(['ريف', 'حماه']), ['region:rif-hama']);
    assert.deepEqual(small.lookup('تنظيم'), []);
  });
});

describe('shipped gazetteer', () => {
  const g = loadGazetteer();
  const seed = [
    '"الأجانب" عقبة أمام التوصل لاتفاق بين تنظيم "الدولة" والتحالف الدولي في الرقة',
    'لأنهم لن يسمحوا بتكرار خطأ اتفاق تنظيم "الدولة" في القلمون الغربي مع "حزب الله" والنظام.',
    'إن "مجلس الرقة المدني يقود محادثات لتمكين المدنيين المحاصرين من قبل داعش من الخروج',
    'وأضاف المصادر "عرضت ميليشيات قسد وعن طريق المفاوضين على التنظيم أن تتكفل بإيصال مقاتليه إلى الجهة التي يختارون، ومن ضمن المناطق المقترحة (ريف حماة وتدمر ودير الزور)".',
    'وأوضح التحالف في بيان صادر عنه',
  ].join('\n');

  function idsOf(surface: string): string[] {
    const m = g.findMentions(seed).find((x) => x.surface === surface);
    assert.ok(m, `no mention ${surface}`);
    return m.entityIds;
  }

  test('the seed places are found, with coordinates in Syria', () => {
    for (const name of ['الرقة', 'القلمون الغربي', 'ريف حماة', 'تدمر', 'دير الزور']) {
      const ids = idsOf(name).filter((id) => g.get(id)?.country === 'SY');
      assert.ok(ids.length > 0, `${name} has no Syrian entity`);
      const e = g.get(ids[0])!;
      assert.equal(e.kind, 'place');
      assert.ok(
        e.lat! > 32 && e.lat! < 37.5 && e.lon! > 35.5 && e.lon! < 42.5,
        `${name} at ${e.lat},${e.lon}`,
      );
    }
    assert.deepEqual(idsOf('ريف حماة'), ['region:rif-hama']);
    assert.equal(g.get('region:rif-hama')?.parentId, 'adm1:SY-HM');
  });

  test('والتحالف → the coalition; داعش and تنظيم "الدولة" → one id; قسد → SDF; حزب الله', () => {
    assert.deepEqual(idsOf('التحالف الدولي'), ['org:coalition']);
    assert.ok(idsOf('التحالف').includes('org:coalition'));
    assert.deepEqual(idsOf('داعش'), ['org:isis']);
    assert.deepEqual(idsOf('تنظيم "الدولة'), ['org:isis']);
    assert.deepEqual(idsOf('ميليشيات قسد'), ['org:sdf']);
    assert.deepEqual(g.lookup('قسد'), ['org:sdf']);
    assert.deepEqual(idsOf('حزب الله'), ['org:hezbollah']);
    assert.deepEqual(idsOf('مجلس الرقة المدني'), ['org:raqqa-civil-council']);
  });

  test('ordinary words are not places: بيان, عنه, عقبة, المدينة', () => {
    const surfaces = g.findMentions(`${seed}\nمغادرة المدينة`).map((m) => m.surface);
    for (const word of ['بيان', 'عنه', 'عقبة', 'المدينة']) assert.ok(!surfaces.includes(word), word);
  });

  test('every Syrian governorate, the districts and the ريف regions are there', () => {
    const adm1 = [...g.entities()].filter((e) => e.id.startsWith('adm1:SY-'));
    assert.equal(adm1.length, 14);
    const adm2 = [...g.entities()].filter((e) => e.id.startsWith('adm2:SY-'));
    assert.ok(adm2.length >= 60, `${adm2.length} districts`);
    for (const e of [...adm1, ...adm2]) assert.ok(typeof e.lat === 'number', `${e.id} has no coordinates`);
    assert.deepEqual(g.lookup('ريف دمشق'), ['adm1:SY-RD']);
    assert.deepEqual(g.lookup('محافظة حماة'), ['adm1:SY-HM']);
    assert.deepEqual(g.lookup('منطقة الباب'), ['adm2:SY-al-bab']);
    for (const city of ['حلب', 'إدلب', 'حمص', 'اللاذقية', 'الحسكة', 'درعا', 'السويداء']) {
      const rif = g.lookup(`ريف ${city}`);
      assert.equal(rif.length, 1, `ريف ${city}`);
      assert.ok(rif[0].startsWith('region:rif-'));
    }
  });

  test('countries by their Arabic names and common variants', () => {
    assert.ok(g.lookup('سورية').includes('country:SY'));
    assert.ok(g.lookup('سوريا').includes('country:SY'));
    assert.ok(g.lookup('أمريكا').includes('country:US'));
    assert.ok(g.lookup('الولايات المتحدة الأميركية').includes('country:US'));
    assert.ok(g.lookup('العراق').includes('country:IQ'));
  });

  test('heads of state and government carry a date', () => {
    const people = [...g.entities()].filter((e) => e.kind === 'person');
    assert.ok(people.length >= 25);
    for (const p of people) {
      assert.ok(p.nameEn, p.id);
      assert.match(p.asOf ?? '', /^\d{4}-\d{2}$/, p.id);
    }
    assert.deepEqual(g.lookup('أردوغان'), ['person:recep-tayyip-erdogan']);
  });

  test('at least 80 organisations, every entity with a source', () => {
    const all = [...g.entities()];
    assert.ok(all.filter((e) => e.kind === 'organisation').length >= 80);
    for (const e of all) assert.ok(e.source, `${e.id} has no source`);
  });
});
