// Chain-level facts: transit order, delays, the trust boundary and the inbound hop, the verdict, and checks
// that flag a suspect chain (DESIGN.md "Trust").
import { CLOCK_SKEW_SECONDS, FUTURE_TOLERANCE_SECONDS } from './limits.js';
import type { HopDraft } from './hop.js';
import { organisationOf } from './org.js';
import { normalizeHost } from './text.js';
import type { Hop, Verdict, Warning } from './types.js';

export interface Chain {
  /** In transit order, oldest first. */
  hops: Hop[];
  /** Per hop, the organisation of its writer (`by`), looked up once for every check that needs it. */
  byOrgs: (string | null)[];
  /** Per hop, its date in milliseconds since the epoch, or null. */
  ms: (number | null)[];
  inbound: number | null;
  warnings: Warning[];
}

/** Drafts come top-down as in the header; hops go out in transit order, oldest first. */
export function buildChain(drafts: HopDraft[], now: number): Chain {
  const warnings: Warning[] = [];
  const transit = [...drafts].reverse();
  transit.forEach((d, i) => {
    d.hop.index = i + 1;
    for (const w of d.warnings) warnings.push({ ...w, hop: i + 1 });
  });
  timeline(transit, now, warnings);
  links(transit, warnings);
  const hops = transit.map((d) => d.hop);
  const byOrgs = hops.map((h) => organisationOf(h.by?.name ?? null));
  const inbound = trust(hops, byOrgs);
  return { hops, byOrgs, ms: transit.map((d) => d.ms), inbound, warnings };
}

function timeline(transit: HopDraft[], now: number, warnings: Warning[]): void {
  let previous: number | null = null;
  for (const d of transit) {
    if (d.ms === null) continue;
    if (d.ms > now + FUTURE_TOLERANCE_SECONDS * 1000) {
      warnings.push({ code: 'date-future', message: `Hop ${d.hop.index} is dated ${d.hop.date}, in the future.`, hop: d.hop.index });
    }
    if (previous !== null) {
      const delay = Math.round((d.ms - previous) / 1000);
      d.hop.delaySeconds = delay;
      if (delay < -CLOCK_SKEW_SECONDS) {
        warnings.push({
          code: 'date-backwards',
          message: `Hop ${d.hop.index} is dated ${formatSeconds(-delay)} before the hop below it: a clock is wrong or a header was forged.`,
          hop: d.hop.index,
        });
      }
    }
    previous = d.ms;
  }
}

function formatSeconds(s: number): string {
  if (s < 120) return `${s} s`;
  if (s < 7200) return `${Math.round(s / 60)} min`;
  if (s < 172800) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86400)} days`;
}

function names(values: (string | null | undefined)[]): string[] {
  const out: string[] = [];
  for (const v of values) if (v != null && v !== '') out.push(normalizeHost(v));
  return out;
}

/** Does the client named by `next` look like the server that wrote `prev`? */
function linked(prev: Hop, next: Hop): boolean {
  if (prev.by === null || next.from === null) return true;
  const a = names([prev.by.name, prev.by.ip]);
  const b = names([next.from.name, next.from.helo, next.from.ip]);
  if (a.length === 0 || b.length === 0) return true;
  for (const x of a) {
    for (const y of b) if (x === y || sameFirstLabel(x, y)) return true;
  }
  // Any pair of the same organisation: each name looked up once, not once per pair.
  const orgsOfB = b.map(organisationOf);
  for (const x of a) {
    const org = organisationOf(x);
    if (org !== null && orgsOfB.includes(org)) return true;
  }
  return false;
}

/** Do the names share a first label of three characters or more (`x.split('.')[0]`, without the arrays)? */
function sameFirstLabel(x: string, y: string): boolean {
  const dx = x.indexOf('.');
  const n = dx === -1 ? x.length : dx;
  const dy = y.indexOf('.');
  if (n < 3 || n !== (dy === -1 ? y.length : dy)) return false;
  return x.startsWith(y.slice(0, n));
}

function links(transit: HopDraft[], warnings: Warning[]): void {
  for (let i = 1; i < transit.length; i++) {
    const prev = (transit[i - 1] as HopDraft).hop;
    const next = (transit[i] as HopDraft).hop;
    if (!linked(prev, next)) {
      const by = prev.by?.name ?? prev.by?.ip;
      const from = next.from?.name ?? next.from?.helo ?? next.from?.ip;
      warnings.push({
        code: 'chain-gap',
        message: `Hop ${prev.index} was received by ${by}, but hop ${next.index} says it came from ${from}: the chain has a gap or a forged header.`,
        hop: next.index,
      });
    }
  }
}

/** Is the client of this recipient-side hop also on the recipient's side? null when no client is recorded. */
function clientInside(hop: Hop, orgs: Set<string>): boolean | null {
  if (hop.from === null) return null;
  if (hop.peer === 'loopback' || hop.peer === 'local-socket' || hop.peer === 'private') return true;
  if (hop.transport === 'internal' && hop.peer !== 'public') return true;
  const org = organisationOf(hop.from.name ?? hop.from.helo);
  if (org !== null && orgs.has(org)) return true;
  if (org === null && hop.from.ip === null) return null;
  return false;
}

/**
 * Marks hops written by the recipient's side, from the top down: the top writer, and each writer that the
 * hop above received from inside the recipient's side (a private or loopback client, or a client of the same
 * organisation). The first recipient-side hop whose client is outside is the inbound hop; everything below it
 * was written upstream and could be forged. Returns the inbound hop's index.
 */
function trust(transit: Hop[], byOrgs: readonly (string | null)[]): number | null {
  const orgs = new Set<string>();
  for (let k = transit.length - 1; k >= 0; k--) {
    const hop = transit[k] as Hop;
    hop.trust = 'recipient';
    const org = byOrgs[k] as string | null;
    if (org !== null) orgs.add(org);
    const inside = clientInside(hop, orgs);
    if (inside === false) return hop.index;
    if (inside === null) {
      const below = transit[k - 1];
      const belowOrg = below === undefined ? null : (byOrgs[k - 1] as string | null);
      if (below !== undefined && orgs.size > 0 && belowOrg !== null && !orgs.has(belowOrg)) return null;
    }
  }
  return null;
}

/** DESIGN.md: over the hops that are not internal. */
export function verdictOf(hops: readonly Hop[]): Verdict {
  let encrypted = 0;
  let plaintext = 0;
  let unknown = 0;
  for (const h of hops) {
    if (h.transport === 'encrypted') encrypted++;
    else if (h.transport === 'plaintext') plaintext++;
    else if (h.transport === 'unknown') unknown++;
  }
  if (encrypted > 0 && plaintext === 0 && unknown === 0) return 'encrypted';
  if (encrypted > 0) return 'partial';
  if (plaintext > 0) return 'plaintext';
  return 'unknown';
}
