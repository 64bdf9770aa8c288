// The chains the lab sends. Each test has its own recipient domain (u@tNN.lab.test), which is how every
// server routes it and how its log lines are found again. A server appears at most once per chain.
// `intent` is what the lab meant each hop to be; the truth compared with Hoplock comes from the receiving
// server's log, and a log that disagrees with the intent is reported as a lab fault, not a Hoplock one.
import type { ClientMode, Listener, ServerId } from './topology.js';

export interface SwaksStart {
  kind: 'swaks';
  to: ServerId;
  listener: Listener;
  tls: 'starttls' | 'none' | 'smtps';
  auth?: boolean;
  cert?: 'client' | 'rogue';
}

export interface InjectStart {
  kind: 'inject';
  at: ServerId;
}

export interface Relay {
  to: ServerId;
  /** Listener on the receiving server (Dovecot: always its LMTP socket). */
  listener: Listener | 'lmtp';
  mode: ClientMode;
}

export type Intent = 'encrypted' | 'plaintext' | 'internal';

export interface Scenario {
  id: string;
  title: string;
  start: SwaksStart | InjectStart;
  relays: Relay[];
  /** One per hop, in transit order (first receiving server first). */
  intent: Intent[];
}

const E: Intent = 'encrypted';
const P: Intent = 'plaintext';
const I: Intent = 'internal';

const swaks = (to: ServerId, listener: Listener, tls: SwaksStart['tls'], extra: Partial<SwaksStart> = {}): SwaksStart => ({
  kind: 'swaks',
  to,
  listener,
  tls,
  ...extra,
});
const r = (to: ServerId, listener: Relay['listener'], mode: ClientMode = 'smtp'): Relay => ({ to, listener, mode });

