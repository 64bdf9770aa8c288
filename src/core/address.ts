// Address ranges from ipaddr.js, a well-kept library, instead of hand-written tables (Paranoia's private-range
// regex used `\172`, an octal escape, and never matched 172.20-31.x or 192.168.x).
import ipaddr from 'ipaddr.js';
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
  if (s.indexOf(':') === -1) return ipaddr.IPv4.isValidFourPartDecimal(s) ? s.replace(/(^|\.)0+(?=\d)/g, '$1') : null;
  try {
    return ipaddr.IPv6.parse(s).toRFC5952String();
  } catch {
    return null;
  }
}

/** Where an address lies. Documentation ranges (RFC 5737, RFC 3849) count as public: tests use them as
 * stand-ins for Internet hosts. */
export const addressScope = memoize(addressScopeUncached);

function addressScopeUncached(ip: string): PeerScope {
  let addr: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    addr = ipaddr.parse(ip);
  } catch {
    return null;
  }
  if (addr.kind() === 'ipv6') {
    const v6 = addr as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) return scopeOf(v6.toIPv4Address().range());
    return scopeOf(v6.range());
  }
  return scopeOf((addr as ipaddr.IPv4).range());
}

function scopeOf(range: string): PeerScope {
  switch (range) {
    case 'loopback':
      return 'loopback';
    case 'private':
    case 'carrierGradeNat':
    case 'linkLocal':
    case 'uniqueLocal':
    case 'deprecatedSiteLocal':
      return 'private';
    case 'unspecified':
      return 'unspecified';
    default:
      return 'public';
  }
}

/** Is this host name an address literal? */
export function isAddressLiteral(host: string): boolean {
  return parseAddress(host) !== null;
}
