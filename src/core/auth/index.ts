// What the authentication headers say, and which of them the recipient can rely on (issue 8).
//
// Trust (RFC 8601 §5, DESIGN.md "Trust"): every header below the recipient's own can be written by the
// sender, Authentication-Results included. So the results are read from one field only: the TOPMOST
// Authentication-Results whose authserv-id belongs to the recipient's organisations. Every other one
// (lower, or with a foreign authserv-id) is listed in `ignored` with the reason, and never read. When the
// recipient's organisations are unknown (an empty set), the topmost field is read with `trusted: false`.
// Received-SPF fills in SPF only when that field has no spf result, and only the topmost one, written by
// the recipient's servers. DKIM-Signature and ARC headers are reported as written: claims, not results.
//
// Pure and total: never throws, linear in the input, every value capped (./limits.ts).
import { extract } from './extract.js';
import { fromDomainOf } from './domains.js';
import { MAX_ARC_HEADERS, MAX_AUTH_HEADERS, MAX_IGNORED, MAX_SIGNATURES } from './limits.js';
import { parseReceivedSpf } from './received-spf.js';
import { parseResults, type ResultInfo } from './results.js';
import { arcFacts, dkimSignatures } from './signatures.js';
import type { AuthenticationSummary, AuthSource, DkimResult, IgnoredAuthHeader, SpfSummary } from './types.js';

export type * from './types.js';

export interface HeaderField {
  name: string;
  value: string;
}

/** RFC 8689 §5: the sender's request that relays deliver even where TLS cannot be had. */
export const TLS_REQUIRED_NO_EXPLANATION =
  'The sender added "TLS-Required: No" (RFC 8689), asking every server on the way to deliver this message even if it could not be sent over an encrypted connection.';

/**
 * Exchange Online writes its Authentication-Results with no authserv-id at all:
 *   Authentication-Results: spf=pass (sender IP is 209.85.128.67) smtp.mailfrom=gmail.com; dkim=pass (signature was verified) header.d=gmail.com;dmarc=pass action=none header.from=gmail.com;compauth=pass reason=100
 * Such a field counts as Microsoft's when it is the topmost Authentication-Results and the recipient is
 * Microsoft (this name's organisation is among the recipient's); it names itself in Received-SPF as
 * `receiver=protection.outlook.com`.
 */
const MICROSOFT_AUTHSERV = 'protection.outlook.com';

interface Entry {
  index: number;
  name: string;
  value: string;
}

/** The headers this module reads, collected in one pass (top-down), each list capped. */
interface Collected {
  results: Entry[];
  resultsSeen: number;
  receivedSpf: Entry | null;
  seals: string[];
  arcResults: string[];
  dkim: string[];
  /** The first From value, and how many From fields there are. */
  from: string | null;
  fromCount: number;
  tlsRequiredNo: boolean;
}

function collect(fields: readonly HeaderField[]): Collected {
  const c: Collected = { results: [], resultsSeen: 0, receivedSpf: null, seals: [], arcResults: [], dkim: [], from: null, fromCount: 0, tlsRequiredNo: false };
  for (let index = 0; index < fields.length; index++) {
    const f = fields[index];
    if (f === undefined || f === null || typeof f.name !== 'string' || typeof f.value !== 'string') continue;
    switch (f.name.trim().toLowerCase()) {
      case 'authentication-results':
        c.resultsSeen++;
        if (c.results.length < MAX_AUTH_HEADERS) c.results.push({ index, name: f.name, value: f.value });
        break;
      case 'received-spf':
        if (c.receivedSpf === null) c.receivedSpf = { index, name: f.name, value: f.value };
        break;
      case 'arc-seal':
        if (c.seals.length < MAX_ARC_HEADERS) c.seals.push(f.value);
        break;
      case 'arc-authentication-results':
        if (c.arcResults.length < MAX_ARC_HEADERS) c.arcResults.push(f.value);
        break;
      case 'dkim-signature':
        if (c.dkim.length < MAX_SIGNATURES) c.dkim.push(f.value);
        break;
      case 'from':
        if (c.fromCount === 0) c.from = f.value;
        c.fromCount++;
        break;
      case 'tls-required':
        if (saysNo(f.value)) c.tlsRequiredNo = true;
        break;
    }
  }
  return c;
}

