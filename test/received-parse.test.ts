// The Received tokenizer on what real servers write, and on garbage.
import { describe, expect, it } from 'vitest';
import { viewReceived } from '../src/core/received/view.js';
import { analyzeAt, hopOf } from './helpers.js';

describe('Received tokenizer', () => {
  it('reads from, by, with, id and for with their comments and TCP-info', () => {
    const v = viewReceived(
      'from mail.example.org (mail.example.org [192.0.2.25]) (using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)) by mx.example.net (Postfix) with ESMTPS id 4B2C for <bob@example.net>; Tue, 16 Sep 2025 12:26:17 +0200 (CEST)',
    );
    expect(v.from).toEqual({ name: 'mail.example.org', helo: 'mail.example.org', ip: '192.0.2.25' });
    expect(v.by).toEqual({ name: 'mx.example.net', ip: null });
    expect([v.withText, v.id, v.for]).toEqual(['ESMTPS', '4B2C', 'bob@example.net']);
    expect(v.parsed.date?.ok).toBe(true);
  });
  it('keeps nested comments whole', () => {
    const v = viewReceived('from a (b (c (d))) by e.example with SMTP; Mon, 6 Jan 2025 10:00:00 +0000');
    expect(v.comments.map((c) => c.text)).toEqual(['b (c (d))']);
  });
  it('reads [IPv6:...] literals and zone ids', () => {
    expect(viewReceived('from a (a [IPv6:2001:db8::25]) by b.example with ESMTP; Mon, 6 Jan 2025 10:00:00 +0000').from?.ip).toBe('2001:db8::25');
    expect(viewReceived('from A ([fe80::19bd:c588:dd17:5226%6]) by B with mapi id 15.20.1; Mon, 6 Jan 2025 10:00:00 +0000').from?.ip).toBe('fe80::19bd:c588:dd17:5226');
  });
  it('reads a bare Microsoft address and an Exim port', () => {
    expect(viewReceived('from X (10.45.252.152) by Y (10.45.252.153) with Microsoft SMTP Server id 15.1.1; Mon, 6 Jan 2025 10:00:00 +0000').by?.ip).toBe('10.45.252.152'.replace('152', '153'));
    expect(viewReceived('from h ([192.0.2.9]:38689 helo=mx.example.org) by e.example with esmtp; Mon, 6 Jan 2025 10:00:00 +0000').from).toEqual({ name: 'h', helo: 'mx.example.org', ip: '192.0.2.9' });
  });
  it('accepts a missing from (Fastmail, Zoho, OpenSMTPD, Gmail internal)', () => {
    const v = viewReceived('by 2002:a05:612c:1a52:b0:48e:c7f6:a1f with SMTP id hu18csp1070346vqb; Thu, 12 Sep 2024 13:42:36 -0700 (PDT)');
    expect(v.from).toBeNull();
    expect(v.by).toEqual({ name: '2002:a05:612c:1a52:b0:48e:c7f6:a1f', ip: '2002:a05:612c:1a52:b0:48e:c7f6:a1f' });
  });
  it('reads clause words in any case', () => {
    const v = viewReceived('FROM helo.example (x.example [192.0.2.1]) BY mx.example.net With ESMTP ID A; Mon, 6 Jan 2025 10:00:00 +0000');
    expect([v.from?.name, v.by?.name, v.withText, v.id]).toEqual(['x.example', 'mx.example.net', 'ESMTP', 'A']);
  });
  it('refuses the name `unknown` also when spelled with U+212A, which lower-cases to k', () => {
    const v = viewReceived('from helo.example (UN\u212ANOWN [192.0.2.1]) by mx.example.net (Postfix) with ESMTP id A; Mon, 6 Jan 2025 10:00:00 +0000');
    expect(v.from).toEqual({ name: null, helo: 'helo.example', ip: '192.0.2.1' });
  });
  it('reads a comment before the protocol word', () => {
    const v = viewReceived('from a ([192.0.2.1]) by b.example with (TLSv1.3:TLS_AES_256_GCM_SHA384 encrypted) esmtp id X; Tue, 30 Dec 2025 08:38:50 +0100');
    expect(v.withText).toBe('esmtp');
  });
  it('reads comments after the date (Yandex)', () => {
    const hop = hopOf(
      'from r.example.net (r.example.net [192.0.2.68]) by mx.example.ru (mxfront/Yandex) with ESMTP id tv; Wed, 31 Mar 2021 00:52:18 +0300 (using TLSv1.2 with cipher ECDHE-RSA-AES128-GCM-SHA256 (128/128 bits)) (Client certificate not present)',
    );
    expect(hop.date).toBe('2021-03-30T21:52:18.000Z');
    expect(hop.transport).toBe('encrypted');
    expect(hop.tls?.clientCertificate).toBe('absent');
  });
  it('reads a date without a `;`', () => {
    expect(hopOf('from a (a [192.0.2.1]) by b.example with HTTP Tue, 16 Sep 2025 12:26:17 +0200').date).toBe('2025-09-16T10:26:17.000Z');
  });
  it('reads Go-style timestamps', () => {
    expect(hopOf('from a (a [192.0.2.1]) by b.example with ESMTP; 2024-01-02 15:04:05.999999999 +0000 UTC').date).toBe('2024-01-02T15:04:05.000Z');
  });
  it('takes the date after the last `;` when a `;` stands earlier (Host Europe Exim)', () => {
    const hop = hopOf(
      'from [2001:db8:8980:2478:8cde:aa2c:f324:937e]; authenticated by wp530.example.de running ExIM with esmtpsa (TLS1.3:ECDHE_RSA_AES_128_GCM_SHA256:128) id 1qawnX-0006U4-H4; Tue, 29 Aug 2023 13:22:15 +0200',
    );
    expect([hop.transport, hop.authenticated, hop.date]).toEqual(['encrypted', true, '2023-08-29T11:22:15.000Z']);
  });
  it('treats an unclosed parenthesis as text, keeps reading, and warns', () => {
    const a = analyzeAt('Received: from (evil (unknown [203.0.113.5]) by mx.example.net (Postfix) with ESMTP id A1; Mon, 6 Jan 2025 10:00:00 +0000\n');
    expect(a.hops[0]?.transport).toBe('plaintext');
    expect(a.hops[0]?.from?.ip).toBe('203.0.113.5');
    expect(a.warnings.map((w) => w.code)).toContain('unbalanced-comment');
  });
  it('keeps garbage as an unknown hop with a warning, never drops it', () => {
    const a = analyzeAt('Received: this is not a received header at all\nReceived: ;;;((( ]]]\nReceived:\n');
    expect(a.hops.map((h) => h.transport)).toEqual(['unknown', 'unknown', 'unknown']);
    expect(a.warnings.filter((w) => w.code === 'unparsed-received')).toHaveLength(3);
  });
  it('survives hostile sizes in linear time', () => {
    for (const hostile of ['('.repeat(100_000), `from ${'<'.repeat(50_000)}`, `from ${'"'.repeat(50_000)}`, '['.repeat(100_000), `${';'.repeat(100_000)}`, ' '.repeat(100_000)]) {
      const t0 = performance.now();
      const a = analyzeAt(`Received: ${hostile}\n`);
      expect(a.hops).toHaveLength(1);
      expect(performance.now() - t0).toBeLessThan(500);
    }
  });
});
