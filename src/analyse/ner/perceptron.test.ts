import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { BIOES_LABELS, bioesToBio, bioToSpans, NER_LABELS } from './conll.js';
import { labelConstraints, seededRandom, viterbi } from './perceptron.js';

const L = NER_LABELS.length;
const allowed = labelConstraints(NER_LABELS);

describe('labelConstraints', () => {
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

describe('labelConstraints (BIOES)', () => {
  const B = BIOES_LABELS;
  const bioes = labelConstraints(B);
  const at = (prev: string, cur: string) => bioes.transition[B.indexOf(prev) * B.length + B.indexOf(cur)];
  it('keeps a span open after B- and I- until its E-, and lets S- stand alone', () => {
    assert.equal(at('B-PERS', 'I-PERS'), 1);
    assert.equal(at('B-PERS', 'E-PERS'), 1);
    assert.equal(at('B-PERS', 'O'), 0);
    assert.equal(at('I-PERS', 'B-LOC'), 0);
    assert.equal(at('E-PERS', 'S-LOC'), 1);
    assert.equal(at('S-PERS', 'E-PERS'), 0);
    assert.equal(at('O', 'E-LOC'), 0);
    assert.equal(bioes.end[B.indexOf('B-LOC')], 0);
    assert.equal(bioes.end[B.indexOf('E-LOC')], 1);
    assert.equal(bioes.start[B.indexOf('E-LOC')], 0);
  });

  it('decodes only well-formed BIOES, whatever the scores (property)', () => {
    const L2 = B.length;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (n, seed) => {
        const random = seededRandom(seed);
        const e = Float64Array.from({ length: n * L2 }, () => (random() - 0.5) * 20);
        const trans = Float64Array.from({ length: L2 * L2 }, () => (random() - 0.5) * 20);
        const start = Float64Array.from({ length: L2 }, () => (random() - 0.5) * 20);
        const path = Array.from(viterbi(e, n, L2, trans, start, bioes), (y) => B[y]);
        // Every span of the BIO reading is B (I)* E or a lone S.
        for (const span of bioToSpans(bioesToBio(path))) {
          const tags = path.slice(span.start, span.end).map((t) => t[0]);
          const ok = tags.length === 1 ? tags[0] === 'S' : /^BI*E$/.test(tags.join(''));
          assert.ok(ok, path.join(' '));
        }
      }),
      { numRuns: 300 },
    );
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
