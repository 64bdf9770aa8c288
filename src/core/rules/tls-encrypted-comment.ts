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
// and the word may be the protocol rather than a cipher: `(TLSv1.2 encrypted)` is a version, `(TLS encrypted)`
// says only that TLS was used.
const ENCRYPTED = /^\s*(?:((?:TLS|SSL)v?\d(?:[._]\d)?):)?([A-Za-z0-9_.+-]+)\s+encrypted\s*$/i;
/** Words that deny what follows: "NOT encrypted" is no cipher. */
const DENIAL = /^(?:not|no|non|un)$/i;
/** A protocol name in the cipher's place, `(TLSv1.2 encrypted)`: a version (or none, for TLS or SSL alone). */
const PROTOCOL_WORD = /^(?:TLS|SSL)(v?\d(?:[._]\d)?)?$/i;

/** What the word before "encrypted" tells: a cipher, or a protocol version. */
function readWord(word: string): { version: string | null; cipher: string | null } {
  const p = PROTOCOL_WORD.exec(word);
  if (p === null) return { version: null, cipher: word };
  return { version: p[1] === undefined ? null : word, cipher: null };
}

export const encryptedComment: Rule = {
  id: 'tls-encrypted-comment',
  kind: 'tls',
  match(view) {
    for (const c of view.comments) {
      if (c.place !== 'with') continue;
      const m = ENCRYPTED.exec(c.text);
      if (!m || DENIAL.test(m[2] as string)) continue;
      const word = readWord(m[2] as string);
      const version = m[1] ?? word.version;
      const cipher = word.cipher;
      return {
        tls: { version, cipher },
        evidence: [commentEvidence(view, c)],
        reason: `The receiving server recorded the session as ${version ? `${version} ` : ''}encrypted${cipher ? ` with ${cipher}` : ''}.`,
      };
    }
    const c = view.parsed.clauses.with;
    const tokens = view.parsed.tokens;
    if (c !== undefined && c.end - c.start >= 2) {
      const cipher = tokens[c.start] as Token;
      const word = tokens[c.start + 1] as Token;
      if (cipher.kind === 'word' && word.kind === 'word' && lowerEquals(word.text, 'encrypted') && /^[A-Za-z0-9_.+-]+$/.test(cipher.text) && !DENIAL.test(cipher.text)) {
        const w = readWord(cipher.text);
        return {
          tls: w,
          evidence: [tokenSpan(view, c.keyword, c.start + 1)],
          reason: `The receiving server recorded the session as ${w.version ? `${w.version} ` : ''}encrypted${w.cipher ? ` with ${w.cipher}` : ''}.`,
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
