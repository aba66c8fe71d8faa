import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foldForSearch } from '../../arabic/normalize.js';
import { procliticCandidates, stemOf } from './clitics.js';
import { ALL_GROUPS, flattenFeatures, sentenceFeatures, viewTokens } from './features.js';
import { buildGazetteer, entityGazetteer, matchGazetteer } from './gazetteer.js';
import { parseGivenNames, parseTriggers } from './resources.js';

describe('procliticCandidates', () => {
  it('reads conjunction, preposition and لل = ل + ال', () => {
    assert.deepEqual(procliticCandidates('وللعراق'), ['وللعراق', 'للعراق', 'العراق']);
    assert.deepEqual(procliticCandidates('وبغداد'), ['وبغداد', 'بغداد', 'غداد']);
  });

  it('never leaves a stem shorter than three letters', () => {
    assert.equal(stemOf('بوش'), 'بوش');
    assert.equal(stemOf('وبوش'), 'بوش');
  });
});

describe('gazetteers', () => {
  const gaz = buildGazetteer('seed', [
    { name: 'الأمم المتحدة', type: 'ORG' },
    { name: 'الأمم', type: 'MISC' },
    { name: 'بغداد', type: 'LOC' },
  ]);

  it('match longest first, with proclitics on the first token and folded spelling', () => {
    const views = viewTokens(['وقالت', 'والامم', 'المتحدة', 'في', 'بغداد']);
    const tags = matchGazetteer(
      views.map((v) => v.fold),
      views.map((v) => v.cands),
      gaz,
    );
    assert.deepEqual(tags, [null, 'B-ORG', 'I-ORG', null, 'B-LOC']);
  });

  it('reads Entity records (data/gazetteer.jsonl) with aliases, skipping bad lines', () => {
    const g = entityGazetteer(
      [
        JSON.stringify({
          id: 'geo:1',
          kind: 'place',
          nameAr: 'حلب',
          nameEn: 'Aleppo',
          aliases: ['حلب الشهباء', 'Aleppo'],
        }),
        '{broken',
        JSON.stringify({
          id: 'org:x',
          kind: 'organisation',
          nameAr: 'الهلال الأحمر',
          nameEn: null,
          aliases: [],
        }),
      ].join('\n'),
    );
    assert.equal(g.entries.get('حلب'), 'LOC');
    assert.equal(g.entries.get('حلب الشهباء'), 'LOC');
    assert.equal(g.entries.get('الهلال الاحمر'), 'ORG');
    assert.equal(g.entries.has('aleppo'), false);
  });
});

describe('sentenceFeatures', () => {
  it('adds name, trigger and gazetteer features', () => {
    const resources = {
      givenNames: parseGivenNames('جورج\tx\n'),
      triggers: parseTriggers('الرئيس\tPERS_TITLE\n'),
      gazetteers: [buildGazetteer('seed', [{ name: 'واشنطن', type: 'LOC' }])],
    };
    const f = sentenceFeatures(viewTokens(['قال', 'الرئيس', 'جورج', 'بوش', 'في', 'واشنطن']), {
      groups: ALL_GROUPS,
      resources,
      trainGazetteer: null,
      trainLexicon: null,
    }).map(flattenFeatures);
    assert.ok(f[2].includes('gn=x'));
    assert.ok(f[2].includes('tg-1=PERS_TITLE'));
    assert.ok(f[3].includes('gn-1=x'));
    assert.ok(f[5].includes('gz:seed=B-LOC'));
  });
});

describe('parseTriggers', () => {
  it('keys a word with and without the article, and a nationality also in the feminine', () => {
    const t = parseTriggers('الرئيس\tPERS_TITLE\nفرنسي\tNAT\n');
    assert.equal(t.get(foldForSearch('رئيس')), 'PERS_TITLE');
    assert.equal(t.get(foldForSearch('الرئيس')), 'PERS_TITLE');
    assert.equal(t.get('الفرنسي'), 'NAT');
    assert.equal(t.get('الفرنسيه'), 'NAT'); // folded الفرنسية
    assert.equal(t.get('فرنسيه'), 'NAT');
  });
});
