// Quote finder tests: the seed page's four kinds of source (shared/seed when present, and a text
// written here with the same structure so the test runs without shared/), one case per
// behaviour, the offsets contract, robustness on random input, the written gold's floor. (Speed
// is measured by npm run bench:analyse, not here.)

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { foldForSearch } from '../../arabic/index.js';
import type { Quote } from '../../model/analysis.js';
import { findQuotes, parseCueLexicon } from './index.js';

const SEED_DIR = new URL('../../../../shared/seed/', import.meta.url);
const GOLD = new URL('../../../test/fixtures/quotes/gold.json', import.meta.url);

/** The quote whose statement starts with `start` (after folding), or a failure listing what was found. */
function quoteStarting(quotes: Quote[], start: string): Quote {
  const want = foldForSearch(start);
  const q = quotes.find((x) => foldForSearch(x.text).startsWith(want));
  assert.ok(
    q,
    `no statement starting «${start}»; found:\n${quotes.map((x) => `  ${x.speaker}: ${x.text}`).join('\n')}`,
  );
  return q;
}

/** The seed page's attributions, as the brief lists them. */
function checkSeedStructure(
  quotes: Quote[],
  names: { person: string; centre: string; fromStatement: string },
) {
  // The coalition's statement: "وجاء في البيان، إن …" and "وأضاف البيان …".
  const statement = quoteStarting(quotes, names.fromStatement);
  assert.equal(statement.sourceType, 'official-statement');
  assert.match(statement.speaker, /التحالف/);
  assert.equal(statement.cue, 'وجاء في');
  // The named official, his role, direct speech, and "وأضاف" continuing him.
  const person = quotes.filter((q) => q.speaker === names.person);
  assert.equal(person.length, 2, `two statements of ${names.person}`);
  for (const q of person) {
    assert.equal(q.sourceType, 'named-person');
    assert.equal(q.role, 'مدير العمليات في التحالف');
    assert.equal(q.direct, true);
  }
  assert.deepEqual(
    person.map((q) => q.cue),
    ['وقال', 'وأضاف'],
  );
  // The think tank.
  const centre = quotes.find((q) => q.speaker.includes(names.centre));
  assert.ok(centre, `a statement of ${names.centre}`);
  assert.equal(centre.sourceType, 'document');
  assert.equal(centre.cue, 'وحسب');
  // The anonymous sources, and "وأضاف المصادر" continuing them.
  const sources = quotes.filter((q) => q.speaker === 'مصادر خاصة');
  assert.deepEqual(
    sources.map((q) => [q.cue, q.sourceType]),
    [
      ['وقالت', 'anonymous'],
      ['وأضاف', 'anonymous'],
    ],
  );
}

/** The seed's sentences rewritten with other words and names, same structure. */
const SEED_LIKE = [
  'أعلن التحالف الدولي ضد تنظيم "الدولة"، مساء الأربعاء، أن وجهاء من العشائر بدأوا وساطة لإخراج العائلات من أحياء في الطبقة.',
  'وحسب مركز "رصد" للدراسات؛ فأن الوساطة ما زالت متعثرة بسبب شروط يفرضها التنظيم على خروج مقاتليه.',
  'وأوضح التحالف في بيان صادر عنه، أن مجلس الطبقة المدني يقود الوساطة، لكنه لم يحدد الجهة التي يتفاوض معها.',
  'وجاء في البيان، إن "المجلس يعمل على تأمين خروج المدنيين المحاصرين في المدينة بأقل الخسائر، وأضاف البيان "كل من قاتل مع التنظيم سيحال إلى القضاء المحلي".',
  'وقال مدير العمليات في التحالف، "روبرت هاريس"، إن "إن هدفنا هزيمة التنظيم مع حماية أرواح المدنيين قدر الإمكان"، وأضاف "المعركة ما زالت طويلة وصعبة".',
  'وقالت مصادر خاصة، إن عشرات المقاتلين الأجانب؛ رفضوا بنود الاتفاق، التي تمنعهم من الخروج بأسلحتهم، وهذا ما حصل وفقا للمصادر.',
  'وأضاف المصادر "عرض المفاوضون على التنظيم نقل مقاتليه إلى مناطق يختارونها، بشرط ضمانات من طرف ثالث".',
].join('\n');

