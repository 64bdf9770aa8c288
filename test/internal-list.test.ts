// "Your own relays" (issue 8): what the options page accepts, refuses and saves. Documentation addresses
// (RFC 5737, RFC 3849) and example domains only.
import { describe, expect, it } from 'vitest';
import {
  INTERNAL_RELAYS_KEY,
  internalFromStorage,
  MAX_INTERNAL_ENTRIES,
  MAX_INTERNAL_LINE_CHARS,
  parseInternalList,
  SYNC_ITEM_MAX_BYTES,
  storedBytes,
} from '../src/ui/internal-list.js';

const one = (line: string) => parseInternalList(line);

describe('parseInternalList: accepted entries and their saved form', () => {
  it.each([
    ['relay.example.org', 'relay.example.org'],
    ['example.org', 'example.org'],
    ['Relay.EXAMPLE.org', 'relay.example.org'],
    ['example.org.', 'example.org'],
    ['mx-1.mail.example.com', 'mx-1.mail.example.com'],
    ['123.example.net', '123.example.net'],
    ['xn--bcher-kva.example', 'xn--bcher-kva.example'],
    ['bücher.example', 'xn--bcher-kva.example'],
    ['192.0.2.7', '192.0.2.7'],
    ['10.0.0.0/8', '10.0.0.0/8'],
    ['192.0.2.0/24', '192.0.2.0/24'],
    ['198.51.100.9/32', '198.51.100.9/32'],
    ['2001:db8::/32', '2001:db8::/32'],
    ['2001:DB8:0:0:0:0:0:25', '2001:db8::25'],
    ['2001:0db8::0001', '2001:db8::1'],
    ['2001:db8:0:1:0:0:0:0/64', '2001:db8:0:1::/64'],
    ['2001:db8::1/128', '2001:db8::1/128'],
    ['2001:db8:8000::/33', '2001:db8:8000::/33'],
    ['::ffff:192.0.2.1', '::ffff:c000:201'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2:3:4:5:6'],
  ])('%s is saved as %s', (line, entry) => {
    expect(one(line)).toEqual({ entries: [entry], errors: [] });
  });

  it('skips blank lines and # comments, whole-line and after an entry, and trims spaces and tabs', () => {
    const text = '# our gateways\n\n  relay.example.org   # the outbound one\n\t192.0.2.0/24\t\n#2001:db8::/32\r\nexample.net\r\n';
    expect(parseInternalList(text)).toEqual({ entries: ['relay.example.org', '192.0.2.0/24', 'example.net'], errors: [] });
  });

  it('removes duplicates, also when written differently, and keeps the first one’s place', () => {
    const text = 'example.org\nrelay.example.org\nEXAMPLE.org.\n2001:db8::/32\n2001:0DB8:0::/32\nrelay.example.org';
    expect(parseInternalList(text)).toEqual({ entries: ['example.org', 'relay.example.org', '2001:db8::/32'], errors: [] });
  });

  it('accepts an empty list (saving it clears the list)', () => {
    expect(parseInternalList('')).toEqual({ entries: [], errors: [] });
    expect(parseInternalList('\n  \n# nothing yet\n')).toEqual({ entries: [], errors: [] });
  });
});

describe('parseInternalList: refused lines, with their line number and reason', () => {
  it.each([
    ['relay.example.org smtp.example.org', 'internalErrorOnePerLine'],
    ['relay.example.org,example.net', 'internalErrorOnePerLine'],
    ['https://relay.example.org/', 'internalErrorUrl'],
    ['postmaster@example.org', 'internalErrorUrl'],
    ['relay.example.org:25', 'internalErrorUrl'],
    ['*.example.org', 'internalErrorWildcard'],
    ['localhost', 'internalErrorSingleLabel'],
    ['org', 'internalErrorSingleLabel'],
    ['-relay.example.org', 'internalErrorHost'],
    ['relay-.example.org', 'internalErrorHost'],
    ['relay..example.org', 'internalErrorHost'],
    ['relay_1.example.org', 'internalErrorHost'],
    ['ab--cd.example.org', 'internalErrorHost'],
    ['xn--zz.example', 'internalErrorHost'],
    [`${'a'.repeat(64)}.example`, 'internalErrorHost'],
    ['relay.example.org..', 'internalErrorHost'],
    ['bücher。example', 'internalErrorHost'],
    ['mallory<script>.example', 'internalErrorHost'],
    ['__proto__', 'internalErrorHost'],
    ['300.1.2.3', 'internalErrorAddress'],
    ['192.0.2', 'internalErrorAddress'],
    ['192.0.2.1.5', 'internalErrorAddress'],
    ['010.0.0.1', 'internalErrorAddress'],
    ['2001:db8::1::2', 'internalErrorAddress'],
    ['2001:db8:1:2:3:4:5:6:7', 'internalErrorAddress'],
    ['2001:db8:1:2:3:4:5', 'internalErrorAddress'],
    ['fe80::1%eth0', 'internalErrorAddress'],
    ['[2001:db8::1]', 'internalErrorAddress'],
    ['2001:db8::12345', 'internalErrorAddress'],
    ['192.0.2.0/', 'internalErrorPrefix'],
    ['192.0.2.0/33', 'internalErrorPrefix'],
    ['10.0.0.0/08', 'internalErrorPrefix'],
    ['2001:db8::/129', 'internalErrorPrefix'],
    ['192.0.2.0/24/8', 'internalErrorPrefix'],
    ['300.0.0.0/8', 'internalErrorAddress'],
    ['example.org/24', 'internalErrorAddress'],
    ['0.0.0.0/0', 'internalErrorTooBroad'],
    ['128.0.0.0/1', 'internalErrorTooBroad'],
    ['::/0', 'internalErrorTooBroad'],
    ['2000::/3', 'internalErrorTooBroad'],
    ['192.0.2.77/24', 'internalErrorHostBits'],
    ['10.1.0.0/8', 'internalErrorHostBits'],
    ['2001:db8::1/32', 'internalErrorHostBits'],
    ['2001:db8:4000::/33', 'internalErrorHostBits'],
  ] as const)('%s: %s', (line, reason) => {
    expect(one(line)).toEqual({ entries: [], errors: [{ line: 1, text: line, reason }] });
  });

  it('counts lines from 1, blank and comment lines included, and keeps the valid lines around an error', () => {
    const r = parseInternalList('# gateways\nrelay.example.org\n\n300.1.2.3  # typo\nexample.net');
    expect(r.entries).toEqual(['relay.example.org', 'example.net']);
    expect(r.errors).toEqual([{ line: 4, text: '300.1.2.3  # typo', reason: 'internalErrorAddress' }]);
  });
});

describe('parseInternalList: limits', () => {
  it(`refuses a line longer than ${MAX_INTERNAL_LINE_CHARS} characters, even a comment, and shows it shortened`, () => {
    const long = `# ${'x'.repeat(MAX_INTERNAL_LINE_CHARS)}`;
    const r = parseInternalList(`example.org\n${long}`);
    expect(r.errors).toEqual([{ line: 2, text: `${long.slice(0, MAX_INTERNAL_LINE_CHARS)}…`, reason: 'internalErrorTooLong' }]);
    const fits = `${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.example`.slice(0, MAX_INTERNAL_LINE_CHARS);
    expect(parseInternalList(fits).errors).toEqual([]);
  });

  it(`keeps at most ${MAX_INTERNAL_ENTRIES} entries and says so once, at the first line over`, () => {
    const lines = Array.from({ length: MAX_INTERNAL_ENTRIES + 20 }, (_, i) => `h${i}.example.org`);
    const r = parseInternalList(lines.join('\n'));
    expect(r.entries).toHaveLength(MAX_INTERNAL_ENTRIES);
    expect(r.errors).toEqual([{ line: MAX_INTERNAL_ENTRIES + 1, text: `h${MAX_INTERNAL_ENTRIES}.example.org`, reason: 'internalErrorTooMany' }]);
  });

  it('does not count duplicates against the limit', () => {
    const lines = Array.from({ length: MAX_INTERNAL_ENTRIES * 2 }, (_, i) => `h${i % MAX_INTERNAL_ENTRIES}.example.org`);
    const r = parseInternalList(lines.join('\n'));
    expect(r.entries).toHaveLength(MAX_INTERNAL_ENTRIES);
    expect(r.errors).toEqual([]);
  });

  it('measures the saved item as storage.sync does (key plus JSON, in bytes)', () => {
    expect(storedBytes([])).toBe(INTERNAL_RELAYS_KEY.length + 2);
    expect(storedBytes(['bücher.example'])).toBe(INTERNAL_RELAYS_KEY.length + '["bücher.example"]'.length + 1);
    const many = parseInternalList(Array.from({ length: MAX_INTERNAL_ENTRIES }, (_, i) => `relay-${i}.example.org`).join('\n')).entries;
    expect(storedBytes(many), 'a full list of ordinary host names is over the sync quota: the page must say so').toBeGreaterThan(SYNC_ITEM_MAX_BYTES);
  });
});

describe('parseInternalList: hostile names', () => {
  it('treats __proto__, constructor and toString as text: refused or kept as plain strings, nothing inherited', () => {
    const r = parseInternalList('__proto__\nconstructor.example\ntoString.example\nconstructor.example\nhasOwnProperty');
    expect(r.entries).toEqual(['constructor.example', 'tostring.example']);
    expect(r.errors.map((e) => [e.line, e.reason])).toEqual([
      [1, 'internalErrorHost'],
      [5, 'internalErrorSingleLabel'],
    ]);
    expect(Object.getPrototypeOf(r)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a name with hidden or direction-changing characters', () => {
    for (const line of ['rel\u200bay.example.org', 'relay.example\u202e.org', 'relay.exam\u00adple.org']) {
      expect(one(line).errors.map((e) => e.reason)).toEqual(['internalErrorHost']);
    }
  });
});

describe('internalFromStorage: the saved list as read back', () => {
  it('keeps a list of strings as it is', () => {
    expect(internalFromStorage(['example.org', '192.0.2.0/24'])).toEqual(['example.org', '192.0.2.0/24']);
  });

  it.each([[undefined], [null], ['example.org'], [{ 0: 'example.org', length: 1 }], [42]])('reads %j as an empty list', (value) => {
    expect(internalFromStorage(value)).toEqual([]);
  });

  it('drops what is not a string or over the limits', () => {
    const stored = ['example.org', 7, null, '', 'x'.repeat(MAX_INTERNAL_LINE_CHARS + 1), { host: 'a.example' }, 'b.example'];
    expect(internalFromStorage(stored)).toEqual(['example.org', 'b.example']);
    expect(internalFromStorage(Array.from({ length: MAX_INTERNAL_ENTRIES + 5 }, (_, i) => `h${i}.example`))).toHaveLength(MAX_INTERNAL_ENTRIES);
  });
});
