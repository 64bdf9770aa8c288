import { describe, expect, it } from 'vitest';
import { splitFields } from '../src/core/fields.js';
import { analyzeAt } from './helpers.js';

describe('header fields', () => {
  it('unfolds continuation lines (RFC 5322 §2.2.3) and keeps the raw text', () => {
    const { fields } = splitFields(['Subject: a', '\tlong subject', 'From: x@example.com']);
    expect(fields.map((f) => f.name)).toEqual(['Subject', 'From']);
    expect(fields[0]?.value).toBe('a\tlong subject');
    expect(fields[0]?.raw).toBe('Subject: a\n\tlong subject');
  });
  it('keeps document order for hops: headerIndex counts Received fields top-down', () => {
    const a = analyzeAt(
      'Received: by b.example.net with SMTP id 2; Mon, 6 Jan 2025 10:00:02 +0000\nX-Other: 1\nReceived: by a.example.net with SMTP id 1; Mon, 6 Jan 2025 10:00:01 +0000\n',
    );
    expect(a.hops.map((h) => [h.index, h.headerIndex, h.by?.name])).toEqual([
      [1, 1, 'a.example.net'],
      [2, 0, 'b.example.net'],
    ]);
  });
  it('treats a header named __proto__ as an ordinary field', () => {
    const a = analyzeAt('__proto__: {"polluted": true}\nconstructor: x\nReceived: from a (a [192.0.2.1]) by b.example with ESMTPS; Mon, 6 Jan 2025 10:00:00 +0000\n');
    expect(a.hops).toHaveLength(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it('decodes RFC 2047 encoded words in the fields shown to people', () => {
    const a = analyzeAt(
      'Received: by b.example with SMTP; Mon, 6 Jan 2025 10:00:00 +0000\nSubject: =?utf-8?Q?Gr=C3=BC=C3=9Fe?= =?ISO-8859-1?B?aGFsbG8=?=\nFrom: =?utf-8?Q?J=2E_Neusch=C3=A4fer?= <j@example.org>\n',
    );
    expect(a.message.subject).toBe('Grüßehallo');
    expect(a.message.from).toBe('J. Neuschäfer <j@example.org>');
  });
});
