// A throw-away CA for one run: server certificates (RSA 2048, so the static-RSA listeners can work) with
// every host name of the server as SAN, a client certificate the lab trusts, one from a rogue CA it does
// not, and RFC 7919 ffdhe2048 parameters for the DHE listeners.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './proc.js';
import { LAB_HOSTS, SERVERS, type ServerId } from './topology.js';
import type { PkiPaths } from './types.js';

function ca(dir: string, name: string, cn: string): { cert: string; key: string } {
  const key = join(dir, `${name}.key`);
  const cert = join(dir, `${name}.crt`);
  run('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '3', '-subj', `/CN=${cn}`,
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  return { cert, key };
}

function leaf(dir: string, name: string, cn: string, names: string[], issuer: { cert: string; key: string }): { cert: string; key: string; chain: string } {
  const key = join(dir, `${name}.key`);
  const csr = join(dir, `${name}.csr`);
  const cert = join(dir, `${name}.crt`);
  const ext = join(dir, `${name}.ext`);
  writeFileSync(
    ext,
    [
      'basicConstraints=CA:FALSE',
      'keyUsage=critical,digitalSignature,keyEncipherment',
      'extendedKeyUsage=serverAuth,clientAuth',
      `subjectAltName=${names.map((n) => `DNS:${n}`).join(',')}`,
    ].join('\n'),
  );
  run('openssl', ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', csr, '-subj', `/CN=${cn}`]);
  run('openssl', ['x509', '-req', '-in', csr, '-CA', issuer.cert, '-CAkey', issuer.key, '-CAcreateserial', '-out', cert, '-days', '2', '-extfile', ext]);
  const chain = join(dir, `${name}.chain.pem`);
  run('sh', ['-c', `cat '${cert}' '${issuer.cert}' > '${chain}'`]);
  return { cert, key, chain };
}

export function makePki(dir: string): PkiPaths {
  mkdirSync(dir, { recursive: true });
  const root = ca(dir, 'ca', 'MTA Lab Root CA');
  const rogueRoot = ca(dir, 'rogue-ca', 'Rogue CA');
  const servers = new Map<ServerId, { cert: string; key: string; chain: string }>();
  for (const [id, s] of Object.entries(SERVERS) as [ServerId, (typeof SERVERS)[ServerId]][]) {
    const names = LAB_HOSTS.filter(([ip]) => ip.startsWith(`127.0.${s.block}.`)).map(([, n]) => n);
    servers.set(id, leaf(dir, id, s.host, names, root));
  }
  const client = leaf(dir, 'client', 'client.swaks-lab.test', ['client.swaks-lab.test'], root);
  const rogue = leaf(dir, 'rogue', 'rogue.invalid', ['rogue.invalid'], rogueRoot);
  const dhParams = join(dir, 'ffdhe2048.pem');
  run('openssl', ['genpkey', '-genparam', '-algorithm', 'DH', '-pkeyopt', 'dh_param:ffdhe2048', '-out', dhParams]);
  run('chmod', ['-R', 'a+rX', dir]);
  return {
    caCert: root.cert,
    server: (id) => {
      const s = servers.get(id);
      if (!s) throw new Error(`no certificate for ${id}`);
      return s;
    },
    client,
    rogue,
    dhParams,
  };
}
