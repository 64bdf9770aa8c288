// The person's own relays (options page, CLI --internal; issue 8). Paranoia users asked for this for years:
// a company's inbound gateway, filter and mailbox servers have names and addresses only the person knows.
// A hop written by one of them (its `by` host or address) counts as the recipient's side; a hop between two
// of them that recorded no TLS is internal (both ends are yours; encryption there is your own policy).
// Matched on what the receiving server wrote (its own name, the client's reverse DNS and address), never on
// the HELO, which the client chooses.
import { parseAddress } from './address.js';
import { normalizeHost } from './text.js';
import type { Hop } from './types.js';

/** Entries read at most: a list is typed by a person, not generated. */
const MAX_ENTRIES = 1000;

interface Range {
  v6: boolean;
  bits: number[];
  prefix: number;
}

export interface OwnRelays {
  hosts: string[];
  ranges: Range[];
}

function bitsOf(address: string): { v6: boolean; bits: number[] } | null {
  const canonical = parseAddress(address);
  if (canonical === null) return null;
  if (canonical.indexOf(':') === -1) {
    const bits: number[] = [];
    for (const part of canonical.split('.')) for (let b = 7; b >= 0; b--) bits.push((Number(part) >> b) & 1);
    return { v6: false, bits };
  }
  const [head = '', tail] = canonical.split('::');
  const h = head === '' ? [] : head.split(':');
  const t = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
  const bits: number[] = [];
  for (const g of groups) {
    const n = Number.parseInt(g, 16);
    for (let b = 15; b >= 0; b--) bits.push((n >> b) & 1);
  }
  return { v6: true, bits };
}

export function ownRelays(entries: readonly string[]): OwnRelays {
  const hosts: string[] = [];
  const ranges: Range[] = [];
  for (const raw of entries.slice(0, MAX_ENTRIES)) {
    if (typeof raw !== 'string') continue;
    const entry = raw.trim();
    const slash = entry.indexOf('/');
    const address = bitsOf(slash === -1 ? entry : entry.slice(0, slash));
    if (address !== null) {
      const max = address.v6 ? 128 : 32;
      const prefix = slash === -1 ? max : Number(entry.slice(slash + 1));
      if (Number.isInteger(prefix) && prefix >= 0 && prefix <= max) ranges.push({ ...address, prefix });
    } else if (entry !== '' && slash === -1 && entry.length <= 253) {
      hosts.push(normalizeHost(entry));
    }
  }
  return { hosts, ranges };
}

function hostIsOwn(own: OwnRelays, host: string | null): boolean {
  if (host === null || host === '') return false;
  const h = normalizeHost(host);
  return own.hosts.some((d) => h === d || h.endsWith(`.${d}`));
}

function addressIsOwn(own: OwnRelays, address: string | null): boolean {
  if (address === null) return false;
  const a = bitsOf(address);
  if (a === null) return false;
  return own.ranges.some((r) => r.v6 === a.v6 && r.bits.slice(0, r.prefix).every((bit, i) => bit === a.bits[i]));
}

/** Applies the list to hops in transit order; returns the new inbound hop (the lowest hop your relays wrote). */
export function applyOwnRelays(hops: Hop[], own: OwnRelays, inbound: number | null): number | null {
  if (own.hosts.length === 0 && own.ranges.length === 0) return inbound;
  let newInbound = inbound;
  // From the top down while the writer is yours: those hops are the recipient's side. A hop whose client is
  // one of yours was handed over by that relay, so the hop below it was written by yours too.
  let writtenByClientAbove = false;
  for (let k = hops.length - 1; k >= 0; k--) {
    const hop = hops[k] as Hop;
    const byOwn = writtenByClientAbove || hostIsOwn(own, hop.by?.name ?? null) || addressIsOwn(own, hop.by?.ip ?? null);
    if (!byOwn && hop.trust !== 'recipient') break;
    hop.trust = 'recipient';
    const fromOwn = hostIsOwn(own, hop.from?.name ?? null) || addressIsOwn(own, hop.from?.ip ?? null);
    if (byOwn && fromOwn && hop.transport !== 'encrypted') {
      hop.transport = 'internal';
      hop.tls = null;
      hop.strength = null;
      hop.rules = [...hop.rules, 'internal-own-relays'];
      hop.reason = 'Both ends of this hop are among your own relays (settings), so it counts as internal.';
    }
    if (!fromOwn) {
      newInbound = hop.index;
      break;
    }
    writtenByClientAbove = true;
  }
  return newInbound;
}
