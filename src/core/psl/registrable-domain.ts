// The registrable domain of a host name by the ICANN section of the Public Suffix List
// (https://github.com/publicsuffix/list/wiki/Format#algorithm), as tldts' `getDomain(host,
// { allowPrivateDomains: false })` answers for host names: `mail.example.co.uk` → `example.co.uk`.
// As tldts, it takes the parent of a wildcard rule for a public suffix too (`kawasaki.jp`, for
// `*.kawasaki.jp`; the generator writes it as a rule). Unlike tldts it reads host names only, not URLs: a
// `:port`, `user@` or `/path` makes the input no host name, and the answer null (a forged
// `by guovswzqkvry051@sohu.com` in the fixtures has no organisation rather than sohu.com's).
import { type PslNode, topLevelNode } from './trie.js';

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
 * `b.example`). IDN rules match both U-labels (`個人.香港`) and A-labels (`xn--gmqw5a.xn--j6w193g`).
 */
export function registrableDomain(host: string): string | null {
  let end = host.length;
  while (end > 0 && host.charCodeAt(end - 1) === 0x2e) end--; // trailing '.'
  const start = host.charCodeAt(0) === 0x2e ? 1 : 0; // one leading '.', as tldts allows
  if (end - start <= 0 || end > MAX_NAME) return null;
  const name = host.slice(start, end).toLowerCase();
  const dots = dotsOf(name);
  if (dots === null) return null;
  const n = dots.length + 1; // labels; label k (from the left) starts after dots[k - 1]
  const top = name.slice((dots[n - 2] ?? -1) + 1);
  if (NUMERIC_LABEL.test(top) || NOT_LETTER.test(top)) return null;
  const suffix = suffixLength(name, dots, top);
  if (suffix >= n) return null;
  const first = n - suffix - 1; // the label before the suffix
  return first === 0 ? name : name.slice((dots[first - 1] as number) + 1);
}

/** Where the dots of `name` are, or null when it is no host name: each label of 1 to 63 characters among
 * letters, digits, `-`, `_` (DNS allows more, RFC 2181 §11; host names do not) or non-ASCII, with no `-`
 * at either end (RFC 1034 §3.5). */
function dotsOf(name: string): number[] | null {
  const dots: number[] = [];
  let labelStart = 0;
  for (let i = 0; i <= name.length; i++) {
    const c = i === name.length ? 0x2e : name.charCodeAt(i);
    if (c === 0x2e) {
      // '.'
      const length = i - labelStart;
      if (length === 0 || length > MAX_LABEL) return null;
      if (name.charCodeAt(labelStart) === 0x2d || name.charCodeAt(i - 1) === 0x2d) return null; // '-'
      if (i < name.length) dots.push(i);
      labelStart = i + 1;
      continue;
    }
    const ok =
      (c >= 0x61 && c <= 0x7a) || // a-z
      (c >= 0x30 && c <= 0x39) || // 0-9
      c === 0x2d || // '-'
      c === 0x5f || // '_'
      c > 0x7f;
    if (!ok) return null;
  }
  return dots;
}

/** How many labels, from the right, the public suffix of `name` has: the longest matching rule, a
 * wildcard matching any label, an exception rule winning and giving its parent; 1 by the default rule. */
function suffixLength(name: string, dots: readonly number[], top: string): number {
  const n = dots.length + 1;
  let node = topLevelNode(top);
  let length = 1;
  for (let k = n - 2; node !== undefined && k >= 0; k--) {
    const label = name.slice(k === 0 ? 0 : (dots[k - 1] as number) + 1, dots[k]);
    if (node.exceptions?.has(label)) return n - 1 - k;
    const child: PslNode | undefined = node.children?.get(label) ?? node.children?.get('*');
    if (child?.rule) length = n - k;
    node = child;
  }
  return length;
}
