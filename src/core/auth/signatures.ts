// Signature headers as written, unverified: ARC sets (RFC 8617) and DKIM-Signature (RFC 6376). They say who
// claims to have sealed or signed; only the receiver's Authentication-Results says whether that held.
//   ARC-Seal: i=3; a=rsa-sha256; t=1749330165; cv=pass; d=google.com; s=arc-20240605; b=HlpW...
//   DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=gmail.com; s=20230601; t=1749330164; ...
import { asDomain } from './domains.js';
import { MAX_ARC_HEADERS, MAX_ARC_RESULTS, MAX_SIGNATURES } from './limits.js';
import { instanceNumber, parseResults } from './results.js';
import { tagsOf } from './syntax.js';
import type { ArcInstance, DkimSignature } from './types.js';

const SEAL_TAGS = ['i', 'cv', 'd', 's'] as const;
const DKIM_TAGS = ['d', 's'] as const;

export interface ArcFacts {
  instances: number;
  highest: ArcInstance | null;
}

/** The ARC chain as its headers state it: how many instances, and the set with the highest `i=` (for each
 * `i=`, the topmost seal counts). */
export function arcFacts(seals: readonly string[], results: readonly string[]): ArcFacts {
  const seen = new Set<number>();
  let top: { instance: number; tags: Map<string, string> } | null = null;
  for (const value of seals.slice(0, MAX_ARC_HEADERS)) {
    const tags = tagsOf(value, SEAL_TAGS);
    const instance = instanceNumber(tags.get('i') ?? '');
    if (instance === null || seen.has(instance)) continue;
    seen.add(instance);
    if (top === null || instance > top.instance) top = { instance, tags };
  }
  if (top === null) return { instances: 0, highest: null };
  let authservId: string | null = null;
  let list: { method: string; result: string }[] = [];
  for (const value of results.slice(0, MAX_ARC_HEADERS)) {
    const parsed = parseResults(value, true);
    if (parsed.instance !== top.instance) continue;
    authservId = parsed.authservId;
    list = parsed.results.slice(0, MAX_ARC_RESULTS).map((r) => ({ method: r.method, result: r.result }));
    break;
  }
  const cv = top.tags.get('cv');
  return {
    instances: seen.size,
    highest: {
      instance: top.instance,
      domain: asDomain(top.tags.get('d') ?? ''),
      selector: nonEmpty(top.tags.get('s')),
      cv: cv === undefined || cv === '' ? null : cv.toLowerCase(),
      authservId,
      results: list,
    },
  };
}

/** Signing domain and selector of each DKIM-Signature, top-down. */
export function dkimSignatures(values: readonly string[]): DkimSignature[] {
  return values.slice(0, MAX_SIGNATURES).map((value) => {
    const tags = tagsOf(value, DKIM_TAGS);
    return { domain: asDomain(tags.get('d') ?? ''), selector: nonEmpty(tags.get('s')) };
  });
}

function nonEmpty(text: string | undefined): string | null {
  return text === undefined || text === '' ? null : text;
}
