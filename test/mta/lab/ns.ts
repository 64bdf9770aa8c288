// The shell script each server's namespace runs before exec'ing the server: its hostname, an /etc of its
// own (lab hosts file, lab users, a resolver that refuses at once so no lookup waits for a timeout), and
// overlays that put an extracted package's files where its binary expects them (/usr/sbin/smtpd,
// /var/spool/smtpd...) without touching the machine's own tree.
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LAB_HOSTS } from './topology.js';

export interface NamespaceSpec {
  name: string;
  hostname: string;
  /** Directory for this namespace's overlay layers and script. */
  dir: string;
  /**
   * Overlays on existing system directories: `from` layers (an extracted package's `usr/sbin`) go above
   * the machine's own; `writable` keeps writes in the namespace's directory (never on the machine).
   */
  overlays?: { target: string; from?: string[]; writable?: boolean }[];
  /** Lines appended to /etc/passwd and /etc/group inside the namespace. */
  passwd?: string[];
  group?: string[];
  /** Extra shell run after mounts, before exec. */
  setup?: string;
  env?: Record<string, string>;
  argv: string[];
}

const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export function writeNamespaceScript(spec: NamespaceSpec): string {
  const etcUpper = join(spec.dir, 'etc-upper');
  const etcWork = join(spec.dir, 'etc-work');
  mkdirSync(etcUpper, { recursive: true });
  mkdirSync(etcWork, { recursive: true });
  // /etc/hosts and /etc/resolv.conf may be bind mounts that an overlay on /etc would hide: write ours.
  const hosts = ['127.0.0.1\tlocalhost', ...LAB_HOSTS.map(([ip, name]) => `${ip}\t${name}`)].join('\n');
  writeFileSync(join(etcUpper, 'hosts'), `${hosts}\n`);
  writeFileSync(join(etcUpper, 'resolv.conf'), 'nameserver 127.0.0.1\noptions timeout:1 attempts:1\n');
  writeFileSync(join(etcUpper, 'hostname'), `${spec.hostname}\n`);
  for (const f of ['passwd', 'group', 'shadow']) {
    if (existsSync(`/etc/${f}`)) copyFileSync(`/etc/${f}`, join(etcUpper, f));
  }
  const lines = ['set -e', `hostname ${q(spec.hostname)}`];
  lines.push(`mount -t overlay overlay -o lowerdir=/etc,upperdir=${q(etcUpper)},workdir=${q(etcWork)} /etc`);
  for (const l of spec.passwd ?? []) lines.push(`echo ${q(l)} >> /etc/passwd`);
  for (const l of spec.group ?? []) lines.push(`echo ${q(l)} >> /etc/group`);
  for (const o of spec.overlays ?? []) {
    const lower = [...(o.from ?? []), o.target].join(':');
    let opts = `lowerdir=${lower}`;
    if (o.writable) {
      const base = join(spec.dir, `ov${o.target.replace(/\//g, '_')}`);
      mkdirSync(`${base}-upper`, { recursive: true });
      mkdirSync(`${base}-work`, { recursive: true });
      opts += `,upperdir=${base}-upper,workdir=${base}-work`;
    }
    lines.push(`mount -t overlay overlay -o ${q(opts)} ${q(o.target)}`);
  }
  if (spec.setup) lines.push(spec.setup);
  for (const [k, v] of Object.entries(spec.env ?? {})) lines.push(`export ${k}=${q(v)}`);
  // Not exec: the shell stays PID 1. The kernel drops the parent-death signal of a process that runs a
  // setuid binary or changes uid (Exim, Postfix do), so the server itself must not be the namespace's init.
  lines.push(`${spec.argv.map(q).join(' ')}; exit $?`);
  const script = join(spec.dir, 'ns.sh');
  writeFileSync(script, `${lines.join('\n')}\n`);
  return script;
}
