import { describe, expect, it } from 'vitest';
import { isoString, parseMailDate } from '../src/core/dates.js';

function iso(text: string): string | null {
  const r = parseMailDate(text);
  return r.ok ? new Date(r.date.ms).toISOString() : null;
}

describe('mail dates', () => {
  const cases: [string, string | null][] = [
    ['Tue, 16 Sep 2025 12:26:17 +0200 (CEST)', '2025-09-16T10:26:17.000Z'],
    ['16 Sep 2025 12:26:17 +0200', '2025-09-16T10:26:17.000Z'],
    ['Wed, 10 January 2024 02:03:51 +0000 (UTC)', '2024-01-10T02:03:51.000Z'],
    ['Sun, 18 Dec 2022 07:03:16 GMT', '2022-12-18T07:03:16.000Z'],
    ['Mon, 6 Jan 2025 10:00:00 UT', '2025-01-06T10:00:00.000Z'],
    ['Mon, 6 Jan 2025 10:00:00 EST', '2025-01-06T15:00:00.000Z'],
    ['Mon, 6 Jul 2025 10:00:00 EDT', '2025-07-06T14:00:00.000Z'],
    ['Mon, 6 Jan 2025 10:00:00 CST', '2025-01-06T16:00:00.000Z'],
    ['Mon, 6 Jan 2025 10:00:00 MDT', '2025-01-06T16:00:00.000Z'],
    ['Mon, 6 Jan 2025 10:00:00 PST', '2025-01-06T18:00:00.000Z'],
    ['Mon, 6 Jan 2025 10:00:00 Z', '2025-01-06T10:00:00.000Z'],
    ['Mon, 6 Jan 2025 10:00:00 M', '2025-01-06T10:00:00.000Z'],
    ['6 Jan 25 10:00:00 -0000', '2025-01-06T10:00:00.000Z'],
    ['6 Jan 99 10:00:00 -0000', '1999-01-06T10:00:00.000Z'],
    ['Tue,  9 Jan 2024 17:03:49 -0900 (AKST)', '2024-01-10T02:03:49.000Z'],
    ['14 Aug 2013 07:59:33 -0000', '2013-08-14T07:59:33.000Z'],
    ['2024-01-02 15:04:05.999999999 +0000 UTC', '2024-01-02T15:04:05.000Z'],
    ['2024-01-02T15:04:05Z', '2024-01-02T15:04:05.000Z'],
    ['Mon, 31 Feb 2025 10:00:00 +0000', null],
    ['Mon, 6 Jan 1890 10:00:00 +0000', null],
    ['Mon, 6 Jan 2025 25:00:00 +0000', null],
    ['Mon, 6 Foo 2025 10:00:00 +0000', null],
    ['Fri, 16 Jun 2005 21:32:39', null],
    ['2024-00-10T10:00:00Z', null],
    ['Mon, 29 Feb 2100 10:00:00 +0000', null],
    ['Thu, 29 Feb 2024 10:00:00 +0000', '2024-02-29T10:00:00.000Z'],
    ['garbage', null],
  ];
  for (const [text, expected] of cases) {
    it(`reads "${text}" as ${expected ?? 'no date'}`, () => {
      expect(iso(text)).toBe(expected);
    });
  }
  it('does not depend on the machine time zone', () => {
    expect(process.env.TZ).toBe('UTC');
    expect(iso('Mon, 6 Jan 2025 10:00:00 +0100')).toBe('2025-01-06T09:00:00.000Z');
  });
  it('reads the common form by its fast path exactly as by the general reader (seeded)', () => {
    // A leading comment is dropped by the general reader but sends a date past the fast path, so the two
    // answers must be the same for every text.
    let seed = 20251116;
    const pick = <T>(list: readonly T[]): T => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return list[seed % list.length] as T;
    };
    const weekdays = ['Mon, ', 'tue,', 'WED ', '', 'Sun,  ', 'Fri ,', 'Mo, '];
    const days = ['1', '08', '31', '29', '0', '123', '28.5'];
    const months = ['Jan', 'feb', 'SEP', 'Sept', 'Foo'];
    const years = ['2025', '99', '199', '1890', '20251'];
    const times = ['10:00:00', '9:05:07', '23:59:60', '24:00:00', '10:00', '10:00:00.5'];
    const zones = ['+0200', '-0800', '-0000', '+2400', 'GMT', 'pst', 'Z', 'M', '+02:00', '-08000', ''];
    const tails = ['', ' (CEST)', ' x', ',', '(PST)', '  '];
    let fast = 0;
    for (let n = 0; n < 4000; n++) {
      const text = `${pick(weekdays)}${pick(days)} ${pick(months)}\t${pick(years)} ${pick(times)} ${pick(zones)}${pick(tails)}`;
      const result = parseMailDate(text);
      expect(result, text).toEqual(parseMailDate(`(x) ${text}`));
      if (result.ok) fast++;
    }
    expect(fast, 'the generator must reach dates that read').toBeGreaterThan(200);
  });
  it('writes ISO dates as Date.prototype.toISOString does', () => {
    for (let ms = Date.UTC(1981, 11, 31); ms < Date.UTC(2101, 0, 2); ms += 86_399_999 + 7_919) {
      expect(isoString(ms)).toBe(new Date(ms).toISOString());
    }
  });
});
