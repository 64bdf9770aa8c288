import { describe, expect, it } from 'vitest';
import { cipherFacts, normalizeVersion } from '../src/core/tls/ciphers.js';
import { hopOf } from './helpers.js';

describe('cipher knowledge', () => {
  const cases: [string, string | null, boolean | null, string[]][] = [
    ['TLS_AES_256_GCM_SHA384', null, true, []],
    ['TLS13_AES_256_GCM_SHA384', null, true, []],
    ['AEAD-CHACHA20-POLY1305-SHA256', null, true, []],
    ['TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', 'ECDHE', true, []],
    ['TLS_DHE_RSA_WITH_AES_128_GCM_SHA256', 'DHE', true, []],
    ['TLS_RSA_WITH_AES_256_CBC_SHA', 'RSA', false, []],
    ['ECDHE-RSA-AES256-GCM-SHA384', 'ECDHE', true, []],
    ['DHE-RSA-CAMELLIA256-SHA', 'DHE', true, []],
    ['EDH-RSA-DES-CBC3-SHA', 'DHE', true, ['3DES cipher']],
    ['AES256-SHA', 'RSA', false, []],
    ['AES256-GCM-SHA384', 'RSA', false, []],
    ['RC4-SHA', 'RSA', false, ['RC4 cipher']],
    ['DES-CBC3-SHA', 'RSA', false, ['3DES cipher']],
    ['ADH-AES256-SHA', 'DHE', true, ['anonymous key exchange (no server authentication)']],
    ['AECDH-AES256-SHA', 'ECDHE', true, ['anonymous key exchange (no server authentication)']],
    ['EXP-RC4-MD5', 'RSA', false, ['RC4 cipher', 'export-grade cipher', 'MD5 MAC']],
    ['ECDHE_RSA_AES_128_GCM_SHA256', 'ECDHE', true, []],
    ['DHE_RSA_3DES_EDE_CBC_SHA', 'DHE', true, ['3DES cipher']],
    ['ECDHE_X25519__RSA_PSS_RSAE_SHA256__AES_256_GCM', 'ECDHE', true, []],
    ['NULL-SHA', 'RSA', false, ['no encryption (NULL cipher)']],
  ];
  for (const [cipher, kx, fs, weak] of cases) {
    it(`knows ${cipher}`, () => {
      const f = cipherFacts(cipher);
      expect([f.keyExchange, f.forwardSecret, f.weaknesses]).toEqual([kx, fs, weak]);
    });
  }
  it('normalises versions and treats TLSv1/SSLv3 as a cipher family, not a version', () => {
    expect(['TLSv1.3', 'TLS1_3', 'TLS1.3', 'TLSv1', 'TLS-1.0', 'SSLv3', 'TLSv1_2', 'TLSv1/SSLv3', 'bogus'].map(normalizeVersion)).toEqual([
      'TLS1.3', 'TLS1.3', 'TLS1.3', 'TLS1.0', 'TLS1.0', 'SSL3', 'TLS1.2', null, null,
    ]);
  });
  it('names a hybrid post-quantum key exchange (Postfix 3.10+ on OpenSSL 3.5)', () => {
    const hop = hopOf(
      'from a.example.org (a.example.org [192.0.2.5]) (using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits) key-exchange X25519MLKEM768 server-signature ECDSA (prime256v1) server-digest SHA256) (No client certificate requested) by mx.example.net (Postfix) with ESMTPS id 1; Mon, 6 Jan 2025 10:00:00 +0000',
    );
    expect(hop.tls).toMatchObject({ version: 'TLS1.3', keyExchange: 'X25519MLKEM768', postQuantum: true, forwardSecret: true, bits: 256, clientCertificate: 'not-requested' });
  });
  it('grades TLS 1.0 and RC4 weak, and says why', () => {
    const hop = hopOf('from a (a [192.0.2.5]) by b.example (Haraka/2.1.4) with ESMTPS id X envelope-from <x@example.org> (version=TLSv1 cipher=RC4-SHA verify=OK); Wed, 14 Aug 2013 07:59:30 -0500');
    expect(hop.strength).toBe('weak');
    expect(hop.weaknesses).toEqual(['TLS 1.0 (deprecated by RFC 8996)', 'RC4 cipher']);
    expect(hop.tls?.forwardSecret).toBe(false);
  });
  it('leaves strength unknown when only the keyword says TLS', () => {
    expect(hopOf('from a (a [192.0.2.5]) by b.example (Postfix) with ESMTPS id 1; Mon, 6 Jan 2025 10:00:00 +0000').strength).toBeNull();
  });
});
