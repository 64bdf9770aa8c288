// Small text helpers shared by the core. Character-code loops where a regex would rescan.

/** U+00A0 (no-break space) arrives in text copied from web pages in place of spaces. */
const NBSP = /\u00a0/g;

export function normalizeSpaces(line: string): string {
  return line.indexOf('\u00a0') === -1 ? line : line.replace(NBSP, ' ');
}

/** Space or horizontal tab (RFC 5322 WSP). */
export function isWsp(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

/** Any whitespace a header tokenizer should split on, including stray CR/LF and NBSP. */
export function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0xa0;
}

/** What `\s` and `trim` skip: ECMAScript WhiteSpace and LineTerminator (ES2022 §12.2, §12.3). */
export function isRegExpSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** The first character after white space (what `^\s*` skips), an ASCII letter lower-cased; NaN if none. */
export function leadOf(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isRegExpSpace(c)) return c >= 0x41 && c <= 0x5a ? c | 0x20 : c; // A-Z
  }
  return Number.NaN;
}

/** `text.trim() === ''` without making the trimmed copy. */
export function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isRegExpSpace(text.charCodeAt(i))) return false;
  return true;
}

// Case-insensitive comparisons with an ASCII word, without the lower-cased copy that each `toLowerCase()`
// makes (a sixth of the rules' time, node 22, measured). Characters up to the first non-ASCII one map one
// to one, so a difference there decides; from a non-ASCII character on (U+212A lower-cases to `k`) the
// real conversion answers.

/** `text.slice(at, at + lower.length).toLowerCase() === lower`, for an ASCII `lower`. */
export function spellsAt(text: string, at: number, lower: string): boolean {
  for (let k = 0; k < lower.length; k++) {
    const c = text.charCodeAt(at + k);
    if (c >= 0x80) return text.slice(at, at + lower.length).toLowerCase() === lower;
    if (toLowerAscii(c) !== lower.charCodeAt(k)) return false; // NaN past the end differs too
  }
  return true;
}

/** `word.toLowerCase() === lower`, for an ASCII `lower` (lower-casing never shortens a word, and lengthens
 * one only into a non-ASCII pair). */
export function lowerEquals(word: string, lower: string): boolean {
  return word.length === lower.length && spellsAt(word, 0, lower);
}

function toLowerAscii(c: number): number {
  return c >= 0x41 && c <= 0x5a ? c + 0x20 : c; // A-Z
}

/** Lower-cases a host name and drops a trailing root dot (`mail.example.com.` from Gmail). */
export function normalizeHost(host: string): string {
  const lower = isLowerAscii(host) ? host : host.toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

/** Would toLowerCase leave the text as it is? True for ASCII without A-Z, the usual host name: the copy
 * toLowerCase makes anyway, and its hash computed again in every memoized lookup, were a third of the chain
 * checks (node 22, measured). */
function isLowerAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || c >= 0x80) return false; // A-Z, non-ASCII
  }
  return true;
}

const NAMED_ENTITIES = new Map<string, string>([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['quot', '"'],
  ['apos', "'"],
  ['nbsp', ' '],
]);

/** Decodes the HTML entities a copied web page leaves in header text (`&lt;` `&#64;` `&#x40;`). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,6});/g, (whole, body: string) => {
    if (body.charCodeAt(0) === 0x23) {
      const hex = body.charCodeAt(1) === 0x78 || body.charCodeAt(1) === 0x58;
      const code = Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES.get(body.toLowerCase()) ?? whole;
  });
}
