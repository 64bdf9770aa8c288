import { bitsOf, commentEvidence, LEAD, type Rule, type RuleDoc, serverComments } from './rule.js';

// Courier-MTA's courieresmtpd writes what it learned of the client in one comment after the TCP-info one,
// its parts joined by ", " (seen 2005-2020 in public list archives):
//   from kivilampi-30.cs.helsinki.fi (kivilampi-30.cs.helsinki.fi [128.214.9.42])
//     (AUTH: PLAIN cs-relay, TLS: TLSv1/SSLv3,256bits,AES256-SHA) by mail.cs.helsinki.fi with esmtp
//   from perceptron (xdsl-78-35-161-253.netcologne.de [::ffff:78.35.161.253])
//     (IDENT: unknown, AUTH: LOGIN jast, TLS: TLSv1/SSLv3,128bits,AES128-SHA) by cthulhu.zoidberg.org with esmtp
//   from whs-18.cs.helsinki.fi (...) (TLS: TLSv1/SSLv3,256bits,AES256-GCM-SHA384) by mail.cs.helsinki.fi with ESMTPS
// A mail gateway at atos.net and cdmx.gob.mx writes the same TLS part after its protocol word:
//   by mtax.cdmx.gob.mx with smtp (TLS: TLSv1/SSLv3,256bits,ECDHE-RSA-AES256-GCM-SHA384) id 217f_5f37_...
// The protocol word says smtp or esmtp on these hops: the TLS part is the record that counts. Its version is
// the cipher's family as OpenSSL names it (SSL_CIPHER_get_version: `TLSv1/SSLv3` beside AES256-GCM-SHA384,
// which only TLS 1.2 can negotiate), not the version of the session, so it is not reported as one.
const TLS_PART = /(?:^|,)\s*TLS:\s*([A-Za-z0-9./_-]{1,20}),\s*(\d{1,5})\s*bits,\s*([A-Za-z0-9_.+-]{1,100})\s*$/;

export const courierComment: Rule = {
  id: 'tls-courier-comment',
  kind: 'tls',
  match(view) {
    for (const c of serverComments(view)) {
      // TLS: alone, or after IDENT: and AUTH: parts.
      if ((c.lead !== LEAD.t && c.lead !== LEAD.i && c.lead !== LEAD.a) || c.text.indexOf('TLS:') === -1) continue;
      const m = TLS_PART.exec(c.text);
      if (!m) continue;
      const cipher = m[3] as string;
      return {
        tls: { cipher, bits: bitsOf(m[2]) },
        evidence: [commentEvidence(view, c)],
        reason: `The receiving server recorded a TLS session with cipher ${cipher}; the ${m[1]} beside it names the cipher's family, not the version used.`,
      };
    }
    return null;
  },
};

export const courierCommentDoc: RuleDoc = {
  id: courierComment.id,
  writers: ['Courier-MTA', 'a mail gateway at atos.net and cdmx.gob.mx (product not named in its headers)'],
  example:
    'from kivilampi-30.cs.helsinki.fi (kivilampi-30.cs.helsinki.fi [128.214.9.42]) (AUTH: PLAIN cs-relay, TLS: TLSv1/SSLv3,256bits,AES256-SHA) by mail.cs.helsinki.fi with esmtp; Thu, 20 Jul 2006 17:14:26 +0300 id 00087DB0.44BF8FC2.00001B31',
  source: 'public list archive (git@vger.kernel.org, 20 Jul 2006), located with the code-search index, file id 14555722847',
};
