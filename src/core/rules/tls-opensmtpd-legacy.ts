import type { Token } from '../received/tokenize.js';
import { verifyWord } from './client-certificate.js';
import { bitsOf, type Rule, type RuleDoc, tokenSpan } from './rule.js';

// OpenSMTPD 5.x (smtp_session.c) wrote the session on its own line, outside any comment:
//   by mail.example.org (OpenSMTPD) with ESMTPS id 2f9b1c47
//   TLS version=TLSv1/SSLv3 cipher=ECDHE-RSA-AES256-GCM-SHA384 bits=256 verify=NO;
const PAIR = /^(version|cipher|bits|verify)=([^\s;]+)$/;

export const opensmtpdLegacy: Rule = {
  id: 'tls-opensmtpd-legacy',
  kind: 'tls',
  match(view) {
    const { tokens, places } = view.parsed;
    for (const i of view.tlsWords) {
      if (i + 1 >= tokens.length) break;
      if ((tokens[i] as Token).text !== 'TLS' || places[i] === 'from' || places[i] === 'for') continue;
      const found = new Map<string, string>();
      let j = i + 1;
      for (; j < tokens.length && j <= i + 4; j++) {
        const w = tokens[j] as Token;
        const m = w.kind === 'word' ? PAIR.exec(w.text) : null;
        if (!m) break;
        found.set(m[1] as string, m[2] as string);
      }
      if (!found.has('version') || !found.has('cipher')) continue;
      return {
        tls: {
          version: found.get('version') ?? null,
          cipher: found.get('cipher') ?? null,
          bits: bitsOf(found.get('bits')),
          clientCertificate: verifyWord(found.get('verify')),
        },
        evidence: [tokenSpan(view, i, j - 1)],
        reason: `The receiving server recorded TLS version=${found.get('version')} cipher=${found.get('cipher')}.`,
      };
    }
    return null;
  },
};

export const opensmtpdLegacyDoc: RuleDoc = {
  id: opensmtpdLegacy.id,
  writers: ['OpenSMTPD 5.x'],
  example:
    'from mx.example.net (mx.example.net [192.0.2.25]) by mail.example.org (OpenSMTPD) with ESMTPS id 2f9b1c47 TLS version=TLSv1/SSLv3 cipher=ECDHE-RSA-AES256-GCM-SHA384 bits=256 verify=NO; for <user@example.org>; Tue, 3 Mar 2015 10:11:12 +0100 (CET)',
  source: 'synthetic from the OpenSMTPD 5.4 smtp_session.c format string "\\n\\tTLS version=%s cipher=%s bits=%d verify=%s;"',
};
