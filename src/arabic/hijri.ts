// Umm al-Qura Hijri ⇄ Gregorian conversion, built on Node's ICU calendar data.
//
// ICU ships the Umm al-Qura month table (1300–1600 AH; outside it ICU falls back to the
// arithmetic Islamic calendar). Gregorian → Hijri is one call to the formatter; Hijri → Gregorian
// is found by estimating the day from the mean month length and correcting with the formatter
// until it agrees, once per month (month starts are memoised — there are ~12 per year).

/** A calendar date with a 1-based month; Gregorian or Hijri depending on the function. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** Formats an instant as an Umm al-Qura date, read in UTC so a "day" is a UTC calendar day. */
const UMM_AL_QURA = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', {
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  timeZone: 'UTC',
});

const MS_PER_DAY = 86_400_000;

/** Mean synodic month in days; only used for the first estimate, the formatter corrects it. */
const MEAN_MONTH_DAYS = 29.530588853;

/** Anchor for estimates: 1 Muharram 1439 = 2017-09-21 (checked against ICU when written). */
const ANCHOR_HIJRI_YEAR = 1439;
const ANCHOR_DAY_NUMBER = Date.UTC(2017, 8, 21) / MS_PER_DAY;

/** Corrections allowed before giving up; estimates land within one month, so 2–3 suffice. */
const MAX_CORRECTIONS = 12;

/** Memo: (year * 12 + month - 1) → day number (days since 1970-01-01) of the 1st of that Hijri month. */
const monthStarts = new Map<number, number>();

/** Umm al-Qura date of a day number (days since 1970-01-01 UTC). */
function hijriOfDayNumber(dayNumber: number): CalendarDate {
  const parts = UMM_AL_QURA.formatToParts(new Date(dayNumber * MS_PER_DAY));
  let year = 0;
  let month = 0;
  let day = 0;
  for (const part of parts) {
    if (part.type === 'year') year = Number(part.value);
    else if (part.type === 'month') month = Number(part.value);
    else if (part.type === 'day') day = Number(part.value);
  }
  return { year, month, day };
}

/** Day number of the first day of Hijri month `month` of `year`. */
function monthStartDayNumber(year: number, month: number): number {
  const key = year * 12 + (month - 1);
  const known = monthStarts.get(key);
  if (known !== undefined) return known;
  let estimate = Math.round(ANCHOR_DAY_NUMBER + (key - ANCHOR_HIJRI_YEAR * 12) * MEAN_MONTH_DAYS);
  for (let i = 0; i < MAX_CORRECTIONS; i++) {
    const h = hijriOfDayNumber(estimate);
    const monthsOff = year * 12 + (month - 1) - (h.year * 12 + (h.month - 1));
    if (monthsOff === 0) {
      const start = estimate - (h.day - 1);
      monthStarts.set(key, start);
      return start;
    }
    // Jump by whole months, then land mid-month so the next read is unambiguous.
    estimate += Math.round(monthsOff * MEAN_MONTH_DAYS) + (15 - h.day);
  }
  throw new Error(`hijri: no convergence for ${year}-${month}`);
}

function dayNumberToGregorian(dayNumber: number): CalendarDate {
  const d = new Date(dayNumber * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function checkMonth(year: number, month: number): void {
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`hijri: bad year/month ${year}-${month}`);
  }
}

/**
 * Number of days (29 or 30) in an Umm al-Qura month.
 *
 * @example hijriMonthLength(1445, 9) // 30 (Ramadan 1445: 2024-03-11 … 2024-04-09)
 */
export function hijriMonthLength(year: number, month: number): number {
  checkMonth(year, month);
  const next = month === 12 ? monthStartDayNumber(year + 1, 1) : monthStartDayNumber(year, month + 1);
  return next - monthStartDayNumber(year, month);
}

/**
 * Umm al-Qura date → Gregorian date. Throws RangeError when the day does not exist
 * (callers holding text should check {@link hijriMonthLength} first).
 *
 * @example hijriToGregorian(1439, 1, 27) // { year: 2017, month: 10, day: 17 }
 */
export function hijriToGregorian(year: number, month: number, day: number): CalendarDate {
  checkMonth(year, month);
  if (!Number.isInteger(day) || day < 1 || day > hijriMonthLength(year, month)) {
    throw new RangeError(`hijri: day ${day} does not exist in ${year}-${month}`);
  }
  return dayNumberToGregorian(monthStartDayNumber(year, month) + day - 1);
}

/**
 * Gregorian date → Umm al-Qura date. A `Date` is read as its UTC calendar day.
 *
 * @example gregorianToHijri(new Date('2024-03-11')) // { year: 1445, month: 9, day: 1 }
 */
export function gregorianToHijri(date: Date | CalendarDate): CalendarDate {
  const dayNumber =
    date instanceof Date
      ? Math.floor(date.getTime() / MS_PER_DAY)
      : Date.UTC(date.year, date.month - 1, date.day) / MS_PER_DAY;
  return hijriOfDayNumber(dayNumber);
}
