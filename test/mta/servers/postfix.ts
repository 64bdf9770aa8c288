// Postfix 3.7 (Debian package, OpenSSL 3), one private instance (`postfix -c <dir> start-fg`) with a
// master.cf entry per listener policy and a client transport per ClientMode. Truth from its maillog:
//   postfix/smtpd[812]: Anonymous TLS connection established from mx.exim-lab.test[127.0.2.1]: TLSv1.3 with
//     cipher TLS_AES_256_GCM_SHA384 (256/256 bits) key-exchange X25519 server-signature RSA-PSS (2048 bits) ...
//   postfix/smtpd[812]: 5A3F620E57A: client=mx.exim-lab.test[127.0.2.1], sasl_method=PLAIN, sasl_username=alice
//   postfix/qmgr[790]: 5A3F620E57A: from=<sender@client.swaks-lab.test>, size=512, nrcpt=1 (queue active)
//   postfix/pipe[830]: 5A3F620E57A: to=<u@t01.lab.test>, relay=labfile, ... status=sent
//   postfix/pickup[801]: 9C1D020E580: uid=0 from=<sender@client.swaks-lab.test>   (local injection)
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeNamespaceScript } from '../lab/ns.js';
import { nsExec, run, type Started, startInNamespace } from '../lab/proc.js';
import { waitForPort } from '../lab/net.js';
import { type ClientMode, LAB_USER, type Listener, LISTENERS, type Route, SERVERS } from '../lab/topology.js';
import type { Lab, MtaServer, SessionTruth } from '../lab/types.js';
import { forwardSecretSession } from '../lab/logs.js';

const ID = 'pf';
const HOST = SERVERS.pf.host;
const SRC = '127.0.1.1';
const LISTENS: Listener[] = ['tls', 'ecdhe12', 'dhe12', 'rsa12', 'notls', 'askcert', 'smtps', 'submission', 'tlsquiet'];
const MODES: ClientMode[] = ['smtp', 'notls', 'e12', 'd12', 'r12', 'ccert', 'rogue', 'auth', 'authplain', 'smtps', 'lmtp'];

let daemon: Started | null = null;
const dir = (lab: Lab) => join(lab.dir, ID);
const confDir = (lab: Lab) => join(dir(lab), 'conf');
const maillog = (lab: Lab) => join(dir(lab), 'log', 'maillog');

/** master.cf `-o` overrides for a server-side listener policy. */
function listenerOptions(l: Listener): string[] {
  const tls12 = ['smtpd_tls_protocols=>=TLSv1.2,<=TLSv1.2'];
  switch (l) {
    case 'tls':
      return [];
    case 'ecdhe12':
      return [...tls12, 'smtpd_tls_exclude_ciphers=kRSA,kDHE,aNULL'];
    case 'dhe12':
      return [...tls12, 'smtpd_tls_exclude_ciphers=kRSA,kECDHE,aNULL'];
    case 'rsa12':
      return [...tls12, 'smtpd_tls_exclude_ciphers=kDHE,kECDHE,aNULL'];
    case 'notls':
      return ['smtpd_tls_security_level=none'];
    case 'askcert':
      return ['smtpd_tls_ask_ccert=yes'];
    case 'smtps':
      return ['smtpd_tls_wrappermode=yes', 'smtpd_sasl_auth_enable=yes'];
    case 'submission':
      return ['smtpd_sasl_auth_enable=yes', 'smtpd_tls_auth_only=no'];
    case 'tlsquiet':
      return ['smtpd_tls_received_header=no'];
  }
}

