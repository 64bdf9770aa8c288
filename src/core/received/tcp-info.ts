// The TCP-info comment the receiving server writes after `from`: what it saw of the client, apart from the
// HELO name the client chose. `(mail.example.org [192.0.2.25])` (Postfix, Sendmail), `([192.0.2.9]:38689
// helo=mx.example.org)` (Exim), `(10.45.252.152)` (Microsoft), `(HELO x) (192.0.2.1)` (qmail).
import { parseAddress } from '../address.js';
import { lowerEquals, spellsAt } from '../text.js';

/** The name, or null for `unknown`, `<unknown>` and an empty one. */
export function hostName(text: string): string | null {
  const t = text.charCodeAt(text.length - 1) === 0x2e ? text.slice(0, -1) : text; // '.'
  return t === '' || lowerEquals(t, 'unknown') || lowerEquals(t, '<unknown>') ? null : t;
}

/** `[unix socket]` or `[local]` in any case: the client connected through a local socket. */
function namesLocalSocket(text: string): boolean {
  for (let i = text.indexOf('['); i !== -1; i = text.indexOf('[', i + 1)) {
    if (spellsAt(text, i, '[unix socket]') || spellsAt(text, i, '[local]')) return true;
  }
  return false;
}

/** ASCII characters that never stand before a `%` in anything parseAddress reads: all but hexadecimal
 * digits, `:` `.` `[` `]`, the letters of an `IPv6:` prefix and white space. */
const NEVER_IN_ADDRESS = new Uint8Array(128).fill(1);
for (const c of '0123456789abcdefABCDEF:.[]ipvIPV% \t\n\v\f\r') NEVER_IN_ADDRESS[c.charCodeAt(0)] = 0;

/** parseAddress, after a quick refusal of host names: most of what is asked is `mail.example.org`, and the
 * memoized lookup hashed each such name on every hop (a tenth of the view, node 22, measured). */
export function addressOf(text: string): string | null {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x25) break; // '%': a zone id follows, which may hold anything
    if (c < 128 && NEVER_IN_ADDRESS[c] === 1) return null;
  }
  return parseAddress(text);
}

/** `[192.0.2.1]`, `[IPv6:2001:db8::1]`, `[192.0.2.1 ]`; `[unix socket]` and `[local]` are local sockets. */
const BRACKET = /\[([^\][\s]*)\s*\]/;
const NAME_BEFORE_BRACKET = /^\s*([^\s[\]()]+)\s+\[/;
export const HELO = /(?:^|[\s"(])(?:helo=|(?:HELO|EHLO|LHLO|helo|ehlo)\s+)([^\s")]+)/;

export interface TcpInfo {
  ip: string | null;
  rdns: string | null;
  /** `(rdns [ip])` or `([ip])`: the Postfix/Sendmail form, where the word before is the HELO. */
  bracketForm: boolean;
  helo: string | null;
  socket: boolean;
}

/** Could the comment name a HELO? Every spelling the two patterns below match holds `lo` in some case. */
const HOLDS_LO = /lo/i;

/** A HELO inside the comment (`helo=[192.0.2.1]`, `(HELO x)`), which must not be taken for the address. */
const HELO_PART = /(?:helo=|\b(?:HELO|EHLO|LHLO|HELLO)\s+)\S+/gi;
/** qmail and Yahoo: `(jdavid@216.254.40.70 with login)`, `(x@[192.0.2.1])`. */
const DOTTED_QUAD = /(?:^|[\s@(])(\d{1,3}(?:\.\d{1,3}){3})(?=[\s)\]:]|$)/;

export function readTcpInfo(full: string): TcpInfo {
  const info: TcpInfo = { ip: null, rdns: null, bracketForm: false, helo: null, socket: false };
  // The regexes run only where their text can be: a `[`, a HELO's `lo` (together a fifth of the view).
  const bracket = full.indexOf('[') !== -1;
  if (bracket && namesLocalSocket(full)) info.socket = true;
  const helo = HOLDS_LO.test(full);
  const text = helo ? full.replace(HELO_PART, ' ') : full;
  const b = bracket ? BRACKET.exec(text) : null;
  if (b) {
    info.ip = addressOf(b[1] as string);
    info.bracketForm = true;
    const n = NAME_BEFORE_BRACKET.exec(text);
    if (n) info.rdns = hostName(n[1] as string);
  } else {
    // Microsoft and qmail write the bare address: `(10.45.252.152)`, `(2603:1096:101:2b5:cafe::4)`.
    const bare = text.trim();
    if (bare.indexOf(' ') === -1) info.ip = addressOf(bare);
    if (info.ip === null && text.indexOf('.') !== -1) {
      const q = DOTTED_QUAD.exec(text);
      if (q) info.ip = addressOf(q[1] as string);
    }
  }
  const h = helo ? HELO.exec(full) : null;
  if (h) info.helo = h[1] as string;
  return info;
}
