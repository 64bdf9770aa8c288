// The submitting client: swaks from 127.0.9.1 (client.swaks-lab.test).
import { spawnSync } from 'node:child_process';
import type { SwaksStart } from './scenarios.js';
import { CLIENT, LAB_USER, listenerAddress } from './topology.js';
import type { Lab } from './types.js';

export function labMessage(id: string, rcpt: string, sender: string): string {
  return [
    `From: Lab Sender <${sender}>`,
    `To: <${rcpt}>`,
    `Subject: Hoplock MTA lab ${id}`,
    `Date: ${new Date().toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${id}.${Date.now()}@${CLIENT.host}>`,
    '',
    `Lab message ${id}.`,
    '',
  ].join('\r\n');
}

export function swaksSend(lab: Lab, s: SwaksStart, id: string, rcpt: string, sender: string): { ok: boolean; transcript: string } {
  const { ip, port } = listenerAddress(s.to, s.listener);
  const args = [
    '--server', ip, '--port', String(port), '--local-interface', CLIENT.ip, '--helo', CLIENT.host,
    '--from', sender, '--to', rcpt, '--data', '-', '--timeout', '20', '--hide-informational',
  ];
  if (s.tls === 'starttls') args.push('--tls');
  if (s.tls === 'smtps') args.push('--tlsc');
  if (s.auth) args.push('--auth', 'PLAIN', '--auth-user', LAB_USER.name, '--auth-password', LAB_USER.password);
  if (s.cert) {
    const c = s.cert === 'client' ? lab.pki.client : lab.pki.rogue;
    args.push('--tls-cert', c.cert, '--tls-key', c.key);
  }
  const r = spawnSync('swaks', args, { input: labMessage(id, rcpt, sender), encoding: 'utf8', timeout: 40_000 });
  return { ok: r.status === 0, transcript: `swaks ${args.join(' ')}\n${r.stdout ?? ''}${r.stderr ?? ''}` };
}