/** master.cf `-o` overrides for a client transport. */
function modeOptions(lab: Lab, m: ClientMode): string[] {
  const tls12 = ['smtp_tls_protocols=>=TLSv1.2,<=TLSv1.2'];
  const sasl = ['smtp_sasl_auth_enable=yes', `smtp_sasl_password_maps=texthash:${join(confDir(lab), 'sasl_passwd')}`, 'smtp_sasl_security_options=noanonymous', 'smtp_sasl_tls_security_options=noanonymous'];
  switch (m) {
    case 'smtp':
    case 'lmtp':
      return [];
    case 'notls':
      return ['smtp_tls_security_level=none'];
    case 'e12':
      return [...tls12, 'smtp_tls_exclude_ciphers=kRSA,kDHE,aNULL'];
    case 'd12':
      return [...tls12, 'smtp_tls_exclude_ciphers=kRSA,kECDHE,aNULL'];
    case 'r12':
      return [...tls12, 'smtp_tls_exclude_ciphers=kDHE,kECDHE,aNULL'];
    case 'ccert':
      return [`smtp_tls_chain_files=${lab.pki.client.key},${lab.pki.client.cert}`];
    case 'rogue':
      return [`smtp_tls_chain_files=${lab.pki.rogue.key},${lab.pki.rogue.cert}`];
    case 'auth':
      return [...sasl, 'smtp_tls_security_level=encrypt'];
    case 'authplain':
      return [...sasl, 'smtp_tls_security_level=none'];
    case 'smtps':
      return ['smtp_tls_wrappermode=yes', 'smtp_tls_security_level=encrypt'];
  }
}

/** One master.cf line: chroot is always off (the lab's paths live outside the queue directory). */
const service = (name: string, type: string, priv: string, cmd: string, opts: string[] = [], wakeup = '-', maxproc = '-') =>
  [`${name.padEnd(18)} ${type.padEnd(10)} ${priv} - n ${wakeup} ${maxproc} ${cmd}`, ...opts.map((o) => `  -o ${o}`)].join('\n');

