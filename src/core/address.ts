// IP addresses as headers write them: parsing (IPv4 dotted quads, IPv6 with `::`, an embedded IPv4 address
// and zone ids), the RFC 5952 text form, and the ranges that tell a private peer from an Internet one. The
// ranges are the CIDR blocks below, checked on numbers, not regexes on text (Paranoia's private-range
// regex used `\172`, an octal escape, and never matched 172.20-31.x or 192.168.x). Written to answer as
// ipaddr.js 2.5.0 did here (test/address.test.ts compares them on generated addresses).
import { memoize } from './memo.js';
import type { PeerScope } from './types.js';

/** Parses an address as it appears in a header: `192.0.2.1`, `[192.0.2.1]`, `IPv6:2001:db8::1`,
 * `fe80::1%6` (zone id), `[IPv6:::1]`, `192.0.2.1:4711` (Exim and ZMailer add the port). */
export const parseAddress = memoize(parseAddressUncached);

function parseAddressUncached(text: string): string | null {
  let s = text.trim();
  if (s.startsWith('[')) s = s.slice(1, s.endsWith(']') ? -1 : undefined).trim();
  else if (s.endsWith(']')) return null;
  if (s.length > 2 && s.slice(0, 5).toLowerCase() === 'ipv6:') s = s.slice(5);
  const zone = s.indexOf('%');
  if (zone !== -1) s = s.slice(0, zone);
  // IPv4 with a port, as Exim writes `[192.0.2.1]:4711` (the bracket is gone by now only if it was inside).
  const v4port = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/.exec(s);
  if (v4port) s = v4port[1] as string;
  if (s.length < 2 || s.length > 45) return null;
  if (!/^[0-9A-Fa-f:.]+$/.test(s)) return null;
  if (s.indexOf(':') === -1) return parseIPv4(s) === null ? null : s;
  const groups = parseIPv6(s);
  return groups === null ? null : formatIPv6(groups);
}

/** Four decimal numbers of 0-255 without leading zeros (`192.0.2.1`): as the address is written, so as it
 * is shown. `010.0.0.1` (octal 8.0.0.1 for some readers, decimal 10 for others) and `127.1` are no answer. */
const DOTTED_QUAD = /^(?:0|[1-9]\d{0,2})(?:\.(?:0|[1-9]\d{0,2})){3}$/;

function parseIPv4(s: string): number | null {
  if (!DOTTED_QUAD.test(s)) return null;
  let value = 0;
  for (const part of s.split('.')) {
    const octet = Number(part);
    if (octet > 255) return null;
    value = value * 256 + octet;
  }
  return value;
}

const HEX_GROUP = /^[0-9a-f]{1,4}$/i;
/** The IPv4 address ending an IPv6 one (`::ffff:192.0.2.1`): decimal, leading zeros read as decimal. */
const EMBEDDED_IPV4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/;

/** The eight 16-bit groups of an IPv6 address (RFC 4291 §2.2), or null. `::` stands for one group of zeros
 * or more, once; the last two groups may be written as an IPv4 address. */
function parseIPv6(s: string): number[] | null {
  let head = s;
  let tail: number[] = [];
  const lastColon = s.lastIndexOf(':');
  const dot = s.indexOf('.');
  if (dot !== -1) {
    const v4 = EMBEDDED_IPV4.exec(s.slice(lastColon + 1));
    if (dot < lastColon || v4 === null) return null;
    const [a, b, c, d] = [Number(v4[1]), Number(v4[2]), Number(v4[3]), Number(v4[4])];
    if (a > 255 || b > 255 || c > 255 || d > 255) return null;
    tail = [(a << 8) | b, (c << 8) | d];
    head = s.slice(0, lastColon + 1);
    // `::192.0.2.1`, an "IPv4-compatible" address (deprecated by RFC 4291 §2.5.5.1), is read as the
    // IPv4-mapped `::ffff:192.0.2.1`, as ipaddr.js did: the peer is the IPv4 host either way.
    if (head === '::') return [0, 0, 0, 0, 0, 0xffff, ...tail];
    if (!head.endsWith('::')) head = head.slice(0, -1);
  }
  const wanted = 8 - tail.length;
  const gap = head.indexOf('::');
  if (gap !== head.lastIndexOf('::')) return null;
  const left = hexGroups(gap === -1 ? head : head.slice(0, gap));
  const right = gap === -1 ? [] : hexGroups(head.slice(gap + 2));
  if (left === null || right === null) return null;
  const zeros = wanted - left.length - right.length;
  if (gap === -1 ? zeros !== 0 : zeros < 1) return null;
  return [...left, ...new Array<number>(zeros).fill(0), ...right, ...tail];
}

