// Dates as mail servers write them: RFC 5322 §3.3 with the obsolete forms of §4.3 (UT, GMT, EST/EDT,
// CST/CDT, MST/MDT, PST/PDT, military zones, two-digit years), missing weekday, full month names, a trailing
// `(CEST)`, and the Go `time.Time.String()` form. Everything is computed with Date.UTC, so results never
// depend on the machine's time zone.
import { MAX_PLAUSIBLE_YEAR, MIN_PLAUSIBLE_YEAR } from './limits.js';

const MONTHS = new Map<string, number>([
  ['jan', 0], ['feb', 1], ['mar', 2], ['apr', 3], ['may', 4], ['jun', 5],
  ['jul', 6], ['aug', 7], ['sep', 8], ['sept', 8], ['oct', 9], ['nov', 10], ['dec', 11],
  ['january', 0], ['february', 1], ['march', 2], ['april', 3], ['june', 5], ['july', 6],
  ['august', 7], ['september', 8], ['october', 9], ['november', 10], ['december', 11],
]);

const WEEKDAYS = new Set([
  'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
]);

/** RFC 5322 §4.3 obs-zone, in minutes east of UTC. Military zones other than Z are ambiguous
 * (RFC 1123 got their signs backwards), so §4.3 says to treat them as -0000: unknown offset, read as UTC. */
const NAMED_ZONES = new Map<string, number>([
  ['ut', 0], ['utc', 0], ['gmt', 0], ['z', 0],
  ['est', -300], ['edt', -240], ['cst', -360], ['cdt', -300],
  ['mst', -420], ['mdt', -360], ['pst', -480], ['pdt', -420],
]);

export interface ParsedDate {
  /** Milliseconds since the epoch, UTC. */
  ms: number;
  /** Set when the date was read but something in it was off (an ambiguous zone). */
  note: string | null;
}

export type DateResult = { ok: true; date: ParsedDate } | { ok: false; problem: string };

export function isWeekdayWord(word: string): boolean {
  const w = word.endsWith(',') ? word.slice(0, -1) : word;
  return WEEKDAYS.has(w.toLowerCase());
}

export function isMonthWord(word: string): boolean {
  return MONTHS.has(word.toLowerCase().replace(/[.,]$/, ''));
}

/** Splits `Tue,16 Sep` and `16-Sep-2025` style runs into words. */
function words(text: string): string[] {
  return text
    .replace(/\([^()]*\)/g, ' ')
    .replace(/,/g, ' ')
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 0);
}

function zoneOffset(word: string | undefined): { minutes: number; note: string | null } | null {
  if (word === undefined) return null;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(word);
  if (m) {
    const hh = Number(m[2]);
    const mm = Number(m[3]);
    if (hh > 23 || mm > 59) return null;
    return { minutes: (m[1] === '-' ? -1 : 1) * (hh * 60 + mm), note: null };
  }
  const named = NAMED_ZONES.get(word.toLowerCase());
  if (named !== undefined) return { minutes: named, note: null };
  if (/^[A-IK-Ya-ik-y]$/.test(word)) return { minutes: 0, note: `military zone ${word} read as UTC (RFC 5322 §4.3)` };
  return null;
}

function timeOfDay(word: string): [number, number, number] | null {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?$/.exec(word);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  const s = m[3] === undefined ? 0 : Number(m[3]);
  if (h > 23 || min > 59 || s > 60) return null;
  return [h, min, s === 60 ? 59 : s];
}

function fullYear(text: string): number | null {
  if (!/^\d{2,4}$/.test(text)) return null;
  return fullYearOf(Number(text), text.length);
}

function build(
  year: number,
  month: number,
  day: number,
  time: [number, number, number],
  zone: { minutes: number; note: string | null },
): DateResult {
  if (year < MIN_PLAUSIBLE_YEAR || year > MAX_PLAUSIBLE_YEAR) return { ok: false, problem: `implausible year ${year}` };
  if (day < 1 || day > 31) return { ok: false, problem: `impossible day ${day}` };
  // Date.UTC would roll 31 Feb over to March: refuse it.
  if (!isCalendarDate(year, month, day)) return { ok: false, problem: `impossible date ${day} of month ${month + 1}` };
  const ms = Date.UTC(year, month, day, time[0], time[1], time[2]) - zone.minutes * 60_000;
  return { ok: true, date: { ms, note: zone.note } };
}

/** Does Date.UTC keep this day in this month (`month` 0-11; the day is 1-31 already)? By the month's length
 * for whole numbers, without the Date that cost 60 ns a hop; by the Date itself for anything else (`2024-00-10`
 * gives month -1, an asctime day may read `28.5` or NaN), as it always was. */
