import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bioesToBio, bioToBioes, bioToSpans, formatConll, parseConll, repairBio, scoreNer } from './conll.js';

describe('parseConll', () => {
  it('reads TOKEN TAG lines, blank lines between sentences, CRLF, a missing final newline', () => {
    const s = parseConll('باريس B-LOC\r\nقال O\r\n\r\n\nنعم O');
    assert.deepEqual(s, [
      { tokens: ['باريس', 'قال'], tags: ['B-LOC', 'O'] },
      { tokens: ['نعم'], tags: ['O'] },
    ]);
  });

  it('reads the first column only when there is no tag', () => {
    assert.deepEqual(parseConll('جورج\nبوش\n'), [{ tokens: ['جورج', 'بوش'], tags: ['O', 'O'] }]);
  });

  it('round-trips through formatConll', () => {
    const text = 'جورج B-PERS\nبوش I-PERS\n\nفي O\nبغداد B-LOC\n\n';
    assert.equal(formatConll(parseConll(text)), text);
  });
});

describe('bioToSpans', () => {
  it('treats an I- that starts a span as B- (conlleval)', () => {
    assert.deepEqual(bioToSpans(['I-PERS', 'I-PERS', 'O', 'B-LOC', 'I-ORG']), [
      { start: 0, end: 2, type: 'PERS' },
      { start: 3, end: 4, type: 'LOC' },
      { start: 4, end: 5, type: 'ORG' },
    ]);
  });

  it('splits B-X B-X into two spans', () => {
    assert.equal(bioToSpans(['B-LOC', 'B-LOC']).length, 2);
  });
});

describe('repairBio', () => {
  it('turns a span-initial I- into B- and leaves valid sequences alone', () => {
    assert.deepEqual(repairBio(['O', 'I-ORG', 'I-ORG', 'B-LOC', 'I-PERS']), [
      'O',
      'B-ORG',
      'I-ORG',
      'B-LOC',
      'B-PERS',
    ]);
  });
});

describe('scoreNer', () => {
  it('counts exact span and type matches only', () => {
    const gold = [['B-PERS', 'I-PERS', 'O', 'B-LOC']];
    const pred = [['B-PERS', 'O', 'O', 'B-LOC']];
    const s = scoreNer(gold, pred);
    assert.equal(s.overall.correct, 1);
    assert.equal(s.overall.precision, 0.5);
    assert.equal(s.overall.recall, 0.5);
    const loc = s.byType.find((t) => t.type === 'LOC');
    assert.equal(loc?.f1, 1);
    assert.equal(s.tokenAccuracy, 0.75);
  });
});

describe('bioToBioes / bioesToBio', () => {
  it('marks single-token spans S- and last tokens E-, and maps back', () => {
    const bio = ['B-PERS', 'I-PERS', 'I-PERS', 'B-LOC', 'O', 'B-ORG', 'I-ORG', 'B-ORG'];
    const bioes = bioToBioes(bio);
    assert.deepEqual(bioes, ['B-PERS', 'I-PERS', 'E-PERS', 'S-LOC', 'O', 'B-ORG', 'E-ORG', 'S-ORG']);
    assert.deepEqual(bioesToBio(bioes), bio);
  });
});