export const SCENARIOS: Scenario[] = [
  // TLS 1.3 between every ordered pair of the four TLS-capable servers.
  { id: 't01', title: 'TLS 1.3: pf > ex > sm > hk', start: swaks('pf', 'tls', 'starttls'), relays: [r('ex', 'tls'), r('sm', 'tls'), r('hk', 'tls')], intent: [E, E, E, E] },
  { id: 't02', title: 'TLS 1.3: hk > sm > ex > pf', start: swaks('hk', 'tls', 'starttls'), relays: [r('sm', 'tls'), r('ex', 'tls'), r('pf', 'tls')], intent: [E, E, E, E] },
  { id: 't03', title: 'TLS 1.3: ex > hk > pf > sm', start: swaks('ex', 'tls', 'starttls'), relays: [r('hk', 'tls'), r('pf', 'tls'), r('sm', 'tls')], intent: [E, E, E, E] },
  { id: 't04', title: 'TLS 1.3: sm > pf > hk > ex', start: swaks('sm', 'tls', 'starttls'), relays: [r('pf', 'tls'), r('hk', 'tls'), r('ex', 'tls')], intent: [E, E, E, E] },
  // OpenSMTPD receives in plaintext only (its server TLS is broken with OpenSSL 3 in Debian 12) but is a TLS client.
  { id: 't05', title: 'OpenSMTPD client TLS into Postfix that writes no TLS detail', start: swaks('os', 'notls', 'none'), relays: [r('pf', 'tlsquiet')], intent: [P, E] },
  { id: 't06', title: 'no STARTTLS offered anywhere', start: swaks('pf', 'notls', 'none'), relays: [r('ex', 'notls'), r('sm', 'notls'), r('hk', 'notls'), r('os', 'notls')], intent: [P, P, P, P, P] },
  // The client declines STARTTLS although it is offered.
  { id: 't07', title: 'clients decline STARTTLS', start: swaks('pf', 'tls', 'none'), relays: [r('ex', 'tls', 'notls'), r('hk', 'tls', 'notls'), r('sm', 'tls', 'notls')], intent: [P, P, P, P] },
  { id: 't08', title: 'Sendmail and Haraka decline STARTTLS', start: swaks('sm', 'tls', 'none'), relays: [r('pf', 'tls', 'notls')], intent: [P, P] },
  { id: 't09', title: 'Postfix falls back to plaintext after a failed handshake', start: swaks('hk', 'tls', 'starttls'), relays: [r('pf', 'tls', 'smtp'), r('ex', 'dhe12', 'r12')], intent: [E, E, P] },
  { id: 't10', title: 'local injection at OpenSMTPD, TLS 1.3 onward', start: { kind: 'inject', at: 'os' }, relays: [r('ex', 'tls')], intent: [I, E] },
  { id: 't11', title: 'OpenSMTPD client TLS into Haraka', start: swaks('os', 'notls', 'none'), relays: [r('hk', 'tls')], intent: [P, E] },
  // TLS 1.2 restricted by the server.
  { id: 't12', title: 'server TLS 1.2: ECDHE pf, DHE ex, RSA hk', start: swaks('pf', 'ecdhe12', 'starttls'), relays: [r('ex', 'dhe12'), r('hk', 'rsa12')], intent: [E, E, E] },
  { id: 't13', title: 'server TLS 1.2: ECDHE ex, DHE hk, RSA pf', start: swaks('ex', 'ecdhe12', 'starttls'), relays: [r('hk', 'dhe12'), r('pf', 'rsa12')], intent: [E, E, E] },
  { id: 't14', title: 'server TLS 1.2: ECDHE hk, DHE pf, RSA ex', start: swaks('hk', 'ecdhe12', 'starttls'), relays: [r('pf', 'dhe12'), r('ex', 'rsa12')], intent: [E, E, E] },
  // TLS 1.2 restricted by the client, into servers with default policies.
  { id: 't15', title: 'client TLS 1.2 ECDHE: pf > sm, sm > ex', start: swaks('pf', 'tls', 'starttls'), relays: [r('sm', 'tls', 'e12'), r('ex', 'tls', 'r12')], intent: [E, E, E] },
  { id: 't16', title: 'client TLS 1.2 DHE: ex > sm, sm > hk', start: swaks('ex', 'tls', 'starttls'), relays: [r('sm', 'tls', 'd12'), r('hk', 'tls', 'e12')], intent: [E, E, E] },
  { id: 't17', title: 'client TLS 1.2 RSA: hk > sm, sm > pf', start: swaks('hk', 'tls', 'starttls'), relays: [r('sm', 'tls', 'r12'), r('pf', 'tls', 'd12')], intent: [E, E, E] },
  { id: 't18', title: 'client TLS 1.2: pf > hk DHE, hk > ex ECDHE', start: swaks('pf', 'tls', 'starttls'), relays: [r('hk', 'tls', 'd12'), r('ex', 'tls', 'e12')], intent: [E, E, E] },
  // Implicit TLS on 465.
  { id: 't19', title: 'implicit TLS: swaks > pf, pf > ex', start: swaks('pf', 'smtps', 'smtps'), relays: [r('ex', 'smtps', 'smtps')], intent: [E, E] },
  { id: 't20', title: 'implicit TLS: swaks > ex, ex > sm', start: swaks('ex', 'smtps', 'smtps'), relays: [r('sm', 'smtps', 'smtps')], intent: [E, E] },
  { id: 't21', title: 'implicit TLS with AUTH into Haraka, then to pf', start: swaks('hk', 'smtps', 'smtps', { auth: true }), relays: [r('pf', 'smtps', 'smtps')], intent: [E, E] },
  { id: 't22', title: 'OpenSMTPD client: implicit TLS and AUTH into Haraka', start: swaks('os', 'notls', 'none'), relays: [r('hk', 'smtps', 'smtps')], intent: [P, E] },
  // Authenticated submission, with and without TLS; MTA-to-MTA AUTH.
  { id: 't23', title: 'AUTH over STARTTLS: swaks > pf, pf > sm', start: swaks('pf', 'submission', 'starttls', { auth: true }), relays: [r('sm', 'submission', 'auth')], intent: [E, E] },
  { id: 't24', title: 'AUTH over STARTTLS: swaks > ex; AUTH in plaintext ex > pf', start: swaks('ex', 'submission', 'starttls', { auth: true }), relays: [r('pf', 'submission', 'authplain')], intent: [E, P] },
  { id: 't25', title: 'AUTH in plaintext: swaks > pf, pf > hk', start: swaks('pf', 'submission', 'none', { auth: true }), relays: [r('hk', 'submission', 'authplain')], intent: [P, P] },
  { id: 't26', title: 'AUTH over STARTTLS: swaks > sm, sm > ex', start: swaks('sm', 'submission', 'starttls', { auth: true }), relays: [r('ex', 'submission', 'auth')], intent: [E, E] },
  { id: 't27', title: 'AUTH in plaintext: swaks > sm, sm > ex', start: swaks('sm', 'submission', 'none', { auth: true }), relays: [r('ex', 'submission', 'authplain')], intent: [P, P] },
  { id: 't28', title: 'AUTH over STARTTLS: swaks > hk, hk > pf', start: swaks('hk', 'submission', 'starttls', { auth: true }), relays: [r('pf', 'submission', 'auth')], intent: [E, E] },
  { id: 't29', title: 'AUTH in plaintext: swaks > hk, hk > sm', start: swaks('hk', 'submission', 'none', { auth: true }), relays: [r('sm', 'submission', 'authplain')], intent: [P, P] },
  { id: 't30', title: 'AUTH in plaintext: swaks > ex, ex > hk over STARTTLS', start: swaks('ex', 'submission', 'none', { auth: true }), relays: [r('hk', 'submission', 'auth')], intent: [P, E] },
  // Local injection through each server's sendmail(1).
  { id: 't31', title: 'local injection at Postfix, then TLS to ex', start: { kind: 'inject', at: 'pf' }, relays: [r('ex', 'tls')], intent: [I, E] },
  { id: 't32', title: 'local injection at Exim, then TLS to sm', start: { kind: 'inject', at: 'ex' }, relays: [r('sm', 'tls')], intent: [I, E] },
  { id: 't33', title: 'local injection at Sendmail, then TLS to hk', start: { kind: 'inject', at: 'sm' }, relays: [r('hk', 'tls')], intent: [I, E] },
  // OpenSMTPD without a pki sends no client certificate when Sendmail asks for one, so TLS works.
  { id: 't34', title: 'OpenSMTPD client TLS into Sendmail', start: swaks('os', 'notls', 'none'), relays: [r('sm', 'tls')], intent: [P, E] },
  // STARTTLS offered, the handshake fails (RSA-only client, DHE-only server), the client retries in plaintext.
  { id: 't43', title: 'Sendmail falls back to plaintext after a failed handshake', start: swaks('sm', 'tls', 'starttls'), relays: [r('hk', 'dhe12', 'r12')], intent: [E, P] },
  { id: 't44', title: 'Exim falls back to plaintext after a failed handshake', start: swaks('ex', 'tls', 'starttls'), relays: [r('pf', 'dhe12', 'r12')], intent: [E, P] },
  // LMTP delivery into Dovecot.
  { id: 't35', title: 'LMTP from Postfix', start: swaks('pf', 'tls', 'starttls'), relays: [r('dc', 'lmtp', 'lmtp')], intent: [E, I] },
  { id: 't36', title: 'LMTP from Exim', start: swaks('ex', 'tls', 'starttls'), relays: [r('dc', 'lmtp', 'lmtp')], intent: [E, I] },
  { id: 't37', title: 'LMTP from OpenSMTPD', start: swaks('os', 'notls', 'none'), relays: [r('dc', 'lmtp', 'lmtp')], intent: [P, I] },
  { id: 't45', title: 'LMTP from Sendmail', start: swaks('sm', 'tls', 'starttls'), relays: [r('dc', 'lmtp', 'lmtp')], intent: [E, I] },
  { id: 't46', title: 'LMTP from Haraka', start: swaks('hk', 'tls', 'starttls'), relays: [r('dc', 'lmtp', 'lmtp')], intent: [E, I] },
  // Client certificates: verified, presented but not verified, absent.
  { id: 't38', title: 'client certificates verified: swaks > pf, pf > sm', start: swaks('pf', 'askcert', 'starttls', { cert: 'client' }), relays: [r('sm', 'tls', 'ccert')], intent: [E, E] },
  { id: 't39', title: 'rogue client certificates: swaks > pf, pf > sm', start: swaks('pf', 'askcert', 'starttls', { cert: 'rogue' }), relays: [r('sm', 'tls', 'rogue')], intent: [E, E] },
  { id: 't40', title: 'no client certificate: swaks > pf, pf > sm', start: swaks('pf', 'askcert', 'starttls'), relays: [r('sm', 'tls', 'smtp')], intent: [E, E] },
  { id: 't41', title: 'client certificates from Exim and Haraka into Postfix', start: swaks('ex', 'tls', 'starttls'), relays: [r('hk', 'tls', 'ccert'), r('pf', 'askcert', 'ccert')], intent: [E, E, E] },
  { id: 't42', title: 'Exim asks for a client certificate', start: swaks('ex', 'askcert', 'starttls', { cert: 'client' }), relays: [r('pf', 'askcert', 'rogue')], intent: [E, E] },
];