function isCalendarDate(year: number, month: number, day: number): boolean {
  if (Number.isInteger(year) && Number.isInteger(day) && Number.isInteger(month) && month >= 0 && month <= 11) {
    return day <= daysInMonth(year, month);
  }
  return new Date(Date.UTC(year, month, day)).getUTCMonth() === month;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Gregorian month length; `month` is 0-11. */
function daysInMonth(year: number, month: number): number {
  if (month !== 1) return MONTH_DAYS[month] as number;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

/** `Date.prototype.toISOString` for years 0-9999, without a Date: the builtin cost 0.5 µs a call, a twentieth
 * of a whole hop (node 22, measured). Days to civil date after Howard Hinnant's `civil_from_days`. */
export function isoString(ms: number): string {
  if (!(ms >= -62_167_219_200_000 && ms < 253_402_300_800_000) || !Number.isInteger(ms)) return new Date(ms).toISOString();
  const days = Math.floor(ms / 86_400_000);
  let rest = ms - days * 86_400_000;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const min = Math.floor(rest / 60_000);
  rest -= min * 60_000;
  const s = Math.floor(rest / 1000);
  const milli = rest - s * 1000;
  // One flat string from character codes: a template of nine pieces cost twice as much (node 22, measured).
  return String.fromCharCode(
    digit(year, 1000), digit(year, 100), digit(year, 10), digit(year, 1), 0x2d, // -
    digit(month, 10), digit(month, 1), 0x2d,
    digit(day, 10), digit(day, 1), 0x54, // T
    digit(h, 10), digit(h, 1), 0x3a, // :
    digit(min, 10), digit(min, 1), 0x3a,
    digit(s, 10), digit(s, 1), 0x2e, // .
    digit(milli, 100), digit(milli, 10), digit(milli, 1), 0x5a, // Z
  );
}

/** Character code of the decimal digit of n at `place` (1, 10, 100, 1000). */
function digit(n: number, place: number): number {
  return 0x30 + (Math.floor(n / place) % 10);
}

/** `2024-01-02 15:04:05.999999999 +0000 UTC` (Go), `2024-01-02T15:04:05Z` (ISO 8601). */
function parseIsoLike(ws: string[]): DateResult | null {
  const first = ws[0] ?? '';
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})?)?$/.exec(first);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  if (month > 11) return { ok: false, problem: `impossible month ${month + 1}` };
  const timeText = m[4] ?? ws[1];
  const time = timeText === undefined ? null : timeOfDay(timeText);
  if (time === null) return { ok: false, problem: 'no time of day' };
  const zoneText = m[4] === undefined ? ws[2] : m[5];
  const zone = zoneOffset(zoneText);
  if (zone === null) return { ok: false, problem: 'no time zone' };
  return build(year, month, day, time, zone);
}

/** Parses a date as written after the last `;` of a Received field. */
export function parseMailDate(text: string): DateResult {
  return readCommonForm(text) ?? parseAnyForm(text);
}

/** Weekdays and months by their three lower-cased letters packed in a number (`lower3`). */
const WEEKDAY3 = new Set(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((w) => lower3(w, 0)));
const MONTH3 = new Map([...MONTHS].filter(([name]) => name.length === 3).map(([name, m]) => [lower3(name, 0), m]));

/** Three ASCII letters at i, lower-cased and packed; -1 if any is not an ASCII letter. */
function lower3(text: string, i: number): number {
  let key = 0;
  for (let k = i; k < i + 3; k++) {
    const c = text.charCodeAt(k);
    if (!isAsciiLetter(c)) return -1;
    key = (key << 8) | (c | 0x20);
  }
  return key;
}

/** A-Z or a-z (NaN past the end is neither). */
function isAsciiLetter(c: number): boolean {
  const folded = c | 0x20;
  return folded >= 0x61 && folded <= 0x7a;
}

/** A cursor over a date, reading the pieces of the common form. */
class DateCursor {
  i = 0;
  constructor(private readonly text: string) {}

  /** Skips spaces and tabs; true if there was at least one. */
  gap(): boolean {
    const start = this.i;
    for (let c = this.text.charCodeAt(this.i); c === 0x20 || c === 0x09; c = this.text.charCodeAt(this.i)) this.i++;
    return this.i > start;
  }

  /** Between min and max ASCII digits as a number, or -1. */
  digits(min: number, max: number): number {
    let value = 0;
    let k = 0;
    for (; k < max; k++) {
      const d = this.text.charCodeAt(this.i + k) - 0x30;
      if (!(d >= 0 && d <= 9)) break;
      value = value * 10 + d;
    }
    if (k < min) return -1;
    this.i += k;
    return value;
  }

  /** Consumes one expected character. */
  take(code: number): boolean {
    if (this.text.charCodeAt(this.i) !== code) return false;
    this.i++;
    return true;
  }
}

/**
 * The form nearly every server writes, `Wed,  8 Mar 2023 11:02:28 -0800 (PST)` (RFC 5322 §3.3 with a
 * numeric zone; anything after the zone is ignored, as parseAnyForm ignores it), read with character codes.
 * Anything else gives null and goes to parseAnyForm, which reads this form the same way: its regexes,
 * split and lookups cost most of a date's 1 µs (node 22, measured).
 */
