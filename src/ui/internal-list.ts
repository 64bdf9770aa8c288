// "Your own relays" (issue 8): the options page's list of hosts, domains and address ranges, one per line,
// checked strictly before anything is saved. Pure (no browser, no DOM): the options page shows the errors;
// the popup and the background read the saved list with `internalFromStorage` (internal-relays.ts, kept
// apart so the popup does not load this parser).
//   relay.example.org      a host
//   example.org            a domain and its subdomains (written like a host: matching is the core's)
//   192.0.2.0/24           an IPv4 range; 192.0.2.7 is a single address
//   2001:db8::/32          an IPv6 range; 2001:db8::25 is a single address
//   # comment              anything after # on a line
import type { MessageKey } from './i18n.js';
import { INTERNAL_RELAYS_KEY, MAX_INTERNAL_ENTRIES, MAX_INTERNAL_LINE_CHARS } from './internal-relays.js';

export { INTERNAL_RELAYS_KEY, INTERNAL_TEXT_KEY, internalFromStorage, MAX_INTERNAL_ENTRIES, MAX_INTERNAL_LINE_CHARS } from './internal-relays.js';

/** Widest ranges accepted. Threat: `0.0.0.0/0` or `::/0` (or a /1) would make every server "yours", and a
 * forged upstream Received header from anywhere would then count as written by your own provider. */
export const MIN_V4_PREFIX = 8;
export const MIN_V6_PREFIX = 16;
/** storage.sync's QUOTA_BYTES_PER_ITEM in Chrome and Firefox: the key plus the JSON of its value, in bytes. */
export const SYNC_ITEM_MAX_BYTES = 8192;

export type InternalListReason = Extract<MessageKey, `internalError${string}`>;

export interface InternalListError {
  /** 1-based, as the person counts lines in the text area. */
  line: number;
  /** The line as written (trimmed, at most MAX_INTERNAL_LINE_CHARS characters). */
  text: string;
  reason: InternalListReason;
}

export interface InternalList {
  /** Canonical entries, duplicates removed, in the order written: lower-case ASCII host names (IDN as
   * xn--), addresses and `address/prefix` ranges in their shortest form. */
  entries: string[];
  errors: InternalListError[];
}

type Checked = { entry: string } | { reason: InternalListReason };

export function parseInternalList(text: string): InternalList {
  const entries: string[] = [];
  const errors: InternalListError[] = [];
  // A Set, not an object: an entry named `__proto__` or `constructor` is only ever a string here.
  const seen = new Set<string>();
  let full = false;
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as string;
    const shown = raw.trim().slice(0, MAX_INTERNAL_LINE_CHARS);
    if (raw.length > MAX_INTERNAL_LINE_CHARS) {
      errors.push({ line: i + 1, text: `${shown}…`, reason: 'internalErrorTooLong' });
      continue;
    }
    const hash = raw.indexOf('#'); // # starts a comment: no host, address or range contains one
    const item = (hash < 0 ? raw : raw.slice(0, hash)).trim();
    if (item === '') continue;
    const checked = checkEntry(item);
    if ('reason' in checked) {
      errors.push({ line: i + 1, text: shown, reason: checked.reason });
      continue;
    }
    if (seen.has(checked.entry)) continue;
    if (entries.length >= MAX_INTERNAL_ENTRIES) {
      // Said once, at the first line over the limit; the lines after it would only repeat it.
      if (!full) errors.push({ line: i + 1, text: shown, reason: 'internalErrorTooMany' });
      full = true;
      continue;
    }
    seen.add(checked.entry);
    entries.push(checked.entry);
  }
  return { entries, errors };
}

/** Bytes storage.sync counts for the list under its key (compare with SYNC_ITEM_MAX_BYTES). */
export function storedBytes(entries: readonly string[]): number {
  return new TextEncoder().encode(INTERNAL_RELAYS_KEY + JSON.stringify(entries)).length;
}

function checkEntry(item: string): Checked {
  if (/[\s,;]/.test(item)) return { reason: 'internalErrorOnePerLine' };
  if (item.includes('://') || item.includes('@')) return { reason: 'internalErrorUrl' };
  const slash = item.indexOf('/');
  if (slash >= 0) return checkRange(item.slice(0, slash), item.slice(slash + 1));
  if (item.includes(':')) {
    if (/^[^:]+:[0-9]+$/.test(item)) return { reason: 'internalErrorUrl' }; // relay.example.org:25
    const v6 = parseV6(item);
    return v6 === null ? { reason: 'internalErrorAddress' } : { entry: formatV6(v6) };
  }
  if (/^[0-9.]+$/.test(item)) {
    const v4 = parseV4(item);
    return v4 === null ? { reason: 'internalErrorAddress' } : { entry: item };
  }
  return checkHost(item);
}