export const testDomain = (id: string) => `${id}.lab.test`;

/**
 * One message from swaks straight into each listener of each server (and one local injection where the
 * server has a sendmail(1)), so every listener policy is exercised on its own: sNN-<server>-<listener>.
 */
export function soloScenarios(servers: Record<ServerId, { listeners: Listener[]; canInject: boolean }>): Scenario[] {
  const out: Scenario[] = [];
  for (const [id, s] of Object.entries(servers) as [ServerId, { listeners: Listener[]; canInject: boolean }][]) {
    for (const l of s.listeners) {
      const base = { relays: [] as Relay[] };
      if (l === 'notls') out.push({ id: `s-${id}-${l}`, title: `swaks into ${id} ${l}`, start: swaks(id, l, 'none'), ...base, intent: [P] });
      else if (l === 'smtps') out.push({ id: `s-${id}-${l}`, title: `swaks into ${id} ${l}`, start: swaks(id, l, 'smtps', { auth: true }), ...base, intent: [E] });
      else if (l === 'submission') {
        out.push({ id: `s-${id}-sub-tls`, title: `swaks AUTH over STARTTLS into ${id}`, start: swaks(id, l, 'starttls', { auth: true }), ...base, intent: [E] });
        out.push({ id: `s-${id}-sub-plain`, title: `swaks AUTH without TLS into ${id}`, start: swaks(id, l, 'none', { auth: true }), ...base, intent: [P] });
      } else if (l === 'askcert') {
        for (const cert of ['client', 'rogue', undefined] as const) {
          out.push({ id: `s-${id}-${l}-${cert ?? 'none'}`, title: `swaks into ${id} ${l} with ${cert ?? 'no'} certificate`, start: swaks(id, l, 'starttls', { cert }), ...base, intent: [E] });
        }
      } else {
        out.push({ id: `s-${id}-${l}`, title: `swaks into ${id} ${l}`, start: swaks(id, l, 'starttls'), ...base, intent: [E] });
        if (l === 'tls') out.push({ id: `s-${id}-declined`, title: `swaks declines STARTTLS at ${id}`, start: swaks(id, l, 'none'), ...base, intent: [P] });
      }
    }
    if (s.canInject) out.push({ id: `s-${id}-local`, title: `local injection at ${id}`, start: { kind: 'inject', at: id }, relays: [], intent: [I] });
  }
  return out;
}
