// Property-based tests (fast-check, fixed seed): whatever a stranger writes, `analyze` returns a valid
// hoplock/1 report, never throws, is deterministic, numbers exactly the Received fields it found, and reads
// the same hops again from the raw headers it reports. A guard checks that the generators really produce
// header blocks, Received chains, comments, dates and TLS comments, not only noise.
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/core/analyze.js';
import type { Analysis } from '../src/core/types.js';
import { NOW } from './helpers.js';

const SEED = 20261128;
const RUNS = 400;
const schema = JSON.parse(readFileSync(new URL('../schema/hoplock-1.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv({ allErrors: true }).compile(schema);
const run = (text: string): Analysis => analyze(text, { now: NOW });

function valid(a: Analysis): boolean {
  const ok = validate(JSON.parse(JSON.stringify(a)));
  if (!ok) throw new Error(`not hoplock/1: ${JSON.stringify(validate.errors).slice(0, 500)}`);
  return true;
}

// --- generators: the pieces real Received fields are made of, plus hostile noise -----------------------
const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?$/);
const host = fc.tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.constantFrom('example.com', 'example.net', 'example.org', 'mail.example', 'co.uk')).map(([ls, d]) => `${ls.join('.')}.${d}`);
const ipv4 = fc.constantFrom('192.0.2', '198.51.100', '203.0.113', '10.1.2', '127.0.0').chain((p) => fc.integer({ min: 1, max: 254 }).map((n) => `${p}.${n}`));
const ipv6 = fc.integer({ min: 1, max: 0xffff }).map((n) => `2001:db8::${n.toString(16)}`);
const ip = fc.oneof(ipv4, ipv6);
const tlsComment = fc.oneof(
  fc.tuple(fc.constantFrom('TLSv1.3', 'TLSv1.2', 'TLSv1', 'SSLv3'), fc.constantFrom('TLS_AES_256_GCM_SHA384', 'ECDHE-RSA-AES128-GCM-SHA256', 'AES256-SHA', 'RC4-MD5')).map(([v, c]) => `(using ${v} with cipher ${c} (256/256 bits))`),
  fc.tuple(fc.constantFrom('TLSv1.3', 'TLSv1.2', 'TLS1_2', 'TLS1_3'), fc.constantFrom('TLS_AES_128_GCM_SHA256', 'ECDHE-ECDSA-AES128-GCM-SHA256')).map(([v, c]) => `(version=${v} cipher=${c} bits=128)`),
  fc.constantFrom('(Google Transport Security)', '(TLS1.3) tls TLS_AES_256_GCM_SHA384', '(TLSv1.2:ECDHE-RSA-AES256-GCM-SHA384:256)', '(version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384)'),
);
const otherComment = fc.oneof(fc.constantFrom('(Postfix)', '(Exim 4.96)', '(authenticated bits=0)', '(No client certificate requested)', '(envelope-from <a@example.org>)', '(qmail 1234 invoked by uid 89)'), fc.string({ maxLength: 30 }).map((s) => `(${s})`));
const protocol = fc.constantFrom('SMTP', 'ESMTP', 'ESMTPS', 'ESMTPSA', 'ESMTPA', 'LMTP', 'LMTPS', 'UTF8SMTPS', 'esmtps', 'Microsoft SMTP Server', 'HTTP', 'local', 'IMAP');
const date = fc.oneof(
  fc.date({ min: new Date('2000-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toUTCString().replace('GMT', '+0000')),
  fc.constantFrom('Mon, 06 Jan 2025 19:49:50 +0100', 'Thu, 1 Jan 1970 00:00:00 +0000', '31 Feb 2025 25:61:61 +9999', 'yesterday', ''),
);

interface Generated {
  text: string;
  received: number;
}

const receivedValue = fc
  .record({
    from: fc.option(fc.tuple(host, fc.option(host), ip), { nil: null }),
    comments: fc.array(fc.oneof(tlsComment, otherComment), { maxLength: 3 }),
    by: fc.option(host, { nil: null }),
    with: fc.option(protocol, { nil: null }),
    id: fc.option(fc.stringMatching(/^[A-Za-z0-9]{4,12}$/), { nil: null }),
    for: fc.option(fc.constantFrom('<user@example.org>', 'u@example.com', '<")(version=TLS1_3 cipher=X)"@evil.example>'), { nil: null }),
    date: fc.option(date, { nil: null }),
  })
  .map((r) => {
    const parts: string[] = [];
    if (r.from) parts.push(`from ${r.from[0]} (${r.from[1] ?? ''} [${r.from[2]}])`);
    if (r.by) parts.push(`by ${r.by}`);
    parts.push(...r.comments);
    if (r.with) parts.push(`with ${r.with}`);
    if (r.id) parts.push(`id ${r.id}`);
    if (r.for) parts.push(`for ${r.for}`);
    return `${parts.join(' ')}${r.date !== null ? `; ${r.date}` : ''}`;
  });

/** Folds a field value the ways mail systems (and pastes) do. */
const fold = (value: string, style: number) => (style === 0 ? value : value.replace(/ (?=by |with |\(|for |id )/g, style === 1 ? '\r\n\t' : '\n        '));

const headerBlock: fc.Arbitrary<Generated> = fc
  .record({
    received: fc.array(fc.tuple(receivedValue, fc.integer({ min: 0, max: 2 }), fc.constantFrom('Received', 'received', 'RECEIVED')), { minLength: 1, maxLength: 8 }),
    others: fc.array(fc.tuple(fc.constantFrom('From', 'Subject', 'X-Mailer', 'DKIM-Signature', '__proto__', 'constructor'), fc.string({ maxLength: 40 })), { maxLength: 4 }),
    quote: fc.constantFrom('', '> ', '>> '),
    body: fc.option(fc.string({ maxLength: 200 }), { nil: null }),
  })
  .map((b) => {
    const lines = [...b.received.map(([v, style, name]) => `${name}: ${fold(v, style)}`), ...b.others.map(([n, v]) => `${n}: ${v.replace(/[\r\n]/g, ' ')}`)];
    let text = lines.join('\n');
    if (b.body !== null) text += `\n\n${b.body}`;
    if (b.quote !== '') text = text.replace(/^/gm, b.quote);
    return { text, received: b.received.length };
  });

const noise = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: fc.constantFrom('(', ')', '"', '\\', '<', '>', ';', ':', ' ', '\n', '\r', '\t', 'R', '['), maxLength: 500 }));
const anything = fc.oneof(noise, headerBlock.map((g) => g.text), fc.tuple(headerBlock, noise).map(([g, n]) => `${n}\n${g.text}`));

const params = { seed: SEED, numRuns: RUNS };

describe('analyze on generated input', () => {
  it('the generators produce real structure, not only noise (guard)', () => {
    const sample = fc.sample(headerBlock, { seed: SEED, numRuns: RUNS });
    const analyses = sample.map((g) => run(g.text));
    const withHops = analyses.filter((a) => a.hops.length > 0).length;
    const encrypted = analyses.filter((a) => a.hops.some((h) => h.transport === 'encrypted')).length;
    const plaintext = analyses.filter((a) => a.hops.some((h) => h.transport === 'plaintext')).length;
    const dated = analyses.filter((a) => a.hops.some((h) => h.date !== null)).length;
    const multi = sample.filter((g) => g.received >= 3).length;
    const folded = sample.filter((g) => /\n[ \t]/.test(g.text)).length;
    expect(withHops / RUNS).toBeGreaterThan(0.95);
    expect(encrypted / RUNS).toBeGreaterThan(0.3);
    expect(plaintext / RUNS).toBeGreaterThan(0.2);
    expect(dated / RUNS).toBeGreaterThan(0.5);
    expect(multi / RUNS).toBeGreaterThan(0.3);
    expect(folded / RUNS).toBeGreaterThan(0.3);
  });

  it('never throws and always returns a valid hoplock/1 report', () => {
    fc.assert(
      fc.property(anything, (text) => valid(run(text))),
      params,
    );
  });

  it('numbers exactly the Received fields it found: headerIndex 0..n-1, index 1..n', () => {
    fc.assert(
      fc.property(headerBlock, (g) => {
        const a = run(g.text);
        expect(a.hops.map((h) => h.headerIndex).sort((x, y) => x - y)).toEqual([...Array(g.received).keys()]);
        expect(a.hops.map((h) => h.index)).toEqual([...Array(g.received).keys()].map((i) => i + 1));
      }),
      params,
    );
  });

  it('gives the same result for the same text', () => {
    fc.assert(
      fc.property(anything, (text) => {
        expect(run(text)).toEqual(run(text));
      }),
      params,
    );
  });

  it('reads the same hops again from the raw headers it reports', () => {
    fc.assert(
      fc.property(headerBlock, (g) => {
        const a = run(g.text);
        const again = run(`${[...a.hops].sort((x, y) => x.headerIndex - y.headerIndex).map((h) => `Received: ${h.raw}`).join('\n')}\n`);
        expect(again.hops).toEqual(a.hops);
      }),
      params,
    );
  });
});
