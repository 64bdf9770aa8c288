// OpenSMTPD 6.8.0p2 (Debian 12 package, extracted into lab.roots/opensmtpd) as `smtpd -d -v -f <conf>`
// in its own namespace. Overlays put /usr/sbin/smtpd, /usr/sbin/smtpctl (and its sendmail link) and
// /usr/libexec/opensmtpd where the binary expects them; /var is a writable overlay, so the spool
// (/var/spool/smtpd), the privsep chroot (/var/lib/opensmtpd/empty) and the control socket
// (/var/run/smtpd.sock: /var/run is made a private directory there) all stay under lab.dir.
//
// Its server-side TLS is broken with OpenSSL 3 (the privsep RSA engine fails every handshake with
// "EVP lib", RSA and ECDSA keys alike), so it only has the plain listener .5. As a client it relays
// with TLS 1.3 (no client certificate: see config()).
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitForPort } from '../lab/net.js';
import { writeNamespaceScript } from '../lab/ns.js';
import { type Started, nsExec, startInNamespace } from '../lab/proc.js';
import { type ClientMode, LAB_USER, type Listener, type Route, SERVERS, listenerAddress } from '../lab/topology.js';
import type { Lab, MtaServer, SessionTruth } from '../lab/types.js';
import { forwardSecretSession, readMaildirMessage } from '../lab/logs.js';

const ID = 'os';
const HOST = SERVERS.os.host;
const SRC = `127.0.${SERVERS.os.block}.1`;
const LISTENERS: Listener[] = ['notls'];
const MODES: ClientMode[] = ['smtp', 'notls', 'auth', 'smtps', 'lmtp'];

// Users of the package (Debian creates them in postinst) and the one local deliveries run as.
const UID_SMTPD = 60301;
const UID_QUEUE = 60302;
const UID_MAIL = 60303;

/** smtpctl (and its sendmail name) insists on running setgid opensmtpq, which the extracted binary is not. */
const SMTPCTL = ['setpriv', '--regid', 'opensmtpq', '--clear-groups', '--', '/usr/sbin/smtpctl'];

const dirOf = (lab: Lab) => join(lab.dir, ID);
const logOf = (lab: Lab) => join(dirOf(lab), 'smtpd.log');
const q = (s: string) => `"${s.replace(/(["\\])/g, '\\$1')}"`;

let started: Started | null = null;
let cachedVersion: string | null = null;

function relayUrl(r: Extract<Route, { kind: 'relay' }>): { url: string; opts: string } {
  const hp = `${r.ip}:${r.port}`;
  switch (r.mode) {
    case 'smtp':
      return { url: `smtp://${hp}`, opts: '' };
    case 'notls':
      return { url: `smtp+notls://${hp}`, opts: '' };
    case 'auth':
      return { url: `smtp+tls://${LAB_USER.name}@${hp}`, opts: 'auth <creds> tls no-verify' };
    case 'smtps':
      return { url: `smtps://${LAB_USER.name}@${hp}`, opts: 'auth <creds> tls no-verify' };
    case 'lmtp':
      return { url: `lmtp://${hp}`, opts: '' };
    default:
      throw new Error(`opensmtpd: client mode ${r.mode} is not implemented`);
  }
}

function config(lab: Lab, routes: Map<string, Route>): string {
  const d = dirOf(lab);
  const { ip, port } = listenerAddress(ID, 'notls');
  const lines = [
    '# Hoplock MTA lab: OpenSMTPD',
    // No `pki` at all. No listener could use it (see the top of this file), and a pki named after the HELO
    // name is also what the relay client presents when a server asks for a client certificate (Haraka and
    // Sendmail always do): signing with it goes through the same broken engine, so STARTTLS would fail and
    // fall back to plaintext, and smtps:// would fail for good ("EVP lib").
    `table creds file:${d}/creds`,
    'queue ttl 10m',
    'bounce warn-interval 1h',
    `listen on ${ip} port ${port} hostname ${HOST}`,
    // Every recipient (u@<test domain>) maps to the local user labmail; the Maildir is per recipient domain.
    'table virtuals { "@" = "labmail" }',
    `action "deliver" maildir ${q(`${d}/mail/%{rcpt.domain}`)} virtual <virtuals>`,
  ];
  const deliver: string[] = [];
  let n = 0;
  for (const [domain, route] of [...routes].sort(([a], [b]) => a.localeCompare(b))) {
    if (route.kind === 'deliver') {
      deliver.push(domain);
      continue;
    }
    const { url, opts } = relayUrl(route);
    const name = `relay${++n}`;
    lines.push(`action "${name}" relay host ${q(url)} ${opts} src ${SRC} helo ${HOST}`.replace(/ {2,}/g, ' '));
    lines.push(`match from any for domain ${q(domain)} action "${name}"`);
  }
  if (deliver.length > 0) {
    lines.push(`table deliverdomains { ${deliver.map(q).join(', ')} }`);
    lines.push('match from any for domain <deliverdomains> action "deliver"');
  }
  return `${lines.join('\n')}\n`;
}

