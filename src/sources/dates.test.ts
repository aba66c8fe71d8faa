// toIsoDate: the date shapes feeds and sitemaps use, read the same in every time zone.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toIsoDate } from './dates.js';

describe('toIsoDate', () => {
  const cases: Array<[string, string | null]> = [
    ['Tue, 10 Oct 2017 18:00:00 +0300', '2017-10-10T15:00:00.000Z'],
    ['Tue, 10 Oct 2017 18:00:00 GMT', '2017-10-10T18:00:00.000Z'],
    ['Tue, 10 Oct 2017 18:00:00 EST', '2017-10-10T23:00:00.000Z'],
    ['Tue, 10 Oct 2017 18:00:00 AST', '2017-10-10T15:00:00.000Z'],
    ['Tue, 10 Oct 2017 18:00:00 EEST', '2017-10-10T15:00:00.000Z'],
    ['Tue, 10 Oct 2017 18:00:00', '2017-10-10T18:00:00.000Z'],
    ['10 Oct 17 18:00 GMT', '2017-10-10T18:00:00.000Z'],
    ['2017-10-10T18:00:00+03:00', '2017-10-10T15:00:00.000Z'],
    ['2017-10-10T18:00:00Z', '2017-10-10T18:00:00.000Z'],
    ['2017-10-10 18:00:00', '2017-10-10T18:00:00.000Z'],
    ['2017-10-10T18:00', '2017-10-10T18:00:00.000Z'],
    ['2017-10-10', '2017-10-10T00:00:00.000Z'],
    ['Oct 10, 2017', '2017-10-10T00:00:00.000Z'],
    ['  2017-10-10T18:00:00.123Z ', '2017-10-10T18:00:00.123Z'],
    ['0001-01-01T00:00:00Z', null],
    ['9999-12-31', null],
    ['5', null],
    ['Item 12', null],
    ['الثلاثاء ١٠ أكتوبر ٢٠١٧', null],
    ['', null],
  ];
  for (const [raw, iso] of cases) {
    it(`${JSON.stringify(raw)} → ${iso}`, () => assert.equal(toIsoDate(raw), iso));
  }
});
