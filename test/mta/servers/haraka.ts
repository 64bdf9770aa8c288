// Haraka 3.3.4 (npm, test/mta/haraka), run by the lab's own Node (process.execPath) as `haraka -c <root>`
// where <root> = ${lab.dir}/hk holds config/ (a copy of Haraka's stock config/, then the lab's files),
// plugins/ (the lab plugins from servers/haraka/), queue/ (outbound queue), mail/ (delivered messages)
// and haraka.log (Haraka logs to stdout in the foreground).
//
// One Haraka process serves every listener. Haraka's TLS settings (tls.ini) are global; the lab_listener
// plugin gives .2/.3/.4/.6 their own TLS context per connection and hides STARTTLS on .5. Relays go through
// Haraka's own outbound queue (get_mx from the lab_route plugin, bind 127.0.5.1, HELO mx.haraka-lab.test);
// final delivery is lab_route's queue hook writing mail/<domain>.eml.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HARAKA_DIR } from '../lab/install.js';
import { waitForPort } from '../lab/net.js';
import { writeNamespaceScript } from '../lab/ns.js';
import { startInNamespace } from '../lab/proc.js';
import { type ClientMode, LAB_USER, type Listener, type Route, SERVERS, listenerAddress } from '../lab/topology.js';
import type { Lab, MtaServer, SessionTruth } from '../lab/types.js';
import { forwardSecretSession } from '../lab/logs.js';

const ID = 'hk' as const;
const HOST = SERVERS[ID].host;
const BLOCK = SERVERS[ID].block;
const HARAKA_PKG = join(HARAKA_DIR, 'node_modules', 'Haraka');
const HARAKA_BIN = join(HARAKA_PKG, 'bin', 'haraka');
const PLUGIN_SRC = join(dirname(fileURLToPath(import.meta.url)), 'haraka');

const LISTENERS: Listener[] = ['tls', 'ecdhe12', 'dhe12', 'rsa12', 'notls', 'askcert', 'smtps', 'submission'];
const CLIENT_MODES: ClientMode[] = ['smtp', 'notls', 'e12', 'd12', 'r12', 'ccert', 'rogue', 'auth', 'authplain', 'smtps', 'lmtp'];

// OpenSSL cipher lists (TLS 1.2 only), for both the listeners and the client modes.
const ECDHE12 = 'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-CHACHA20-POLY1305:ECDHE-RSA-AES256-SHA384:ECDHE-RSA-AES128-SHA256';
const DHE12 = 'DHE-RSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:DHE-RSA-CHACHA20-POLY1305:DHE-RSA-AES256-SHA256:DHE-RSA-AES128-SHA256';
const RSA12 = 'AES256-GCM-SHA384:AES128-GCM-SHA256:AES256-SHA256:AES128-SHA256';
const tls12 = (ciphers: string) => ({ minVersion: 'TLSv1.2', maxVersion: 'TLSv1.2', ciphers });

const root = (lab: Lab) => join(lab.dir, ID);
const logPath = (lab: Lab) => join(root(lab), 'haraka.log');
const ip = (l: Listener) => listenerAddress(ID, l).ip;

let versionCache: string | null = null;

function ini(sections: Record<string, Record<string, string | string[]>>): string {
  const out: string[] = [];
  for (const [name, kv] of Object.entries(sections)) {
    if (name !== '') out.push(`[${name}]`);
    for (const [k, v] of Object.entries(kv)) {
      for (const one of Array.isArray(v) ? v : [v]) out.push(`${k}${Array.isArray(v) ? '[]' : ''}=${one}`);
    }
    out.push('');
  }
  return out.join('\n');
}

