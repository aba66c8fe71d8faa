// The seed page (../shared/seed/) as acceptance: analysed as text (first line = title), it must
// yield the coalition, ISIS under both its names as one entity, SDF, Hezbollah, the Raqqa civil
// council, the Nours centre, Jonathan Braga with his role, the five places with coordinates, the
// four kinds of attributed statements with their continuations, and "مساء الثلاثاء" resolved.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyseText } from '../src/analyse/index.js';
import { foldForSearch } from '../src/arabic/normalize.js';

const SEED_DIR = join(import.meta.dirname, '..', '..', 'shared', 'seed');
const seedFile = existsSync(SEED_DIR) ? readdirSync(SEED_DIR).find((f) => f.endsWith('.txt')) : undefined;
const skip = seedFile ? false : `no seed text in ${SEED_DIR} (the shared folder is absent)`;

const f = (s: string) =>
  foldForSearch(s)
    .replace(/["«»“”]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

test('the seed page: entities, places, quotes and dates', { skip }, () => {
  const raw = readFileSync(join(SEED_DIR, seedFile!), 'utf8');
  // The page text: first line the title as the site printed it; the site's name is not the text's.
  const text = raw.replace(/ - It's Over 9000!\s*$/m, '');
  // Published on Tuesday 2017-10-10 at 18:00 Damascus time (the page's story day).
  const a = analyseText(text, { published: '2017-10-10T18:00:00+03:00' });

  const entityWith = (surface: string) => a.entities.find((e) => e.surfaces.some((s) => f(s) === f(surface)));

  const coalition = entityWith('التحالف الدولي');
  assert.ok(coalition, 'the coalition');
  assert.ok(
    coalition.surfaces.some((s) => f(s) === f('التحالف')),
    `"التحالف" resolved to the coalition: ${coalition.surfaces}`,
  );

  const isis = entityWith('تنظيم "الدولة"');
  assert.ok(isis, 'ISIS as تنظيم "الدولة"');
  assert.equal(entityWith('داعش')?.id, isis.id, 'داعش is the same entity');

  assert.ok(entityWith('قسد'), 'SDF (قسد)');
  assert.ok(entityWith('حزب الله'), 'Hezbollah');
  assert.ok(
    a.entities.some((e) => e.surfaces.some((s) => f(s).includes(f('مجلس الرقة المدني')))),
    'the Raqqa civil council',
  );
  assert.ok(
    a.entities.some((e) => e.surfaces.some((s) => f(s).includes('نورس'))),
    'the Nours centre',
  );

  const braga = a.entities.find((e) => e.kind === 'person' && e.surfaces.some((s) => f(s).includes('براغا')));
  assert.ok(braga, 'Jonathan Braga, a person');
  assert.match(braga.role ?? '', /مدير العمليات في التحالف/, `his role: ${braga.role}`);

  for (const place of ['الرقة', 'القلمون الغربي', 'ريف حماة', 'تدمر', 'دير الزور']) {
    const p = a.places.find((x) =>
      a.entities.find((e) => e.id === x.id)?.surfaces.some((s) => f(s) === f(place)),
    );
    assert.ok(p, `place ${place} with coordinates`);
    assert.ok(
      p.lat > 32 && p.lat < 38 && p.lon > 35 && p.lon < 42,
      `${place} is in Syria: ${p.lat}, ${p.lon}`,
    );
  }

  const quotesBy = (pred: (speaker: string) => boolean) => a.quotes.filter((q) => pred(f(q.speaker)));
  const coalitionQuotes = a.quotes.filter(
    (q) => q.speakerId === coalition.id || /تحالف|بيان/.test(f(q.speaker)),
  );
  assert.ok(
    coalitionQuotes.some((q) => q.sourceType === 'official-statement'),
    "the coalition's statement",
  );
  const bragaQuotes = quotesBy((s) => s.includes('براغا'));
  assert.ok(
    bragaQuotes.some((q) => q.direct && q.sourceType === 'named-person'),
    'Braga, named, direct',
  );
  assert.ok(
    bragaQuotes.some((q) => f(q.cue).includes('اضاف')),
    'وأضاف continues Braga',
  );
  assert.ok(
    quotesBy((s) => s.includes('نورس')).some((q) => q.sourceType === 'document'),
    'the Nours centre, a study centre',
  );
  assert.ok(
    !quotesBy((s) => s.includes('نورس')).some((q) => f(q.cue).includes('صرحوا')),
    'the plural "كما صرحوا" is the officers\' words, not the centre\'s',
  );
  const sources = quotesBy((s) => s.includes('مصادر'));
  assert.ok(
    sources.some((q) => q.sourceType === 'anonymous' && /قالت/.test(f(q.cue))),
    'anonymous private sources',
  );
  assert.ok(
    sources.some((q) => q.sourceType === 'anonymous' && f(q.cue).includes('اضاف')),
    'وأضاف المصادر continues them',
  );

  const tuesday = a.dates.find((d) => f(d.text).includes('مساء الثلاثاء'));
  assert.ok(tuesday, 'مساء الثلاثاء found');
  assert.equal(tuesday.value?.slice(0, 10), '2017-10-10', 'resolved to the Tuesday of publication');
  assert.equal(tuesday.partOfDay, 'evening');
});
