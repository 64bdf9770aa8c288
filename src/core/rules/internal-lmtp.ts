import { type Rule, type RuleDoc, withEvidence } from './rule.js';

// LMTP (RFC 2033) delivers into the mailbox store inside one site; over a network between two parties it
// would be plaintext, so a public client address keeps it out of this rule.
//   from mail.somedomain.de by mail.somedomain.de (Dovecot) with LMTP id 1jqwLR+uRVtAUQAA6szFmA
//   from mailin27.aul.t-online.de ([10.223.144.67]) by ehead26a17.aul.t-online.de with LMTP id Pt57OZaBU2kiPAAAzmg42g
export const lmtpDelivery: Rule = {
  id: 'internal-lmtp-delivery',
  kind: 'internal',
  match(view) {
    if (view.protocol !== 'LMTP' && view.protocol !== 'LMTPA' && view.protocol !== 'UTF8LMTP' && view.protocol !== 'UTF8LMTPA') return null;
    if (view.peer === 'public') return null;
    return { transport: 'internal', evidence: [withEvidence(view)], reason: 'Delivery into the mailbox store over LMTP, inside the receiving site.' };
  },
};

export const lmtpDeliveryDoc: RuleDoc = {
  id: lmtpDelivery.id,
  writers: ['Dovecot', 'Cyrus', 'Zimbra', 'T-Online', 'Fastmail'],
  example:
    'from mail.somedomain.de by mail.somedomain.de (Dovecot) with LMTP id 1jqwLR+uRVtAUQAA6szFmA for <info@somedomain.de>; Wed, 11 Jul 2018 09:13:35 +0200',
  source: 'rspamd/rspamd issue #2333',
};
