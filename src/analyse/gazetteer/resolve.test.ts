// Ambiguity cases for resolvePlace: one name, several entities (two countries, country and capital,
// town and person), decided by prior, cue word and the article's other places.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  buildGazetteer,
  distanceKm,
  type GazetteerEntity,
  loadGazetteer,
  resolveMentions,
  resolvePlace,
} from './index.js';

describe('resolvePlace on the shipped gazetteer', () => {
  const g = loadGazetteer();
  const one = (name: string): string => {
    const ids = g.lookup(name);
    assert.ok(ids.length > 0, name);
    return ids[0];
  };
  const countryOf = (id: string | null): string | null | undefined => (id ? g.get(id)?.country : null);

  test('عمان: Oman alone, Amman among Jordanian places, Oman next to مسقط', () => {
    const ids = g.lookup('عمان');
    assert.ok(ids.includes('country:OM') && ids.includes('geo:250441'));
    assert.equal(resolvePlace(g, ids).id, 'country:OM');
    assert.equal(resolvePlace(g, ids, { otherIds: [one('الزرقاء'), one('إربد')] }).id, 'geo:250441');
    assert.equal(resolvePlace(g, ids, { otherIds: [one('مسقط')] }).id, 'country:OM');
  });

  test('عمان in a list of countries is Oman, even with Jordan in the list', () => {
    const text = 'وقعت الاتفاقية مصر والأردن وعمان والمغرب';
    const resolved = resolveMentions(g, g.findMentions(text));
    assert.equal(resolved.find((r) => r.mention.surface === 'عمان')?.id, 'country:OM');
  });

  test('الجزائر: the country alone, the capital after العاصمة', () => {
    const ids = g.lookup('الجزائر');
    assert.equal(resolvePlace(g, ids).id, 'country:DZ');
    const r = resolvePlace(g, ids, { cue: 'العاصمه' });
    assert.equal(r.id, 'geo:2507480');
    assert.ok(r.reasons.includes('cue:capital'));
  });

  test('الرقة: the Syrian city, not the Kuwaiti suburb', () => {
    const ids = g.lookup('الرقة');
    assert.ok(ids.length >= 2);
    assert.equal(countryOf(resolvePlace(g, ids).id), 'SY');
  });

  test('أريحا: Ariha near Idlib, Jericho near Ramallah', () => {
    const ids = g.lookup('أريحا');
    assert.equal(countryOf(resolvePlace(g, ids, { otherIds: [one('إدلب')] }).id), 'SY');
    assert.equal(countryOf(resolvePlace(g, ids, { otherIds: [one('رام الله')] }).id), 'PS');
  });

  test('طرابلس: Libya’s capital alone, Lebanon’s Tripoli next to بيروت', () => {
    const ids = g.lookup('طرابلس');
    assert.equal(countryOf(resolvePlace(g, ids).id), 'LY');
    assert.equal(countryOf(resolvePlace(g, ids, { otherIds: [one('بيروت')] }).id), 'LB');
  });

  test('القنيطرة: Quneitra next to درعا, Kenitra next to الرباط', () => {
    const ids = g.lookup('القنيطرة');
    assert.equal(countryOf(resolvePlace(g, ids, { otherIds: [one('درعا')] }).id), 'SY');
    assert.equal(countryOf(resolvePlace(g, ids, { otherIds: [one('الرباط')] }).id), 'MA');
  });

  test('resolveMentions uses the unambiguous names of the text as context', () => {
    const text = 'اشتباكات في عمان والزرقاء وإربد';
    const resolved = resolveMentions(g, g.findMentions(text));
    const amman = resolved.find((r) => r.mention.surface === 'عمان');
    assert.equal(amman?.id, 'geo:250441');
  });
});

describe('resolvePlace: cue words', () => {
  const entities: GazetteerEntity[] = [
    { id: 'person:hamza', kind: 'person', nameAr: 'حمزة', nameEn: null, aliases: [] },
    {
      id: 'geo:hamza',
      kind: 'place',
      nameAr: 'حمزة',
      nameEn: null,
      aliases: [],
      adminLevel: 4,
      lat: 35,
      lon: 36,
    },
    {
      id: 'adm1:X-H',
      kind: 'place',
      nameAr: 'محافظة حمزة',
      nameEn: null,
      aliases: [],
      adminLevel: 1,
      lat: 35,
      lon: 36,
    },
    {
      id: 'geo:big',
      kind: 'place',
      nameAr: 'النخيل',
      nameEn: null,
      aliases: [],
      adminLevel: 4,
      population: 900_000,
    },
    {
      id: 'geo:small',
      kind: 'place',
      nameAr: 'النخيل',
      nameEn: null,
      aliases: [],
      adminLevel: 4,
      population: 800,
    },
  ];
  const g = buildGazetteer(entities);

  test('a town that is also a person: the person alone or after a title, the town after قرية/بلدة', () => {
    const ids = ['person:hamza', 'geo:hamza'];
    assert.equal(resolvePlace(g, ids).id, 'person:hamza');
    assert.equal(resolvePlace(g, ids, { cue: 'الشيخ' }).id, 'person:hamza');
    assert.equal(resolvePlace(g, ids, { cue: 'قريه' }).id, 'geo:hamza');
    assert.equal(resolvePlace(g, ids, { cue: 'وبلده' }).id, 'geo:hamza');
  });

  test('a qualifier (ريف X) rules out people and organisations', () => {
    assert.equal(
      resolvePlace(g, ['person:hamza', 'geo:hamza'], { qualifier: { countryside: true } }).id,
      'geo:hamza',
    );
  });

  test('محافظة before a name prefers the governorate', () => {
    assert.equal(resolvePlace(g, ['geo:hamza', 'adm1:X-H'], { cue: 'محافظه' }).id, 'adm1:X-H');
  });

  test('two towns of one name: the larger one, or the one near the others', () => {
    assert.equal(resolvePlace(g, ['geo:small', 'geo:big']).id, 'geo:big');
    assert.equal(resolvePlace(g, ['geo:small', 'geo:big'], { cue: 'مدينه' }).id, 'geo:big');
  });

  test('no candidate → null', () => {
    assert.deepEqual(resolvePlace(g, []), { id: null, score: 0, reasons: [] });
    assert.equal(resolvePlace(g, ['nope']).id, null);
  });

  test('distanceKm: Damascus to Aleppo is about 310 km', () => {
    const d = distanceKm({ lat: 33.51, lon: 36.29 }, { lat: 36.2, lon: 37.16 });
    assert.ok(d > 290 && d < 330, String(d));
  });
});
