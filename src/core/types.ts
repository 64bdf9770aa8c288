// The report contract, schema `hoplock/1` (DESIGN.md "The report"). Field names and values are fixed;
// fields marked "additive" are Hoplock additions the schema allows.
import type { AuthenticationSummary } from './auth/types.js';

export type { AuthenticationSummary };

export type Transport = 'encrypted' | 'plaintext' | 'internal' | 'unknown';
export type Verdict = 'encrypted' | 'partial' | 'plaintext' | 'unknown';
export type Trust = 'recipient' | 'upstream';

/** The client's certificate as the receiving server recorded it (additive). Says nothing about MITM protection. */
export type ClientCertificate = 'verified' | 'unverified' | 'absent' | 'not-requested';

export interface TlsInfo {
  /** TLS1.3 | TLS1.2 | TLS1.1 | TLS1.0 | SSL3, or null when the header gives none. */
  version: string | null;
  /** As written in the header. */
  cipher: string | null;
  /** ECDHE, DHE, RSA, X25519, X25519MLKEM768 ... or null when the header does not tell. */
  keyExchange: string | null;
  forwardSecret: boolean | null;
  bits: number | null;
  /** additive: named group when written (Postfix `key-exchange ECDHE (secp384r1)`). */
  group: string | null;
  /** additive: hybrid post-quantum key exchange (X25519MLKEM768 and relatives). */
  postQuantum: boolean;
  /** additive */
  clientCertificate: ClientCertificate | null;
}

export interface HopFrom {
  name: string | null;
  helo: string | null;
  ip: string | null;
}

export interface HopBy {
  name: string | null;
  ip: string | null;
}

/** additive: where the connecting client's address lies. */
export type PeerScope = 'loopback' | 'private' | 'public' | 'local-socket' | 'unspecified' | null;

export interface Hop {
  index: number;
  headerIndex: number;
  from: HopFrom | null;
  by: HopBy | null;
  with: string | null;
  id: string | null;
  for: string | null;
  date: string | null;
  delaySeconds: number | null;
  transport: Transport;
  tls: TlsInfo | null;
  strength: 'strong' | 'weak' | null;
  authenticated: boolean | null;
  trust: Trust;
  evidence: string[];
  raw: string;
  /** additive: ids of the rules that decided this hop, in the order they fired. */
  rules: string[];
  /** additive: one plain sentence on why the hop got its transport. */
  reason: string;
  /** additive: why `strength` is weak (e.g. "TLS 1.0", "RC4"). */
  weaknesses: string[];
  /** additive */
  peer: PeerScope;
}

export interface Warning {
  code: string;
  message: string;
  hop: number | null;
}

export interface AnalysisError {
  code: 'no-headers' | 'empty-input' | 'too-large';
  message: string;
}

export interface MessageSummary {
  subject: string | null;
  from: string | null;
  date: string | null;
  messageId: string | null;
}

/** additive (issue 8): one point per hop, in transit order. */
export interface TimelinePoint {
  hop: number;
  /** Seconds since the first dated hop; null when this hop has no usable date. */
  offsetSeconds: number | null;
  delaySeconds: number | null;
  /** Dated earlier than the hop before it, beyond clock skew. */
  skew: boolean;
}

export interface Timeline {
  points: TimelinePoint[];
  /** From the first dated hop to the last; null with fewer than two dates. */
  totalSeconds: number | null;
}

export interface Analysis {
  schema: 'hoplock/1';
  verdict: Verdict;
  inbound: number | null;
  hops: Hop[];
  warnings: Warning[];
  /** additive: set when no header block could be found; hops is then empty. */
  error: AnalysisError | null;
  /** additive: a few display fields of the message, RFC 2047 decoded. */
  message: MessageSummary;
  /** additive (issue 8): SPF, DKIM, DMARC and ARC as the recipient's own servers recorded them. */
  authentication: AuthenticationSummary | null;
  /** additive (issue 8): the delivery-time view. */
  timeline: Timeline;
}

export interface AnalyzeOptions {
  /** Milliseconds since the epoch used for "date in the future" checks; defaults to Date.now(). */
  now?: number;
  /**
   * The person's own relays (issue 8): host names (`relay.example.org`), domains (`example.org`, matching
   * the domain and its subdomains) and address ranges (`10.0.0.0/8`, `2001:db8::/32`). A hop written by one
   * of them counts as the recipient's side; a hop between two of them is internal.
   */
  internal?: readonly string[];
}
