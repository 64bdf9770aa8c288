import type { Token } from '../received/tokenize.js';
import type { ReceivedView } from '../received/view.js';
import { commentEvidence, LEAD, serverComments, tokenSpan, withEvidence } from './rule.js';

// Did the client log in (SMTP AUTH, RFC 4954)? Read from the protocol word (RFC 3848 ESMTPA, ESMTPSA,
// LMTPA, UTF8SMTPA ...) and from the comments servers write:
//   Sendmail, Haraka:  (authenticated bits=0)
//   Postfix:           (Authenticated sender: alice)
//   Kerio Connect:     (authenticated user list@fink.org)
//   Courier:           (AUTH: LOGIN alice), (IDENT: unknown, AUTH: LOGIN jast, TLS: TLSv1/SSLv3,128bits,AES128-SHA)
//   Exim (Host Europe): from [2a02:8108:...]; authenticated by wp530.webpack.hosteurope.de running ExIM
//   Yahoo's and qmail's SMTP AUTH, the login and its mechanism beside the client's address:
//     from unknown (HELO ordinateur.home.org) (marcel@75.61.100.199 with plain) by smtp117.sbc.mail.sp1.yahoo.com
//     from [192.168.1.107] (theosib@76.232.38.36 with plain) by smtp108.sbc.mail.gq1.yahoo.com with SMTP
//   WP-SMTPD (wp.pl, o2.pl, tlen.pl) writes the login, an address, before the client's address in brackets:
//     from unknown (HELO cakuba) (kubakici@wp.pl@[172.58.35.234]) (envelope-sender <kubakici@wp.pl>) by smtp.wp.pl
//   (a login alone, `(laurentp@[87.251.236.153])`, may be qmail's RFC 1413 ident answer, so it does not count).
//   That comment may stand where a HELO could, right after the from word; qmail writes the HELO in its own
//   `(HELO x)` comment and replaces brackets in it (`HELO ?192.168.1.101?` in the same archives), so a
//   client cannot close it and write this one.
const AUTH_PROTOCOLS = new Set(['ESMTPA', 'ESMTPSA', 'LMTPA', 'LMTPSA', 'UTF8SMTPA', 'UTF8SMTPSA', 'UTF8LMTPA', 'UTF8LMTPSA', 'SMTPSA', 'ASMTP']);
/** Protocols after which "no AUTH marker" means the client did not log in. */
const SMTP_FAMILY = new Set(['SMTP', 'ESMTP', 'ESMTPS', 'SMTPS', 'LMTP', 'LMTPS', 'UTF8SMTP', 'UTF8SMTPS', 'UTF8LMTP', 'UTF8LMTPS']);
/** `user@192.0.2.1 with plain`: the whole comment, the address as the server writes it. */
const LOGIN_AT_ADDRESS = /^\s*[^\s()]{1,200}@(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f:.]{2,45}) with (?:plain|login|cram-md5|digest-md5)\s*$/i;
/** `user@example.com@[192.0.2.1]`: a login that is an address, before the client's bracketed address. */
const ADDRESS_LOGIN_AT_LITERAL = /^\s*[^\s()@]{1,100}@[^\s()@[\]]{1,200}@\[(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f:.]{2,45})\]\s*$/;
const AUTH_COMMENT = /^\s*(?:IDENT:[^,()]{0,100},\s*)?(?:authenticated\s+(?:bits=|user\s|as\s|sender\b)|Authenticated sender:|AUTH:\s)/i;

export interface AuthResult {
  authenticated: boolean | null;
  evidence: string[];
}

export function readAuthentication(view: ReceivedView): AuthResult {
  if (view.protocol !== null && AUTH_PROTOCOLS.has(view.protocol)) {
    // OpenSMTPD marks every local enqueue as authenticated: `from localhost (mx.example [local]) by
    // mx.example (OpenSMTPD) with ESMTPA` while its log says proto=ESMTP and no AUTH took place. On a
    // local socket the A records who ran sendmail(1), not an SMTP login (seen in the MTA lab, t10).
    if (view.peer === 'local-socket') return { authenticated: null, evidence: [] };
    return { authenticated: true, evidence: [withEvidence(view)] };
  }
  for (const c of serverComments(view)) {
    if ((c.lead === LEAD.a || c.lead === LEAD.i) && c.text.length < 200 && AUTH_COMMENT.test(c.text)) return { authenticated: true, evidence: [commentEvidence(view, c)] };
  }
  for (const c of view.comments) {
    if (c.place === 'from' && c.text.length < 320 && c.text.indexOf('@') !== -1 && (LOGIN_AT_ADDRESS.test(c.text) || ADDRESS_LOGIN_AT_LITERAL.test(c.text))) {
      return { authenticated: true, evidence: [commentEvidence(view, c)] };
    }
  }
  // The tokens in the place 'from' are those of the from clause, its word included.
  const { tokens, clauses } = view.parsed;
  const from = clauses.from;
  if (from !== undefined) {
    for (let i = Math.max(1, from.keyword); i < from.end; i++) {
      const t = tokens[i] as Token;
      if ((tokens[i - 1] as Token).kind === 'semi' && t.kind === 'word' && t.text === 'authenticated') {
        return { authenticated: true, evidence: [tokenSpan(view, i - 1, i)] };
      }
    }
  }
  if (view.protocol !== null && SMTP_FAMILY.has(view.protocol)) return { authenticated: false, evidence: [] };
  return { authenticated: null, evidence: [] };
}
