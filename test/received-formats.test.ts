// Table-driven: one named test per row of test/fixtures/received-formats.json, a Received line of every
// format family with its expected reading (verbatim public lines with their source, or synthetic lines on
// documentation addresses).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Hop } from '../src/core/types.js';
import { hopOf } from './helpers.js';

interface Row {
  name: string;
  family: string;
  received: string;
  source: string;
  expect: {
    transport?: string;
    tlsVersion?: string | null;
    cipher?: string | null;
    keyExchange?: string | null;
    forwardSecret?: boolean | null;
    strength?: string | null;
    authenticated?: boolean;
    with?: string | null;
    fromIp?: string | null;
    byName?: string | null;
    date?: string | null;
  };
}

const rows = JSON.parse(readFileSync(new URL('./fixtures/received-formats.json', import.meta.url), 'utf8')) as Row[];

function actual(h: Hop): Record<string, unknown> {
  return {
    transport: h.transport,
    tlsVersion: h.tls?.version ?? null,
    cipher: h.tls?.cipher ?? null,
    keyExchange: h.tls?.keyExchange ?? null,
    forwardSecret: h.tls?.forwardSecret ?? null,
    strength: h.strength,
    authenticated: h.authenticated,
    with: h.with,
    fromIp: h.from?.ip ?? null,
    byName: h.by?.name ?? null,
    date: h.date,
  };
}

const FAMILIES = [
  'postfix', 'sendmail', 'gmail', 'microsoft', 'exim', 'opensmtpd', 'haraka', 'stalwart', 'qmail', 'qpsmtpd',
  'tonline', 'strato', 'proofpoint', 'mimecast', 'barracuda', 'zoho', 'reddoxx', 'webmail', 'fetchmail', 'lmtp',
  'amavis', 'listmanager', 'mailchimp', 'yandex', 'attack', 'garbage',
];

describe('Received formats table', () => {
  it('has at least 100 rows with unique names, a source each, and every family the issue names', () => {
    expect(rows.length).toBeGreaterThanOrEqual(100);
    expect(new Set(rows.map((r) => r.name)).size).toBe(rows.length);
    for (const r of rows) expect(r.source.length, r.name).toBeGreaterThan(5);
    const families = new Set(rows.map((r) => r.family));
    for (const f of FAMILIES) expect(families, f).toContain(f);
  });
  for (const row of rows) {
    it(`${row.family}: ${row.name}`, () => {
      const hop = hopOf(row.received);
      const got = actual(hop);
      const want = row.expect as Record<string, unknown>;
      const picked = Object.fromEntries(Object.keys(want).map((k) => [k, got[k]]));
      expect(picked, `${hop.reason} [${hop.rules.join(', ')}]`).toEqual(want);
    });
  }
});
