// The parts of a parsed Received field that a hop reports: who connected (from), who wrote it (by), the
// protocol, id, recipient and comments with their places. Names recorded in the TCP-info comment by the
// receiving server are kept apart from the HELO the client chose.
import { addressScope, parseAddress } from '../address.js';
import type { HopBy, HopFrom, PeerScope } from '../types.js';
import { type ClauseKey, type ParsedReceived, type Place, parseReceived } from './parse.js';
import type { Token } from './tokenize.js';

export interface CommentRef {
  text: string;
  place: Place;
  /** Token index. */
  token: number;
  /** The first thing after `from`: the client's HELO or a TCP-info comment. Never TLS evidence. */
  hostSlot: boolean;
}

export interface ReceivedView {
  parsed: ParsedReceived;
  from: HopFrom | null;
  by: HopBy | null;
  peer: PeerScope;
  /** The protocol word as written (`ESMTPS`, `esmtpsa`, `Microsoft`, `HTTP/1.1`); null without one. */
  withText: string | null;
  /** The protocol words before the first comment: `Microsoft SMTP Server`, `ESMTP with STARTTLS`. */
  withPhrase: string | null;
  /** First protocol word, upper-cased: `ESMTPS`, `MICROSOFT`, `LMTP`. */
  protocol: string | null;
  id: string | null;
  for: string | null;
  via: string | null;
  comments: CommentRef[];
}

const UNKNOWN_NAMES = new Set(['unknown', '<unknown>', '']);

function hostName(text: string): string | null {
  const t = text.endsWith('.') ? text.slice(0, -1) : text;
  return UNKNOWN_NAMES.has(t.toLowerCase()) ? null : t;
}

/** `[192.0.2.1]`, `[IPv6:2001:db8::1]`, `[192.0.2.1 ]`; `[unix socket]` and `[local]` are local sockets. */
const BRACKET = /\[([^\][\s]*)\s*\]/;
const NAME_BEFORE_BRACKET = /^\s*([^\s[\]()]+)\s+\[/;
const HELO = /(?:^|[\s"(])(?:helo=|(?:HELO|EHLO|LHLO|helo|ehlo)\s+)([^\s")]+)/;

interface TcpInfo {
  ip: string | null;
  rdns: string | null;
  /** `(rdns [ip])` or `([ip])`: the Postfix/Sendmail form, where the word before is the HELO. */
  bracketForm: boolean;
  helo: string | null;
  socket: boolean;
}

/** A HELO inside the comment (`helo=[192.0.2.1]`, `(HELO x)`), which must not be taken for the address. */
const HELO_PART = /(?:helo=|\b(?:HELO|EHLO|LHLO|HELLO)\s+)\S+/gi;
/** qmail and Yahoo: `(jdavid@216.254.40.70 with login)`, `(x@[192.0.2.1])`. */
const DOTTED_QUAD = /(?:^|[\s@(])(\d{1,3}(?:\.\d{1,3}){3})(?=[\s)\]:]|$)/;

function readTcpInfo(full: string): TcpInfo {
  const info: TcpInfo = { ip: null, rdns: null, bracketForm: false, helo: null, socket: false };
  const lower = full.toLowerCase();
  if (lower.includes('[unix socket]') || lower.includes('[local]')) info.socket = true;
  const text = full.replace(HELO_PART, ' ');
  const b = BRACKET.exec(text);
  if (b) {
    info.ip = parseAddress(b[1] as string);
    info.bracketForm = true;
    const n = NAME_BEFORE_BRACKET.exec(text);
    if (n) info.rdns = hostName(n[1] as string);
  } else {
    // Microsoft and qmail write the bare address: `(10.45.252.152)`, `(2603:1096:101:2b5:cafe::4)`.
    const bare = text.trim();
    if (bare.indexOf(' ') === -1) info.ip = parseAddress(bare);
    if (info.ip === null) {
      const q = DOTTED_QUAD.exec(text);
      if (q) info.ip = parseAddress(q[1] as string);
    }
  }
  const h = HELO.exec(full);
  if (h) info.helo = h[1] as string;
  return info;
}

/** Comments that carry TLS or authentication details, never a client address. */
const NOT_TCP_INFO = /^\s*(?:using\s|version=|authenticated|no client|client\s|tls|ssl)/i;