/** `1:db8:a` → [1, 0xdb8, 0xa]; `` → []; null if a group is empty or not 1-4 hexadecimal digits. */
function hexGroups(s: string): number[] | null {
  if (s === '') return [];
  const groups: number[] = [];
  for (const part of s.split(':')) {
    if (!HEX_GROUP.test(part)) return null;
    groups.push(Number.parseInt(part, 16));
  }
  return groups;
}

/** RFC 5952 §4: lowercase, no leading zeros, the longest run of two zero groups or more (the first of equal
 * runs) as `::`. An embedded IPv4 address is written in hexadecimal too (`::ffff:c000:201`). */
function formatIPv6(groups: readonly number[]): string {
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < groups.length; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < groups.length && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart === -1) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

/** Where an address lies. Documentation ranges (RFC 5737, RFC 3849) count as public: tests use them as
 * stand-ins for Internet hosts. Takes an address as parseAddress writes it (a zone id is allowed); null for
 * anything else. */
export const addressScope = memoize(addressScopeUncached);

function addressScopeUncached(ip: string): PeerScope {
  if (ip.indexOf(':') === -1) {
    const v4 = parseIPv4(ip);
    return v4 === null ? null : scopeOfIPv4(v4);
  }
  const zone = /%[0-9a-z]+$/i.exec(ip);
  const groups = parseIPv6(zone === null ? ip : ip.slice(0, zone.index));
  return groups === null ? null : scopeOfIPv6(groups);
}

/** [first address, prefix length, scope]: the blocks that are not `public`. */
const IPV4_BLOCKS: readonly (readonly [number, number, PeerScope])[] = [
  [0x00000000, 8, 'unspecified'], // 0.0.0.0/8, "this network" (RFC 1122 §3.2.1.3)
  [0x7f000000, 8, 'loopback'], // 127.0.0.0/8
  [0x0a000000, 8, 'private'], // 10.0.0.0/8 (RFC 1918)
  [0xac100000, 12, 'private'], // 172.16.0.0/12 (RFC 1918)
  [0xc0a80000, 16, 'private'], // 192.168.0.0/16 (RFC 1918)
  [0x64400000, 10, 'private'], // 100.64.0.0/10, carrier-grade NAT (RFC 6598)
  [0xa9fe0000, 16, 'private'], // 169.254.0.0/16, link-local (RFC 3927)
];

function scopeOfIPv4(address: number): PeerScope {
  for (const [first, bits, scope] of IPV4_BLOCKS) {
    if (address >>> (32 - bits) === first >>> (32 - bits)) return scope;
  }
  return 'public';
}

function scopeOfIPv6(g: readonly number[]): PeerScope {
  const [g0, g1, g2, g3, g4, g5, g6, g7] = g as [number, number, number, number, number, number, number, number];
  if ((g0 | g1 | g2 | g3 | g4) === 0 && g5 === 0xffff) return scopeOfIPv4(g6 * 0x10000 + g7); // ::ffff:0:0/96, IPv4-mapped
  if ((g0 | g1 | g2 | g3 | g4 | g5 | g6) === 0) {
    if (g7 === 0) return 'unspecified'; // ::
    if (g7 === 1) return 'loopback'; // ::1
  }
  if ((g0 & 0xfe00) === 0xfc00) return 'private'; // fc00::/7, unique local (RFC 4193)
  if ((g0 & 0xffc0) === 0xfe80) return 'private'; // fe80::/10, link-local
  if ((g0 & 0xffc0) === 0xfec0) return 'private'; // fec0::/10, site-local (deprecated by RFC 3879)
  return 'public';
}

/** Is this host name an address literal? */
export function isAddressLiteral(host: string): boolean {
  return parseAddress(host) !== null;
}