export const postfix: MtaServer = {
  id: ID,
  listeners: LISTENS,
  clientModes: MODES,
  canInject: true,

  async configure(lab, routes) {
    const conf = confDir(lab);
    for (const d of [conf, join(dir(lab), 'queue'), join(dir(lab), 'data'), join(dir(lab), 'log'), join(dir(lab), 'mail')]) {
      mkdirSync(d, { recursive: true });
    }
    chmodSync(join(dir(lab), 'mail'), 0o1777);
    run('chown', ['postfix:postfix', join(dir(lab), 'data')]);
    const cert = lab.pki.server(ID);
    const transports: string[] = [];
    for (const [domain, r] of routes) transports.push(`${domain}\t${transportFor(r)}`);
    writeFileSync(join(conf, 'transport'), `${transports.join('\n')}\n`);
    const saslTargets = new Set<string>();
    for (const r of routes.values()) if (r.kind === 'relay') saslTargets.add(`[${r.ip}]:${r.port}`);
    writeFileSync(join(conf, 'sasl_passwd'), [...saslTargets].map((t) => `${t}\t${LAB_USER.name}:${LAB_USER.password}\n`).join(''));
    // Cyrus SASL (sasldb with alice) for AUTH, at Debian's default paths inside the namespace's own /etc.
    const etc = join(dir(lab), 'ns', 'etc-upper');
    mkdirSync(join(etc, 'postfix', 'sasl'), { recursive: true });
    writeFileSync(join(etc, 'postfix', 'sasl', 'smtpd.conf'), 'pwcheck_method: auxprop\nauxprop_plugin: sasldb\nmech_list: PLAIN LOGIN\n');
    run('saslpasswd2', ['-p', '-c', '-f', join(etc, 'sasldb2'), '-u', HOST, LAB_USER.name], { input: LAB_USER.password });
    chmodSync(join(etc, 'sasldb2'), 0o644);
    const main = {
      compatibility_level: '3.6',
      queue_directory: join(dir(lab), 'queue'),
      data_directory: join(dir(lab), 'data'),
      mail_owner: 'postfix',
      setgid_group: 'postdrop',
      myhostname: HOST,
      mydomain: 'postfix-lab.test',
      myorigin: '$myhostname',
      mydestination: '',
      inet_interfaces: 'loopback-only',
      inet_protocols: 'ipv4',
      mynetworks: '127.0.0.0/8',
      smtpd_relay_restrictions: 'permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination',
      local_transport: 'error:no local delivery in the lab',
      alias_maps: '',
      alias_database: '',
      local_recipient_maps: '',
      transport_maps: `texthash:${join(conf, 'transport')}`,
      maillog_file: maillog(lab),
      maillog_file_prefixes: lab.dir,
      smtp_dns_support_level: 'disabled',
      smtp_host_lookup: 'native',
      lmtp_host_lookup: 'native',
      smtp_bind_address: SRC,
      lmtp_bind_address: SRC,
      smtp_helo_name: HOST,
      lmtp_lhlo_name: HOST,
      smtpd_tls_chain_files: `${cert.key},${cert.cert}`,
      smtpd_tls_CAfile: lab.pki.caCert,
      smtpd_tls_security_level: 'may',
      smtpd_tls_received_header: 'yes',
      smtpd_tls_loglevel: '1',
      smtpd_tls_dh1024_param_file: lab.pki.dhParams,
      smtp_tls_security_level: 'may',
      smtp_tls_loglevel: '1',
      smtpd_sasl_type: 'cyrus',
      smtpd_sasl_path: 'smtpd',
      smtpd_sasl_local_domain: HOST,
      smtp_sasl_mechanism_filter: 'plain',
      minimal_backoff_time: '2s',
      maximal_backoff_time: '4s',
      queue_run_delay: '2s',
      smtp_connect_timeout: '5s',
      smtpd_client_connection_rate_limit: '0',
      biff: 'no',
      smtputf8_enable: 'no',
    };
    writeFileSync(join(conf, 'main.cf'), `${Object.entries(main).map(([k, v]) => `${k} = ${v}`).join('\n')}\n`);
    const master = [
      ...LISTENS.map((l) => service(`127.0.1.${LISTENERS[l].suffix}:${LISTENERS[l].port}`, 'inet', 'n', 'smtpd', [`syslog_name=postfix/${l}`, ...listenerOptions(l)])),
      service('pickup', 'unix', 'n', 'pickup', [], '1', '1'),
      service('cleanup', 'unix', 'n', 'cleanup', [], '-', '0'),
      service('qmgr', 'unix', 'n', 'qmgr', [], '300', '1'),
      service('tlsmgr', 'unix', '-', 'tlsmgr', [], '1000?', '1'),
      service('rewrite', 'unix', '-', 'trivial-rewrite'),
      service('bounce', 'unix', '-', 'bounce', [], '-', '0'),
      service('defer', 'unix', '-', 'bounce', [], '-', '0'),
      service('trace', 'unix', '-', 'bounce', [], '-', '0'),
      service('verify', 'unix', '-', 'verify', [], '-', '1'),
      service('flush', 'unix', 'n', 'flush'),
      service('proxymap', 'unix', '-', 'proxymap'),
      service('showq', 'unix', 'n', 'showq'),
      service('error', 'unix', '-', 'error'),
      service('retry', 'unix', '-', 'error'),
      service('discard', 'unix', '-', 'discard'),
      service('anvil', 'unix', '-', 'anvil', [], '-', '1'),
      service('scache', 'unix', '-', 'scache', [], '-', '1'),
      service('postlog', 'unix-dgram', 'n', 'postlogd', [], '-', '1'),
      service('smtp', 'unix', '-', 'smtp'),
      service('lmtp', 'unix', '-', 'lmtp'),
      ...MODES.filter((m) => m !== 'smtp' && m !== 'lmtp').map((m) => service(`lab-${m}`, 'unix', '-', 'smtp', modeOptions(lab, m))),
      `labfile            unix      - n n - - pipe\n  flags=R user=nobody argv=/usr/bin/tee ${join(dir(lab), 'mail')}/\${domain}`,
    ];
    writeFileSync(join(conf, 'master.cf'), `${master.join('\n')}\n`);
  },

  async start(lab) {
    const script = writeNamespaceScript({
      name: ID,
      hostname: HOST,
      dir: join(dir(lab), 'ns'),
      setup: `postfix -c ${confDir(lab)} check`,
      argv: ['postfix', '-c', confDir(lab), 'start-fg'],
    });
    daemon = startInNamespace('postfix', script, join(dir(lab), 'log', 'stdout.log'));
    const d = daemon;
    await Promise.all(LISTENS.map((l) => waitForPort(`127.0.1.${LISTENERS[l].suffix}`, LISTENERS[l].port, 20_000, d)));
  },

  async inject(lab, envelopeFrom, rcpt, message) {
    if (!daemon) throw new Error('postfix not started');
    const r = nsExec(daemon, ['/usr/sbin/sendmail', '-C', confDir(lab), '-f', envelopeFrom, rcpt], message);
    if (r.status !== 0) throw new Error(`postfix sendmail failed: ${r.out}`);
  },

  delivered(lab, domain) {
    const f = join(dir(lab), 'mail', domain);
    return existsSync(f) ? readFileSync(f, 'utf8') : null;
  },

  truth(lab, domain) {
    return truthFromLog(existsSync(maillog(lab)) ? readFileSync(maillog(lab), 'utf8') : '', domain);
  },

  headerShows(listener) {
    // smtpd_tls_received_header=yes: "(using TLSv1.3 with cipher ... key-exchange X25519 ...)" and the
    // client-certificate clause; the tlsquiet listener (the Postfix default, =no) writes only "with ESMTPS".
    const detail = listener !== 'tlsquiet' && listener !== 'local';
    return { version: detail, forwardSecrecy: detail, clientCert: detail };
  },

  version() {
    return spawnSync('postconf', ['-dh', 'mail_version'], { encoding: 'utf8' }).stdout.trim();
  },
};