function readCommonForm(text: string): DateResult | null {
  const at = new DateCursor(text);
  const w = lower3(text, 0);
  if (w !== -1) {
    if (!WEEKDAY3.has(w)) return null;
    at.i = 3;
    if (!at.take(0x2c) && !at.gap()) return null; // ','
    at.gap();
  }
  const day = at.digits(1, 2);
  if (day === -1 || !at.gap()) return null;
  const month = MONTH3.get(lower3(text, at.i));
  if (month === undefined) return null;
  at.i += 3;
  if (!at.gap()) return null;
  const yearStart = at.i;
  const yy = at.digits(2, 4);
  const year = fullYearOf(yy, at.i - yearStart);
  if (yy === -1 || !at.gap()) return null;
  const h = at.digits(1, 2);
  if (h === -1 || !at.take(0x3a)) return null;
  const min = at.digits(2, 2);
  if (min === -1 || !at.take(0x3a)) return null;
  const sec = at.digits(2, 2);
  if (sec === -1 || !at.gap() || h > 23 || min > 59 || sec > 60) return null;
  const minutes = commonZone(at, text);
  if (minutes === null) return null;
  return build(year, month, day, [h, min, sec === 60 ? 59 : sec], { minutes, note: null });
}

/** `+0200` or `-0800`, or one of the named zones (`GMT`); then the end or a space. Null for anything else. */
function commonZone(at: DateCursor, text: string): number | null {
  const start = at.i;
  const sign = text.charCodeAt(start);
  let minutes: number | undefined;
  if (sign === 0x2b || sign === 0x2d) {
    // + -
    at.i++;
    const zone = at.digits(4, 4);
    if (zone === -1) return null;
    const zh = Math.floor(zone / 100);
    const zm = zone % 100;
    if (zh > 23 || zm > 59) return null;
    minutes = (sign === 0x2d ? -1 : 1) * (zh * 60 + zm);
  } else {
    while (isAsciiLetter(text.charCodeAt(at.i))) at.i++;
    minutes = NAMED_ZONES.get(text.slice(start, at.i).toLowerCase());
  }
  if (minutes === undefined || (at.i < text.length && !at.gap())) return null;
  return minutes;
}

/** RFC 5322 §4.3: two-digit years 00-49 are 20xx, 50-99 are 19xx; three-digit years add 1900. */
function fullYearOf(y: number, digits: number): number {
  if (digits === 2) return y < 50 ? 2000 + y : 1900 + y;
  if (digits === 3) return 1900 + y;
  return y;
}

/** Every form this file reads, word by word. */
function parseAnyForm(text: string): DateResult {
  const ws = words(text);
  if (ws.length === 0) return { ok: false, problem: 'no date' };
  const iso = parseIsoLike(ws);
  if (iso !== null) return iso;
  let i = 0;
  if (isWeekdayWord(ws[0] as string)) i++;
  // "16 Sep 2025 12:26:17 +0200" or "16-Sep-2025 ..."
  let dayText = ws[i];
  let monthText = ws[i + 1];
  let yearText = ws[i + 2];
  let rest = i + 3;
  if (dayText !== undefined && /^\d{1,2}-[A-Za-z]{3,9}-\d{2,4}$/.test(dayText)) {
    [dayText, monthText, yearText] = dayText.split('-') as [string, string, string];
    rest = i + 1;
  } else if (dayText !== undefined && isMonthWord(dayText)) {
    // asctime order: "Sep 16 12:26:17 2025" or "Sep 16 2025 12:26:17"
    const month = dayText;
    dayText = monthText;
    monthText = month;
    const a = ws[i + 2];
    const b = ws[i + 3];
    if (a !== undefined && timeOfDay(a) !== null && b !== undefined) {
      const year = fullYear(b);
      const time = timeOfDay(a);
      const mon = MONTHS.get(monthText.toLowerCase().replace(/\.$/, ''));
      const zone = zoneOffset(ws[i + 4]) ?? { minutes: 0, note: 'no time zone; read as UTC' };
      if (year === null || time === null || mon === undefined || dayText === undefined) return { ok: false, problem: 'unreadable date' };
      return build(year, mon, Number(dayText), time, zone);
    }
  }
  if (dayText === undefined || monthText === undefined || yearText === undefined) return { ok: false, problem: 'incomplete date' };
  if (!/^\d{1,2}$/.test(dayText)) return { ok: false, problem: `unreadable day "${dayText}"` };
  const month = MONTHS.get(monthText.toLowerCase().replace(/\.$/, ''));
  if (month === undefined) return { ok: false, problem: `unreadable month "${monthText}"` };
  const year = fullYear(yearText);
  if (year === null) return { ok: false, problem: `unreadable year "${yearText}"` };
  const timeText = ws[rest];
  const time = timeText === undefined ? null : timeOfDay(timeText);
  if (time === null) return { ok: false, problem: 'no time of day' };
  const zone = zoneOffset(ws[rest + 1]);
  if (zone === null) return { ok: false, problem: ws[rest + 1] === undefined ? 'no time zone' : `unreadable time zone "${ws[rest + 1]}"` };
  return build(year, month, Number(dayText), time, zone);
}
