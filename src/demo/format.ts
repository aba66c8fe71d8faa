// Small formatting helpers for the demo sites: HTML/XML escaping, Arabic month and weekday
// names in the three regional styles, Arabic-Indic digits, Hijri dates and "منذ ساعتين" style
// relative times. Everything is computed from the ISO strings in demo/content, so the sites
// render the same bytes on every run.

/** The moment the demo sites pretend it is, for "last updated N hours ago" lines and tickers. */
export const DEMO_NOW = '2026-11-13T21:00:00+03:00';

export type MonthStyle = 'levantine' | 'egyptian' | 'maghrebi';

/** Month names as each region writes them (Levant and Iraq; Egypt and the Gulf; Tunisia and Algeria). */
export const MONTHS: Record<MonthStyle, readonly string[]> = {
  levantine: [
    'كانون الثاني',
    'شباط',
    'آذار',
    'نيسان',
    'أيار',
    'حزيران',
    'تموز',
    'آب',
    'أيلول',
    'تشرين الأول',
    'تشرين الثاني',
    'كانون الأول',
  ],
  egyptian: [
    'يناير',
    'فبراير',
    'مارس',
    'أبريل',
    'مايو',
    'يونيو',
    'يوليو',
    'أغسطس',
    'سبتمبر',
    'أكتوبر',
    'نوفمبر',
    'ديسمبر',
  ],
  maghrebi: [
    'جانفي',
    'فيفري',
    'مارس',
    'أفريل',
    'ماي',
    'جوان',
    'جويلية',
    'أوت',
    'سبتمبر',
    'أكتوبر',
    'نوفمبر',
    'ديسمبر',
  ],
};

export const WEEKDAYS = ['الأحد', 'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت'] as const;

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const EN_DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The local wall-clock parts of an ISO timestamp as written (its own offset, not the machine's). */
export interface LocalParts {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number; // 0 = Sunday
  offset: string; // "+03:00" or "Z"
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})$/;

export function localParts(iso: string): LocalParts {
  const m = ISO_RE.exec(iso);
  if (!m) throw new Error(`not an ISO timestamp with a zone: ${iso}`);
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return { year, month, day, hour, minute, second: Number(m[6] ?? 0), weekday, offset: m[7] };
}

export function isIsoWithZone(iso: string): boolean {
  return ISO_RE.test(iso);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** "2026", "10", "21" of the local date, for URL paths. */
export function datePathParts(iso: string): { yyyy: string; mm: string; dd: string } {
  const p = localParts(iso);
  return { yyyy: String(p.year), mm: pad2(p.month), dd: pad2(p.day) };
}

/** "الأربعاء 21 تشرين الأول 2026". */
export function arabicDate(iso: string, style: MonthStyle, withWeekday = true): string {
  const p = localParts(iso);
  const date = `${p.day} ${MONTHS[style][p.month - 1]} ${p.year}`;
  return withWeekday ? `${WEEKDAYS[p.weekday]} ${date}` : date;
}

/** "14:35". */
export function clock(iso: string): string {
  const p = localParts(iso);
  return `${pad2(p.hour)}:${pad2(p.minute)}`;
}

/** "09:15 ص" / "06:40 م": the twelve-hour clock Gulf sites use. */
export function clock12(iso: string): string {
  const p = localParts(iso);
  const h = p.hour % 12 === 0 ? 12 : p.hour % 12;
  return `${pad2(h)}:${pad2(p.minute)} ${p.hour < 12 ? 'ص' : 'م'}`;
}

/** "21/10/2026". */
export function numericDate(iso: string): string {
  const p = localParts(iso);
  return `${pad2(p.day)}/${pad2(p.month)}/${p.year}`;
}

/** Umm al-Qura Hijri date of the local calendar day: "14 جمادى الأولى 1448هـ". */
export function hijriDate(iso: string): string {
  const p = localParts(iso);
  const fmt = new Intl.DateTimeFormat('ar-SA-u-ca-islamic-umalqura-nu-latn', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const parts = fmt.formatToParts(new Date(Date.UTC(p.year, p.month - 1, p.day, 12)));
  const get = (type: string) => parts.find((x) => x.type === type)?.value ?? '';
  return `${get('day')} ${get('month')} ${get('year')}هـ`;
}

/** RFC 822 date for RSS 2.0, in the timestamp's own offset: "Tue, 20 Oct 2026 18:40:00 +0300". */
export function rfc822(iso: string): string {
  const p = localParts(iso);
  const zone = p.offset === 'Z' ? '+0000' : p.offset.replace(':', '');
  return `${EN_DAYS[p.weekday]}, ${pad2(p.day)} ${EN_MONTHS[p.month - 1]} ${p.year} ${pad2(p.hour)}:${pad2(p.minute)}:${pad2(p.second)} ${zone}`;
}

/** "Oct 21, 2026": the aggregator's English chrome. */
export function englishDate(iso: string): string {
  const p = localParts(iso);
  return `${EN_MONTHS[p.month - 1]} ${p.day}, ${p.year}`;
}

/** Western → Arabic-Indic digits (٠–٩). */
export function toArabicIndic(text: string): string {
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d)));
}

/**
 * How long before DEMO_NOW `iso` was, the way Arabic news sites print it:
 * "منذ 5 دقائق", "منذ ساعة", "منذ ساعتين", "منذ 7 ساعات", "أمس", "منذ يومين", "منذ 12 يوماً".
 */
export function relativeAgo(iso: string, now = DEMO_NOW): string {
  const minutes = Math.max(0, Math.round((Date.parse(now) - Date.parse(iso)) / 60000));
  if (minutes < 1) return 'الآن';
  if (minutes < 60) return minutes <= 10 ? `منذ ${minutes} دقائق` : `منذ ${minutes} دقيقة`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    if (hours === 1) return 'منذ ساعة';
    if (hours === 2) return 'منذ ساعتين';
    return hours <= 10 ? `منذ ${hours} ساعات` : `منذ ${hours} ساعة`;
  }
  const days = Math.floor(hours / 24);
  if (days === 1) return 'أمس';
  if (days === 2) return 'منذ يومين';
  return days <= 10 ? `منذ ${days} أيام` : `منذ ${days} يوماً`;
}

/** Escape text for HTML element content and double-quoted attributes. */
export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Escape text for XML (also turns apostrophes into entities). */
export function escXml(text: string): string {
  return esc(text).replace(/'/g, '&apos;');
}

/** Wrap text in CDATA, splitting any "]]>" inside it. */
export function cdata(text: string): string {
  return `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

/** FNV-1a: a small stable hash to pick clutter (comments, view counts) per page. */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The first `words` words of a text, with "…" when cut. */
export function excerpt(text: string, words = 30): string {
  const parts = text.split(/\s+/).filter(Boolean);
  return parts.length <= words ? parts.join(' ') : `${parts.slice(0, words).join(' ')}…`;
}

/** Words as the demo counts them (whitespace-separated runs with a letter or digit). */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
