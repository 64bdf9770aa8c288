// Sendmail 8.17.1.9 (Debian 12 sendmail-bin, extracted): a .cf built with m4 from a generated .mc, run as
// `sendmail -C sm/sendmail.cf -bD -q5s` in the foreground in its own namespace (hostname
// mx.sendmail-lab.test: an unqualified host name makes Sendmail sleep 60 s). Sendmail logs only to
// syslog, so the namespace gets a writable overlay on /dev and a socat receiver on /dev/log that appends
// every datagram to sm/syslog.log (glibc sends them without a newline; see readLog()).
//
// Routing: a mailertable per test domain. Local delivery goes to a prog mailer that writes one file per
// domain under sm/mail/. Relays go to the next hop's address. Per-route client behaviour (no STARTTLS,
// TLS 1.2 cipher restrictions, client certificate, AUTH) is keyed by the server name Sendmail connects
// to, so routes to the same address with different modes get different names: `[<mode>-127-0-1-1.
// sm-route.invalid]`, listed in the namespace's /etc/hosts. The access map then says `Try_TLS:<name> NO`
// or `AuthInfo:<name> ...`, and the tls_clt_features ruleset returns per-name TLS options. Implicit
// TLS as a client (which Sendmail 8.17 lacks) is a prog mailer speaking SMTP through socat.
// Server side, every TLS listener asks for a client certificate (verify= in log and header), and the
// TLS 1.2-only listeners (.2/.3/.4) get their options from tls_srv_features, keyed by {daemon_name}.
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitForPort } from '../lab/net.js';
import { writeNamespaceScript } from '../lab/ns.js';
import { type Started, nsExec, run, startInNamespace } from '../lab/proc.js';
import { type ClientMode, LAB_USER, type Listener, type Route, SERVERS, listenerAddress } from '../lab/topology.js';
import type { Lab, MtaServer, SessionTruth } from '../lab/types.js';
import { forwardSecretSession } from '../lab/logs.js';

const ID = 'sm' as const;
const HOST = SERVERS[ID].host;
const BLOCK = SERVERS[ID].block;

const LISTENERS: Listener[] = ['tls', 'ecdhe12', 'dhe12', 'rsa12', 'notls', 'askcert', 'smtps', 'submission'];
const CLIENT_MODES: ClientMode[] = ['smtp', 'notls', 'e12', 'd12', 'r12', 'ccert', 'rogue', 'auth', 'authplain', 'smtps', 'lmtp'];

/** Server-side TLS restrictions per listener (tls_srv_features, keyed by the daemon's name). */
const SRV_FEATURES: Partial<Record<Listener, string>> = {
  ecdhe12: 'Options=+SSL_OP_NO_TLSv1_3;CipherList=kECDHE+aRSA',
  dhe12: 'Options=+SSL_OP_NO_TLSv1_3;CipherList=kDHE+aRSA',
  rsa12: 'Options=+SSL_OP_NO_TLSv1_3;CipherList=kRSA',
};

/** Rules put first into the authinfo ruleset: `AuthInfo:<$h>` from the access map, for prog mailers. */
const AUTHINFO_BY_HOST = ['R$*\t\t$: <$(access AuthInfo:$&h $: ? $)> $| $1', 'R<?> $| $*\t$: $1', 'R<$+> $| $*\t$# $1', ''].join('\n');

const root = (lab: Lab) => join(lab.roots, 'sendmail');
const dir = (lab: Lab) => join(lab.dir, ID);
const bin = (lab: Lab) => join(root(lab), 'usr/libexec/sendmail/sendmail');
const cfFile = (lab: Lab) => join(dir(lab), 'sendmail.cf');
const logFile = (lab: Lab) => join(dir(lab), 'syslog.log');
const mailDir = (lab: Lab) => join(dir(lab), 'mail');

let started: Started | null = null;
let versionString: string | null = null;

const routeName = (mode: string, ip: string) => `${mode}-${ip.replace(/\./g, '-')}.sm-route.invalid`;

function daemonName(l: Listener): string {
  return `MTA-${l}`;
}

