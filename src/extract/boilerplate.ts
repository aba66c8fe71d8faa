// Texts that are page furniture whatever element holds them: share prompts, comment
// policies, newsletter boxes, copyright lines, "read also" teasers. Checked on short blocks
// only, since a long paragraph that mentions "التعليقات" is still prose.

import { foldKey } from '../arabic/keys.js';

/** Headings that introduce a list of related articles (kept apart from the body, in `related`). */
export const RELATED_HEADING_RE =
  /^(?:(?:مقالات|اخبار|مواضيع|موضوعات|قصص|تقارير|روابط)\s*(?:ذات\s*صله|متعلقه|مشابهه|مرتبطه|اخري)|الموضوعات المتعلقه|ذات صله|(?:اقرا|إقرا|اقراي)\s*(?:ايضا|كذلك)|(?:شاهد|طالع)\s*ايضا|قد يهمك|قد يعجبك|لمزيد من الاخبار|related(?:\s+(?:articles|stories|news|posts))?|read\s+also|see\s+also|more\s+stories)\s*[:：.]*\s*/i;

/** Folds a short text for matching against RELATED_HEADING_RE and the furniture patterns. */
let lastText = '';
let lastFold = '';

export function foldForMatch(text: string): string {
  // The predicates below run one after another on the same block: fold it once.
  if (text === lastText) return lastFold;
  lastText = text;
  lastFold = foldUncached(text);
  return lastFold;
}

function foldUncached(text: string): string {
  return text
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي')
    .trim();
}

export function isRelatedHeading(text: string): boolean {
  if (text.length > 60) return false;
  const f = foldForMatch(text);
  const m = f.match(RELATED_HEADING_RE);
  return m !== null && m.index === 0 && f.length - m[0].length <= 3;
}

/** A "read also: <link>" teaser: the related heading followed by a linked headline. */
export function isReadAlsoTeaser(text: string): boolean {
  const f = foldForMatch(text);
  const m = f.match(RELATED_HEADING_RE);
  return m !== null && m.index === 0 && text.length < 300;
}

/** Furniture phrases (folded). Each is specific enough that a short block holding it is not prose. */
const FURNITURE_RE = new RegExp(
  [
    'جميع الحقوق محفوظه',
    'كل الحقوق محفوظه',
    'الحقوق محفوظه',
    'all rights reserved',
    'copyright',
    '©',
    'اضف تعليق',
    'اضافه تعليق',
    'اكتب تعليق',
    'التعليقات',
    'تعليقات القراء',
    'تعليقك',
    'سياسه التعليقات',
    'بروتوكول نشر التعليقات',
    'لا تعبر عن راي',
    'تعبر عن وجهات نظر',
    'شارك (?:المقال|الخبر|علي|عبر)',
    '^شارك$',
    '^مشاركه$',
    'تابعونا',
    'تابعنا',
    'اشترك (?:الان|في النشره|في القائمه|معنا)',
    'النشره البريديه',
    'القائمه البريديه',
    'البريد الالكتروني',
    'حمل تطبيق',
    'تطبيق .{0,20}(?:اندرويد|ايفون)',
    'الاكثر قراءه',
    'الاكثر مشاهده',
    'الاكثر تعليقا',
    'اخر الاخبار',
    '^عاجل$',
    '^اعلان$',
    'share (?:this|on)',
    'follow us',
    'subscribe',
    'newsletter',
    'comments?',
    'cookies?',
    'privacy policy',
    'سياسه الخصوصيه',
    'شروط الاستخدام',
    'اتصل بنا',
    'من نحن',
    '^طباعه$',
    'ارسل لصديق',
    'دقائق للقراءه',
    'دقيقه للقراءه',
    'دقائق قراءه',
    'وقت القراءه',
    'min read',
    '^(?:الكلمات المفتاحيه|الكلمات المفاتيح|كلمات مفاتيح|كلمات مفتاحيه|كلمات دلاليه|الكلمات الدلاليه|الوسوم|وسوم|مواضيع|تاغ|tags|keywords)\\s*[:：]',
    'تكبير الخط',
    'تصغير الخط',
    'حجم الخط',
  ].join('|'),
  'i',
);

/** Words above which a block is taken for prose even if it contains a furniture phrase. */
const FURNITURE_MAX_WORDS = 30;

export function isFurniture(text: string, words: number): boolean {
  if (words > FURNITURE_MAX_WORDS) return false;
  return FURNITURE_RE.test(foldForMatch(text));
}

/** Image credits and captions written as text: "تصوير: …", "(أرشيفية)", "© REUTERS / …". */
const CREDIT_RE =
  /^(?:\(?\s*(?:تصوير|صوره|الصوره|المصدر الصوره|photo|credit|getty|afp|reuters|أرشيفيه|ارشيفيه|صوره ارشيفيه)\s*[:：/)]|©)/i;

export function isImageCredit(text: string, words: number): boolean {
  if (words > 15) return false;
  const f = foldForMatch(text);
  return CREDIT_RE.test(f) || /^\(?\s*(?:ارشيفيه|صوره ارشيفيه|ارشيف)\s*\)?$/.test(f);
}

export function sameText(a: string, b: string): boolean {
  const ka = foldKey(a);
  return ka.length > 0 && ka === foldKey(b);
}

/**
 * A test for "is this text the headline", with the headline's key computed once and texts of a
 * very different length rejected before folding (it runs on every block of the page).
 */
export function titleMatcher(title: string | null): (text: string) => boolean {
  if (!title) return () => false;
  const key = foldKey(title);
  if (key.length === 0) return () => false;
  const slack = Math.max(10, title.length * 0.3);
  return (text) => Math.abs(text.length - title.length) <= slack && foldKey(text) === key;
}
