// Small facts every server's truth reader needs, kept apart from Hoplock's own code so that the truth
// never depends on what is being tested.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Forward secrecy of a session as a log names it: TLS 1.3 always uses (EC)DHE; a TLS 1.2 suite does when
 * its OpenSSL name starts ECDHE-/DHE-/EDH- (ECDHE-RSA-AES256-GCM-SHA384), or its GnuTLS/IANA-style name
 * has an (EC)DHE key exchange (ECDHE_X25519__RSA_PSS_RSAE_SHA256__AES_256_GCM, TLS_DHE_RSA_WITH_...).
 */
export function forwardSecretSession(version: string | null, cipher: string | null): boolean {
  if (version === 'TLS1.3') return true;
  return /^(?:TLS_)?(?:ECDHE|DHE|EDH)[-_]/.test(cipher ?? '');
}

/** The one message a Maildir (or a directory with new/ and cur/) holds, or null while there is none. */
export function readMaildirMessage(dir: string): string | null {
  for (const sub of ['new', 'cur']) {
    const p = join(dir, sub);
    if (!existsSync(p)) continue;
    const files = readdirSync(p).filter((f) => !f.startsWith('.'));
    const first = files.sort()[0];
    if (first !== undefined) return readFileSync(join(p, first), 'utf8');
  }
  return null;
}
