// Puts every server on the machine. Postfix, Dovecot and swaks install from Debian as usual (Postfix with
// debconf "No configuration", and policy-rc.d forbidding service starts, so no system instance ever runs).
// Exim, Sendmail and OpenSMTPD conflict with Postfix as packages (all Provide mail-transport-agent), so
// their .debs are downloaded and extracted into a cache; only their shared libraries are installed.
// Haraka comes from npm, pinned in test/mta/haraka/package-lock.json.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from './proc.js';

export const CACHE = '/var/cache/hoplock-mta';
export const HARAKA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'haraka');

const APT_PACKAGES = [
  'postfix',
  'dovecot-core',
  'dovecot-lmtpd',
  'swaks',
  'libnet-ssleay-perl',
  'openssl',
  'socat',
  'm4',
  'make',
  'procps',
  'iproute2',
  'util-linux',
  // shared libraries of the extracted packages below (their Depends, minus the MTA packages themselves)
  'libdb5.3',
  'libgnutls-dane0',
  'libgnutls30',
  'libidn12',
  'libidn2-0',
  'libldap-2.5-0',
  'libmariadb3',
  'libnsl2',
  'libpam0g',
  'libpcre2-8-0',
  'libperl5.36',
  'libpq5',
  'libsasl2-2',
  'libsasl2-modules',
  'libsasl2-modules-db',
  'sasl2-bin',
  'libspf2-2',
  'libsqlite3-0',
  'libevent-2.1-7',
  'liblockfile1',
  'libwrap0',
  'libcrypt1',
];

/** Extracted package sets: root name -> Debian packages. */
export const EXTRACTED: Record<string, string[]> = {
  exim: ['exim4-base', 'exim4-daemon-heavy', 'exim4-config'],
  sendmail: ['sendmail-bin', 'sendmail-base', 'sendmail-cf'],
  opensmtpd: ['opensmtpd'],
};

function missingApt(): string[] {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own format syntax
  const r = spawnSync('dpkg-query', ['-W', '-f=${Package} ${db:Status-Status}\n', ...APT_PACKAGES], { encoding: 'utf8' });
  const installed = new Set(
    r.stdout
      .split('\n')
      .filter((l) => l.endsWith(' installed'))
      .map((l) => l.split(' ')[0]),
  );
  return APT_PACKAGES.filter((p) => !installed.has(p));
}

export function preflight(): void {
  if (process.getuid?.() !== 0) throw new Error('the MTA lab must run as root (it installs packages and uses namespaces)');
  if (!existsSync('/etc/debian_version')) throw new Error('the MTA lab needs a Debian 12 machine (apt, dpkg)');
}

export function install(log: (m: string) => void): void {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const missing = missingApt();
  const needDebs = Object.entries(EXTRACTED).filter(([name]) => !existsSync(join(CACHE, 'roots', name, '.done')));
  if (missing.length > 0 || needDebs.length > 0) {
    log(`apt: updating package lists (missing: ${missing.join(' ') || 'none'})`);
    run('apt-get', ['update', '-qq'], { env, timeoutMs: 300_000 });
  }
  if (missing.length > 0) {
    log(`apt: installing ${missing.length} packages`);
    run('debconf-set-selections', [], { input: 'postfix postfix/main_mailer_type select No configuration\n' });
    const policy = '/usr/sbin/policy-rc.d';
    const hadPolicy = existsSync(policy);
    if (!hadPolicy) writeFileSync(policy, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
    try {
      run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env, timeoutMs: 600_000 });
    } finally {
      if (!hadPolicy) unlinkSync(policy);
    }
  }
  for (const [name, pkgs] of needDebs) {
    const debs = join(CACHE, 'debs', name);
    const root = join(CACHE, 'roots', name);
    rmSync(debs, { recursive: true, force: true });
    rmSync(root, { recursive: true, force: true });
    mkdirSync(debs, { recursive: true });
    mkdirSync(root, { recursive: true });
    log(`apt: downloading and extracting ${pkgs.join(' ')}`);
    run('apt-get', ['download', '-qq', ...pkgs], { cwd: debs, env, timeoutMs: 300_000 });
    for (const f of readdirSync(debs)) run('dpkg-deb', ['-x', join(debs, f), root]);
    writeFileSync(join(root, '.done'), `${pkgs.join(' ')}\n`);
  }
  if (!existsSync(join(HARAKA_DIR, 'node_modules', 'Haraka', 'package.json'))) {
    log('npm: installing Haraka (test/mta/haraka)');
    run('npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: HARAKA_DIR, timeoutMs: 300_000 });
  }
}
