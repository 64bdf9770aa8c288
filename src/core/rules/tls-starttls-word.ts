import type { Token } from '../received/tokenize.js';
import { lowerEquals } from '../text.js';
import { type Rule, type RuleDoc, tokenSpan } from './rule.js';

// Mimecast writes the STARTTLS upgrade as words after the protocol:
//   by relay.mimecast.com with ESMTP with STARTTLS (version=TLSv1.2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384)
//   id us-mta-1-abc
export const starttlsWord: Rule = {
  id: 'tls-starttls-word',
  kind: 'tls',
  match(view) {
    const c = view.parsed.clauses.with;
    if (c === undefined) return null;
    const tokens = view.parsed.tokens;
    for (let i = c.start; i < c.end; i++) {
      const t = tokens[i] as Token;
      // Upper-casing turns no character into more than three (`ﬆ` into `ST`): shorter or longer words are
      // never STARTTLS, and need no upper-cased copy.
      const length = t.end - t.start;
      if (t.kind === 'word' && length >= 3 && length <= 8 && t.text.toUpperCase() === 'STARTTLS') {
        const prev = tokens[i - 1];
        const first = prev !== undefined && prev.kind === 'word' && lowerEquals(prev.text, 'with') ? i - 1 : i;
        const after = tokens[i + 1];
        const m = after?.kind === 'comment' ? /^\s*version=([^\s,]+),?\s*cipher=([^\s,)]+)/.exec(after.text) : null;
        return {
          tls: m ? { version: m[1] as string, cipher: m[2] as string } : {},
          evidence: [tokenSpan(view, first, m ? i + 1 : i)],
          reason: 'The receiving server recorded that the client switched to TLS with STARTTLS.',
        };
      }
    }
    return null;
  },
};

export const starttlsWordDoc: RuleDoc = {
  id: starttlsWord.id,
  writers: ['Mimecast'],
  example:
    'from mail.example.com (mail.example.com [192.0.2.44]) by relay.mimecast.com with ESMTP with STARTTLS (version=TLSv1.2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id us-mta-12-Abc123; Mon, 04 Mar 2024 10:00:00 -0500',
  source: 'synthetic after Mimecast headers described in research/tls-per-hop-tools.md',
};
