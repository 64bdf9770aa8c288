import type { Token } from '../received/tokenize.js';
import { lowerEquals } from '../text.js';
import { commentEvidence, type Rule, type RuleDoc, tokenSpan } from './rule.js';

// A comment before the protocol word, ending in "encrypted". T-Online's mailin servers:
//   by mailin27.mgt.mul.t-online.de with (TLSv1.3:TLS_AES_256_GCM_SHA384 encrypted) esmtp id 1vaUJg-0uW6E50
// qmail with the TLS patch and qpsmtpd (tls plugin), which name only the cipher:
//   by peff.net (qpsmtpd/0.94) with (ECDHE-RSA-AES256-GCM-SHA384 encrypted) SMTP
// MessageLabs (Broadcom) writes the same words without parentheses:
//   by server-22.tower-356.messagelabs.com with ECDHE-RSA-AES256-GCM-SHA384 encrypted SMTP
// SUSE's and Novell's relays write both answers, so the word before "encrypted" may deny it:
//   by smtp.nue.novell.com with ESMTP (TLS encrypted)
//   by emea4-mta.ukb.novell.com with ESMTP (NOT encrypted)      <- plaintext-protocol reads this hop
const ENCRYPTED = /^\s*(?:((?:TLS|SSL)v?\d(?:[._]\d)?):)?([A-Za-z0-9_.+-]+)\s+encrypted\s*$/i;
/** Words that deny what follows: "NOT encrypted" is no cipher. */
const DENIAL = /^(?:not|no|non|un)$/i;

export const encryptedComment: Rule = {
  id: 'tls-encrypted-comment',
  kind: 'tls',
  match(view) {
    for (const c of view.comments) {
      if (c.place !== 'with') continue;
      const m = ENCRYPTED.exec(c.text);
      if (!m || DENIAL.test(m[2] as string)) continue;
      const cipher = /^tls$/i.test(m[2] as string) ? null : (m[2] as string);
      return {
        tls: { version: m[1] ?? null, cipher },
        evidence: [commentEvidence(view, c)],
        reason: `The receiving server recorded the session as ${m[1] ? `${m[1]} ` : ''}encrypted${cipher ? ` with ${cipher}` : ''}.`,
      };
    }
    const c = view.parsed.clauses.with;
    const tokens = view.parsed.tokens;
    if (c !== undefined && c.end - c.start >= 2) {
      const cipher = tokens[c.start] as Token;
      const word = tokens[c.start + 1] as Token;
      if (cipher.kind === 'word' && word.kind === 'word' && lowerEquals(word.text, 'encrypted') && /^[A-Za-z0-9_.+-]+$/.test(cipher.text) && !DENIAL.test(cipher.text)) {
        return {
          tls: { cipher: cipher.text },
          evidence: [tokenSpan(view, c.keyword, c.start + 1)],
          reason: `The receiving server recorded the session as encrypted with ${cipher.text}.`,
        };
      }
    }
    return null;
  },
};

export const encryptedCommentDoc: RuleDoc = {
  id: encryptedComment.id,
  writers: ['T-Online', 'qmail (TLS patch)', 'qpsmtpd', 'notqmail', 'MessageLabs', 'SUSE/Novell relays'],
  example:
    'from stadt.wiesbaden.de ([24.40.191.66]) by mailin27.mgt.mul.t-online.de with (TLSv1.3:TLS_AES_256_GCM_SHA384 encrypted) esmtp id 1vaUJg-0uW6E50; Tue, 30 Dec 2025 08:38:50 +0100',
  source: 'public SQL dump found in code search (research/tls-per-hop-tools.md §3)',
};
