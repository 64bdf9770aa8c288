// Plain-language wording of an Analysis, shared by the CLI and the extension.
import type { Analysis, Hop } from '../core/types.js';

export function hostOf(part: { name: string | null; ip: string | null; helo?: string | null } | null): string {
  if (part === null) return '?';
  return part.name ?? part.ip ?? part.helo ?? '?';
}

function between(hop: Hop): string {
  return `${hostOf(hop.from)} and ${hostOf(hop.by)}`;
}

/** One sentence for the verdict, naming the first unencrypted hop when there is one. */
export function verdictSentence(a: Analysis): string {
  if (a.error !== null) return a.error.message;
  const network = a.hops.filter((h) => h.transport !== 'internal');
  const plain = network.find((h) => h.transport === 'plaintext');
  const unknown = network.filter((h) => h.transport === 'unknown').length;
  switch (a.verdict) {
    case 'encrypted':
      return 'Encrypted on every hop we can see.';
    case 'plaintext':
      return plain === undefined ? 'Not encrypted.' : `Sent unencrypted between ${between(plain)}${network.length > 1 ? ', and on no hop encrypted' : ''}.`;
    case 'partial':
      if (plain !== undefined) return `Partly encrypted: sent unencrypted between ${between(plain)}.`;
      return `Partly encrypted: ${unknown} hop${unknown === 1 ? '' : 's'} did not record whether ${unknown === 1 ? 'it was' : 'they were'} encrypted.`;
    default:
      return a.hops.length === 0
        ? "Can't tell: there is no Received header to judge."
        : "Can't tell: the headers do not record whether the message was encrypted on its way.";
  }
}

export function tlsSummary(hop: Hop): string {
  const t = hop.tls;
  if (t === null) return '';
  const parts = [t.version, t.cipher].filter((x): x is string => x !== null);
  if (t.keyExchange !== null && !(t.cipher ?? '').includes(t.keyExchange)) parts.push(`kx ${t.keyExchange}${t.postQuantum ? ' (post-quantum hybrid)' : ''}`);
  return parts.length === 0 ? 'TLS' : parts.join(' ');
}

export function yesNo(value: boolean | null): string {
  return value === null ? '?' : value ? 'yes' : 'no';
}

export function formatDelay(seconds: number | null): string {
  if (seconds === null) return '';
  const sign = seconds < 0 ? '-' : '';
  const s = Math.abs(seconds);
  if (s < 60) return `${sign}${s}s`;
  if (s < 3600) return `${sign}${Math.floor(s / 60)}m${s % 60 ? `${s % 60}s` : ''}`;
  if (s < 86400) return `${sign}${Math.floor(s / 3600)}h${Math.floor((s % 3600) / 60)}m`;
  return `${sign}${Math.floor(s / 86400)}d${Math.floor((s % 86400) / 3600)}h`;
}
