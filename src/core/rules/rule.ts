// A rule reads one format family's evidence from a Received field. Each rule quotes a real line of the
// format it reads; test/rules.test.ts checks that every rule fires on its own example.
import { MAX_EVIDENCE_CHARS } from '../limits.js';
import type { CommentRef, ReceivedView } from '../received/view.js';
import type { ClientCertificate, Transport } from '../types.js';

export interface TlsFinding {
  version?: string | null;
  cipher?: string | null;
  bits?: number | null;
  keyExchange?: string | null;
  group?: string | null;
  clientCertificate?: ClientCertificate | null;
}

export interface RuleMatch {
  /** The transport this rule decides; absent for rules that only add details. */
  transport?: Transport;
  tls?: TlsFinding;
  authenticated?: boolean;
  /** Exact substrings of the field value. */
  evidence: string[];
  /** One plain sentence: what was seen and what it means. */
  reason: string;
}

export interface Rule {
  id: string;
  /** What the rule decides: TLS evidence, an internal hop, a hop we cannot judge, or a plaintext hop. */
  kind: 'tls' | 'internal' | 'unknown' | 'plaintext';
  match(view: ReceivedView): RuleMatch | null;
}

/** A rule's documentation, beside it in its file and collected in docs.ts (not shipped in the bundles). */
export interface RuleDoc {
  id: string;
  /** Mail servers and providers known to write this format. */
  writers: string[];
  /** A verbatim Received value of this format, and where it was seen. */
  example: string;
  source: string;
}

/** Comments that the receiving server wrote: not the HELO or TCP-info slot after `from`. A comment after
 * the `for` address is the server's (Gmail writes its TLS comment there); the address itself is an opaque
 * <angle> or quoted token, so a sender cannot open a comment from inside it. */
export function serverComments(view: ReceivedView): CommentRef[] {
  return view.serverComments;
}

/** Character codes of lower-case ASCII letters, to compare with CommentRef.lead. */
export const LEAD = { a: 0x61, c: 0x63, d: 0x64, e: 0x65, g: 0x67, i: 0x69, m: 0x6d, n: 0x6e, q: 0x71, s: 0x73, t: 0x74, u: 0x75, v: 0x76 } as const;

/** The comment as written, parentheses included. */
export function commentEvidence(view: ReceivedView, c: CommentRef): string {
  const t = view.parsed.tokens[c.token];
  return t === undefined ? c.text : clip(view.parsed.value.slice(t.start, t.end));
}

/** `with ESMTPS`, from the clause word through the protocol words. */
export function withEvidence(view: ReceivedView): string {
  const c = view.parsed.clauses.with;
  if (c === undefined) return '';
  const tokens = view.parsed.tokens;
  const kw = tokens[c.keyword];
  if (kw === undefined) return '';
  let end = kw.end;
  for (let i = c.start; i < c.end; i++) {
    const t = tokens[i];
    if (t === undefined) break;
    end = t.end;
    if (t.kind === 'word') break;
  }
  return clip(view.parsed.value.slice(kw.start, end));
}

/** Exact text between two token indexes, inclusive. */
export function tokenSpan(view: ReceivedView, first: number, last: number): string {
  const a = view.parsed.tokens[first];
  const b = view.parsed.tokens[last];
  if (a === undefined || b === undefined) return '';
  return clip(view.parsed.value.slice(a.start, b.end));
}

function clip(text: string): string {
  return text.length > MAX_EVIDENCE_CHARS ? `${text.slice(0, MAX_EVIDENCE_CHARS)}…` : text;
}

export function bitsOf(text: string | undefined): number | null {
  if (text === undefined) return null;
  const n = Number.parseInt(text, 10);
  return Number.isFinite(n) && n > 0 && n < 100_000 ? n : null;
}
