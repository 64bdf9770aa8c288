import { type Rule, type RuleDoc, withEvidence } from './rule.js';

// A hop between two machines recorded with a protocol that means no TLS (RFC 3848: SMTP, ESMTP, ESMTPA,
// LMTP over a network), and no TLS comment anywhere the server writes one.
//   from sell.alleluiasms.com (sell.piwowarbiega.com [185.207.8.39]) by mail.somedomain.de (Postfix) with ESMTP
const PLAIN = new Set(['SMTP', 'ESMTP', 'ESMTPA', 'SMTPA', 'LMTP', 'LMTPA', 'UTF8SMTP', 'UTF8SMTPA', 'UTF8LMTP', 'UTF8LMTPA', 'ASMTP', 'MICROSOFT']);

export const plaintextProtocol: Rule = {
  id: 'plaintext-protocol',
  kind: 'plaintext',
  match(view) {
    if (view.protocol === null || !PLAIN.has(view.protocol)) return null;
    if (view.protocol === 'MICROSOFT' && !/^Microsoft SMTP Server/i.test(view.withPhrase ?? '')) return null;
    return {
      transport: 'plaintext',
      evidence: [withEvidence(view)],
      reason: `The receiving server recorded ${view.withPhrase} and no TLS: the hop was not encrypted.`,
    };
  },
};

export const plaintextProtocolDoc: RuleDoc = {
  id: plaintextProtocol.id,
  writers: ['Postfix', 'Exim', 'Sendmail', 'qmail', 'ZMailer', 'Microsoft Exchange', 'GMX/WEB.DE (Nemesis)', 'most SMTP servers'],
  example:
    'from sell.alleluiasms.com (sell.piwowarbiega.com [185.207.8.39]) by mail.somedomain.de (Postfix) with ESMTP id A56A91A07E3 for <info@somedomain.de>; Wed, 11 Jul 2018 09:13:35 +0200 (CEST)',
  source: 'rspamd/rspamd issue #2333',
};
