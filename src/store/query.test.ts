import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ftsQuery } from './query.js';

describe('ftsQuery', () => {
  test('words are stemmed and all required', () => {
    assert.equal(ftsQuery('بالرقة فيضانات'), '("رقه") AND ("فيضان")');
  });
  test('a quoted phrase stays one phrase, in guillemets too', () => {
    assert.equal(ftsQuery('"مجلس الرقة"'), '("مجلس رقه")');
    assert.equal(ftsQuery('«مجلس الرقة»'), '("مجلس رقه")');
  });
  test('exclusions and OR', () => {
    assert.equal(ftsQuery('الرقة -دير'), '(("رقه")) NOT ("دير")');
    assert.equal(ftsQuery('حلب OR ادلب'), '("حلب" OR "ادلب")');
  });
  test('nothing to look for', () => {
    assert.equal(ftsQuery('-الرقة'), null);
    assert.equal(ftsQuery('"))) *'), null);
    assert.equal(ftsQuery('OR'), null);
  });
  test('FTS5 syntax in the input is only text', () => {
    assert.equal(ftsQuery('NEAR(a b) AND c*'), '("near a") AND ("b") AND ("c")');
  });
});
