// The registrable domain of a host name by the ICANN section of the Public Suffix List
// (https://github.com/publicsuffix/list/wiki/Format#algorithm), as tldts' `getDomain(host,
// { allowPrivateDomains: false })` answers for host names: `mail.example.co.uk` → `example.co.uk`.
// Unlike tldts it reads host names only, not URLs: a `:port`, `user@` or `/path` makes the input no host
// name, and the answer null.
import { pslTrie } from './trie.js';

/** RFC 1035 §2.3.4: 63 octets per label, 255 per name (tldts' limits too). */
const MAX_LABEL = 63;
const MAX_NAME = 255;

/** A last label that is a number (`192.0.2.1`, `example.123`, `example.0x1f`): an IPv4 address as
 * browsers read one, or no valid host, never a domain (https://url.spec.whatwg.org/#ends-in-a-number-checker). */
const NUMERIC_LABEL = /^(?:\d+|0x[0-9a-f]*)$/;
/** A non-ASCII character that is no letter or mark: a top-level label of those (`１`, a full-width digit)
 * may be a number once browsers map it; refuse to guess. */
const NOT_LETTER = /[^\p{L}\p{M}\p{ASCII}]/u;

/**
 * The registrable domain of `host`: the public suffix and one more label, lowercased, without trailing
 * dots; null for a host that is a public suffix itself (`co.uk`), a single label, an IP address, or no
 * valid host name. A top-level domain the list does not know gets the default rule (`a.b.example` →
 * `b.example`). IDN rules match both U-labels (`個人.香港`) and A-labels (`xn--ciqpn.xn--j6w193g`).
 */
export function registrableDomain(host: string): string | null {
  let end = host.length;
  while (end > 0 && host.charCodeAt(end - 1) === 0x2e) end--; // trailing '.'
  const start = host.charCodeAt(0) === 0x2e ? 1 : 0; // one leading '.', as tldts allows
  if (end - start <= 0 || end > MAX_NAME) return null;
  const labels = host.slice(start, end).toLowerCase().split('.');
  for (const label of labels) if (!isValidLabel(label)) return null;
  const top = labels[labels.length - 1] as string;
  if (NUMERIC_LABEL.test(top) || NOT_LETTER.test(top)) return null;
  const suffix = suffixLength(labels);
  return labels.length > suffix ? labels.slice(labels.length - suffix - 1).join('.') : null;
}

/** Letters, digits, `-` and `_` (DNS allows more, RFC 2181 §11; host names do not), or non-ASCII; no
 * `-` at either end (RFC 1034 §3.5). */
function isValidLabel(label: string): boolean {
  const n = label.length;
  if (n === 0 || n > MAX_LABEL) return false;
  if (label.charCodeAt(0) === 0x2d || label.charCodeAt(n - 1) === 0x2d) return false; // '-'
  for (let i = 0; i < n; i++) {
    const c = label.charCodeAt(i);
    const ok =
      (c >= 0x61 && c <= 0x7a) || // a-z
      (c >= 0x30 && c <= 0x39) || // 0-9
      c === 0x2d || // '-'
      c === 0x5f || // '_'
      c > 0x7f;
    if (!ok) return false;
  }
  return true;
}

/** How many labels, from the right, the public suffix of `labels` has: the longest matching rule, a
 * wildcard matching any label, an exception rule winning and giving its parent; 1 by the default rule. */
function suffixLength(labels: readonly string[]): number {
  let node = pslTrie();
  let length = 1;
  for (let i = labels.length - 1; i >= 0; i--) {
    const label = labels[i] as string;
    if (node.exceptions?.has(label)) return labels.length - 1 - i;
    const child = node.children?.get(label) ?? node.children?.get('*');
    if (child === undefined) break;
    if (child.rule) length = labels.length - i;
    node = child;
  }
  return length;
}