/** `No`, any case, alone or before a comment (RFC 8689 §5.1 defines no other value). */
function saysNo(value: string): boolean {
  const v = value.trimStart();
  if (v.slice(0, 2).toLowerCase() !== 'no') return false;
  const next = v.charCodeAt(2);
  return Number.isNaN(next) || next === 0x20 || next === 0x09 || next === 0x28 || next === 0x3b || next === 0x0d || next === 0x0a;
}

function hostKey(id: string): string {
  const h = id.trim().toLowerCase();
  return h.endsWith('.') ? h.slice(0, -1) : h;
}

export function readAuthenticationResults(
  fields: readonly HeaderField[],
  recipientOrganisations: ReadonlySet<string>,
  organisationOf: (host: string) => string | null,
): AuthenticationSummary {
  try {
    return read(fields, recipientOrganisations, organisationOf);
  } catch {
    // Unreachable by design; a caller's organisationOf may still throw. A fixed-shape answer either way.
    const s = emptySummary();
    s.notes.push('The authentication headers could not be read.');
    return s;
  }
}

function emptySummary(): AuthenticationSummary {
  return {
    source: null,
    ignored: [],
    spf: null,
    dkim: [],
    dmarc: null,
    arc: { result: null, instances: 0, highest: null },
    other: [],
    signatures: [],
    alignment: { fromDomain: null, spfAligned: null, dkimAligned: null },
    tlsRequiredNo: false,
    tlsRequiredNoExplanation: null,
    notes: [],
  };
}

function read(fields: readonly HeaderField[], orgs: ReadonlySet<string>, organisationOf: (host: string) => string | null): AuthenticationSummary {
  const list = Array.isArray(fields) ? fields : [];
  const c = collect(list);
  const notes: string[] = [];
  const ignored: IgnoredAuthHeader[] = [];
  let ignoredDropped = 0;
  const ignore = (entry: Entry, authservId: string | null, reason: string) => {
    if (ignored.length < MAX_IGNORED) ignored.push({ index: entry.index, name: entry.name, authservId, reason });
    else ignoredDropped++;
  };
  const orgOf = (host: string): string | null => {
    const o = organisationOf(hostKey(host));
    return typeof o === 'string' && o.length > 0 ? o : null;
  };
  const isRecipient = (host: string | null): boolean => {
    if (host === null) return false;
    const o = orgOf(host);
    return o !== null && orgs.has(o);
  };
  const known = orgs.size > 0;
  const microsoft = known && isRecipient(MICROSOFT_AUTHSERV);

  // Which Authentication-Results is read.
  let source: AuthSource | null = null;
  let sourceResults: readonly ResultInfo[] = [];
  let runEnd = -1;
  let split = 0;
  for (let pos = 0; pos < c.results.length; pos++) {
    const entry = c.results[pos] as Entry;
    const parsed = parseResults(entry.value, false);
    const id = parsed.authservId;
    if (source === null) {
      const ownId = known && isRecipient(id);
      const ownMicrosoft = microsoft && id === null && pos === 0;
      if (!known || ownId || ownMicrosoft) {
        source = { name: entry.name, index: entry.index, authservId: id, trusted: known };
        sourceResults = parsed.results;
        runEnd = entry.index;
        if (ownMicrosoft) {
          notes.push(
            'Exchange Online writes its Authentication-Results without an authserv-id; the topmost one was taken as the recipient\'s own (protection.outlook.com).',
          );
        }
        if (!known) notes.push('The recipient\'s servers are not known, so the topmost Authentication-Results was read, but it cannot be trusted.');
        if (parsed.truncated) notes.push('The Authentication-Results that was read holds more results than Hoplock reads; only the first were read.');
        continue;
      }
      ignore(entry, id, foreignReason(id));
      continue;
    }
    const sameWriter = id !== null && source.authservId !== null && hostKey(id) === hostKey(source.authservId);
    if (sameWriter && entry.index === runEnd + 1) {
      runEnd = entry.index;
      split++;
    }
    if (!known) ignore(entry, id, 'Only the topmost Authentication-Results is read: a lower one may have been written by the sender.');
    else if (isRecipient(id) || (id === null && microsoft)) {
      ignore(
        entry,
        id,
        'It is below the trusted Authentication-Results; a sender can add a field with the recipient\'s authserv-id further down, so only the topmost is trusted (RFC 8601 §5).',
      );
    } else ignore(entry, id, foreignReason(id));
  }
  if (split > 0) {
    notes.push(
      `${split} more Authentication-Results with the same authserv-id directly below the one that was read ${split === 1 ? 'was' : 'were'} not read, because a sender can add such a field; some providers (Fastmail, GMX) split their own results that way, so results may be missing.`,
    );
  }
  if (c.resultsSeen > c.results.length) notes.push(`Only the top ${c.results.length} of ${c.resultsSeen} Authentication-Results fields were examined.`);

  const found = extract(sourceResults);
  for (const method of found.repeated) notes.push(`The Authentication-Results that was read has more than one ${method} result; the first was read.`);

  // From domain and alignment.
  const from = fromDomainOf(c.from, c.fromCount);
  if (from.problem !== null) notes.push(from.problem);
  const fromDomain = from.domain;
  const aligned = (domain: string | null): boolean | null => {
    if (domain === null || fromDomain === null) return null;
    const a = orgOf(domain);
    const b = orgOf(fromDomain);
    if (a !== null && b !== null) return a === b;
    return domain === fromDomain ? true : null;
  };

  let spf: SpfSummary | null = null;
  if (found.spf !== null && source !== null) {
    spf = { ...found.spf, aligned: aligned(found.spf.domain), via: 'authentication-results', index: source.index, trusted: source.trusted };
  } else if (c.receivedSpf !== null) {
    spf = fallbackSpf(c.receivedSpf, known, isRecipient, notes, ignore, source !== null);
    if (spf !== null) spf.aligned = aligned(spf.domain);
  }

  const dkim: DkimResult[] = found.dkim.map((d) => ({ ...d, aligned: aligned(d.domain) }));
  const arc = arcFacts(c.seals, c.arcResults);
  if (ignoredDropped > 0) notes.push(`${ignoredDropped} more ignored headers are not listed.`);

  ignored.sort((a, b) => a.index - b.index);
  return {
    source,
    ignored,
    spf,
    dkim,
    dmarc: found.dmarc,
    arc: { result: found.arc, instances: arc.instances, highest: arc.highest },
    other: found.other,
    signatures: dkimSignatures(c.dkim),
    alignment: {
      fromDomain,
      spfAligned: spf === null || spf.aligned === null ? null : spf.aligned && spf.result === 'pass',
      dkimAligned: fromDomain === null || dkim.length === 0 ? null : dkim.some((d) => d.aligned === true && d.result === 'pass'),
    },
    tlsRequiredNo: c.tlsRequiredNo,
    tlsRequiredNoExplanation: c.tlsRequiredNo ? TLS_REQUIRED_NO_EXPLANATION : null,
    notes,
  };
}