export const haraka: MtaServer = {
  id: ID,
  listeners: LISTENERS,
  clientModes: CLIENT_MODES,
  canInject: false,
  relayNote: 'outbound.ini received_header, default "Haraka outbound"',

  async configure(lab: Lab, routes: Map<string, Route>): Promise<void> {
    const dir = root(lab);
    rmSync(dir, { recursive: true, force: true });
    const conf = join(dir, 'config');
    // the stock config/ first: connection.ini and friends carry defaults Haraka needs
    cpSync(join(HARAKA_PKG, 'config'), conf, { recursive: true });
    for (const d of ['plugins', 'mail', 'queue', 'ns']) mkdirSync(join(dir, d), { recursive: true });
    for (const f of ['lab_listener.js', 'lab_route.js']) copyFileSync(join(PLUGIN_SRC, f), join(dir, 'plugins', f));

    const pki = lab.pki.server(ID);
    copyFileSync(pki.chain, join(conf, 'tls_cert.pem'));
    copyFileSync(pki.key, join(conf, 'tls_key.pem'));
    copyFileSync(lab.pki.dhParams, join(conf, 'dhparams.pem'));

    writeFileSync(join(conf, 'me'), `${HOST}\n`);
    writeFileSync(join(conf, 'plugins'), ['lab_listener', 'tls', 'auth/flat_file', 'lab_route', ''].join('\n'));
    const listen = LISTENERS.map((l) => {
      const a = listenerAddress(ID, l);
      return `${a.ip}:${a.port}`;
    }).join(',');
    writeFileSync(join(conf, 'smtp.ini'), ini({ main: { listen, smtps_port: '465', inactivity_timeout: '60' } }));
    writeFileSync(join(conf, 'log.ini'), ini({ main: { level: 'info', timestamps: 'true', format: 'default' } }));

    // Client modes that must never STARTTLS: Haraka's outbound matches no_tls_hosts against the domain too.
    const noTls = [...routes].filter(([, r]) => r.kind === 'relay' && (r.mode === 'notls' || r.mode === 'authplain')).map(([d]) => d);
    writeFileSync(
      join(conf, 'tls.ini'),
      ini({
        // requestCert=true is Haraka's stock default: every TLS listener asks for a client certificate
        // (without a CA to verify it against, except on askcert).
        main: { key: 'tls_key.pem', cert: 'tls_cert.pem', dhparam: 'dhparams.pem', requestCert: 'true' },
        ...(noTls.length > 0 ? { outbound: { no_tls_hosts: noTls } } : {}),
      }),
    );
    writeFileSync(
      join(conf, 'outbound.ini'),
      ini({ '': { enable_tls: 'true', temp_fail_intervals: '5s*24', connect_timeout: '10', local_mx_ok: 'true' } }),
    );
    writeFileSync(
      join(conf, 'auth_flat_file.ini'),
      ini({ core: { methods: 'PLAIN,LOGIN', constrain_sender: 'false' }, users: { [LAB_USER.name]: LAB_USER.password } }),
    );
    writeFileSync(
      join(conf, 'lab_listener.json'),
      JSON.stringify(
        {
          [ip('ecdhe12')]: { tls: tls12(ECDHE12) },
          [ip('dhe12')]: { tls: tls12(DHE12) },
          [ip('rsa12')]: { tls: tls12(RSA12) },
          [ip('notls')]: { nostarttls: true },
          [ip('askcert')]: { tls: {}, requestCert: true, verify: true, ca: lab.pki.caCert },
        },
        null,
        2,
      ),
    );
    writeFileSync(
      join(conf, 'lab_route.json'),
      JSON.stringify(
        {
          mail_dir: join(dir, 'mail'),
          bind: `127.0.${BLOCK}.1`,
          helo: HOST,
          user: LAB_USER.name,
          pass: LAB_USER.password,
          routes: Object.fromEntries(
            [...routes].map(([d, r]) => [d.toLowerCase(), r.kind === 'deliver' ? { kind: 'deliver' } : { kind: 'relay', ip: r.ip, port: r.port, mode: r.mode }]),
          ),
          modes: {
            e12: tls12(ECDHE12),
            d12: tls12(DHE12),
            r12: tls12(RSA12),
            ccert: { key: lab.pki.client.key, cert: lab.pki.client.cert },
            rogue: { key: lab.pki.rogue.key, cert: lab.pki.rogue.cert },
          },
        },
        null,
        2,
      ),
    );
  },

  async start(lab: Lab): Promise<void> {
    const dir = root(lab);
    const script = writeNamespaceScript({
      name: ID,
      hostname: HOST,
      dir: join(dir, 'ns'),
      env: { NODE_ENV: 'production' },
      argv: [process.execPath, HARAKA_BIN, '-c', dir],
    });
    startInNamespace(ID, script, logPath(lab));
    await Promise.all(
      LISTENERS.map((l) => {
        const a = listenerAddress(ID, l);
        return waitForPort(a.ip, a.port);
      }),
    );
  },

  delivered(lab: Lab, domain: string): string | null {
    const f = join(root(lab), 'mail', `${domain.toLowerCase()}.eml`);
    return existsSync(f) ? readFileSync(f, 'utf8') : null;
  },

  truth(lab: Lab, domain: string): SessionTruth | null {
    return harakaTruth(readLog(lab), domain);
  },

  // Haraka writes `with ESMTPS` and `tls <standard cipher name>`: no protocol version and no client
  // certificate; forward secrecy follows from the suite name (TLS 1.3 suites, ECDHE/DHE, or TLS_RSA_).
  headerShows: () => ({ version: false, forwardSecrecy: true, clientCert: false }),

  version(): string {
    if (versionCache) return versionCache;
    const r = spawnSync(process.execPath, [HARAKA_BIN, '-v'], { encoding: 'utf8', timeout: 20_000 });
    // "Haraka.js — Version: 3.3.4" (the name in ANSI colours)
    const m = /Version:\s*([\d.]+)/.exec(`${r.stdout ?? ''}`);
    versionCache = m?.[1] ?? 'unknown';
    return versionCache;
  },
};

