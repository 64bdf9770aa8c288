import type { Token } from '../received/tokenize.js';
import { type Rule, type RuleDoc, tokenSpan } from './rule.js';

// Exim 4.92+ default received_header_text writes the protocol version in a comment and the suite after
// the word `tls`; with GnuTLS the suite is a TLS 1.2-style name even for TLS 1.3 (research/mta-lab-notes.md):
//   by smtprelay08.example.com with esmtpsa  (TLS1.2) tls TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 (Exim 4.94.2)
// Haraka 2.8+ writes only the suite, after envelope-from:
//   by mx5.lab.test (Haraka/3.3.4) with ESMTPS id 4B28... envelope-from <sender@client.lab.test>
//   tls TLS_DHE_RSA_WITH_AES_128_GCM_SHA256;
const SUITE = /^[A-Za-z0-9]+(?:[_-][A-Za-z0-9]+)+$/;
const VERSION_ONLY = /^\s*((?:TLS|SSL)v?\d(?:[._]\d)?)\s*$/i;

export const tlsWord: Rule = {
  id: 'tls-word-suite',
  kind: 'tls',
  match(view) {
    const { tokens, places } = view.parsed;
    for (const i of view.tlsWords) {
      if (i + 1 >= tokens.length) break;
      const place = places[i];
      if (place === 'from' || place === 'for' || place === 'pre') continue;
      const suite = tokens[i + 1] as Token;
      if (suite.kind !== 'word' || !SUITE.test(suite.text)) continue;
      // The version comment Exim writes just before `tls`: `(TLS1.3) tls ...`.
      const before = tokens[i - 1];
      const v = before !== undefined && before.kind === 'comment' ? VERSION_ONLY.exec(before.text) : null;
      const first = v ? i - 1 : i;
      return {
        tls: { version: v ? (v[1] as string) : null, cipher: suite.text },
        evidence: [tokenSpan(view, first, i + 1)],
        reason: `The receiving server recorded ${v ? `${v[1]} with ` : ''}cipher ${suite.text}.`,
      };
    }
    return null;
  },
};

export const tlsWordDoc: RuleDoc = {
  id: tlsWord.id,
  writers: ['Exim 4.92+', 'Haraka 2.8+'],
  example:
    'from [37.201.193.1] (helo=smtpclient.apple) by smtprelay08.example.com with esmtpsa  (TLS1.2) tls TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 (Exim 4.94.2) (envelope-from <kai@example.com>) id 1mY7WH-000350-LT for kai@example.com; Wed, 06 Oct 2021 16:03:41 +0200',
  source: 'Mailu/Mailu issue #2004',
};
