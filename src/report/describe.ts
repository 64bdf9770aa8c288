// Plain-language wording of an Analysis, shared by the CLI and the extension.
import type { Analysis, Hop } from '../core/types.js';
import { english } from '../ui/i18n.js';
import { visibleText } from '../ui/visible.js';
import { verdictText } from '../ui/verdict.js';

/** The host to show for a hop's end, with hidden and direction-changing characters made visible. */
export function hostOf(part: { name: string | null; ip: string | null; helo?: string | null } | null): string {
  if (part === null) return '?';
  return visibleText(part.name ?? part.ip ?? part.helo ?? '?');
}



/** One sentence for the verdict, naming the first unencrypted hop when there is one (src/ui/verdict.ts). */
export function verdictSentence(a: Analysis): string {
  return a.error !== null ? a.error.message : `${verdictText(a, english)}.`;
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
