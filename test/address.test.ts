// src/core/address.ts parses and classifies addresses with its own code since ipaddr.js left the runtime
// dependencies (issue "Speed and size"). These tests compare it with the code it replaced, kept below as the
// oracle (ipaddr.js 2.5.0 stays a devDependency for them), on a seeded stream of generated addresses, and
// pin the ranges Hoplock relies on.
import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import { addressScope, isAddressLiteral, parseAddress } from '../src/core/address.js';
import type { PeerScope } from '../src/core/types.js';

// --- the replaced implementation (src/core/address.ts before the change), verbatim but for names ----------
function oracleParse(text: string): string | null {
  let s = text.trim();
  if (s.startsWith('[')) s = s.slice(1, s.endsWith(']') ? -1 : undefined).trim();
  else if (s.endsWith(']')) return null;
  if (s.length > 2 && s.slice(0, 5).toLowerCase() === 'ipv6:') s = s.slice(5);
  const zone = s.indexOf('%');
  if (zone !== -1) s = s.slice(0, zone);
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

function oracleScope(ip: string): PeerScope {
  let addr: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    addr = ipaddr.parse(ip);
  } catch {
    return null;
  }
  if (addr.kind() === 'ipv6') {
    const v6 = addr as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) return scopeOfRange(v6.toIPv4Address().range());
    return scopeOfRange(v6.range());
  }
  return scopeOfRange((addr as ipaddr.IPv4).range());
}

