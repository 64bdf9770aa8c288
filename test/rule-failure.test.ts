// A rule that throws on a header no test foresaw degrades that hop to `unknown` with a warning; the rest of
// the analysis goes on (issue 7: "a crash inside one hop's rule degrades to unknown for that part").
import { afterEach, describe, expect, it } from 'vitest';
import { TLS_RULES } from '../src/core/rules/index.js';
import type { Rule } from '../src/core/rules/rule.js';
import { analyzeAt } from './helpers.js';

const CHAIN = [
  'Received: from mx.example.net (mx.example.net [192.0.2.1]) by mx.example.com (Postfix) with ESMTP id 2; Mon, 06 Jan 2025 19:49:55 +0100',
  'Received: from a.example.org (a.example.org [198.51.100.7]) (using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)) by mx.example.net (Postfix) with ESMTPS id 1; Mon, 06 Jan 2025 19:49:50 +0100',
  '',
  '',
].join('\n');

const rules = TLS_RULES as Rule[];
const original = rules[0] as Rule;
afterEach(() => {
  rules[0] = original;
});

describe('a rule that throws', () => {
  it('is caught: the hop it could not judge is unknown, with a warning; the other hop is still read', () => {
    rules[0] = {
      ...original,
      match(view) {
        if (view.by?.name === 'mx.example.com') throw new TypeError('boom');
        return original.match(view);
      },
    };
    const a = analyzeAt(CHAIN);
    expect(a.hops.map((h) => h.transport)).toEqual(['encrypted', 'unknown']);
    expect(a.warnings).toContainEqual({ code: 'rule-failed', message: `The ${original.id} rule failed on this header; the hop is judged without it.`, hop: 2 });
    expect(a.verdict).toBe('partial');
  });

  it('without the failure the same chain reads plaintext on that hop', () => {
    expect(analyzeAt(CHAIN).hops.map((h) => h.transport)).toEqual(['encrypted', 'plaintext']);
  });
});
