// Authentication-Results (RFC 8601 §2.2) and ARC-Authentication-Results (RFC 8617 §4.1.1) read into
// authserv-id and results. Tolerant where real servers stray from the grammar; each stray quoted below.
import { MAX_PROPERTIES, MAX_RESINFOS } from './limits.js';
import { type Segment, segmentsOf } from './syntax.js';

export interface ResultInfo {
  /** Lower-cased, version removed (`dkim/1` is `dkim`). */
  method: string;
  /** Lower-cased. */
  result: string;
  /** `reason=` as written. */
  reason: string | null;
  /** `ptype.property` (lower-cased) and value as written, in order, e.g. `header.d`, `smtp.mailfrom`. Also
   * non-standard bare keys such as Microsoft's `action=none`. */
  properties: { name: string; value: string }[];
  comments: string[];
}

export interface ParsedResults {
  /** `i=` of an ARC-Authentication-Results; null for Authentication-Results or when missing. */
  instance: number | null;
  /** As written; null when absent. */
  authservId: string | null;
  results: ResultInfo[];
  /** More results followed than were read. */
  truncated: boolean;
}

/** Reads an Authentication-Results value (`arc` false) or an ARC-Authentication-Results value (`arc` true,
 * which starts with `i=N;`). */
export function parseResults(value: string, arc: boolean): ParsedResults {
  // Two segments more than MAX_RESINFOS: the `i=` prefix and the authserv-id.
  const { segments, truncated } = segmentsOf(value, MAX_RESINFOS + 2);
  let k = 0;
  let instance: number | null = null;
  if (arc) {
    const first = segments[0]?.items[0];
    if (first !== undefined && first.key.toLowerCase() === 'i' && first.value !== null) {
      instance = instanceNumber(first.value);
      k = 1;
    }
  }
  let authservId: string | null = null;
  const head = segments[k]?.items[0];
  // Exchange Online writes no authserv-id; its value starts with the first result:
  //   Authentication-Results: spf=pass (sender IP is 209.85.128.67) smtp.mailfrom=gmail.com; dkim=pass ...
  if (head !== undefined && head.value === null && head.key.length > 0) {
    authservId = head.key;
    // Anything after the authserv-id in its segment is a version (`mx.microsoft.com 1`) or, in old Yahoo
    // fields, a stray `from=` (`mta4396.mail.ne1.yahoo.com  from=member.amexmessages.com; dkim=neutral`):
    // neither is a result.
    k++;
  }
  const results: ResultInfo[] = [];
  for (let j = k; j < segments.length && results.length < MAX_RESINFOS; j++) {
    const r = resultOf(segments[j] as Segment);
    if (r !== null) results.push(r);
  }
  return { instance, authservId, results, truncated };
}

/** `i=` of ARC headers: 1 to 50 without sign or leading zero; null otherwise. */
export function instanceNumber(text: string): number | null {
  if (!/^[1-9]\d?$/.test(text)) return null;
  const n = Number(text);
  return n <= 50 ? n : null;
}

/**
 * One `method=result` unit. A segment that does not start with one is skipped: `none` (no results), and the
 * bare tenant domain Exchange Online puts between results:
 *   spf=pass (sender IP is 123.126.97.3) smtp.mailfrom=163.com; judytmdevorg.onmicrosoft.com; dkim=pass ...
 */
function resultOf(segment: Segment): ResultInfo | null {
  const [first, ...rest] = segment.items;
  if (first === undefined || first.value === null || first.value === '' || first.key === '') return null;
  let method = first.key.toLowerCase();
  const slash = method.indexOf('/');
  if (slash > 0) method = method.slice(0, slash);
  let reason: string | null = null;
  const properties: { name: string; value: string }[] = [];
  for (const item of rest) {
    if (item.value === null) continue;
    const name = item.key.toLowerCase();
    if (name === 'reason' && reason === null) reason = item.value;
    else if (properties.length < MAX_PROPERTIES) properties.push({ name, value: item.value });
  }
  return { method, result: first.value.toLowerCase(), reason, properties, comments: segment.comments };
}

/** The first value of a property (`header.d`), or null. */
export function propertyOf(r: ResultInfo, name: string): string | null {
  for (const p of r.properties) if (p.name === name) return p.value;
  return null;
}
