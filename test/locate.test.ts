// Finding the header block in whatever a person gives Hoplock.
import { describe, expect, it } from 'vitest';
import { analyzeAt } from './helpers.js';

const R1 = 'Received: from mx.example.com (mx.example.com [192.0.2.10])\n\tby mail.example.net (Postfix) with ESMTPS id 1A2B3C\n\tfor <bob@example.net>; Mon, 06 Jan 2025 19:49:58 +0100 (CET)';
const R2 = 'Received: from [198.51.100.7] (helo=laptop)\n\tby mx.example.com with esmtp (Exim 4.96)\n\tid 1tUrQz-0007AB-1x; Mon, 06 Jan 2025 19:49:51 +0100';
const HEADERS = `${R1}\n${R2}\nSubject: Test\nFrom: Alice <alice@example.com>\n`;

function transports(text: string): string[] {
  return analyzeAt(text).hops.map((h) => h.transport);
}

describe('locating the header block', () => {
  it('reads headers only', () => {
    expect(transports(HEADERS)).toEqual(['plaintext', 'encrypted']);
  });
  it('stops a whole .eml at the first blank line and never reads the body', () => {
    const body = '\nReceived: from evil.example by body.example with ESMTPS; Mon, 06 Jan 2025 19:49:51 +0100\n';
    expect(transports(`${HEADERS}\n${body}`)).toEqual(['plaintext', 'encrypted']);
  });
  it('reads CRLF line ends', () => {
    expect(transports(HEADERS.replace(/\n/g, '\r\n'))).toEqual(['plaintext', 'encrypted']);
  });
  it('reads old Mac CR line ends', () => {
    expect(transports(HEADERS.replace(/\n/g, '\r'))).toEqual(['plaintext', 'encrypted']);
  });
  it('reads U+00A0 in place of spaces', () => {
    const a = analyzeAt(HEADERS.replace(/ /g, '\u00a0'));
    expect(a.hops.map((h) => h.transport)).toEqual(['plaintext', 'encrypted']);
    expect(a.hops[1]?.from?.ip).toBe('192.0.2.10');
  });
  it('joins continuation lines that lost their indentation, and says so', () => {
    const a = analyzeAt(HEADERS.replace(/\n\t/g, '\n'));
    expect(a.hops.map((h) => h.transport)).toEqual(['plaintext', 'encrypted']);
    expect(a.hops[1]?.date).toBe('2025-01-06T18:49:58.000Z');
    expect(a.warnings.map((w) => w.code)).toContain('lost-indentation');
  });
  it('strips a forward quoted with "> " at any depth', () => {
    for (const prefix of ['> ', '>> ', '> > ', '>>> ']) {
      const quoted = `On Monday Carol wrote:\n${HEADERS.split('\n').map((l) => prefix + l).join('\n')}`;
      const a = analyzeAt(quoted);
      expect(a.hops.map((h) => h.transport), prefix).toEqual(['plaintext', 'encrypted']);
      expect(a.warnings.map((w) => w.code)).toContain('quoted-forward');
    }
  });
  it('decodes HTML entities from a copied web page', () => {
    const escaped = HEADERS.replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const a = analyzeAt(escaped);
    expect(a.hops[1]?.for).toBe('bob@example.net');
    expect(a.warnings.map((w) => w.code)).toContain('html-entities');
  });
  it('skips junk and a client summary before the real headers', () => {
    const text = `---------- Forwarded message ---------\nFrom: Alice <alice@example.com>\nDate: Mon, 6 Jan 2025\nSubject: Test\nTo: bob@example.net\n\n${HEADERS}`;
    expect(transports(text)).toEqual(['plaintext', 'encrypted']);
  });
  it('skips a leading blank line and an mbox From_ line', () => {
    expect(transports(`\n\nFrom alice@example.com Mon Jan  6 19:49:58 2025\n${HEADERS}`)).toEqual(['plaintext', 'encrypted']);
  });
  it('analyses the original attached as message/rfc822, and says so', () => {
    const outer = [
      'Received: from outer.example.org (outer.example.org [203.0.113.9]) by mail.example.net with ESMTP id Q1; Tue, 07 Jan 2025 10:00:00 +0000',
      'Subject: Fwd: Test',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain',
      '',
      'See attached.',
      '--b1',
      'Content-Type: message/rfc822',
      '',
      HEADERS,
      'Body of the original.',
      '--b1--',
    ].join('\n');
    const a = analyzeAt(outer);
    expect(a.hops.map((h) => h.transport)).toEqual(['plaintext', 'encrypted']);
    expect(a.warnings.map((w) => w.code)).toContain('attached-original');
  });
  it('gives a clear error, not an empty result, when there are no headers', () => {
    const a = analyzeAt('Hello, this is just a letter.\nNo headers here.\n');
    expect(a.error?.code).toBe('no-headers');
    expect(a.error?.message).toMatch(/Received/);
    expect(a.hops).toEqual([]);
  });
  it('gives a clear error for empty input', () => {
    expect(analyzeAt('   \n ').error?.code).toBe('empty-input');
  });
  it('warns when headers hold no Received field', () => {
    const a = analyzeAt('From: a@example.com\nSubject: hi\n');
    expect(a.error).toBeNull();
    expect(a.verdict).toBe('unknown');
    expect(a.warnings.map((w) => w.code)).toContain('no-received');
  });
  it('does not scan a 10 MB body', () => {
    const body = 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo='.repeat(300_000);
    const t0 = performance.now();
    const a = analyzeAt(`${HEADERS}\n${body}`);
    expect(performance.now() - t0).toBeLessThan(200);
    expect(a.hops).toHaveLength(2);
  });
});