function readFrom(p: ParsedReceived): { from: HopFrom; peer: PeerScope } | null {
  const c = p.clauses.from;
  if (c === undefined) return null;
  let firstWord: string | null = null;
  let literalIp: string | null = null;
  let nameIp: string | null = null;
  let info: TcpInfo | null = null;
  let socket = false;
  for (let i = c.start; i < c.end; i++) {
    const t = p.tokens[i] as Token;
    if (t.kind === 'word' && i === c.start) {
      firstWord = t.text;
      nameIp = parseAddress(t.text);
    } else if (t.kind === 'literal') {
      const lower = t.text.toLowerCase();
      if (lower === '[unix socket]' || lower === '[local]') socket = true;
      literalIp ??= parseAddress(t.text);
    } else if (t.kind === 'comment' && info?.ip == null && !NOT_TCP_INFO.test(t.text)) {
      const read = readTcpInfo(t.text);
      if (read.socket) socket = true;
      const earlierHelo: string | null = info === null ? null : (info as TcpInfo).helo;
      if (info === null || read.ip !== null) info = { ...read, helo: read.helo ?? earlierHelo };
    } else if (t.kind === 'comment' && info !== null && info.helo === null) {
      const h = HELO.exec(t.text);
      if (h) info.helo = h[1] as string;
    }
  }
  const ip = info?.ip ?? literalIp ?? nameIp;
  const word = firstWord === null || nameIp !== null ? null : hostName(firstWord);
  let name: string | null;
  let helo: string | null;
  if (info?.helo) {
    // Exim `from rdns ([ip] helo=x)`, qmail `from rdns (HELO x) (ip)`: the first word is the server's lookup.
    name = word;
    helo = info.helo;
  } else if (info?.bracketForm) {
    // Postfix and Sendmail `from helo (rdns [ip])`, `from helo (unknown [ip])`, `from helo ([ip])`.
    name = info.rdns;
    helo = nameIp === null ? firstWord : null;
  } else {
    // Microsoft `from helo (ip)` and plain `from host`: one name, whose origin the header does not say.
    name = word;
    helo = null;
  }
  let peer: PeerScope = null;
  if (socket || info?.socket) peer = 'local-socket';
  else if (ip !== null) peer = addressScope(ip);
  return { from: { name, helo, ip }, peer };
}

function readBy(p: ParsedReceived): HopBy | null {
  const c = p.clauses.by;
  if (c === undefined) return null;
  let name: string | null = null;
  let ip: string | null = null;
  for (let i = c.start; i < c.end; i++) {
    const t = p.tokens[i] as Token;
    if (i === c.start && (t.kind === 'word' || t.kind === 'literal')) {
      // Gmail's internal relays name themselves by address: `by 2002:a05:612c:1a52:b0:48e:c7f6:a1f`.
      ip = parseAddress(t.text);
      name = hostName(t.text);
    } else if (t.kind === 'comment' && ip === null) {
      ip = readTcpInfo(t.text).ip;
    } else if (t.kind === 'word' || t.kind === 'literal') {
      break;
    }
  }
  return { name, ip };
}

function firstValue(p: ParsedReceived, key: ClauseKey): string | null {
  const c = p.clauses[key];
  if (c === undefined) return null;
  for (let i = c.start; i < c.end; i++) {
    const t = p.tokens[i] as Token;
    if (t.kind === 'comment') continue;
    if (t.kind === 'semi') return null;
    const text = t.kind === 'angle' ? t.text.slice(1, -1) : t.text;
    return text === '' ? null : text;
  }
  return null;
}

/** `with ESMTPS`, `with Microsoft SMTP Server (...)`, `with (TLSv1.3:... encrypted) esmtp`, `with local`. */
function readWith(p: ParsedReceived): { text: string | null; phrase: string | null; protocol: string | null } {
  const c = p.clauses.with;
  if (c === undefined) return { text: null, phrase: null, protocol: null };
  const words: string[] = [];
  let i = c.start;
  while (i < c.end && (p.tokens[i] as Token).kind === 'comment') i++;
  for (; i < c.end && words.length < 4; i++) {
    const t = p.tokens[i] as Token;
    if (t.kind !== 'word') break;
    // `SMTPSVC(7.5.7601.23143)` is one word glued to a comment; `tls` starts Exim's cipher part.
    if (words.length > 0 && /^(tls|id|via)$/i.test(t.text)) break;
    words.push(t.text);
  }
  if (words.length === 0) return { text: null, phrase: null, protocol: null };
  return { text: words[0] as string, phrase: words.join(' '), protocol: (words[0] as string).toUpperCase() };
}

export function viewReceived(value: string): ReceivedView {
  const parsed = parseReceived(value);
  const from = readFrom(parsed);
  const w = readWith(parsed);
  const fromClause = parsed.clauses.from;
  const comments: CommentRef[] = [];
  parsed.tokens.forEach((t, i) => {
    if (t.kind !== 'comment') return;
    comments.push({
      text: t.text,
      place: parsed.places[i] as Place,
      token: i,
      hostSlot: fromClause !== undefined && i <= fromClause.start + 1 && i >= fromClause.start,
    });
  });
  return {
    parsed,
    from: from?.from ?? null,
    by: readBy(parsed),
    peer: from?.peer ?? null,
    withText: w.text,
    withPhrase: w.phrase,
    protocol: w.protocol,
    id: firstValue(parsed, 'id'),
    for: firstValue(parsed, 'for'),
    via: firstValue(parsed, 'via'),
    comments,
  };
}
