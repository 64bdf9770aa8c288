// Compares one hop as Hoplock read it with the truth from the receiving server's log.
import type { Hop } from '../../../src/core/types.js';
import type { SessionTruth } from './types.js';

export interface Shows {
  version: boolean;
  forwardSecrecy: boolean;
  clientCert: boolean;
}

export interface Mismatch {
  field: string;
  truth: string;
  hoplock: string;
}

const s = (v: unknown) => (v === null || v === undefined ? 'null' : String(v));

export function compareHop(hop: Hop | undefined, truth: SessionTruth, shows: Shows): Mismatch[] {
  if (!hop) return [{ field: 'hop', truth: 'present', hoplock: 'missing' }];
  const out: Mismatch[] = [];
  if (hop.transport !== truth.transport) out.push({ field: 'transport', truth: truth.transport, hoplock: hop.transport });
  if (truth.transport === 'encrypted') {
    const v = hop.tls?.version ?? null;
    if (shows.version ? v !== truth.tlsVersion : v !== null && v !== truth.tlsVersion) {
      out.push({ field: 'tls.version', truth: s(truth.tlsVersion) + (shows.version ? '' : ' (or null: not in header)'), hoplock: s(v) });
    }
    const fs = hop.tls?.forwardSecret ?? null;
    if (shows.forwardSecrecy ? fs !== truth.forwardSecrecy : fs !== null && fs !== truth.forwardSecrecy) {
      out.push({ field: 'tls.forwardSecret', truth: s(truth.forwardSecrecy) + (shows.forwardSecrecy ? '' : ' (or null)'), hoplock: s(fs) });
    }
    const cc = hop.tls?.clientCertificate ?? null;
    if (shows.clientCert && truth.clientCert !== null && cc !== truth.clientCert) {
      out.push({ field: 'tls.clientCertificate', truth: s(truth.clientCert), hoplock: s(cc) });
    }
    if (!shows.clientCert && cc !== null && truth.clientCert !== null && cc !== truth.clientCert) {
      out.push({ field: 'tls.clientCertificate', truth: `${s(truth.clientCert)} (or null)`, hoplock: s(cc) });
    }
  } else if (hop.tls !== null && truth.transport === 'plaintext') {
    out.push({ field: 'tls', truth: 'none', hoplock: JSON.stringify(hop.tls) });
  }
  if (truth.authenticated ? hop.authenticated !== true : hop.authenticated === true) {
    out.push({ field: 'authenticated', truth: String(truth.authenticated), hoplock: s(hop.authenticated) });
  }
  return out;
}
