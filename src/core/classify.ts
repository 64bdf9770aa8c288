// Decides one hop's transport from its Received field, and reads its TLS details, strength and
// authentication. Evidence comes only from what the receiving server writes (DESIGN.md).
import { memoize } from './memo.js';
import type { ReceivedView } from './received/view.js';
import { readAuthentication } from './rules/authentication.js';
import { OTHER_RULES, TLS_RULES } from './rules/index.js';
import type { Rule, RuleMatch } from './rules/rule.js';
import { TLS_PROTOCOLS } from './rules/tls-protocol-keyword.js';
import { type CipherFacts, cipherFacts, isPostQuantum, normalizeVersion, versionWeakness } from './tls/ciphers.js';
import type { TlsInfo, Transport } from './types.js';

export interface Classification {
  transport: Transport;
  tls: TlsInfo | null;
  strength: 'strong' | 'weak' | null;
  weaknesses: string[];
  authenticated: boolean | null;
  evidence: string[];
  rules: string[];
  reason: string;
  /** additive: rules that threw on this header (a shape no test foresaw); see `classify`. */
  failed: string[];
}

/** A rule that throws must not take the analysis down: it counts as not matching, and is reported. */
function safeMatch(rule: Rule, view: ReceivedView, failed: string[]): RuleMatch | null {
  try {
    return rule.match(view);
  } catch {
    failed.push(rule.id);
    return null;
  }
}

/** Cipher names and version words repeat from hop to hop (a few suites carry nearly all mail) and reading
 * one costs up to twenty regexes: remembered, as org.ts remembers organisations. The facts are shared, so
 * they are only read here, never changed. */
const factsOfCipher = memoize(cipherFacts);
const NO_CIPHER = cipherFacts(null);
const versionOf = memoize(normalizeVersion);

/** Explicit key exchanges that are ephemeral (Postfix `key-exchange X25519`, `ECDHE (secp384r1)`). */
const EPHEMERAL_KX = /^(?:X25519|X448|ECDHE|DHE|EECDH|EDH|FFDHE|SECP|P-\d|PRIME|BRAINPOOL)|MLKEM/i;

function mergeTls(matches: RuleMatch[]): { tls: TlsInfo; facts: CipherFacts; inferred13: boolean } {
  const tls: TlsInfo = {
    version: null,
    cipher: null,
    keyExchange: null,
    forwardSecret: null,
    bits: null,
    group: null,
    postQuantum: false,
    clientCertificate: null,
  };
  let explicitKx: string | null = null;
  for (const m of matches) {
    const f = m.tls;
    if (f === undefined) continue;
    tls.version ??= f.version == null ? null : versionOf(f.version);
    tls.cipher ??= f.cipher ?? null;
    tls.bits ??= f.bits ?? null;
    tls.group ??= f.group ?? null;
    tls.clientCertificate ??= f.clientCertificate ?? null;
    explicitKx ??= f.keyExchange ?? null;
  }
  const facts = tls.cipher !== null && tls.cipher.length <= 100 ? factsOfCipher(tls.cipher) : NO_CIPHER;
  let inferred13 = false;
  if (tls.version === null && facts.tls13) {
    // A TLS 1.3 suite cannot be negotiated in any earlier version (RFC 8446 §B.4).
    tls.version = 'TLS1.3';
    inferred13 = true;
  }
  tls.keyExchange = explicitKx ?? facts.keyExchange;
  tls.postQuantum = isPostQuantum(explicitKx);
  if (tls.version === 'TLS1.3') tls.forwardSecret = true;
  else if (explicitKx !== null && EPHEMERAL_KX.test(explicitKx)) tls.forwardSecret = true;
  else tls.forwardSecret = facts.forwardSecret;
  return { tls, facts, inferred13 };
}

/** `facts` are those of tls.cipher, read once by mergeTls. */
function strengthOf(tls: TlsInfo, facts: CipherFacts): { strength: 'strong' | 'weak' | null; weaknesses: string[] } {
  const weaknesses: string[] = [];
  const v = versionWeakness(tls.version);
  if (v !== null) weaknesses.push(v);
  if (tls.cipher !== null && tls.cipher.length <= 100) weaknesses.push(...facts.weaknesses);
  if (weaknesses.length > 0) return { strength: 'weak', weaknesses };
  if (tls.version === null && tls.cipher === null) return { strength: null, weaknesses };
  return { strength: 'strong', weaknesses };
}

export function classify(view: ReceivedView): Classification {
  const auth = readAuthentication(view);
  const tlsMatches: RuleMatch[] = [];
  const tlsRules: string[] = [];
  const failed: string[] = [];
  for (const rule of TLS_RULES) {
    const m = safeMatch(rule, view, failed);
    if (m !== null) {
      tlsMatches.push(m);
      tlsRules.push(rule.id);
    }
  }
  if (tlsMatches.length > 0) {
    const { tls, facts, inferred13 } = mergeTls(tlsMatches);
    const { strength, weaknesses } = strengthOf(tls, facts);
    const evidence: string[] = [];
    for (const m of tlsMatches) addUnique(evidence, m.evidence);
    addUnique(evidence, auth.evidence);
    let reason = (tlsMatches[0] as RuleMatch).reason;
    if (view.protocol !== null && !TLS_PROTOCOLS.has(view.protocol) && !tlsRules.includes('tls-protocol-keyword')) {
      const word = view.withText;
      if (word !== null && /^(E?SMTP|LMTP)$/i.test(word)) reason += ` Its protocol word says ${word}, but its TLS record is what counts.`;
    }
    if (inferred13) reason += ` ${tls.cipher} exists only in TLS 1.3.`;
    return {
      transport: 'encrypted',
      tls,
      strength,
      weaknesses,
      authenticated: auth.authenticated,
      evidence,
      rules: tlsRules,
      reason,
      failed,
    };
  }
  for (const rule of OTHER_RULES) {
    const m = safeMatch(rule, view, failed);
    if (m === null || m.transport === undefined) continue;
    // A TLS rule that failed might have found encryption: a plaintext answer would be a guess.
    if (failed.length > 0 && m.transport === 'plaintext') break;
    return {
      transport: m.transport,
      tls: null,
      strength: null,
      weaknesses: [],
      authenticated: auth.authenticated,
      evidence: addUnique(addUnique([], m.evidence, true), auth.evidence, true),
      rules: [rule.id],
      reason: m.reason,
      failed,
    };
  }
  let reason: string;
  if (failed.length > 0) reason = 'Hoplock could not read this header completely, so it does not say how the message was received.';
  else if (view.withText === null) reason = 'The header does not say how the message was received.';
  else reason = `The protocol ${view.withPhrase} is not one Hoplock knows.`;
  return { transport: 'unknown', tls: null, strength: null, weaknesses: [], authenticated: auth.authenticated, evidence: [], rules: [], reason, failed };
}

/** Appends the items of `items` not yet in `list`, in order, leaving out empty ones if asked (a Set, flatMap
 * and spreads cost a third of classify, node 22, measured). */
function addUnique(list: string[], items: readonly string[], dropEmpty = false): string[] {
  for (const e of items) if (!(dropEmpty && e === '') && !list.includes(e)) list.push(e);
  return list;
}
