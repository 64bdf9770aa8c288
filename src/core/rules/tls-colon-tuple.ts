import { verifyWord } from './client-certificate.js';
import { bitsOf, commentEvidence, LEAD, type Rule, type RuleDoc, serverComments, type TlsFinding } from './rule.js';

// Exim before 4.92 (`$tls_in_cipher` with OpenSSL or GnuTLS) and OpenSMTPD write version:cipher:bits,
// OpenSMTPD adds the client-certificate check (smtp_session.c " (%s:%s:%d:%s)"):
//   with esmtpsa (TLSv1.3:TLS_AES_256_GCM_SHA384:256) (Exim 4.91-pdpfix1+cc)
//   with esmtpsa (TLS1.3:ECDHE_RSA_AES_128_GCM_SHA256:128)                       (Exim + GnuTLS)
//   with esmtps (TLS-1.0:DHE_RSA_3DES_EDE_CBC_SHA:24)                            (old GnuTLS)
//   by mail (OpenSMTPD) with ESMTPSA id 3199b90d (TLSv1.3:TLS_AES_256_GCM_SHA384:256:NO)
//   with esmtpsa (UNKNOWN:DHE-RSA-AES256-GCM-SHA384:256)            (Exim 4.82, version not known)
//   with local-esmtps  (tls_cipher TLS-1.0:RSA_AES_256_CBC_SHA:32)  (Exim 4.50, Debian's header)
const TUPLE = /^\s*(?:Cipher\s+|tls_cipher\s+)?((?:TLS|SSL)[-v]?\d(?:[._]\d)?|UNKNOWN):([A-Za-z0-9_.+-]+):(\d{1,5})(?::([A-Za-z]+))?\s*$/;

export const colonTuple: Rule = {
  id: 'tls-colon-tuple',
  kind: 'tls',
  match(view) {
    for (const c of serverComments(view)) {
      // Cipher, tls_cipher, TLS, SSL, UNKNOWN
      if (c.lead !== LEAD.c && c.lead !== LEAD.t && c.lead !== LEAD.s && c.lead !== LEAD.u) continue;
      const m = TUPLE.exec(c.text);
      if (!m) continue;
      const version = m[1] === 'UNKNOWN' ? null : (m[1] as string);
      const tls: TlsFinding = { version, cipher: m[2] as string, bits: bitsOf(m[3]) };
      const cert = verifyWord(m[4]);
      if (cert !== null) tls.clientCertificate = cert;
      return { tls, evidence: [commentEvidence(view, c)], reason: `The receiving server recorded ${version ?? 'TLS'} with cipher ${m[2]}.` };
    }
    return null;
  },
};

export const colonTupleDoc: RuleDoc = {
  id: colonTuple.id,
  writers: ['Exim (before 4.92)', 'Exim with GnuTLS', 'OpenSMTPD'],
  example:
    'from smtp.spodhuis.org ([2a02:898:31:0:48:4558:736d:7470]:38689 helo=mx.spodhuis.org) by hummus.csx.cam.ac.uk with esmtpsa (TLSv1.3:TLS_AES_256_GCM_SHA384:256) (Exim 4.91-pdpfix1+cc) (envelope-from <xxx@exim.org>) id 1fZ55k-0006CO-9M for exim-dev@exim.org; Sat, 30 Jun 2018 02:54:24 +0100',
  source: 'rspamd/rspamd src/libmime/received.cxx tests',
};
