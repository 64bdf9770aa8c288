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

/** Lower-cases a host name and drops a trailing root dot (`mail.example.com.` from Gmail). */
export function normalizeHost(host: string): string {
  const lower = host.toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
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
