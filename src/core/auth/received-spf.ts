// Received-SPF (RFC 7208 §9.1): `result (comment) key=value; key=value; ...`. The comment conventionally
// starts with the writer's name; the keys name the checked identity:
//   Received-SPF: pass (google.com: domain of j.ne@posteo.net designates 185.67.36.65 as permitted sender) client-ip=185.67.36.65;
//   Received-SPF: Fail (protection.outlook.com: domain of arri.de does not designate 217.111.95.7 as permitted sender) receiver=protection.outlook.com; client-ip=217.111.95.7; helo=mta.arri.de;
import { asDomain, domainOfAddress } from './domains.js';
import { segmentsOf } from './syntax.js';

export interface ReceivedSpf {
  /** Lower-cased. */
  result: string;
  identity: 'mailfrom' | 'helo' | null;
  domain: string | null;
  /** The server that says it wrote the field: `receiver=`, else the name before `:` in the comment. */
  writer: string | null;
}

/** Segments read: the result with its comment, then the RFC 7208 keys (about 7). */
const MAX_SEGMENTS = 16;

export function parseReceivedSpf(value: string): ReceivedSpf | null {
  const { segments } = segmentsOf(value, MAX_SEGMENTS);
  const head = segments[0];
  const first = head?.items[0];
  if (head === undefined || first === undefined || first.value !== null || !/^[A-Za-z]{1,16}$/.test(first.key)) return null;
  const keys = new Map<string, string>();
  for (const seg of segments) {
    for (const item of seg.items) {
      const name = item.key.toLowerCase();
      if (item.value !== null && !keys.has(name)) keys.set(name, item.value);
    }
  }
  const comment = head.comments[0] ?? '';
  const receiver = keys.get('receiver') ?? null;
  const writer = (receiver === null ? null : asDomain(receiver)) ?? writerInComment(comment);
  const named = keys.get('identity')?.toLowerCase() ?? null;
  let identity: 'mailfrom' | 'helo' | null = null;
  if (named === 'mailfrom' || named === 'mfrom') identity = 'mailfrom';
  else if (named === 'helo') identity = 'helo';
  else if (named === null && keys.has('envelope-from')) identity = 'mailfrom';
  let domain: string | null = null;
  if (identity === 'helo') domain = asDomain(keys.get('helo') ?? '');
  else {
    const envelope = keys.get('envelope-from');
    domain = envelope === undefined ? domainInComment(comment) : domainOfAddress(envelope);
  }
  return { result: first.key.toLowerCase(), identity, domain, writer };
}

/** `google.com: domain of ...` gives `google.com`. */
function writerInComment(comment: string): string | null {
  const colon = comment.indexOf(':');
  if (colon <= 0) return null;
  return asDomain(comment.slice(0, colon));
}

/**
 * The identity in the conventional comment: `domain of j.ne@posteo.net designates` gives `posteo.net`.
 * Microsoft inserts a word for SPF softfail:
 *   Received-SPF: SoftFail (protection.outlook.com: domain of transitioning gmail.com discourages use of 192.0.2.1 as permitted sender)
 */
function domainInComment(comment: string): string | null {
  const at = comment.toLowerCase().indexOf('domain of ');
  if (at === -1) return null;
  const words = comment.slice(at + 10, at + 10 + 300).trim().split(' ');
  const word = words[0] === 'transitioning' ? words[1] : words[0];
  return word === undefined ? null : domainOfAddress(word);
}
