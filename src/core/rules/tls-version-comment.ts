import { verifyWord } from './client-certificate.js';
import { bitsOf, commentEvidence, LEAD, type Rule, type RuleDoc, serverComments, type TlsFinding } from './rule.js';

// Sendmail's Received template (cf/m4/proto.m4) `(version=${tls_version} cipher=${cipher}
// bits=${cipher_bits} verify=${verify})`, also written by Proofpoint PPS, Gmail (`bits=256/256`, no
// verify), Haraka before 2.8, Barracuda, hMailServer and Forward Email:
//   by mail.aegee.org (8.17.1/8.17.1) with ESMTPS id 2BI73F8b1489360 (version=TLSv1.3
//   cipher=TLS_AES_256_GCM_SHA384 bits=256 verify=NO)
const VERSION = /^\s*version=([^\s,]+)\s+cipher=([^\s,]+)(?:\s+bits=(\d{1,5})(?:\/\d{1,5})?)?(?:\s+verify=([A-Za-z_]+))?/;

export const versionComment: Rule = {
  id: 'tls-version-comment',
  kind: 'tls',
  match(view) {
    for (const c of serverComments(view)) {
      if (c.lead !== LEAD.v) continue;
      const m = VERSION.exec(c.text);
      if (!m) continue;
      const tls: TlsFinding = { version: m[1] as string, cipher: m[2] as string, bits: bitsOf(m[3]) };
      const cert = verifyWord(m[4]);
      if (cert !== null) tls.clientCertificate = cert;
      return {
        tls,
        evidence: [commentEvidence(view, c)],
        reason: `The receiving server recorded version=${m[1]} cipher=${m[2]}.`,
      };
    }
    return null;
  },
};

export const versionCommentDoc: RuleDoc = {
  id: versionComment.id,
  writers: ['Sendmail', 'Proofpoint PPS', 'Gmail', 'Haraka (old)', 'Barracuda', 'hMailServer', 'Forward Email'],
  example:
    'from 69-171-232-143.mail-mail.facebook.com (69-171-232-143.mail-mail.facebook.com [69.171.232.143]) by mail.aegee.org (8.17.1/8.17.1) with ESMTPS id 2BI73F8b1489360 (version=TLSv1.3 cipher=TLS_AES_256_GCM_SHA384 bits=256 verify=NO) for <my@address>; Sun, 18 Dec 2022 07:03:16 GMT',
  source: 'GermanCoding/Roundcube_TLS_Icon issue #11 and test/TlsIconTest.php',
};