function checkRange(address: string, prefixText: string): Checked {
  const v6 = address.includes(':');
  const groups = v6 ? parseV6(address) : null;
  const v4 = v6 ? null : parseV4(address);
  if (groups === null && v4 === null) return { reason: 'internalErrorAddress' };
  const max = v6 ? 128 : 32;
  // Decimal digits without a leading zero: `/08` and `/+8` are typing slips, not prefixes.
  if (!/^(0|[1-9][0-9]{0,2})$/.test(prefixText) || Number(prefixText) > max) return { reason: 'internalErrorPrefix' };
  const prefix = Number(prefixText);
  if (prefix < (v6 ? MIN_V6_PREFIX : MIN_V4_PREFIX)) return { reason: 'internalErrorTooBroad' };
  if (groups !== null) {
    for (let g = 0; g < 8; g++) {
      const keep = Math.min(16, Math.max(0, prefix - g * 16));
      const hostMask = keep === 16 ? 0 : 0xffff >>> keep;
      if (((groups[g] as number) & hostMask) !== 0) return { reason: 'internalErrorHostBits' };
    }
    return { entry: `${formatV6(groups)}/${prefix}` };
  }
  const hostMask = prefix === 32 ? 0 : 0xffffffff >>> prefix;
  if (((v4 as number) & hostMask) >>> 0 !== 0) return { reason: 'internalErrorHostBits' };
  return { entry: `${address}/${prefix}` };
}

/** Dotted quad, each part 0-255 without leading zeros (`010` would be octal to some parsers): the address
 * as an unsigned 32-bit number, or null. */
function parseV4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let n = 0;
  for (const p of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(p) || Number(p) > 255) return null;
    n = n * 256 + Number(p);
  }
  return n;
}

/** RFC 4291 section 2.2 text form (one `::`, an IPv4 tail allowed); the eight 16-bit groups, or null. No
 * zone (`%eth0`) and no brackets. */
function parseV6(text: string): number[] | null {
  const lower = text.toLowerCase();
  if (!/^[0-9a-f:.]+$/.test(lower)) return null;
  const halves = lower.split('::');
  if (halves.length > 2) return null;
  const groupsOf = (half: string): number[] | null => {
    if (half === '') return [];
    const out: number[] = [];
    const parts = half.split(':');
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i] as string;
      if (i === parts.length - 1 && p.includes('.')) {
        const v4 = parseV4(p);
        if (v4 === null) return null;
        out.push(Math.floor(v4 / 65536), v4 % 65536);
      } else if (/^[0-9a-f]{1,4}$/.test(p)) {
        out.push(Number.parseInt(p, 16));
      } else {
        return null;
      }
    }
    return out;
  };
  const head = groupsOf(halves[0] as string);
  if (head === null) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  const tail = groupsOf(halves[1] as string);
  // An IPv4 tail is allowed only at the very end.
  if (tail === null || (halves[0] as string).includes('.')) return null;
  const missing = 8 - head.length - tail.length;
  if (missing < 1) return null;
  return [...head, ...new Array<number>(missing).fill(0), ...tail];
}

/** RFC 5952: lower case, no leading zeros, the longest run of two or more zero groups as `::`. */
function formatV6(groups: readonly number[]): string {
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}

/** RFC 1123 host names: labels of letters, digits and inner hyphens, 1-63 characters, 253 in all. Unicode
 * labels (IDN) are turned into their xn-- form, as mail servers write them. */
function checkHost(item: string): Checked {
  if (item.startsWith('*.')) return { reason: 'internalErrorWildcard' };
  // One trailing dot is the root (`example.org.`): the same name.
  let name = (item.endsWith('.') ? item.slice(0, -1) : item).toLowerCase();
  const labels = name.split('.');
  if (labels.length < 2) return { reason: /^[\p{L}\p{M}\p{N}-]+$/u.test(name) ? 'internalErrorSingleLabel' : 'internalErrorHost' };
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range itself
  if (/[^\x00-\x7f]/.test(name)) {
    // Letters, marks and digits of any script (and hyphens); punctuation such as a full-width dot is refused
    // rather than mapped, so what is saved is what the person sees.
    if (!labels.every((l) => /^[\p{L}\p{M}\p{N}-]+$/u.test(l))) return { reason: 'internalErrorHost' };
    const ascii = toAscii(name);
    if (ascii === null) return { reason: 'internalErrorHost' };
    name = ascii;
  } else if (labels.some((l) => l.startsWith('xn--')) && toAscii(name) !== name) {
    return { reason: 'internalErrorHost' }; // not valid Punycode
  }
  if (name.length > 253) return { reason: 'internalErrorHost' };
  const ascii = name.split('.');
  for (const l of ascii) {
    if (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(l)) return { reason: 'internalErrorHost' };
    // `ab--cd` is reserved for encodings (RFC 5891 section 4.2.3.1); only xn-- is one.
    if (l.slice(2, 4) === '--' && !l.startsWith('xn--')) return { reason: 'internalErrorHost' };
  }
  // A numeric last label is an address typed wrong (192.0.2), never a top-level domain.
  if (/^[0-9]+$/.test(ascii[ascii.length - 1] as string)) return { reason: 'internalErrorAddress' };
  return { entry: name };
}

/** The xn-- form of a host name through the platform's IDNA (UTS #46) in URL, or null when it refuses. */
function toAscii(name: string): string | null {
  try {
    const host = new URL(`http://${name}/`).hostname;
    return host === '' ? null : host;
  } catch {
    return null;
  }
}