describe('findQuotes on the seed structure', () => {
  test("a text written with the seed page's structure", () => {
    checkSeedStructure(findQuotes(SEED_LIKE), {
      person: 'روبرت هاريس',
      centre: 'رصد',
      fromStatement: 'المجلس يعمل على تأمين',
    });
  });

  test('the seed page itself (shared/seed)', (t) => {
    if (!existsSync(SEED_DIR)) {
      t.skip('shared/seed is absent');
      return;
    }
    const file = readdirSync(SEED_DIR).find((f) => f.endsWith('.txt'));
    if (!file) {
      t.skip('no .txt in shared/seed');
      return;
    }
    const quotes = findQuotes(readFileSync(new URL(file, SEED_DIR), 'utf8'));
    checkSeedStructure(quotes, {
      person: 'جوناثان براغا',
      centre: 'نورس',
      fromStatement: 'مجلس الرقة المدني يقود',
    });
    // The first attribution: the coalition's announcement.
    const first = quoteStarting(quotes, 'مسؤولين محليين وشيوخ عشائر');
    assert.equal(first.cue, 'أعلن');
    assert.match(first.speaker, /^التحالف الدولي/);
  });
});

describe('findQuotes behaviours', () => {
  const cases: Array<{ name: string; text: string; expect: Array<Partial<Quote>> }> = [
    {
      name: 'reported speech after أن to the end of the sentence',
      text: 'وقال وزير الخارجية أيمن الصفدي إن الأردن يرفض أي تهجير، وإن الحدود مغلقة.',
      expect: [
        {
          speaker: 'أيمن الصفدي',
          role: 'وزير الخارجية',
          cue: 'وقال',
          text: 'الأردن يرفض أي تهجير، وإن الحدود مغلقة',
          direct: false,
          sourceType: 'named-person',
        },
      ],
    },
    {
      name: 'a plural verb without a subject goes to the group before it, not to the last speaker',
      text: 'وبحسب مركز الرافدين للأبحاث فإن المحادثات متوقفة، إذ طالب المفاوضون المحليون بضمانات مكتوبة، كما أكدوا أنهم لن يوقعوا أي اتفاق قبل عودة النازحين.',
      expect: [
        { speaker: 'مركز الرافدين للأبحاث', sourceType: 'document' },
        { speaker: 'المفاوضون المحليون', cue: 'أكدوا', sourceType: 'anonymous' },
      ],
    },
    {
      name: 'a plural verb after one named person, with no group in its sentence, is not his',
      text: 'وقال المحافظ سامر العلي إن الطريق سيفتح غدا. كما أكدوا أن الأعمال ستنتهي قريبا.',
      expect: [{ speaker: 'سامر العلي', text: 'الطريق سيفتح غدا' }],
    },
    {
      name: 'direct speech after a colon, in guillemets',
      text: 'وقالت الوزيرة: «لن نتراجع عن القرار».',
      expect: [{ speaker: 'الوزيرة', text: 'لن نتراجع عن القرار', direct: true }],
    },
    {
      name: 'the statement before its speaker',
      text: '«الوضع تحت السيطرة تماماً»، قال محافظ المدينة.',
      expect: [{ speaker: 'محافظ المدينة', cue: 'قال', text: 'الوضع تحت السيطرة تماماً', direct: true }],
    },
    {
      name: 'a trailing attribution',
      text: 'قتل ثلاثة مدنيين في قصف على البلدة، بحسب ناشطين محليين.',
      expect: [
        {
          speaker: 'ناشطين محليين',
          cue: 'بحسب',
          text: 'قتل ثلاثة مدنيين في قصف على البلدة',
          sourceType: 'anonymous',
        },
      ],
    },
    {
      name: 'another outlet',
      text: 'ذكرت صحيفة "الشرق الأوسط" أن المحادثات ستستأنف الأسبوع المقبل.',
      expect: [{ speaker: 'صحيفة "الشرق الأوسط"', sourceType: 'media' }],
    },
    {
      name: 'أكد على + noun: what follows على is the statement',
      text: 'وأكد الرئيس على ضرورة حماية المدنيين.',
      expect: [{ speaker: 'الرئيس', text: 'ضرورة حماية المدنيين', direct: false }],
    },
    {
      name: 'a participle continues the speaker',
      text: 'قالت الوزارة إن المدارس ستفتح غداً، مشيرة إلى أن الدوام سيكون جزئياً.',
      expect: [
        { speaker: 'الوزارة', cue: 'قالت', text: 'المدارس ستفتح غداً' },
        { speaker: 'الوزارة', cue: 'مشيرة إلى', text: 'الدوام سيكون جزئياً' },
      ],
    },
    {
      name: 'a nested statement',
      text: 'قال النائب إن الوزير أبلغه أن "الميزانية جاهزة".',
      expect: [
        { speaker: 'النائب', text: 'الوزير أبلغه أن "الميزانية جاهزة"' },
        { speaker: 'الوزير', cue: 'أبلغه', text: 'الميزانية جاهزة' },
      ],
    },
    {
      name: 'negatives: scripture, an announcement of a thing, the writer\'s aside, "in line with"',
      text: 'قال تعالى: "وتعاونوا على البر والتقوى". أعلنت الحكومة عن خطة جديدة للإسكان. ويذكر أن الخطة تشمل ألف وحدة. وتجري الأعمال وفقاً للمعايير الدولية.',
      expect: [],
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const quotes = findQuotes(c.text);
      assert.equal(quotes.length, c.expect.length, quotes.map((q) => `${q.speaker}: ${q.text}`).join('\n'));
      c.expect.forEach((want, i) => {
        for (const [key, value] of Object.entries(want)) {
          assert.equal(quotes[i][key as keyof Quote], value, `${key} of quote ${i}`);
        }
      });
    });
  }

  test('mentions resolve the speaker entity and make a bare name a person', () => {
    const text = 'وقال السوداني إن الحكومة ماضية في الإصلاحات.';
    const start = text.indexOf('السوداني');
    const quotes = findQuotes(text, {
      mentions: [{ start, end: start + 'السوداني'.length, entityId: 'person:al-sudani', type: 'PERS' }],
    });
    assert.equal(quotes.length, 1);
    assert.equal(quotes[0].speakerId, 'person:al-sudani');
    assert.equal(quotes[0].sourceType, 'named-person');
  });

  test('a cue list passed in replaces the shipped one', () => {
    const cues = parseCueLexicon('همس\tverb\t-\twhisper\tهمس همست\t-\t-\n');
    const quotes = findQuotes('وهمست الممرضة أن المريض نائم.', { cues });
    assert.equal(quotes.length, 1);
    assert.equal(quotes[0].cue, 'وهمست');
    assert.equal(findQuotes('وقالت الممرضة أن المريض نائم.', { cues }).length, 0);
  });
});

