// Who lives where in the lab. Every server has its own 127.0.N.0/24 block and its own domain, so that,
// once the loopback addresses are rewritten to documentation addresses, each one stands for a separate
// organisation on the Internet (see rewrite.ts).

export type ServerId = 'pf' | 'ex' | 'os' | 'sm' | 'hk' | 'dc';

export const SERVERS: Record<ServerId, { block: number; host: string; name: string }> = {
  pf: { block: 1, host: 'mx.postfix-lab.test', name: 'Postfix' },
  ex: { block: 2, host: 'mx.exim-lab.test', name: 'Exim' },
  os: { block: 3, host: 'mx.opensmtpd-lab.test', name: 'OpenSMTPD' },
  sm: { block: 4, host: 'mx.sendmail-lab.test', name: 'Sendmail' },
  hk: { block: 5, host: 'mx.haraka-lab.test', name: 'Haraka' },
  dc: { block: 6, host: 'lmtp.dovecot-lab.test', name: 'Dovecot LMTP' },
};

/** swaks, the submitting client, connects from here. */
export const CLIENT = { ip: '127.0.9.1', host: 'client.swaks-lab.test' };

/**
 * Listener policies by the last octet of the server's address (127.0.N.suffix). Ports are 25 except
 * .7 (implicit TLS, 465) and .8 (submission, 587). Not every server has every listener.
 */
export type Listener =
  | 'tls' // .1 STARTTLS offered, library defaults (TLS 1.3)
  | 'ecdhe12' // .2 TLS 1.2 with ECDHE only (server side)
  | 'dhe12' // .3 TLS 1.2 with DHE only
  | 'rsa12' // .4 TLS 1.2 with static RSA key exchange only
  | 'notls' // .5 no STARTTLS offered
  | 'askcert' // .6 STARTTLS, client certificate requested and verified against the lab CA
  | 'smtps' // .7:465 implicit TLS
  | 'submission' // .8:587 AUTH required; STARTTLS offered, AUTH also allowed without it
  | 'tlsquiet'; // .9 Postfix with smtpd_tls_received_header=no (its default): no TLS detail in the header

export const LISTENERS: Record<Listener, { suffix: number; port: number }> = {
  tls: { suffix: 1, port: 25 },
  ecdhe12: { suffix: 2, port: 25 },
  dhe12: { suffix: 3, port: 25 },
  rsa12: { suffix: 4, port: 25 },
  notls: { suffix: 5, port: 25 },
  askcert: { suffix: 6, port: 25 },
  smtps: { suffix: 7, port: 465 },
  submission: { suffix: 8, port: 587 },
  tlsquiet: { suffix: 9, port: 25 },
};

export function listenerAddress(server: ServerId, l: Listener): { ip: string; port: number } {
  return { ip: `127.0.${SERVERS[server].block}.${LISTENERS[l].suffix}`, port: LISTENERS[l].port };
}

/**
 * How a sending MTA talks to the next hop:
 * - `smtp`: opportunistic STARTTLS (use it when offered)
 * - `notls`: never STARTTLS, even when offered
 * - `e12` / `d12` / `r12`: TLS 1.2 only, with ECDHE / DHE / static RSA key exchange only
 * - `ccert`: present the lab client certificate; `rogue`: present one from a CA the lab does not trust
 * - `auth`: STARTTLS then AUTH PLAIN as alice; `authplain`: AUTH without TLS
 * - `smtps`: implicit TLS to port 465
 * - `lmtp`: LMTP to Dovecot
 */
export type ClientMode = 'smtp' | 'notls' | 'e12' | 'd12' | 'r12' | 'ccert' | 'rogue' | 'auth' | 'authplain' | 'smtps' | 'lmtp';

/** A route one server applies to one test domain (u@tNN.lab.test). */
export type Route =
  | { kind: 'relay'; ip: string; port: number; mode: ClientMode; nextHost: string }
  | { kind: 'deliver' };

export const LAB_USER = { name: 'alice', password: 'lab-secret-1' };

export const LAB_HOSTS: [string, string][] = [
  [CLIENT.ip, CLIENT.host],
  ...Object.values(SERVERS).flatMap((s) =>
    Object.values(LISTENERS).map((l): [string, string] => [`127.0.${s.block}.${l.suffix}`, l.suffix === 1 ? s.host : `l${l.suffix}.${s.host}`]),
  ),
];
