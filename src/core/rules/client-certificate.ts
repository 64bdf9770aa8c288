import type { ReceivedView } from '../received/view.js';
import type { ClientCertificate } from '../types.js';
import { commentEvidence, LEAD, serverComments } from './rule.js';

// What the receiving server says of the *client's* certificate. It tells whether the sending server proved
// its name, not whether the hop was protected from a man in the middle.
//   Postfix: (No client certificate requested)
//            (Client CN "client.lab.test", Issuer "MTA Lab Root CA" (verified OK))
//            (Client CN "x", Issuer "y" (not verified))
//   Strato RZmta: (Client did not present a certificate)      Yandex: (Client certificate not present)
const PATTERNS: ReadonlyArray<[RegExp, ClientCertificate]> = [
  [/^\s*No client certificate requested\s*$/i, 'not-requested'],
  [/^\s*Client (?:did not present a certificate|certificate not present)\s*$/i, 'absent'],
  [/^\s*Client CN\b.*\(verified OK\)\s*$/i, 'verified'],
  [/^\s*Client CN\b.*\(not verified\)\s*$/i, 'unverified'],
];

export function clientCertificateOf(view: ReceivedView): { value: ClientCertificate; evidence: string } | null {
  for (const c of serverComments(view)) {
    if (c.text.length > 512 || (c.lead !== LEAD.n && c.lead !== LEAD.c)) continue; // No client, Client
    for (const [pattern, value] of PATTERNS) {
      if (pattern.test(c.text)) return { value, evidence: commentEvidence(view, c) };
    }
  }
  return null;
}

/** Sendmail's `verify=` macro ({verify}, cf/README "STARTTLS"), also written by Haraka and OpenSMTPD. */
export function verifyWord(word: string | undefined): ClientCertificate | null {
  switch (word?.toUpperCase()) {
    case 'OK':
    case 'TRUSTED':
    case 'YES':
      return 'verified';
    case 'FAIL':
      return 'unverified';
    case 'NO':
      return 'absent';
    case 'NOT':
      return 'not-requested';
    default:
      return null;
  }
}