function mapSource(lab: Lab, name: string, lines: string[]): string {
  const src = join(dir(lab), name);
  writeFileSync(src, lines.length > 0 ? `${lines.join('\n')}\n` : '');
  return src;
}

/** Builds `<src>.db` (makemap needs a .cf for its safety checks, so after the .cf is written). */
function makemap(lab: Lab, src: string): void {
  run(join(root(lab), 'usr/libexec/sendmail/makemap'), ['-C', cfFile(lab), 'hash', src], { input: readFileSync(src, 'utf8') });
  chmodSync(`${src}.db`, 0o640);
}

function copyPrivate(from: string, to: string, mode: number): string {
  copyFileSync(from, to);
  chmodSync(to, mode);
  return to;
}

async function configure(lab: Lab, routes: Map<string, Route>): Promise<void> {
  const d = dir(lab);
  for (const sub of ['', 'queue', 'mail', 'tls', 'ns']) mkdirSync(join(d, sub), { recursive: true, mode: 0o700 });
  chmodSync(join(d, 'queue'), 0o700);
  const tls = join(d, 'tls');
  const srv = lab.pki.server(ID);
  const files = {
    ca: copyPrivate(lab.pki.caCert, join(tls, 'ca.crt'), 0o644),
    cert: copyPrivate(srv.chain, join(tls, 'server.crt'), 0o644),
    key: copyPrivate(srv.key, join(tls, 'server.key'), 0o600),
    dh: copyPrivate(lab.pki.dhParams, join(tls, 'dh.pem'), 0o644),
    clientCert: copyPrivate(lab.pki.client.cert, join(tls, 'client.crt'), 0o644),
    clientKey: copyPrivate(lab.pki.client.key, join(tls, 'client.key'), 0o600),
    rogueCert: copyPrivate(lab.pki.rogue.cert, join(tls, 'rogue.crt'), 0o644),
    rogueKey: copyPrivate(lab.pki.rogue.key, join(tls, 'rogue.key'), 0o600),
  };

  // Routes -> mailertable, access map (Try_TLS, AuthInfo), client TLS features, extra host names, and
  // one mailer per (kind, port) used.
  const mailertable: string[] = [];
  const access = new Set<string>();
  const cltFeatures = new Set<string>();
  const hosts = new Set<string>();
  const mailers = new Set<string>();
  const auth = `"U:${LAB_USER.name}" "I:${LAB_USER.name}" "P:${LAB_USER.password}" "M:PLAIN"`;
  const smtpFlags = 'S=EnvFromSMTP/HdrFromSMTP, R=EnvToSMTP, E=\\r\\n, L=990, T=DNS/RFC822/SMTP';
  /** A per-route server name for this address (Sendmail looks it up with and without a trailing dot). */
  const named = (mode: ClientMode, ip: string) => {
    const name = routeName(mode, ip);
    hosts.add(`${ip}\t${name} ${name}.`);
    return name;
  };
  for (const [domain, r] of routes) {
    if (r.kind === 'deliver') {
      mailertable.push(`${domain}\tlabfile:${domain}`);
      continue;
    }
    if (r.mode === 'lmtp') {
      mailers.add(`Mlablmtp${r.port}, P=[IPC], F=mDFMuXz, ${smtpFlags}, A=TCP $h ${r.port}`);
      mailertable.push(`${domain}\tlablmtp${r.port}:[${r.ip}]`);
      continue;
    }
    if (r.mode === 'smtps') {
      // Sendmail 8.17 has no client side for implicit TLS: a prog mailer speaks SMTP through socat's TLS
      // (from 127.0.N.1, server certificate not verified), and authenticates when the server offers AUTH
      // (Haraka requires it on 465). A prog mailer has no {server_name}, so the authinfo ruleset looks
      // the mailer's host ($h) up instead (AUTHINFO_BY_HOST).
      const name = named(r.mode, r.ip);
      mailers.add(`Mlabsmtps${r.port}, P=/bin/sh, F=mDFMuXaS, ${smtpFlags}, A=sh ${join(d, 'smtps.sh')} $h ${r.port}`);
      mailertable.push(`${domain}\tlabsmtps${r.port}:${name}`);
      access.add(`AuthInfo:${name}\t${auth}`);
      continue;
    }
    mailers.add(`Mlabp${r.port}, P=[IPC], F=mDFMuXa, ${smtpFlags}, A=TCP $h ${r.port}`);
    if (r.mode === 'smtp') {
      mailertable.push(`${domain}\tlabp${r.port}:[${r.ip}]`);
      continue;
    }
    const name = named(r.mode, r.ip);
    mailertable.push(`${domain}\tlabp${r.port}:[${name}]`);
    const tls12 = 'Options=+SSL_OP_NO_TLSv1_3;CipherList=';
    switch (r.mode) {
      case 'notls':
        access.add(`Try_TLS:${name}\tNO`);
        break;
      case 'e12':
        cltFeatures.add(`${name}\t${tls12}kECDHE+aRSA`);
        break;
      case 'd12':
        cltFeatures.add(`${name}\t${tls12}kDHE+aRSA`);
        break;
      case 'r12':
        cltFeatures.add(`${name}\t${tls12}kRSA`);
        break;
      case 'ccert':
        cltFeatures.add(`${name}\tCertFile=${files.clientCert};KeyFile=${files.clientKey}`);
        break;
      case 'rogue':
        cltFeatures.add(`${name}\tCertFile=${files.rogueCert};KeyFile=${files.rogueKey}`);
        break;
      case 'auth':
        access.add(`AuthInfo:${name}\t${auth}`);
        break;
      case 'authplain':
        access.add(`Try_TLS:${name}\tNO`);
        access.add(`AuthInfo:${name}\t${auth}`);
        break;
    }
  }
  const srvFeatures = Object.entries(SRV_FEATURES).map(([l, f]) => `${daemonName(l as Listener)}\t${f}`);
  const maps = {
    mailertable: mapSource(lab, 'mailertable', mailertable),
    access: mapSource(lab, 'access', [...access]),
    clt: mapSource(lab, 'clt_features', [...cltFeatures]),
    srv: mapSource(lab, 'srv_features', srvFeatures),
  };
  writeFileSync(join(d, 'hosts.extra'), [...hosts].map((h) => `${h}\n`).join(''));
  writeFileSync(join(d, 'smtps.sh'), `#!/bin/sh\nexec socat - "OPENSSL:$1:$2,verify=0,bind=127.0.${BLOCK}.1" 2>>'${join(d, 'smtps.err')}'\n`);
  writeFileSync(join(d, 'service.switch'), 'hosts\tfiles\naliases\tfiles\n');
  writeFileSync(join(d, 'aliases'), 'postmaster: root\n');
  writeFileSync(
    join(d, 'deliver.sh'),
    ['#!/bin/sh', '# $1 = domain (mailertable host), $2 = recipient', `t="${mailDir(lab)}/.$1.$$"`, `cat > "$t" && mv "$t" "${mailDir(lab)}/$1"`, ''].join('\n'),
  );

  // Host names from files only: Sendmail looks names up for AF_INET6 first, and the resolver's TRY_AGAIN
  // (nothing answers on 127.0.0.1:53) would make it defer instead of trying AF_INET.
  const etcUpper = join(d, 'ns', 'etc-upper');
  mkdirSync(etcUpper, { recursive: true });
  const nss = existsSync('/etc/nsswitch.conf') ? readFileSync('/etc/nsswitch.conf', 'utf8') : '';
  writeFileSync(join(etcUpper, 'nsswitch.conf'), `${nss.replace(/^hosts:.*$/m, '').trimEnd()}\nhosts:\t\tfiles\n`);

  // SASL: sasldb with alice, Sendmail.conf in the namespace's /etc/sasl2 (the /etc overlay's upper layer).
  const sasldb = join(d, 'sasldb2');
  run('saslpasswd2', ['-f', sasldb, '-p', '-c', '-u', HOST, LAB_USER.name], { input: LAB_USER.password });
  chmodSync(sasldb, 0o600);
  const saslDir = join(etcUpper, 'sasl2');
  mkdirSync(saslDir, { recursive: true });
  writeFileSync(
    join(saslDir, 'Sendmail.conf'),
    `pwcheck_method: auxprop\nauxprop_plugin: sasldb\nsasldb_path: ${sasldb}\nmech_list: PLAIN LOGIN\n`,
  );

  const q = (s: string) => `\`${s}'`;
  const daemons = LISTENERS.map((l) => {
    const { ip, port } = listenerAddress(ID, l);
    const mods = l === 'notls' ? ', M=S' : l === 'smtps' ? ', M=s' : l === 'submission' ? ', M=Ea' : '';
    return `DAEMON_OPTIONS(${q(`Family=inet, Addr=${ip}, Port=${port}, Name=${daemonName(l)}${mods}`)})dnl`;
  });
  const defs: [string, string][] = [
    ['confDOMAIN_NAME', HOST],
    ['QUEUE_DIR', join(d, 'queue')],
    ['STATUS_FILE', join(d, 'sendmail.st')],
    ['ALIAS_FILE', join(d, 'aliases')],
    ['confALIAS_WAIT', '0'],
    ['HELP_FILE', join(root(lab), 'etc/mail/helpfile')],
    ['confPID_FILE', join(d, 'sendmail.pid')],
    ['confDEAD_LETTER_DROP', join(d, 'dead.letter')],
    ['confSERVICE_SWITCH_FILE', join(d, 'service.switch')],
    ['confLOG_LEVEL', '12'],
    ['confDELIVERY_MODE', 'background'],
    ['confDONT_PROBE_INTERFACES', 'true'],
    ['confPRIVACY_FLAGS', 'authwarnings'],
    ['confQUEUE_LA', '1000'],
    ['confREFUSE_LA', '1000'],
    ['confDELAY_LA', '0'],
    ['confMIN_QUEUE_AGE', '0'],
    ['confTO_IDENT', '0'],
    ['confTO_CONNECT', '5s'],
    ['confTO_ICONNECT', '5s'],
    ['confTO_INITIAL', '15s'],
    ['confTO_HELO', '15s'],
    ['confTO_MAIL', '15s'],
    ['confTO_RCPT', '15s'],
    ['confTO_DATAINIT', '15s'],
    ['confTO_DATABLOCK', '15s'],
    ['confTO_DATAFINAL', '15s'],
    ['confTO_RSET', '5s'],
    ['confTO_QUIT', '5s'],
    ['confTO_MISC', '5s'],
    ['confTO_COMMAND', '30s'],
    ['confTO_STARTTLS', '15s'],
    ['confTO_HOSTSTATUS', '1s'],
    ['confTO_LHLO', '15s'],
    ['confCACERT_PATH', tls],
    ['confCACERT', files.ca],
    ['confSERVER_CERT', files.cert],
    ['confSERVER_KEY', files.key],
    ['confDH_PARAMETERS', files.dh],
    // Opportunistic TLS as the other MTAs do it: after a failed handshake, retry at once without STARTTLS.
    ['confTLS_FALLBACK_TO_CLEAR', 'true'],
    ['confAUTH_MECHANISMS', 'PLAIN LOGIN'],
    ['confAUTH_OPTIONS', 'A'],
  ];
  const cfDir = join(root(lab), 'usr/share/sendmail/cf');
  const mc = [
    'divert(-1)dnl',
    'divert(0)dnl',
    "VERSIONID(`hoplock MTA lab')dnl",
    "OSTYPE(`linux')dnl",
    ...defs.map(([k, v]) => `define(${q(k)}, ${q(v)})dnl`),
    `CLIENT_OPTIONS(${q(`Family=inet, Addr=127.0.${BLOCK}.1`)})dnl`,
    ...daemons,
    "FEATURE(`no_default_msa')dnl",
    "FEATURE(`accept_unresolvable_domains')dnl",
    "FEATURE(`accept_unqualified_senders')dnl",
    "FEATURE(`nocanonify')dnl",
    `FEATURE(\`access_db', ${q(`hash -T<TMPF> -o ${maps.access}`)})dnl`,
    `FEATURE(\`mailertable', ${q(`hash -o ${maps.mailertable}`)})dnl`,
    "RELAY_DOMAIN(`lab.test')dnl",
    "TRUST_AUTH_MECH(`PLAIN LOGIN')dnl",
    "MAILER(`local')dnl",
    "MAILER(`smtp')dnl",
    'LOCAL_CONFIG',
    `Klabclt hash -o ${maps.clt}`,
    `Klabsrv hash -o ${maps.srv}`,
    'MAILER_DEFINITIONS',
    `Mlabfile, P=/bin/sh, F=DFMPSu9, S=EnvFromL/HdrFromL, R=EnvToL/HdrToL, T=DNS/RFC822/X-Unix, A=sh ${join(d, 'deliver.sh')} $h $u`,
    ...mailers,
    'LOCAL_RULESETS',
    'Stls_srv_features',
    'R$*\t\t$: $(labsrv $&{daemon_name} $: NONE $)',
    'RNONE\t\t$@ ""',
    'R$*\t\t$@ $1',
    'Stls_clt_features',
    'R$* $| $*\t$: $(labclt $1 $: NONE $)',
    'RNONE\t\t$@ ""',
    'R$*\t\t$@ $1',
    '',
  ].join('\n');
  writeFileSync(join(d, 'sendmail.mc'), mc);
  const cf = run('m4', [`-D_CF_DIR_=${cfDir}/`, join(cfDir, 'm4/cf.m4'), join(d, 'sendmail.mc')]);
  if (!cf.includes('\nSauthinfo\n')) throw new Error('sendmail: no authinfo ruleset in the generated .cf');
  writeFileSync(cfFile(lab), cf.replace('\nSauthinfo\n', () => `\nSauthinfo\n${AUTHINFO_BY_HOST}`), { mode: 0o644 });
  for (const src of Object.values(maps)) makemap(lab, src);
}

