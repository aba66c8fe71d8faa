import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isStopword } from './stopwords.js';

describe('isStopword', () => {
  const cases: Array<[string, boolean]> = [
    ['في', true],
    ['إلى', true],
    ['الى', true],
    ['التي', true],
    ['التى', true],
    ['لَيْسَ', true],
    ['وفي', true],
    ['فهذا', true],
    ['ولكن', true],
    ['منه', true],
    ['قال', false], // a quote cue, kept out of the list
    ['مليون', false],
    ['وزير', false],
    ['الحكومة', false],
    ['زيارة', false],
    ['و', true],
    ['', false],
  ];
  for (const [word, expected] of cases) {
    it(`${word || '(empty)'} → ${expected}`, () => assert.equal(isStopword(word), expected));
  }
});