function foreignReason(id: string | null): string {
  if (id === null) return 'It names no authserv-id, so it cannot be tied to the recipient\'s servers.';
  return `Its authserv-id "${id}" is not one of the recipient's servers, so the sender or a server upstream may have written it (RFC 8601 §5).`;
}

/**
 * RFC 7208 §9.1 Received-SPF, used when the Authentication-Results that was read has no spf (or none was
 * read): only the topmost, the one the inbound boundary wrote, and only when it names a recipient's
 * server as its writer (`receiver=`, or the name opening its comment). With no known recipient it is read
 * untrusted, like the Authentication-Results.
 */
function fallbackSpf(
  entry: Entry,
  known: boolean,
  isRecipient: (host: string | null) => boolean,
  notes: string[],
  ignore: (entry: Entry, authservId: string | null, reason: string) => void,
  hadSource: boolean,
): SpfSummary | null {
  const parsed = parseReceivedSpf(entry.value);
  if (parsed === null) {
    ignore(entry, null, 'Its result could not be read.');
    return null;
  }
  const own = isRecipient(parsed.writer);
  if (known && !own) {
    ignore(
      entry,
      parsed.writer,
      parsed.writer === null
        ? 'It does not name the server that wrote it, so it cannot be tied to the recipient\'s servers.'
        : `It was written by "${parsed.writer}", which is not one of the recipient's servers.`,
    );
    return null;
  }
  const why = hadSource ? 'the Authentication-Results that was read has no spf result' : 'no Authentication-Results was read';
  notes.push(`SPF was read from the topmost Received-SPF${parsed.writer === null ? '' : ` (written by ${parsed.writer})`}, because ${why}.`);
  return {
    result: parsed.result,
    identity: parsed.identity,
    domain: parsed.domain,
    aligned: null,
    via: 'received-spf',
    index: entry.index,
    trusted: known && own,
  };
}
