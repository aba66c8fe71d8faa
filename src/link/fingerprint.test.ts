import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isCopyPair, isOriginal, linkCopies } from './copies.js';
import { contentHash, estimateSimilarity, fingerprint } from './fingerprint.js';

const P = [
  'أعلن التحالف الدولي ضد تنظيم الدولة مساء الثلاثاء أن مسؤولين محليين وشيوخ عشائر بدأوا يقودون محادثات لتأمين ممرات آمنة لخروج المدنيين من أجزاء في الرقة.',
  'وحسب مركز نورس للدراسات فإن المفاوضات ما زالت متعثرة حول خروج مقاتلي التنظيم من المدينة، حيث اشترط الضباط تسليم المقاتلين الأجانب.',
  'وأوضح التحالف في بيان صادر عنه أن شيوخ عشائر من مجلس الرقة المدني يقودون المحادثات لتحديد أفضل الطرق لتمكين المدنيين من مغادرة المدينة.',
  'وقال مدير العمليات في التحالف إن مسؤوليتنا تكمن في القضاء على داعش مع الحفاظ على أرواح المدنيين إلى أقصى حد ممكن.',
  'وقالت مصادر خاصة إن العشرات من المقاتلين غير السوريين اعترضوا على صيغة الاتفاق التي تتضمن عدم السماح لهم بالخروج مع أسلحتهم الثقيلة.',
  'وأضافت المصادر أن الميليشيات عرضت على التنظيم أن تتكفل بإيصال مقاتليه إلى الجهة التي يختارون ومن ضمنها ريف حماة وتدمر ودير الزور.',
];
const original = P.join('\n\n');

test('content hash ignores punctuation, spacing and spelling variants', () => {
  assert.equal(contentHash('قال الوزير: "إن الاتفاق قريب".'), contentHash('قال  الوزير إن الاتفاق قريب'));
  assert.notEqual(contentHash('قال الوزير إن الاتفاق قريب'), contentHash('قال الوزير إن الاتفاق بعيد'));
});

test('copies with changed punctuation, a trimmed last paragraph or a glued site name are copies', () => {
  const a = fingerprint(original).minhash;
  const punct = fingerprint(original.replace(/،/g, ',').replace(/\./g, ' .')).minhash;
  const trimmed = fingerprint(P.slice(0, -1).join('\n\n')).minhash;
  const glued = fingerprint(`${original}\n\nالمصدر: أخبار بلا حدود - اقرأ المزيد على موقعنا`).minhash;
  assert.ok(estimateSimilarity(a, punct) > 0.95);
  assert.ok(isCopyPair(a, trimmed), 'trimmed last paragraph');
  assert.ok(isCopyPair(a, glued), 'glued site name');
});

test('another outlet writing the same story in its own words is not a copy', () => {
  const rewrite = [
    'بدأت محادثات برعاية وجهاء عشائر محليين في مدينة الرقة بهدف فتح طرق لإخراج السكان المحاصرين، وفق ما ذكره التحالف يوم الثلاثاء.',
    'ويشترط الجانب الأمريكي تسليم المقاتلين القادمين من خارج سوريا قبل أي اتفاق، بحسب ما نقله باحثون في مركز نورس.',
    'ونقلت وكالات عن مسؤول عسكري قوله إن حماية المدنيين أولوية، في حين رفض مقاتلون أجانب الشروط المطروحة.',
  ].join('\n\n');
  assert.equal(isCopyPair(fingerprint(original).minhash, fingerprint(rewrite).minhash), false);
});

test('the original is the credited outlet, else the earliest', () => {
  const sig = fingerprint(original).minhash;
  const orig = {
    id: 5,
    minhash: sig,
    siteName: 'بلدي نيوز',
    outlet: 'بلدي نيوز',
    published: '2026-10-10T18:00:00Z',
    copyOf: null,
  };
  const copy = {
    id: 3,
    minhash: sig,
    siteName: "It's Over 9000!",
    outlet: 'بلدي نيوز',
    published: '2026-10-10T12:00:00Z',
    copyOf: null,
  };
  assert.equal(isOriginal(orig, copy), true, 'credit beats an earlier date');
  const later = { ...copy, outlet: "It's Over 9000!", published: '2026-10-11T12:00:00Z' };
  assert.equal(isOriginal(orig, later), true);
  assert.deepEqual(linkCopies(copy, [orig]), [{ articleId: 3, copyOf: 5 }]);
  // A new original arriving after its copy takes the copy over.
  assert.deepEqual(linkCopies(orig, [copy]), [{ articleId: 3, copyOf: 5 }]);
});
