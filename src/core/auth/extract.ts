// The results of the Authentication-Results field that was read, turned into the summary's shapes.
//   Authentication-Results: mx.google.com;
//          dkim=pass header.i=@posteo.net header.s=2017 header.b=LKrvjzfz;
//          spf=pass (google.com: domain of j.ne@posteo.net designates 185.67.36.65 as permitted sender) smtp.mailfrom=j.ne@posteo.net;
//          dmarc=pass (p=NONE sp=NONE dis=NONE) header.from=posteo.net
import { asDomain, domainOfAddress } from './domains.js';
import { type ResultInfo, propertyOf } from './results.js';
import type { DkimResult, DmarcSummary, OtherResult } from './types.js';

/** Results kept per method list (`dkim`, `other`). */
const MAX_LISTED = 32;

export interface SpfReading {
  result: string;
  identity: 'mailfrom' | 'helo' | null;
  domain: string | null;
}

export interface Extracted {
  spf: SpfReading | null;
  dkim: Omit<DkimResult, 'aligned'>[];
  dmarc: DmarcSummary | null;
  arc: string | null;
  other: OtherResult[];
  /** Methods that appeared more than once where only the first counts (spf, dmarc, arc). */
  repeated: string[];
}

export function extract(results: readonly ResultInfo[]): Extracted {
  const out: Extracted = { spf: null, dkim: [], dmarc: null, arc: null, other: [], repeated: [] };
  const repeat = (method: string) => {
    if (!out.repeated.includes(method)) out.repeated.push(method);
  };
  for (const r of results) {
    switch (r.method) {
      case 'spf':
        if (out.spf === null) out.spf = spfOf(r);
        else repeat('spf');
        break;
      case 'dkim':
        if (out.dkim.length < MAX_LISTED) out.dkim.push(dkimOf(r));
        break;
      case 'dmarc':
        if (out.dmarc === null) out.dmarc = { result: r.result, headerFrom: asDomain(propertyOf(r, 'header.from') ?? ''), policy: policyOf(r) };
        else repeat('dmarc');
        break;
      case 'arc':
        if (out.arc === null) out.arc = r.result;
        else repeat('arc');
        break;
      default:
        if (out.other.length < MAX_LISTED) out.other.push({ method: r.method, result: r.result, reason: r.reason });
    }
  }
  return out;
}

/**
 * `smtp.mailfrom` (an address or, as Microsoft writes it, a bare domain), else `smtp.helo`. Coremail writes
 * `smtp.mail` for the envelope sender:
 *   Authentication-Results: mx19; spf=pass smtp.mail=0101016ffeb63bb7-...-000000@us-west-2.amazonses.com; dkim=pass header.i=@amazonses.com
 */
function spfOf(r: ResultInfo): SpfReading {
  const mailfrom = propertyOf(r, 'smtp.mailfrom') ?? propertyOf(r, 'smtp.mail');
  const helo = propertyOf(r, 'smtp.helo');
  const mailfromDomain = mailfrom === null ? null : domainOfAddress(mailfrom);
  if (mailfromDomain !== null || helo === null) {
    return { result: r.result, identity: mailfrom === null ? null : 'mailfrom', domain: mailfromDomain };
  }
  // An empty envelope sender (bounces) is checked by its HELO name (RFC 7208 §2.4).
  return { result: r.result, identity: 'helo', domain: asDomain(helo) };
}

/** `header.d`, else the domain of `header.i` (Gmail writes only `header.i=@example.com header.s=...`).
 * Exchange Online writes `header.d=none` for an unsigned message: no domain. */
function dkimOf(r: ResultInfo): Omit<DkimResult, 'aligned'> {
  const d = propertyOf(r, 'header.d');
  const i = propertyOf(r, 'header.i');
  const domain = (d === null ? null : asDomain(d)) ?? (i === null ? null : domainOfAddress(i));
  return { result: r.result, domain, selector: propertyOf(r, 'header.s'), identity: i };
}

const POLICIES = new Map<string, 'none' | 'quarantine' | 'reject'>([
  ['none', 'none'],
  ['quarantine', 'quarantine'],
  ['reject', 'reject'],
]);

/**
 * The published DMARC policy, where receivers write it:
 *   Fastmail: dmarc=pass policy.published-domain-policy=reject ... (p=reject,d=none,d.eval=none)
 *   Gmail:    dmarc=pass (p=NONE sp=QUARANTINE dis=NONE) header.from=gmail.com
 *   Yahoo:    dmarc=pass(p=NONE,sp=QUARANTINE) header.from=gmail.com
 *   rspamd:   dmarc=pass (policy=quarantine) header.from=domaina.com
 * Microsoft writes only what it did (`action=none`), which is not the policy.
 */
function policyOf(r: ResultInfo): 'none' | 'quarantine' | 'reject' | null {
  const published = propertyOf(r, 'policy.published-domain-policy');
  if (published !== null) return POLICIES.get(published.toLowerCase()) ?? null;
  for (const comment of r.comments) {
    for (const token of comment.split(/[\s,;]/)) {
      const eq = token.indexOf('=');
      const key = token.slice(0, eq).toLowerCase();
      if (eq > 0 && (key === 'p' || key === 'policy')) return POLICIES.get(token.slice(eq + 1).toLowerCase()) ?? null;
    }
  }
  return null;
}
