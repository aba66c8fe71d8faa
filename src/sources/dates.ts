// Dates from feeds and sitemaps (RFC 822, ISO 8601, W3C datetime) to ISO 8601 UTC.

/** A trailing zone: Z, ±hh:mm, ±hhmm, or a name (GMT, UTC, EST, …). */
const HAS_ZONE = /(?:Z|[+-]\d{2}:?\d{2}|\b[A-Z]{1,4})\s*$/;
/** ISO-like date and time without a zone: `2017-10-10 18:00` or `2017-10-10T18:00:00.5`. */
const ISO_WITHOUT_ZONE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;
/** A date names its year: four digits, or RFC 822's two (`10 Oct 17`). Without this V8's lenient
 * parser reads "5" or "Item 12" as dates in 2001. */
const HAS_YEAR = /\d{4}|\b\d{1,2}\s+[A-Za-z]{3,}\s+\d{2}\b/;
/** Zone abbreviations Arabic-language feeds use that V8 does not know (it knows only UT, UTC,
 * GMT, Z and the US zones). AST is read as Arabia Standard Time, not Atlantic: this is an
 * Arabic-news tool (known false positive: a Caribbean feed writing AST is off by 7 hours). */
const ZONE_OFFSETS: Record<string, string> = {
  AST: '+0300',
  ADT: '+0400',
  EET: '+0200',
  EEST: '+0300',
  GST: '+0400',
  MSK: '+0300',
  TRT: '+0300',
  IRST: '+0330',
  CET: '+0100',
  CEST: '+0200',
  BST: '+0100',
  WET: '+0000',
  WEST: '+0100',
};
/** A zone abbreviation at the end of a date. */
const TRAILING_ZONE_NAME = /\b([A-Z]{2,5})$/;
/** Years outside this range are CMS placeholders (`0001-01-01`, `9999-12-31`), not dates. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2999;

/**
 * Parses a feed or sitemap date to ISO 8601 UTC; null when it is not a date. A time without a
 * zone is read as UTC, not as the machine's local time, so results do not depend on where
 * Marsad runs (known error: a feed in local time without a zone is off by its UTC offset).
 *
 * @example toIsoDate('Tue, 10 Oct 2017 18:00:00 +0300') === '2017-10-10T15:00:00.000Z'
 */
export function toIsoDate(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  let text = raw.trim();
  if (text === '' || text.length > 100 || !HAS_YEAR.test(text)) return null;
  const zoneName = TRAILING_ZONE_NAME.exec(text)?.[1];
  if (zoneName && ZONE_OFFSETS[zoneName])
    text = `${text.slice(0, -zoneName.length)}${ZONE_OFFSETS[zoneName]}`;
  if (ISO_WITHOUT_ZONE.test(text)) text = `${text.replace(' ', 'T')}Z`;
  // Not ISO and no zone (`Oct 10, 2017`, `10 Oct 2017 18:00`): V8 would read local time.
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(text) && !HAS_ZONE.test(text)) text = `${text} GMT`;
  const time = Date.parse(text);
  if (Number.isNaN(time)) return null;
  const date = new Date(time);
  const year = date.getUTCFullYear();
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  return date.toISOString();
}