function scopeOfRange(range: string): PeerScope {
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

// --- a seeded generator of addresses as headers write them, right and wrong ------------------------------
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = 20261128;
const COUNT = 30_000;

function generator(seed: number) {
  const rnd = mulberry32(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
  const chance = (p: number) => rnd() < p;

  // Prefixes at and next to the edges of every range the scope depends on, and of the documentation ones.
  const V4_PREFIXES = [
    [0], [1], [9], [10], [11], [99], [100, 63], [100, 64], [100, 127], [100, 128], [126], [127], [128],
    [169, 253], [169, 254], [169, 255], [172, 15], [172, 16], [172, 31], [172, 32], [192, 0, 2], [192, 88, 99],
    [192, 167], [192, 168], [192, 169], [198, 51, 100], [203, 0, 113], [224], [239], [240], [255], [],
  ];
  const V6_PREFIXES = [
    [], [0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0xffff], [0, 0, 0, 0, 0xffff, 0], [0x64, 0xff9b], [0x2001, 0xdb8],
    [0x2001, 0xdb9], [0x2001], [0x2002], [0xfc00], [0xfbff], [0xfdff], [0xfe00], [0xfe7f], [0xfe80], [0xfebf],
    [0xfec0], [0xfeff], [0xff02], [0x3fff], [0x2a00, 0x1450],
  ];

  function octets(): number[] {
    const prefix = pick(V4_PREFIXES);
    const out = [...prefix];
    while (out.length < 4) out.push(chance(0.3) ? pick([0, 1, 254, 255]) : int(256));
    return out;
  }

  function v4text(o: readonly number[]): string {
    if (chance(0.04)) return o.map((n) => (chance(0.5) ? `0${n}` : String(n))).join('.'); // leading zeros
    if (chance(0.02)) return `${o[0]}.${o[1]}.${(o[2] as number) * 256 + (o[3] as number)}`; // 3-part
    if (chance(0.02)) return [...o.slice(0, 3), 256 + int(800)].join('.'); // out of range
    return o.join('.');
  }

  function groups(): number[] {
    const prefix = pick(V6_PREFIXES);
    const out = [...prefix];
    while (out.length < 8) out.push(chance(0.45) ? 0 : chance(0.2) ? pick([1, 0xffff, 0x100]) : int(0x10000));
    return out;
  }

  function hex(g: number): string {
    let s = g.toString(16);
    if (chance(0.1)) s = s.padStart(4, '0');
    return chance(0.1) ? s.toUpperCase() : s;
  }

  function v6text(g: readonly number[]): string {
    const embedded = chance(0.15);
    const words = embedded ? g.slice(0, 6).map(hex) : g.map(hex);
    // Compress a random run of zero groups (or a non-zero run: an error), maybe of one group.
    if (chance(0.7)) {
      const start = int(words.length);
      let end = start;
      while (end < words.length && (chance(0.1) || /^0+$/.test(words[end] as string))) end++;
      if (end === start && chance(0.5)) end++;
      words.splice(start, end - start, '');
      if (start === 0) words.unshift('');
      if (start + 1 >= words.length && words[words.length - 1] === '') words.push('');
    }
    let text = words.join(':');
    if (embedded) {
      const v4 = [(g[6] as number) >> 8, (g[6] as number) & 255, (g[7] as number) >> 8, (g[7] as number) & 255];
      text += `${text.endsWith(':') ? '' : ':'}${v4text(v4)}`;
    }
    return text;
  }

  function mutate(s: string): string {
    const i = int(s.length + 1);
    switch (int(6)) {
      case 0:
        return s.slice(0, i) + s.slice(i + 1); // drop a character
      case 1:
        return `${s.slice(0, i)}${pick([':', '.', '0', 'f', 'g', ':::', '::', '%', ' '])}${s.slice(i)}`;
      case 2:
        return `${s}:`;
      case 3:
        return `:${s}`;
      case 4:
        return s.replace(/[0-9a-f]{1,4}/i, '12345');
      default:
        return s.replace('::', ':');
    }
  }

  function wrap(s: string, v6: boolean): string {
    if (v6 && chance(0.1)) s = `${s}%${pick(['eth0', '6', 'en0', '%', ''])}`;
    if (v6 && chance(0.15)) s = `${pick(['IPv6:', 'ipv6:', 'IPV6:'])}${s}`;
    if (!v6 && chance(0.05)) s = `${s}:${int(65536)}`;
    if (chance(0.25)) s = `[${s}${chance(0.95) ? ']' : ''}`;
    if (!v6 && chance(0.03)) s = `${s}:${int(65536)}`;
    if (chance(0.03)) s = ` ${s} `;
    return s;
  }

  return (): { text: string; v6: boolean } => {
    const v6 = chance(0.55);
    let text = v6 ? v6text(groups()) : v4text(octets());
    if (chance(0.12)) text = mutate(text);
    return { text: wrap(text, v6), v6 };
  };
}

describe('address parsing and scope, compared with ipaddr.js on generated addresses', () => {
  const next = generator(SEED);
  const inputs = Array.from({ length: COUNT }, next);

  it(`parseAddress gives the same answer as before on ${COUNT} seeded inputs`, () => {
    const wrong: string[] = [];
    for (const { text } of inputs) {
      const got = parseAddress(text);
      const want = oracleParse(text);
      if (got !== want) wrong.push(`${JSON.stringify(text)}: got ${got}, ipaddr.js ${want}`);
    }
    expect(wrong.slice(0, 20), `${wrong.length} differences`).toEqual([]);
  });

  it('addressScope gives the same answer as before on every address parseAddress returns, and on raw IPv6 text', () => {
    const wrong: string[] = [];
    for (const { text, v6 } of inputs) {
      const canonical = oracleParse(text);
      const candidates = canonical === null ? [] : [canonical];
      // Raw IPv6 text with a zone, upper case or leading zeros: addressScope reads every IPv6 form.
      if (v6 && /^[0-9a-f:.]+(?:%[0-9a-z]+)?$/i.test(text)) candidates.push(text);
      for (const ip of candidates) {
        const got = addressScope(ip);
        const want = oracleScope(ip);
        if (got !== want) wrong.push(`${JSON.stringify(ip)}: got ${got}, ipaddr.js ${want}`);
      }
    }
    expect(wrong.slice(0, 20), `${wrong.length} differences`).toEqual([]);
  });

  it('the generator really produced the interesting cases', () => {
    const seen = new Map<string, number>();
    const count = (key: string) => seen.set(key, (seen.get(key) ?? 0) + 1);
    for (const { text, v6 } of inputs) {
      const canonical = oracleParse(text);
      count(canonical === null ? `${v6 ? 'v6' : 'v4'} rejected` : `${v6 ? 'v6' : 'v4'} accepted`);
      if (canonical === null) continue;
      count(`scope ${oracleScope(canonical)}`);
      if (canonical.includes('::')) count('compressed');
      if (canonical.startsWith('::ffff:')) count('IPv4-mapped');
      if (/:\d+\.\d+\.\d+\.\d+/.test(text)) count('embedded IPv4');
      if (text.includes('%')) count('zone id');
      if (/ipv6:/i.test(text)) count('IPv6: prefix');
      if (text.includes('[')) count('brackets');
      if (/^\[?\d+\.\d+\.\d+\.\d+\]?:\d+$/.test(text.trim())) count('IPv4 with port');
    }
    for (const key of ['v4 accepted', 'v4 rejected', 'v6 accepted', 'v6 rejected', 'compressed', 'IPv4-mapped', 'embedded IPv4', 'zone id', 'IPv6: prefix', 'brackets', 'IPv4 with port']) {
      expect(seen.get(key) ?? 0, key).toBeGreaterThan(50);
    }
    for (const scope of ['public', 'private', 'loopback', 'unspecified']) expect(seen.get(`scope ${scope}`) ?? 0, scope).toBeGreaterThan(100);
  });
});

describe('parseAddress', () => {
  it.each([
    ['192.0.2.1', '192.0.2.1'],
    ['[192.0.2.1]', '192.0.2.1'],
    ['192.0.2.1:4711', '192.0.2.1'],
    ['[192.0.2.1:4711]', '192.0.2.1'],
    ['IPv6:2001:DB8::1', '2001:db8::1'],
    ['[IPv6:::1]', '::1'],
    ['fe80::1%6', 'fe80::1'],
    ['2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
    ['2001:db8:0:1:0:0:0:1', '2001:db8:0:1::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['2001:db8:1:1:1:1:0:1', '2001:db8:1:1:1:1:0:1'],
    ['::ffff:192.0.2.1', '::ffff:c000:201'],
    ['::192.0.2.1', '::ffff:c000:201'],
    ['::0:192.0.2.1', '::c000:201'],
    ['1:2:3:4:5:6:7::', '1:2:3:4:5:6:7:0'],
    ['::', '::'],
  ])('reads %s as %s', (text, want) => {
    expect(parseAddress(text)).toBe(want);
  });

  it.each(['010.0.0.1', '127.1', '256.0.0.1', '192.0.2.1]', '1:2:3:4:5:6:7:8:9', '1::2::3', '12345::1', ':1::', '::ffff:192.0.2', 'example.com', 'a'])(
    'refuses %s',
    (text) => {
      expect(parseAddress(text)).toBeNull();
      expect(isAddressLiteral(text)).toBe(false);
    },
  );
});

describe('addressScope', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['169.254.1.1', 'private'],
    ['fd12:3456::1', 'private'],
    ['fe80::1', 'private'],
    ['fe80::1%eth0', 'private'],
    ['fec0::1', 'private'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['::', 'unspecified'],
    ['172.32.0.1', 'public'],
    ['100.128.0.1', 'public'],
    ['8.8.8.8', 'public'],
    ['2a00:1450::1', 'public'],
  ] as const)('%s is %s', (ip, scope) => {
    expect(addressScope(ip)).toBe(scope);
  });

  it.each(['192.0.2.1', '198.51.100.7', '203.0.113.9', '2001:db8::1', '::ffff:c000:201'])(
    'counts documentation address %s as public: tests use them as stand-ins for Internet hosts (RFC 5737, RFC 3849)',
    (ip) => {
      expect(addressScope(ip)).toBe('public');
    },
  );

  it.each(['example.com', '[192.0.2.1]', '1.2.3', '::1::'])('has no scope for %s', (ip) => {
    expect(addressScope(ip)).toBeNull();
  });
});