async function start(lab: Lab): Promise<void> {
  const d = dir(lab);
  const log = logFile(lab);
  const script = writeNamespaceScript({
    name: ID,
    hostname: HOST,
    dir: join(d, 'ns'),
    overlays: [{ target: '/dev', writable: true }],
    setup: [
      `cat '${join(d, 'hosts.extra')}' >> /etc/hosts`,
      // The syslog receiver: one datagram per message, appended to the lab file.
      `socat -u UNIX-RECV:/dev/log,mode=666 OPEN:'${log}',creat,append &`,
      'n=0; while [ ! -S /dev/log ] && [ $n -lt 100 ]; do sleep 0.05; n=$((n+1)); done',
    ].join('\n'),
    argv: [bin(lab), '-C', cfFile(lab), '-bD', '-q5s'],
  });
  started = startInNamespace(ID, script, join(d, 'daemon.out'));
  for (const l of LISTENERS) {
    const { ip, port } = listenerAddress(ID, l);
    await waitForPort(ip, port, 20_000, started);
  }
  const v = nsExec(started, [bin(lab), '-C', cfFile(lab), '-d0.1', '-bt'], '', 20_000);
  versionString = /Version (\S+)/.exec(v.out)?.[1] ?? null;
}

async function inject(lab: Lab, envelopeFrom: string, rcpt: string, message: string): Promise<void> {
  if (!started) throw new Error('sendmail: not started');
  // stdin from a file: Node's stdio pipes are socketpairs, and Sendmail would take a socket on stdin
  // for an SMTP peer ("relay=localhost [[UNIX: localhost]]").
  const msg = join(dir(lab), `inject-${Date.now()}-${Math.random().toString(36).slice(2)}.eml`);
  writeFileSync(msg, message);
  const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const cmd = [bin(lab), '-C', cfFile(lab), '-odb', '-oi', '-f', envelopeFrom, rcpt].map(q).join(' ');
  const r = nsExec(started, ['sh', '-c', `exec ${cmd} < ${q(msg)}`], undefined, 60_000);
  if (r.status !== 0) throw new Error(`sendmail: injection failed (${r.status}): ${r.out}`);
}

