import { type Rule, type RuleDoc, withEvidence } from './rule.js';

// RFC 3848 and the IANA "Mail Transmission Types" registry: the receiving server names the protocol it
// spoke, and the `S` says the session was protected by TLS (STARTTLS or implicit TLS; RFC 8314 §4.3).
//   by smtp3.osuosl.org (Postfix) with ESMTPS id DF95560DA0 for <bridge@lists.linux-foundation.org>
// Also the vendor words SMTPS (Zoho, Yahoo and Gmail inbound), SMTP-TLS (Reddoxx), HTTPS (webmail),
// IMAPS and POP3S (fetchmail).
export const TLS_PROTOCOLS = new Set([
  'ESMTPS', 'ESMTPSA', 'LMTPS', 'LMTPSA', 'UTF8SMTPS', 'UTF8SMTPSA', 'UTF8LMTPS', 'UTF8LMTPSA',
  'SMTPS', 'SMTPSA', 'SMTP-TLS', 'HTTPS', 'IMAPS', 'POP3S',
  // Exim: a local process speaking SMTP over TLS on standard input (`exim -bs`).
  'LOCAL-ESMTPS', 'LOCAL-ESMTPSA',
]);

export const protocolKeyword: Rule = {
  id: 'tls-protocol-keyword',
  kind: 'tls',
  match(view) {
    const word = view.protocol;
    if (word === null || !TLS_PROTOCOLS.has(word)) return null;
    return {
      tls: {},
      evidence: [withEvidence(view)],
      reason: `The receiving server recorded the protocol ${view.withText}, which means TLS (RFC 3848).`,
    };
  },
};

export const protocolKeywordDoc: RuleDoc = {
  id: protocolKeyword.id,
  writers: ['Postfix', 'Exim', 'Sendmail', 'Gmail', 'OpenSMTPD', 'Haraka', 'Halon', 'GMX/WEB.DE (Nemesis)', 'Zoho', 'Yahoo', 'Reddoxx', 'most RFC 3848 servers'],
  example:
    'from mail-4324.protonmail.ch (mail-4324.protonmail.ch [185.70.43.24]) by smtp3.osuosl.org (Postfix) with ESMTPS id DF95560DA0 for <bridge@lists.linux-foundation.org>; Wed, 25 Jan 2023 17:59:02 +0000 (UTC)',
  source: 'lists.linux-foundation.org archive, 2023 (research/tls-per-hop-tools.md §3)',
};