describe('findQuotes contract', () => {
  const gold = JSON.parse(readFileSync(GOLD, 'utf8')) as Array<{
    text: string;
    quotes: Array<{ statement: string; speaker: string }>;
  }>;

  test('offsets point into the text: statement and speaker', () => {
    for (const g of gold) {
      for (const q of findQuotes(g.text)) {
        assert.equal(g.text.slice(q.start, q.end), q.text);
        assert.equal(g.text.slice(q.speakerStart, q.speakerEnd), q.speaker);
        assert.ok(q.start < q.end && q.text.trim() === q.text);
      }
    }
  });

  test('never throws, offsets stay in range on random text', () => {
    const alphabet = fc.constantFrom(
      ...'وقال إن أن أكد "«»“”،؛:.؟ المصادر البيان وأضاف بحسب وفقا ل مشيرا إلى في عن التي الذي 12 a\n'.split(
        '',
      ),
    );
    fc.assert(
      fc.property(fc.string({ unit: alphabet, maxLength: 300 }), (text) => {
        for (const q of findQuotes(text)) {
          assert.ok(q.start >= 0 && q.end <= text.length && q.start < q.end);
          assert.ok(q.speakerStart >= 0 && q.speakerEnd <= text.length);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('the written gold: recall and precision stay at or above 0.95', () => {
    const fold = (s: string) =>
      foldForSearch(s)
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();
    let goldCount = 0;
    let predicted = 0;
    let matched = 0;
    for (const g of gold) {
      const preds = findQuotes(g.text);
      predicted += preds.length;
      for (const want of g.quotes) {
        goldCount++;
        const at = g.text.indexOf(want.statement);
        const end = at + want.statement.length;
        const hit = preds.some((p) => {
          const inter = Math.min(p.end, end) - Math.max(p.start, at);
          const a = fold(p.speaker);
          const b = fold(want.speaker);
          return inter / Math.max(p.end - p.start, end - at) >= 0.5 && (a.includes(b) || b.includes(a));
        });
        if (hit) matched++;
      }
    }
    assert.ok(matched / goldCount >= 0.95, `recall ${matched}/${goldCount}`);
    assert.ok(matched / predicted >= 0.95, `precision ${matched}/${predicted}`);
  });
});