function delivered(lab: Lab, domain: string): string | null {
  const f = join(mailDir(lab), domain);
  return existsSync(f) ? readFileSync(f, 'utf8') : null;
}

interface LogLine {
  pid: number;
  text: string;
  raw: string;
}

/** The syslog datagrams as glibc sent them: `<pri>Mmm dd hh:mm:ss ident[pid]: text`, no separator. */
function readLog(lab: Lab): LogLine[] {
  const f = logFile(lab);
  if (!existsSync(f)) return [];
  const all = readFileSync(f, 'utf8');
  const out: LogLine[] = [];
  for (const rec of all.split(/(?=<\d{1,3}>[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d )/)) {
    const m = /^<\d+>(\w{3} [ \d]\d \d\d:\d\d:\d\d) [^\s[]+\[(\d+)\]: (.*)$/s.exec(rec.trim());
    if (m) out.push({ pid: Number(m[2]), text: (m[3] ?? '').trim(), raw: `${m[1]} [${m[2]}] ${(m[3] ?? '').trim()}` });
  }
  return out;
}

function normVersion(v: string): string | null {
  const m = /^TLSv?(\d)\.(\d)$/.exec(v);
  return m ? `TLS${m[1]}.${m[2]}` : v;
}

function forwardSecret(version: string | null, cipher: string | null): boolean | null {
  if (!version || !cipher) return null;
  return forwardSecretSession(version, cipher);
}

function certStatus(verify: string | undefined): SessionTruth['clientCert'] {
  switch (verify) {
    case 'OK':
      return 'verified';
    case 'FAIL':
      return 'unverified';
    case 'NO':
      return 'absent';
    case 'NOT':
      return 'not-requested';
    default:
      return null;
  }
}

function truth(lab: Lab, domain: string): SessionTruth | null {
  const lines = readLog(lab);
  const to = lines.find((l) => new RegExp(`^(\\w+): to=<?[^,]*@${domain.replace(/\./g, '\\.')}>?,`, 'i').test(l.text));
  if (!to) return null;
  const qid = /^(\w+):/.exec(to.text)?.[1] ?? '';
  const fromIdx = lines.findIndex((l) => l.text.startsWith(`${qid}: from=`));
  const from = lines[fromIdx];
  if (!from) return null;
  const evidence = [from.raw, to.raw];
  if (!/, daemon=[^,]+, relay=[^,]*\[\d+\.\d+\.\d+\.\d+\]/.test(from.text)) {
    // Local submission (relay=root@localhost, no daemon=): no SMTP session.
    return { transport: 'internal', tlsVersion: null, cipher: null, forwardSecrecy: null, authenticated: false, clientCert: null, evidence };
  }
  // The session is the receiving child process (one per connection, and PIDs are not reused in the
  // namespace during a run): its STARTTLS and AUTH lines precede its from= line(s). A session may carry
  // several transactions; TLS and AUTH, once done, hold for all of them.
  let tls: LogLine | undefined;
  let auth: LogLine | undefined;
  for (let i = fromIdx - 1; i >= 0; i--) {
    const l = lines[i];
    if (!l || l.pid !== from.pid) continue;
    if (!tls && /^STARTTLS=server, relay=.*\bversion=/.test(l.text)) tls = l;
    if (!auth && l.text.startsWith('AUTH=server,')) auth = l;
  }
  if (auth) evidence.unshift(auth.raw);
  if (tls) evidence.unshift(tls.raw);
  const authenticated = auth !== undefined;
  if (!tls) {
    return { transport: 'plaintext', tlsVersion: null, cipher: null, forwardSecrecy: null, authenticated, clientCert: null, evidence };
  }
  const field = (k: string) => new RegExp(`\\b${k}=([^,]+)`).exec(tls?.text ?? '')?.[1]?.trim();
  const version = field('version') ? normVersion(field('version') as string) : null;
  const cipher = field('cipher') ?? null;
  return {
    transport: 'encrypted',
    tlsVersion: version,
    cipher,
    forwardSecrecy: forwardSecret(version, cipher),
    authenticated,
    clientCert: certStatus(field('verify')),
    evidence,
  };
}

export const sendmail: MtaServer = {
  id: ID,
  listeners: LISTENERS,
  clientModes: CLIENT_MODES,
  canInject: true,
  configure,
  start,
  inject,
  delivered,
  truth,
  // Received: ... with ESMTPS id ... (version=TLSv1.3 cipher=TLS_AES_256_GCM_SHA384 bits=256 verify=OK)
  headerShows: () => ({ version: true, forwardSecrecy: true, clientCert: true }),
  version: () => versionString ?? 'unknown',
};
