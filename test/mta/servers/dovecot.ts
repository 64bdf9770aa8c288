// Dovecot 2.3 (apt-installed) as an LMTP server only: 127.0.6.1:24, no TLS, no IMAP/POP3, every
// u@<domain> accepted (static userdb) and stored in the Maildir ${lab.dir}/dc/mail/<domain>/.
// The relays reach it in ClientMode 'lmtp'; truth is read from Dovecot's own log (Connect from <ip>,
// then "saved mail to INBOX" for u@<domain> in the same lmtp process).
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeNamespaceScript } from '../lab/ns.js';
import { startInNamespace } from '../lab/proc.js';
import { waitForPort } from '../lab/net.js';
import { SERVERS } from '../lab/topology.js';
import type { Lab, MtaServer, SessionTruth } from '../lab/types.js';
import { readMaildirMessage } from '../lab/logs.js';

const ID = 'dc';
const HOST = SERVERS.dc.host;
const IP = `127.0.${SERVERS.dc.block}.1`;
const PORT = 24;
/** The user every mailbox belongs to (added to the namespace's /etc/passwd). */
const MAIL_UID = 60601;

const dirOf = (lab: Lab) => join(lab.dir, ID);
const logOf = (lab: Lab) => join(dirOf(lab), 'dovecot.log');
let cachedVersion: string | null = null;

function config(lab: Lab): string {
  const d = dirOf(lab);
  return `# Hoplock MTA lab: Dovecot LMTP only
protocols = lmtp
listen = ${IP}
hostname = ${HOST}
base_dir = ${d}/run
state_dir = ${d}/state
log_path = ${logOf(lab)}
info_log_path = ${logOf(lab)}
log_timestamp = "%Y-%m-%d %H:%M:%S "
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain
first_valid_uid = ${MAIL_UID}
last_valid_uid = ${MAIL_UID}
mail_location = maildir:${d}/mail/%d:LAYOUT=fs
lmtp_save_to_detail_mailbox = no
lmtp_add_received_header = yes
recipient_delimiter =
passdb {
  driver = static
  args = nopassword=y
}
userdb {
  driver = static
  args = uid=${MAIL_UID} gid=${MAIL_UID} home=${d}/home/%d allow_all_users=yes
}
service lmtp {
  inet_listener lmtp {
    address = ${IP}
    port = ${PORT}
  }
  unix_listener lmtp {
    mode = 0600
  }
}
# No network listener anywhere else: auth, doveadm and stats keep their unix sockets under base_dir.
service doveadm {
  inet_listener {
    port = 0
  }
}
`;
}

function mailDir(lab: Lab, domain: string): string {
  return join(dirOf(lab), 'mail', domain);
}

export const dovecot: MtaServer = {
  id: ID,
  listeners: [],
  clientModes: [],
  canInject: false,

  async configure(lab) {
    const d = dirOf(lab);
    for (const sub of ['run', 'state', 'mail', 'home', 'ns']) mkdirSync(join(d, sub), { recursive: true });
    for (const sub of ['mail', 'home']) chownSync(join(d, sub), MAIL_UID, MAIL_UID);
    writeFileSync(join(d, 'dovecot.conf'), config(lab));
    writeFileSync(logOf(lab), '');
  },

  async start(lab) {
    const d = dirOf(lab);
    const script = writeNamespaceScript({
      name: ID,
      hostname: HOST,
      dir: join(d, 'ns'),
      passwd: [`labmail:x:${MAIL_UID}:${MAIL_UID}:lab mail:${d}/home:/usr/sbin/nologin`],
      group: [`labmail:x:${MAIL_UID}:`],
      argv: ['/usr/sbin/dovecot', '-F', '-c', join(d, 'dovecot.conf')],
    });
    startInNamespace('dovecot', script, join(d, 'stdout.log'));
    await waitForPort(IP, PORT);
  },

  delivered(lab, domain) {
    return readMaildirMessage(mailDir(lab, domain));
  },

  truth(lab, domain): SessionTruth | null {
    if (!existsSync(logOf(lab))) return null;
    const lines = readFileSync(logOf(lab), 'utf8').split('\n');
    // lmtp(u@t35.lab.test)<7><tqhWIEcTC2uTeAAAPQSyLA>: Info: msgid=<...>: saved mail to INBOX
    const rcpt = `u@${domain}`.toLowerCase();
    const saved = lines.findIndex((l) => {
      const m = /\blmtp\(([^)]*)\)<(\d+)><[^>]*>: .*saved mail to /.exec(l);
      return m !== null && (m[1] ?? '').toLowerCase() === rcpt;
    });
    if (saved < 0) return null;
    const savedLine = lines[saved] as string;
    const pid = /\blmtp\([^)]*\)<(\d+)>/.exec(savedLine)?.[1];
    // The session: the last "lmtp(<pid>): Info: Connect from <ip>" of that process before the delivery.
    let connect: string | null = null;
    for (let i = saved - 1; i >= 0; i--) {
      const l = lines[i] as string;
      if (new RegExp(`\\blmtp\\(${pid}\\): (Info: )?Connect from `).test(l)) {
        connect = l;
        break;
      }
    }
    if (connect === null) return null;
    return {
      transport: 'internal',
      tlsVersion: null,
      cipher: null,
      forwardSecrecy: null,
      authenticated: false,
      clientCert: null,
      evidence: [connect, savedLine],
    };
  },

  headerShows() {
    return { version: false, forwardSecrecy: false, clientCert: false };
  },

  version() {
    // `dovecot --version` prints "2.3.19.1 (9b53102964)"; run once.
    cachedVersion ??= spawnSync('/usr/sbin/dovecot', ['--version'], { encoding: 'utf8', timeout: 10_000 }).stdout?.trim() || 'unknown';
    return cachedVersion;
  },
};
