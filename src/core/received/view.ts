// The parts of a parsed Received field that a hop reports: who connected (from), who wrote it (by), the
// protocol, id, recipient and comments with their places. Names recorded in the TCP-info comment by the
// receiving server are kept apart from the HELO the client chose.
import { addressScope } from '../address.js';
import { leadOf, lowerEquals, spellsAt } from '../text.js';
import type { HopBy, HopFrom, PeerScope } from '../types.js';
import { type ClauseKey, type ParsedReceived, type Place, parseReceived } from './parse.js';
import { addressOf, HELO, hostName, readTcpInfo, type TcpInfo } from './tcp-info.js';
import type { Token } from './tokenize.js';

export interface CommentRef {
  text: string;
  place: Place;
  /** Token index. */
  token: number;
  /** The first thing after `from`: the client's HELO or a TCP-info comment. Never TLS evidence. */
  hostSlot: boolean;
  /** The first character after white space (what `^\s*` skips), an ASCII letter lower-cased; NaN if none.
   * Rules compare it before running a regex anchored at the start: most comments fail on it. */
  lead: number;
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
  /** The comments not in the host slot, which the receiving server wrote (rule.ts `serverComments`). */
  serverComments: CommentRef[];
  /** Indexes of the word tokens that spell `tls` in any case, in order: where Exim's and OpenSMTPD's TLS
   * records start, so their rules need not read every token. */
  tlsWords: number[];
}

/** Comments that carry TLS or authentication details, never a client address. */
const NOT_TCP_INFO = /^\s*(?:using\s|version=|authenticated|no client|client\s|tls|ssl)/i;
/** The letters NOT_TCP_INFO can start with (a TCP-info comment starts with a name or an address). */
const NOT_TCP_INFO_LEADS = new Set([...'uvancts'].map((c) => c.charCodeAt(0)));

function isTcpInfo(text: string): boolean {
  return !NOT_TCP_INFO_LEADS.has(leadOf(text)) || !NOT_TCP_INFO.test(text);
}

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
      nameIp = addressOf(t.text);
    } else if (t.kind === 'literal') {
      if (lowerEquals(t.text, '[unix socket]') || lowerEquals(t.text, '[local]')) socket = true;
      literalIp ??= addressOf(t.text);
    } else if (t.kind === 'comment' && info?.ip == null && isTcpInfo(t.text)) {
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
      ip = addressOf(t.text);
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
  let i = c.start;
  while (i < c.end && (p.tokens[i] as Token).kind === 'comment') i++;
  const first = p.tokens[i];
  if (i >= c.end || first === undefined || first.kind !== 'word') return { text: null, phrase: null, protocol: null };
  // Up to four words; most protocols are one (`ESMTPS`), and need no joined copy.
  let phrase = first.text;
  for (let n = 1, k = i + 1; n < 4 && k < c.end; n++, k++) {
    const t = p.tokens[k] as Token;
    if (t.kind !== 'word') break;
    // `SMTPSVC(7.5.7601.23143)` is one word glued to a comment; `tls` starts Exim's cipher part.
    if ((t.text.length === 2 || t.text.length === 3) && /^(tls|id|via)$/i.test(t.text)) break;
    phrase = `${phrase} ${t.text}`;
  }
  return { text: first.text, phrase, protocol: upperCase(first.text) };
}

/** toUpperCase, without the copy it makes of a word that is upper case already (`ESMTPS`). */
function upperCase(word: string): string {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || c >= 0x80) return word.toUpperCase(); // a-z, non-ASCII
  }
  return word;
}

export function viewReceived(value: string): ReceivedView {
  const parsed = parseReceived(value);
  const from = readFrom(parsed);
  const w = readWith(parsed);
  const fromClause = parsed.clauses.from;
  const comments: CommentRef[] = [];
  const serverComments: CommentRef[] = [];
  const tlsWords: number[] = [];
  const tokens = parsed.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind === 'word' && t.end - t.start === 3 && spellsAt(parsed.value, t.start, 'tls')) tlsWords.push(i);
    if (t.kind !== 'comment') continue;
    const c: CommentRef = {
      text: t.text,
      place: parsed.places[i] as Place,
      token: i,
      hostSlot: fromClause !== undefined && i <= fromClause.start + 1 && i >= fromClause.start,
      lead: leadOf(t.text),
    };
    comments.push(c);
    if (!c.hostSlot) serverComments.push(c);
  }
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
    serverComments,
    tlsWords,
  };
}
