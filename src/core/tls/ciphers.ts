// What a cipher suite name says about key exchange, forward secrecy and weakness. Reads the three naming
// schemes mail servers print: IANA (`TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384`, RFC 8446 §B.4 for TLS 1.3),
// OpenSSL (`ECDHE-RSA-AES256-GCM-SHA384`, `AES256-SHA`, `EDH-RSA-DES-CBC3-SHA`) and GnuTLS
// (`ECDHE_RSA_AES_128_GCM_SHA256`, `ECDHE_X25519__RSA_PSS_RSAE_SHA256__AES_256_GCM`), plus Stalwart's
// `TLS13_AES_256_GCM_SHA384` and BoringSSL's `AEAD-AES128-GCM-SHA256`.

export interface CipherFacts {
  /** ECDHE, DHE, RSA, ECDH, DH, PSK, or null when the name does not say (TLS 1.3 suites). */
  keyExchange: string | null;
  forwardSecret: boolean | null;
  /** The suite is TLS 1.3 only. */
  tls13: boolean;
  anonymous: boolean;
  weaknesses: string[];
}

/** TLS 1.3 suites name only the AEAD and hash; the key exchange is always ephemeral (RFC 8446 §2). */
const TLS13 = /^(?:TLS_(?:AES_(?:128|256)_GCM_SHA(?:256|384)|CHACHA20_POLY1305_SHA256|AES_128_CCM(?:_8)?_SHA256)|TLS13_[A-Z0-9_]+|AEAD-[A-Z0-9-]+)$/;

/** Key-exchange prefixes, longest first, in the three schemes. */
const KX_PREFIXES: ReadonlyArray<[RegExp, string, boolean | null, boolean]> = [
  // [pattern, key exchange, forward secret, anonymous]
  [/^(?:TLS_)?(?:ECDHE|EECDH)[-_]/, 'ECDHE', true, false],
  [/^(?:TLS_)?(?:DHE|EDH)[-_]/, 'DHE', true, false],
  [/^(?:TLS_)?(?:AECDH|ECDH_anon|ANON_ECDH)[-_]/, 'ECDHE', true, true],
  [/^(?:TLS_)?(?:ADH|DH_anon|ANON_DH)[-_]/, 'DHE', true, true],
  [/^(?:TLS_)?ECDH[-_]/, 'ECDH', false, false],
  [/^(?:TLS_)?DH[-_]/, 'DH', false, false],
  [/^(?:TLS_)?(?:RSA_PSK|PSK|SRP)[-_]/, 'PSK', false, false],
  [/^TLS_RSA_/, 'RSA', false, false],
  [/^RSA_/, 'RSA', false, false],
  [/^EXP[-_]/, 'RSA', false, false],
];

/** OpenSSL names with no key-exchange prefix use static RSA: `AES256-SHA`, `DES-CBC3-SHA`, `RC4-SHA`. */
const OPENSSL_RSA = /^(?:AES|CAMELLIA|DES|RC4|RC2|IDEA|SEED|ARIA|NULL|3DES|CHACHA)/;

const WEAK: ReadonlyArray<[RegExp, string]> = [
  [/RC4/, 'RC4 cipher'],
  [/3DES|DES[-_]CBC3|DES_EDE|DES-EDE/, '3DES cipher'],
  [/(?:^|[-_])DES(?:[-_]CBC)?(?:[-_]|$)(?!.*CBC3)/, 'single DES cipher'],
  [/EXPORT|^EXP[-_]|_EXP_/, 'export-grade cipher'],
  [/NULL/, 'no encryption (NULL cipher)'],
  [/(?:^|[-_])RC2[-_]/, 'RC2 cipher'],
  [/(?:^|[-_])MD5$/, 'MD5 MAC'],
];

export function cipherFacts(cipher: string | null): CipherFacts {
  const facts: CipherFacts = { keyExchange: null, forwardSecret: null, tls13: false, anonymous: false, weaknesses: [] };
  if (cipher === null) return facts;
  const name = cipher.toUpperCase();
  if (TLS13.test(name)) {
    facts.tls13 = true;
    facts.forwardSecret = true;
    return facts;
  }
  // GnuTLS TLS 1.3 long form: ECDHE_X25519__RSA_PSS_RSAE_SHA256__AES_256_GCM.
  const gnutlsGroup = /^(ECDHE|DHE)_([A-Z0-9]+)__/.exec(name);
  if (gnutlsGroup) {
    facts.keyExchange = gnutlsGroup[1] as string;
    facts.forwardSecret = true;
  } else {
    for (const [pattern, kx, fs, anon] of KX_PREFIXES) {
      if (pattern.test(name)) {
        facts.keyExchange = kx;
        facts.forwardSecret = fs;
        facts.anonymous = anon;
        break;
      }
    }
    if (facts.keyExchange === null && OPENSSL_RSA.test(name)) {
      facts.keyExchange = 'RSA';
      facts.forwardSecret = false;
    }
  }
  if (facts.anonymous) facts.weaknesses.push('anonymous key exchange (no server authentication)');
  for (const [pattern, why] of WEAK) if (pattern.test(name)) facts.weaknesses.push(why);
  return facts;
}

/** Group or key exchange written by Postfix 3.10+ on OpenSSL 3.5 (`key-exchange X25519MLKEM768`):
 * a hybrid of classical ECDH and ML-KEM (FIPS 203). */
export function isPostQuantum(keyExchange: string | null): boolean {
  return keyExchange !== null && /MLKEM|KYBER|SNTRUP|FRODO|HQC/i.test(keyExchange);
}

/** Versions written as `TLSv1.3`, `TLS1_3`, `TLS1.3`, `TLSv1`, `TLS-1.0`, `SSLv3`, `TLSv1_2`.
 * `TLSv1/SSLv3` is OpenSSL's cipher family (SSL_CIPHER_get_version), not the protocol version: null. */
export function normalizeVersion(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const t = text.trim().toUpperCase();
  if (t.includes('/')) return null;
  const m = /^(TLS|SSL)V?[-_ ]?(\d)(?:[._](\d))?$/.exec(t);
  if (!m) return null;
  const major = Number(m[2]);
  const minor = m[3] === undefined ? 0 : Number(m[3]);
  if (m[1] === 'SSL') return major === 3 ? 'SSL3' : major === 2 ? 'SSL2' : null;
  if (major !== 1 || minor > 3) return null;
  return `TLS1.${minor}`;
}

/** Protocol versions that RFC 8996 deprecates, and SSL. */
export function versionWeakness(version: string | null): string | null {
  switch (version) {
    case 'SSL2':
    case 'SSL3':
      return `${version === 'SSL2' ? 'SSL 2' : 'SSL 3'} (broken)`;
    case 'TLS1.0':
    case 'TLS1.1':
      return `${version.replace('TLS', 'TLS ')} (deprecated by RFC 8996)`;
    default:
      return null;
  }
}
