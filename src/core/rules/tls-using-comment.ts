import { bitsOf, commentEvidence, LEAD, type Rule, type RuleDoc, serverComments, type TlsFinding } from './rule.js';
import { clientCertificateOf } from './client-certificate.js';

// Postfix smtpd_tls_received_header (src/smtpd/smtpd.c), 3.9+ adds key-exchange and signatures:
//   (using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits) key-exchange ECDHE (secp384r1)
//    server-signature RSA-PSS (4096 bits) server-digest SHA256)
// Older Postfix, Proofpoint, Yandex (after the date), Strato RZmta, Kerio and Stalwart write the same words:
//   (using TLSv1.2 with cipher ECDHE-RSA-AES256-GCM-SHA384 (256/256 bits))
//   (using TLSv1 with cipher AES256-SHA (256 bits))
//   (using TLSv1.3 with cipher TLS13_AES_256_GCM_SHA384)
//   (using TLSv1.2 with cipher ECDHE-RSA-AES256-GCM-SHA384 (curve X9_62_prime256v1 with 256 ECDH bits, eq. 3072 bits RSA))
const USING = /^\s*using\s+((?:TLS|SSL)v?[0-9._]*)(?:\s+with\s+cipher\s+([A-Za-z0-9_.+-]+))?/;
const BITS = /\((\d{1,5})(?:\/\d{1,5})?\s+bits\)/;
const KEY_EXCHANGE = /key-exchange\s+([A-Za-z0-9_-]+)(?:\s+\(([A-Za-z0-9_-]+)\))?/;
const CURVE = /\(curve\s+([A-Za-z0-9_-]+)\s+with\s+(\d{1,5})\s+ECDH\s+bits/;

export const usingComment: Rule = {
  id: 'tls-using-comment',
  kind: 'tls',
  match(view) {
    for (const c of serverComments(view)) {
      if (c.lead !== LEAD.u) continue;
      const m = USING.exec(c.text);
      if (!m) continue;
      const tls: TlsFinding = { version: m[1] as string, cipher: m[2] ?? null };
      const bits = BITS.exec(c.text);
      if (bits) tls.bits = bitsOf(bits[1]);
      const kx = KEY_EXCHANGE.exec(c.text);
      if (kx) {
        tls.keyExchange = kx[1] as string;
        if (kx[2] !== undefined) tls.group = kx[2];
      }
      const curve = CURVE.exec(c.text);
      if (curve) tls.group = curve[1] as string;
      const cert = clientCertificateOf(view);
      if (cert !== null) tls.clientCertificate = cert.value;
      const evidence = [commentEvidence(view, c)];
      if (cert !== null) evidence.push(cert.evidence);
      return { tls, evidence, reason: `The receiving server recorded ${m[1]}${m[2] === undefined ? '' : ` with cipher ${m[2]}`}.` };
    }
    return null;
  },
};

export const usingCommentDoc: RuleDoc = {
  id: usingComment.id,
  writers: ['Postfix', 'Stalwart', 'Proofpoint', 'Yandex', 'Strato RZmta', 'Kerio Connect', 'Sophos', 'Halon'],
  example:
    'from GVXPR05CU001.outbound.protection.outlook.com (mail-swedencentralazon11023139.outbound.protection.outlook.com [52.101.83.139]) (using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits) key-exchange ECDHE (secp384r1) server-signature RSA-PSS (4096 bits) server-digest SHA256) (No client certificate requested) by example.com with ESMTPS id EXAMPLE for <test@example.com>; Tue, 16 Sep 2025 12:26:17 +0200 (CEST)',
  source: 'GermanCoding/Roundcube_TLS_Icon test/TlsIconTest.php (PR #28)',
};
