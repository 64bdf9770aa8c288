// Hostile authentication headers: everything below the recipient's own fields is written by the sender.
// Each input must give the fixed-shape summary, without throwing, quickly, and without touching prototypes.
import { describe, expect, it } from 'vitest';
import { readAuthenticationResults } from '../src/core/auth/index.js';
import { MAX_AUTH_HEADERS, MAX_IGNORED, MAX_RESINFOS, MAX_VALUE_CHARS } from '../src/core/auth/limits.js';
import type { AuthenticationSummary } from '../src/core/auth/types.js';
import { organisationOf } from '../src/core/org.js';

/** Generous: a busy test machine may be slow, a quadratic parse is not 50 times slower but thousands. */
const LIMIT_MS = 250;
const GMAIL = new Set(['google.com']);

type Fields = { name: string; value: string }[];

function timed(fields: Fields, orgs: ReadonlySet<string> = GMAIL): [AuthenticationSummary, number] {
  readAuthenticationResults(fields, orgs, organisationOf);
  const t0 = performance.now();
  const s = readAuthenticationResults(fields, orgs, organisationOf);
  return [s, performance.now() - t0];
}

const ar = (value: string) => ({ name: 'Authentication-Results', value });

describe('hostile authentication headers finish quickly with a fixed shape', () => {
  it('an unclosed comment swallows the rest of the field and nothing else', () => {
    const [s, ms] = timed([ar('mx.google.com; spf=pass (unclosed comment smtp.mailfrom=a@bank.example; dkim=pass header.d=bank.example')]);
    expect(ms).toBeLessThan(LIMIT_MS);
    expect(s.spf).toMatchObject({ result: 'pass', domain: null, identity: null });
    expect(s.dkim).toEqual([]);
  });

  it('an unclosed quoted string runs to the end of the field', () => {
    const [s] = timed([ar('mx.google.com; spf=pass smtp.mailfrom="a@bank.example; dkim=pass header.d=bank.example')]);
    expect(s.spf?.domain).toBeNull();
    expect(s.dkim).toEqual([]);
  });

  it('100,000 nested open parentheses', () => {
    const [s, ms] = timed([ar(`mx.google.com; spf=pass ${'('.repeat(100_000)}`)]);
    expect(ms).toBeLessThan(LIMIT_MS);
    expect(s.spf?.result).toBe('pass');
  });

  it('100,000 semicolons', () => {
    const [s, ms] = timed([ar(`mx.google.com${';'.repeat(100_000)}spf=pass smtp.mailfrom=bank.example`)]);
    expect(ms).toBeLessThan(LIMIT_MS);
    expect(s.source?.authservId).toBe('mx.google.com');
    expect(s.spf).toBeNull(); // beyond the characters read
  });

  it('100,000 results: only the first ones are read, and the summary says so', () => {
    const [s, ms] = timed([ar(`mx.google.com; ${'dkim=pass header.d=bank.example; '.repeat(100_000)}`)]);
    expect(ms).toBeLessThan(LIMIT_MS);
    expect(s.dkim.length).toBeLessThanOrEqual(MAX_RESINFOS);
    expect(s.notes.join(' ')).toMatch(/more results than Hoplock reads/);
  });

  it('a 1 MB value', () => {
    const [s, ms] = timed([ar(`mx.google.com; dkim=pass header.d=${'a'.repeat(1_000_000)}.example`)]);
    expect(ms).toBeLessThan(LIMIT_MS);
    expect(s.dkim).toEqual([{ result: 'pass', domain: null, selector: null, identity: null, aligned: null }]);
  });

  it('a 1 MB comment, a 1 MB From and a 1 MB DKIM-Signature', () => {
    const big = 'x'.repeat(1_000_000);
    const [s, ms] = timed([
      ar(`mx.google.com; dmarc=fail (${big}) header.from=bank.example`),
      { name: 'From', value: `"${big}" <a@bank.example>` },
      { name: 'DKIM-Signature', value: `v=1; d=bank.example; s=${big}; b=${big}` },
      { name: 'Received-SPF', value: `pass (${big}` },
    ]);
    expect(ms).toBeLessThan(LIMIT_MS);
    // The field is read up to MAX_AUTH_FIELD_CHARS: what follows a 1 MB comment is not read.
    expect(s.dmarc).toEqual({ result: 'fail', headerFrom: null, policy: null });
    expect(s.alignment.fromDomain).toBe('bank.example');
    expect(s.signatures[0]?.domain).toBe('bank.example');
    expect(s.signatures[0]?.selector?.length).toBeLessThanOrEqual(MAX_VALUE_CHARS);
  });

  it('10,000 Authentication-Results fields: a bounded number examined and listed', () => {
    const fields = Array.from({ length: 10_000 }, (_, i) => ar(`mx${i}.evil.example; dkim=pass header.d=bank.example`));
    const [s, ms] = timed(fields);
    expect(ms).toBeLessThan(LIMIT_MS);
    expect(s.source).toBeNull();
    expect(s.ignored).toHaveLength(Math.min(MAX_AUTH_HEADERS, MAX_IGNORED));
    expect(s.notes.join(' ')).toContain(`Only the top ${MAX_AUTH_HEADERS} of 10000`);
  });

  it('10,000 ARC-Seal and DKIM-Signature fields', () => {
    const fields: Fields = [];
    for (let i = 0; i < 10_000; i++) {
      fields.push({ name: 'ARC-Seal', value: `i=${(i % 60) + 1}; cv=pass; d=evil.example; s=s` });
      fields.push({ name: 'DKIM-Signature', value: 'v=1; d=evil.example; s=s' });
    }
    const [s, ms] = timed(fields);
    expect(ms).toBeLessThan(LIMIT_MS);
    expect(s.arc.instances).toBe(50);
    expect(s.arc.highest?.instance).toBe(50);
    expect(s.signatures.length).toBeLessThanOrEqual(32);
  });

  it('ARC instances outside 1 to 50 or written oddly do not count', () => {
    const seals = ['i=0', 'i=51', 'i=01', 'i=-1', 'i=1.5', 'i=', 'cv=pass'].map((v) => ({ name: 'ARC-Seal', value: `${v}; d=evil.example` }));
    const [s] = timed(seals);
    expect(s.arc).toEqual({ result: null, instances: 0, highest: null });
  });
});

