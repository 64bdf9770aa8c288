// The verdict in one plain sentence, in the person's language; shared by the popup, the badge title and
// (in English) the CLI. Names the first unencrypted hop when there is one.
import type { Analysis, Hop } from '../core/types.js';
import type { Translate } from './i18n.js';
import { visibleText } from './visible.js';

export function hostOf(part: { name: string | null; ip: string | null; helo?: string | null } | null): string | null {
  if (part === null) return null;
  return part.name ?? part.ip ?? part.helo ?? null;
}

/** hostOf, for sentences: hidden and direction-changing characters made visible. */
function shownHost(part: { name: string | null; ip: string | null; helo?: string | null } | null): string | null {
  const h = hostOf(part);
  return h === null ? null : visibleText(h);
}

export function verdictText(a: Analysis, t: Translate): string {
  if (a.error !== null) {
    if (a.error.code === 'empty-input') return t('errorEmpty');
    if (a.error.code === 'no-headers') return t('errorNoHeaders');
    return a.error.message;
  }
  const host = (p: Hop['from'] | Hop['by']) => shownHost(p) ?? t('hopUnknownHost');
  const network = a.hops.filter((h) => h.transport !== 'internal');
  const plain = network.find((h) => h.transport === 'plaintext');
  const unknown = network.filter((h) => h.transport === 'unknown').length;
  switch (a.verdict) {
    case 'encrypted':
      return t('verdictEncrypted');
    case 'plaintext':
      if (plain === undefined) return t('verdictPlaintextNone');
      return t(network.length > 1 ? 'verdictPlaintextAll' : 'verdictPlaintextOne', host(plain.from), host(plain.by));
    case 'partial':
      if (plain !== undefined) return t('verdictPartialPlain', host(plain.from), host(plain.by));
      return unknown === 1 ? t('verdictPartialUnknownOne') : t('verdictPartialUnknown', unknown);
    default:
      return t(a.hops.length === 0 ? 'verdictUnknownNoHops' : 'verdictUnknown');
  }
}
