// Domains as authentication headers write them: `header.d=example.com`, `header.i=@example.com`,
// `smtp.mailfrom=bounce@mail.example.com`, `smtp.mailfrom="a+b=c@example.com"`, and the address in From.
/** Characters kept of one mailbox while reading From: an address is at most 254 (RFC 5321 §4.5.3.1.3). */
const MAX_PART_CHARS = 1024;

/** A domain name, lower-cased, without a trailing root dot; null for anything else (`none`, `""`, `<>`,
 * single labels, text with spaces or brackets). Letters beyond ASCII pass (internationalised domains). */
export function asDomain(text: string): string | null {
  let d = text.trim().toLowerCase();
  if (d.endsWith('.')) d = d.slice(0, -1);
  if (d.length < 3 || d.length > 253 || d.indexOf('.') <= 0 || d.startsWith('.')) return null;
  for (let i = 0; i < d.length; i++) {
    const c = d.charCodeAt(i);
    // a-z 0-9 - . _ and non-ASCII
    const ok = (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e || c === 0x5f || c > 0x7f;
    if (!ok) return null;
    if (c === 0x2e && d.charCodeAt(i + 1) === 0x2e) return null; // ".."
  }
  return d;
}

/** The domain of an address or identity: the part after the last `@` (`@example.com`, `a@b.example`,
 * `<a@b.example>`), or the whole text when it has no `@` (`smtp.mailfrom=example.com`, as Microsoft writes). */
export function domainOfAddress(text: string): string | null {
  let t = text.trim();
  if (t.startsWith('<') && t.endsWith('>')) t = t.slice(1, -1);
  const at = t.lastIndexOf('@');
  return asDomain(at === -1 ? t : t.slice(at + 1));
}

export interface FromReading {
  domain: string | null;
  /** Why no domain was taken although From fields exist; null otherwise. */
  problem: string | null;
}

/**
 * The From domain (RFC 5322 §3.6.2, as DMARC reads it, RFC 7489 §6.6.1): the address of the single mailbox
 * of the single From field. Quoted display names and comments are skipped, so
 * `From: "ceo@bank.example" <mallory@evil.example>` gives `evil.example`.
 */
export function fromDomainOf(first: string | null, count: number): FromReading {
  if (first === null || count === 0) return { domain: null, problem: null };
  if (count > 1) {
    return { domain: null, problem: `The message has ${count} From fields, which DMARC treats as an error, so no From domain was taken.` };
  }
  const mailboxes = addressesOf(first);
  if (mailboxes.length !== 1) {
    return {
      domain: null,
      problem: mailboxes.length === 0 ? 'The From field holds no address.' : 'The From field holds several addresses, so no From domain was taken.',
    };
  }
  const domain = domainOfAddress(mailboxes[0] as string);
  return { domain, problem: domain === null ? 'The address in the From field has no usable domain.' : null };
}

/** The addresses of a mailbox list: per top-level comma, the `<angle-addr>` if any, else the bare text;
 * only parts holding an `@` count. Quoted strings and comments are skipped. */
function addressesOf(value: string): string[] {
  // The whole value is scanned (one pass; the header block is bounded upstream), so a padded display name
  // cannot push the address out of reach; what is kept of each part is capped.
  const s = value;
  const out: string[] = [];
  let bare = '';
  let angle: string | null = null;
  let inAngle = false;
  let depth = 0;
  let quoted = false;
  const flush = () => {
    const addr = (angle ?? bare).trim();
    if (addr.indexOf('@') !== -1) out.push(addr);
    bare = '';
    angle = null;
  };
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    if (ch === '\\') {
      i++;
      continue;
    }
    if (quoted) {
      if (ch === '"') quoted = false;
      continue;
    }
    if (depth > 0) {
      if (ch === '(') depth++;
      else if (ch === ')') depth--;
      continue;
    }
    if (inAngle) {
      if (ch === '>') inAngle = false;
      else if ((angle ?? '').length < MAX_PART_CHARS) angle = (angle ?? '') + ch;
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === '(') depth = 1;
    else if (ch === '<') {
      inAngle = true;
      angle = '';
    } else if (ch === ',') flush();
    else if (bare.length < MAX_PART_CHARS) bare += ch;
  }
  flush();
  return out;
}