describe('header names are data, never keys of plain objects', () => {
  it('__proto__, constructor and prototype fields are harmless', () => {
    const fields: Fields = [
      { name: '__proto__', value: 'polluted=true' },
      { name: 'constructor', value: 'x' },
      { name: 'prototype', value: 'x' },
      ar('__proto__; spf=pass smtp.mailfrom=evil.example'),
      ar('mx.google.com; toString=pass; __proto__=pass; constructor=fail'),
    ];
    const [s] = timed(fields);
    expect(s.source?.authservId).toBe('mx.google.com');
    expect(s.ignored[0]).toMatchObject({ index: 3, authservId: '__proto__' });
    expect(s.other.map((o) => o.method)).toEqual(['tostring', '__proto__', 'constructor']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(s)).toBe(Object.prototype);
  });

  it('values of the wrong type from a careless caller do not throw', () => {
    const fields = [null, undefined, { name: 42, value: 'x' }, { name: 'Authentication-Results', value: null }, ar('mx.google.com; spf=pass')] as unknown as Fields;
    const [s] = timed(fields);
    expect(s.source?.index).toBe(4);
  });

  it('an organisation function that throws still gives the fixed shape', () => {
    const s = readAuthenticationResults([ar('mx.google.com; spf=pass')], GMAIL, () => {
      throw new Error('boom');
    });
    expect(s.source).toBeNull();
    expect(s.notes).toEqual(['The authentication headers could not be read.']);
  });
});