function transportFor(r: Route): string {
  if (r.kind === 'deliver') return 'labfile:';
  if (r.mode === 'lmtp') return `lmtp:inet:[${r.ip}]:${r.port}`;
  const t = r.mode === 'smtp' ? 'smtp' : `lab-${r.mode}`;
  return `${t}:[${r.ip}]:${r.port}`;
}

/** Reads the session that received the message for `domain` from a Postfix maillog. */
export function truthFromLog(log: string, domain: string): SessionTruth | null {
  const lines = log.split('\n');
  // queue id of the message delivered to or relayed for u@domain
  const rcpt = `to=<u@${domain}>`;
  const toLine = lines.find((l) => l.includes(rcpt));
  const qid = toLine?.match(/\]: ([0-9A-F]{6,}): to=/)?.[1];
  if (!qid) return null;
  const pickup = lines.find((l) => l.includes(`/pickup[`) && l.includes(`${qid}: uid=`));
  if (pickup) {
    return { transport: 'internal', tlsVersion: null, cipher: null, forwardSecrecy: null, authenticated: false, clientCert: null, evidence: [pickup, toLine ?? ''] };
  }
  const clientIdx = lines.findIndex((l) => l.includes(`: ${qid}: client=`));
  if (clientIdx < 0) return null;
  const clientLine = lines[clientIdx] ?? '';
  const pid = clientLine.match(/smtpd\[(\d+)\]/)?.[1];
  // The TLS line of the same smtpd process, after its last "connect from" before the client= line.
  let tls: string | undefined;
  for (let i = clientIdx - 1; i >= 0; i--) {
    const l = lines[i] ?? '';
    if (!l.includes(`smtpd[${pid}]:`)) continue;
    if (l.includes('TLS connection established from')) tls = l;
    if (/: connect from /.test(l)) break;
  }
  const authenticated = /sasl_username=/.test(clientLine);
  const evidence = [tls, clientLine, toLine].filter((l): l is string => !!l);
  if (!tls) return { transport: 'plaintext', tlsVersion: null, cipher: null, forwardSecrecy: null, authenticated, clientCert: null, evidence };
  const m = tls.match(/(Anonymous|Untrusted|Trusted|Verified) TLS connection established from \S+: (TLSv[\d.]+) with cipher (\S+)/);
  const version = m?.[2]?.replace('TLSv', 'TLS') ?? null;
  const cipher = m?.[3] ?? null;
  // TLS 1.3 is always (EC)DHE; a TLS 1.2 suite is forward secret when its OpenSSL name starts ECDHE- or DHE-.
  const fs = forwardSecretSession(version, cipher);
  const kind = m?.[1];
  // Each listener logs as postfix/<listener>; only askcert asks for a client certificate.
  const asked = clientLine.includes('postfix/askcert/');
  const clientCert = !asked ? 'not-requested' : kind === 'Anonymous' ? 'absent' : kind === 'Untrusted' ? 'unverified' : 'verified';
  return { transport: 'encrypted', tlsVersion: version, cipher, forwardSecrecy: fs, authenticated, clientCert, evidence };
}