function readLog(lab: Lab): string[] {
  const f = logPath(lab);
  return existsSync(f) ? readFileSync(f, 'utf8').split('\n') : [];
}

const normVersion = (v: string) => v.replace(/^TLSv/, 'TLS');
const reEscape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The session that received u@<domain>: the core's `recipient <u@domain> code=OK` line carries the
 * transaction id <connection uuid>.<n>; every line of that connection carries [<connection uuid>...].
 * TLS: the tls plugin's `secured: cipher=<OpenSSL name> version=TLSv1.x verified=...` (STARTTLS) or
 * lab_listener's `smtps secured: ...` (implicit TLS, where Haraka logs nothing itself). AUTH: lab_listener's
 * `auth: pass=...` line (auth_base's result for the connection, logged at MAIL).
 */
export function harakaTruth(lines: string[], domain: string): SessionTruth | null {
  const rcptRe = new RegExp(`\\[(([0-9A-F-]{36})\\.\\d+)\\] \\[core\\] recipient <u@${reEscape(domain)}> code=OK`, 'i');
  let conn: string | null = null;
  let txn = '';
  let rcptLine = '';
  for (const l of lines) {
    const m = rcptRe.exec(l);
    if (m?.[1] && m[2]) {
      txn = m[1];
      conn = m[2];
      rcptLine = l;
    }
  }
  if (!conn) return null;
  const mine = lines.filter((l) => l.includes(`[${conn}]`) || l.includes(`[${conn}.`));
  const connect = mine.find((l) => / \[core\] connect ip=/.test(l));
  const secured = mine.find((l) => / \[(tls|lab_listener)\] (smtps )?secured: /.test(l));
  const auth = mine.find((l) => l.includes(`[${txn}] [lab_listener] auth: `));
  const disconnect = mine.find((l) => / \[core\] disconnect ip=/.test(l));
  const evidence = [connect, secured, auth, rcptLine, disconnect].filter((l): l is string => !!l).map((l) => l.trim());
  const authenticated = !!auth && / auth: pass=/.test(auth);
  if (!secured) {
    return { transport: 'plaintext', tlsVersion: null, cipher: null, forwardSecrecy: null, authenticated, clientCert: null, evidence };
  }
  const cipher = / cipher=(\S+)/.exec(secured)?.[1] ?? null;
  const version = / version=(TLSv[\d.]+)/.exec(secured)?.[1] ?? null;
  const tlsVersion = version ? normVersion(version) : null;
  const forwardSecrecy = tlsVersion === null && cipher === null ? null : forwardSecretSession(tlsVersion, cipher);
  // Haraka requests a client certificate on every TLS listener (tls.ini requestCert defaults to true).
  const clientCert = / verified=true/.test(secured) ? 'verified' : / cn="/.test(secured) ? 'unverified' : 'absent';
  return { transport: 'encrypted', tlsVersion, cipher, forwardSecrecy, authenticated, clientCert, evidence };
}
