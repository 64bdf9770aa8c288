// Table-driven: one named test per row of test/fixtures/auth/cases.json, a header block of each provider
// family (verbatim public blocks with their source, or synthetic ones on documentation addresses) with the
// exact summary expected from readAuthenticationResults (issue 8).
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readAuthenticationResults, TLS_REQUIRED_NO_EXPLANATION } from '../src/core/auth/index.js';
import type { AuthenticationSummary } from '../src/core/auth/types.js';
import { splitFields } from '../src/core/fields.js';
import { organisationOf } from '../src/core/org.js';

interface Row {
  name: string;
  family: string;
  file: string;
  recipientOrganisations: string[];
  synthetic: boolean;
  source: string;
  expect: AuthenticationSummary;
}

const DIR = new URL('./fixtures/auth/', import.meta.url);
const rows = JSON.parse(readFileSync(new URL('cases.json', DIR), 'utf8')) as Row[];

/** The header block of a fixture file as the core hands it over: unfolded fields, top-down. */
function fieldsOf(file: string): { name: string; value: string }[] {
  const lines = readFileSync(new URL(file, DIR), 'utf8').split(/\r?\n/);
  const end = lines.indexOf('');
  return splitFields(end === -1 ? lines : lines.slice(0, end)).fields.map((f) => ({ name: f.name, value: f.value }));
}

function summaryOf(file: string, orgs: readonly string[]): AuthenticationSummary {
  return readAuthenticationResults(fieldsOf(file), new Set(orgs), organisationOf);
}

const FAMILIES = ['gmail', 'microsoft', 'fastmail', 'yahoo', 'gmx', 'attack', 'syntax'];

describe('authentication headers table', () => {
  it('has at least 20 rows with unique names, a source and a fixture file each, and every family the issue names', () => {
    expect(rows.length).toBeGreaterThanOrEqual(20);
    expect(new Set(rows.map((r) => r.name)).size).toBe(rows.length);
    for (const r of rows) {
      expect(r.source.length, r.name).toBeGreaterThan(10);
      expect(existsSync(new URL(r.file, DIR)), `${r.file} is missing; add it under test/fixtures/auth/`).toBe(true);
      if (r.synthetic) expect(r.source, `${r.name}: a synthetic row says so in its source`).toMatch(/^synthetic/);
    }
    const families = new Set(rows.map((r) => r.family));
    for (const f of FAMILIES) expect(families, f).toContain(f);
    expect(rows.filter((r) => !r.synthetic).length).toBeGreaterThanOrEqual(12);
  });

  for (const row of rows) {
    it(row.name, () => {
      expect(summaryOf(row.file, row.recipientOrganisations)).toEqual(row.expect);
    });
  }
});

describe('trust', () => {
  it('reads a forged mx.google.com field below the real one under no circumstances', () => {
    const s = summaryOf('gmail-forged-lower-same-authserv.txt', ['google.com']);
    expect(s.source?.index).toBe(5);
    expect(s.dkim.map((d) => d.result)).toEqual(['neutral']);
    expect(s.dmarc?.result).toBe('fail');
    expect(s.ignored.map((i) => i.index)).toEqual([6, 7]);
  });

  it('trusts nothing when the recipient is not the one the fields name', () => {
    const s = summaryOf('gmail-forwarded-arc.txt', ['example.net']);
    expect(s.source).toBeNull();
    expect(s.spf).toBeNull();
    expect(s.dkim).toEqual([]);
    expect(s.ignored.map((i) => [i.name, i.authservId])).toEqual([
      ['Received-SPF', 'google.com'],
      ['Authentication-Results', 'mx.google.com'],
    ]);
    // Claims stay listed: they are what the headers say, not results.
    expect(s.arc.instances).toBe(3);
    expect(s.signatures).toEqual([{ domain: 'gmail.com', selector: '20230601' }]);
  });

  it('takes a field without authserv-id as Microsoft\'s only when the recipient is Microsoft', () => {
    const s = summaryOf('microsoft-deltachat-from-gmail.txt', ['google.com']);
    expect(s.source).toBeNull();
    expect(s.ignored[0]?.reason).toMatch(/names no authserv-id/);
  });

  it('takes a field without authserv-id as Microsoft\'s only when it is the topmost', () => {
    const fields = [
      { name: 'Authentication-Results', value: 'mx.evil.example; spf=pass smtp.mailfrom=evil.example' },
      { name: 'Authentication-Results', value: 'spf=pass (sender IP is 192.0.2.1) smtp.mailfrom=bank.example; dmarc=pass action=none header.from=bank.example' },
    ];
    const s = readAuthenticationResults(fields, new Set(['outlook.com']), organisationOf);
    expect(s.source).toBeNull();
    expect(s.ignored.map((i) => i.index)).toEqual([0, 1]);
  });

  it('uses Received-SPF only when the trusted field has no spf', () => {
    const s = summaryOf('gmail-forwarded-arc.txt', ['google.com']);
    expect(s.spf?.via).toBe('authentication-results');
    const fallback = summaryOf('tls-required-no-received-spf-fallback.txt', ['example.net']);
    expect(fallback.spf).toMatchObject({ via: 'received-spf', index: 3, trusted: true });
  });
});

describe('TLS-Required', () => {
  it('reports "TLS-Required: No" with one English sentence', () => {
    const s = summaryOf('tls-required-no-received-spf-fallback.txt', ['example.net']);
    expect(s.tlsRequiredNo).toBe(true);
    expect(s.tlsRequiredNoExplanation).toBe(TLS_REQUIRED_NO_EXPLANATION);
    expect(TLS_REQUIRED_NO_EXPLANATION.split('. ')).toHaveLength(1);
  });

  it('ignores other values and reads the field name in any case', () => {
    const read = (name: string, value: string) => readAuthenticationResults([{ name, value }], new Set(), organisationOf).tlsRequiredNo;
    expect(read('tls-required', 'no')).toBe(true);
    expect(read('TLS-REQUIRED', 'No (as agreed)')).toBe(true);
    expect(read('TLS-Required', 'Nope')).toBe(false);
    expect(read('TLS-Required', 'Yes')).toBe(false);
    expect(read('X-TLS-Required', 'No')).toBe(false);
  });
});

describe('shape', () => {
  it('is the same fixed shape for no fields at all', () => {
    expect(readAuthenticationResults([], new Set(), organisationOf)).toEqual({
      source: null,
      ignored: [],
      spf: null,
      dkim: [],
      dmarc: null,
      arc: { result: null, instances: 0, highest: null },
      other: [],
      signatures: [],
      alignment: { fromDomain: null, spfAligned: null, dkimAligned: null },
      tlsRequiredNo: false,
      tlsRequiredNoExplanation: null,
      notes: [],
    });
  });

  it('serialises to JSON and back unchanged (no undefined, no functions)', () => {
    for (const row of rows) {
      const s = summaryOf(row.file, row.recipientOrganisations);
      expect(JSON.parse(JSON.stringify(s)), row.name).toEqual(s);
    }
  });
});
