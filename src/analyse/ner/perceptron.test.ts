import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { NER_LABELS } from './conll.js';
import { bioConstraints, seededRandom, viterbi } from './perceptron.js';

const L = NER_LABELS.length;
const allowed = bioConstraints(NER_LABELS);

describe('bioConstraints', () => {
  it('forbids I-X after O, after another type, and at the start', () => {
    const at = (prev: string, cur: string) =>
      allowed.transition[NER_LABELS.indexOf(prev as never) * L + NER_LABELS.indexOf(cur as never)];
    assert.equal(at('O', 'I-PERS'), 0);
    assert.equal(at('B-LOC', 'I-PERS'), 0);
    assert.equal(at('I-ORG', 'I-PERS'), 0);
    assert.equal(at('B-PERS', 'I-PERS'), 1);
    assert.equal(at('I-PERS', 'I-PERS'), 1);
    assert.equal(at('O', 'B-PERS'), 1);
    assert.equal(allowed.start[NER_LABELS.indexOf('I-LOC')], 0);
    assert.equal(allowed.start[NER_LABELS.indexOf('B-LOC')], 1);
  });
});

describe('viterbi', () => {
  it('never outputs I-X after O or another type, whatever the scores (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (n, seed) => {
        const random = seededRandom(seed);
        const e = Float64Array.from({ length: n * L }, () => (random() - 0.5) * 20);
        const trans = Float64Array.from({ length: L * L }, () => (random() - 0.5) * 20);
        const start = Float64Array.from({ length: L }, () => (random() - 0.5) * 20);
        const path = Array.from(viterbi(e, n, L, trans, start, allowed), (y) => NER_LABELS[y]);
        for (let t = 0; t < n; t++) {
          if (!path[t].startsWith('I-')) continue;
          assert.ok(t > 0, `I- first: ${path.join(' ')}`);
          assert.equal(path[t - 1].slice(2), path[t].slice(2), `bad ${path[t - 1]} → ${path[t]}`);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('follows emissions when they are strong enough', () => {
    const e = new Float64Array(3 * L);
    e[0 * L + NER_LABELS.indexOf('B-PERS')] = 5;
    e[1 * L + NER_LABELS.indexOf('I-PERS')] = 5;
    e[2 * L + NER_LABELS.indexOf('O')] = 5;
    const path = Array.from(
      viterbi(e, 3, L, new Float64Array(L * L), new Float64Array(L), allowed),
      (y) => NER_LABELS[y],
    );
    assert.deepEqual(path, ['B-PERS', 'I-PERS', 'O']);
  });
});

describe('seededRandom', () => {
  it('repeats for a seed and differs across seeds', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const xs = [a(), a(), a()];
    assert.deepEqual(xs, [b(), b(), b()]);
    assert.notDeepEqual(xs, [c(), c(), c()]);
  });
});