export const opensmtpd: MtaServer = {
  id: ID,
  listeners: LISTENERS,
  clientModes: MODES,
  canInject: true,

  async configure(lab, routes) {
    const d = dirOf(lab);
    for (const sub of ['mail', 'ns']) mkdirSync(join(d, sub), { recursive: true });
    chownSync(join(d, 'mail'), UID_MAIL, UID_MAIL);
    writeFileSync(join(d, 'creds'), `${LAB_USER.name} ${LAB_USER.name}:${LAB_USER.password}\n`, { mode: 0o600 });
    writeFileSync(join(d, 'smtpd.conf'), config(lab, routes));
    writeFileSync(logOf(lab), '');
  },

  async start(lab) {
    const d = dirOf(lab);
    const root = join(lab.roots, 'opensmtpd');
    const script = writeNamespaceScript({
      name: ID,
      hostname: HOST,
      dir: join(d, 'ns'),
      overlays: [
        { target: '/usr/sbin', from: [join(root, 'usr/sbin')] },
        { target: '/usr/libexec', from: [join(root, 'usr/libexec')] },
        { target: '/var', writable: true },
        { target: '/tmp', writable: true },
      ],
      passwd: [
        `opensmtpd:x:${UID_SMTPD}:${UID_SMTPD}:OpenSMTPD:/var/lib/opensmtpd/empty:/usr/sbin/nologin`,
        `opensmtpq:x:${UID_QUEUE}:${UID_QUEUE}:OpenSMTPD queue:/var/lib/opensmtpd/empty:/usr/sbin/nologin`,
        `labmail:x:${UID_MAIL}:${UID_MAIL}:lab mail:${d}/mail:/usr/sbin/nologin`,
      ],
      group: [`opensmtpd:x:${UID_SMTPD}:`, `opensmtpq:x:${UID_QUEUE}:`, `labmail:x:${UID_MAIL}:`],
      // The privsep chroot; and /var/run, a symlink to the machine's /run, becomes a directory of this overlay.
      // A queue run every 2 s: the scheduler's own first retry of a deferred relay comes after 400 s.
      setup: [
        'mkdir -p /var/lib/opensmtpd/empty',
        'if [ -L /var/run ]; then rm /var/run; fi',
        'mkdir -p -m 755 /var/run',
        `(while sleep 2; do ${SMTPCTL.join(' ')} schedule all >/dev/null 2>&1 || true; done) &`,
      ].join('\n'),
      argv: ['/usr/sbin/smtpd', '-d', '-v', '-f', join(d, 'smtpd.conf')],
    });
    started = startInNamespace('opensmtpd', script, logOf(lab));
    const { ip, port } = listenerAddress(ID, 'notls');
    await waitForPort(ip, port);
  },

  async inject(_lab, envelopeFrom, rcpt, message) {
    if (!started) throw new Error('opensmtpd: not started');
    const r = nsExec(started, [...SMTPCTL.slice(0, -1), '/usr/sbin/sendmail', '-f', envelopeFrom, rcpt], message);
    if (r.status !== 0) throw new Error(`opensmtpd: sendmail exited ${r.status}: ${r.out}`);
  },

  delivered(lab, domain) {
    return readMaildirMessage(join(dirOf(lab), 'mail', domain));
  },

  truth(lab, domain): SessionTruth | null {
    if (!existsSync(logOf(lab))) return null;
    const lines = readFileSync(logOf(lab), 'utf8').split('\n');
    // 4d007e744be2f4b8 smtp envelope evpid=3a5929f0e4d7a58a from=<sender@...> to=<u@s-os-notls.lab.test>
    const rcpt = `u@${domain}`.toLowerCase();
    const env = lines.find((l) => {
      const m = /^[0-9a-f]{16} smtp envelope evpid=\S+ from=<[^>]*> to=<([^>]*)>/.exec(l);
      return m !== null && (m[1] ?? '').toLowerCase() === rcpt;
    });
    if (env === undefined) return null;
    const sid = env.slice(0, 16);
    const session = lines.filter((l) => l.startsWith(`${sid} smtp `));
    const connected = session.find((l) => / smtp connected address=/.test(l));
    if (connected === undefined) return null;
    const evidence = session.filter((l) => / smtp (connected|tls|authentication|message|envelope) /.test(l));
    // "smtp connected address=local host=..." is the local enqueuer (sendmail/smtpctl over /var/run/smtpd.sock).
    const local = / address=local /.test(connected);
    // Never seen here (no TLS listener), but this is how 6.8 logs it: "smtp tls ciphers=TLSv1.3:TLS_AES_256_GCM_SHA384:256".
    const tls = session.map((l) => / smtp tls ciphers=([^:\s]+):([^:\s]+)/.exec(l)).find((m) => m !== null) ?? null;
    const authenticated = session.some((l) => / smtp authentication user=\S+ result=ok/.test(l));
    const version = tls ? (tls[1] ?? '').replace(/^TLSv/, 'TLS') : null;
    const cipher = tls ? (tls[2] ?? null) : null;
    return {
      transport: local ? 'internal' : tls ? 'encrypted' : 'plaintext',
      tlsVersion: version,
      cipher,
      forwardSecrecy: tls ? forwardSecretSession(version, cipher) : null,
      // The local enqueuer is flagged authenticated inside smtpd (hence "with ESMTPA" in its Received),
      // but no AUTH took place and the log records none: the truth follows the log.
      authenticated,
      clientCert: null,
      evidence,
    };
  },

  headerShows() {
    // What a TLS session would add to OpenSMTPD 6.8's Received: "(TLSv1.3:TLS_AES_256_GCM_SHA384:256:NO)",
    // i.e. version, cipher (so FS), and YES/FAIL/NO for the client certificate. Moot here: no TLS listener.
    return { version: true, forwardSecrecy: true, clientCert: true };
  },

  version(lab) {
    // "version: OpenSMTPD 6.8.0p2" from `smtpd -h`; run once.
    if (cachedVersion === null) {
      const r = spawnSync(join(lab.roots, 'opensmtpd/usr/sbin/smtpd'), ['-h'], { encoding: 'utf8', timeout: 10_000 });
      cachedVersion = /version: OpenSMTPD (\S+)/.exec(`${r.stdout ?? ''}${r.stderr ?? ''}`)?.[1] ?? 'unknown';
    }
    return cachedVersion;
  },
};
