// Finds the header block in whatever a person pastes or drops: a whole .eml, headers only, a forward quoted
// with `> `, text whose continuation lines lost their indentation, CRLF/LF/CR, U+00A0 for spaces, HTML
// entities from a copied page, junk or a client's summary before the real headers.
import { MAX_HEADER_SCAN_CHARS, MAX_QUOTE_DEPTH } from './limits.js';
import { decodeEntities, isBlank, isWsp, normalizeSpaces, spellsAt } from './text.js';

export interface HeaderBlock {
  /** Lines of the block, quote prefixes removed, without line ends. */
  lines: string[];
  /** Offset in the input where the block's body starts (after the blank line), or -1 when the input ends. */
  bodyOffset: number;
  quoted: boolean;
  htmlEscaped: boolean;
  lostIndentation: boolean;
  truncated: boolean;
}

/** RFC 5322 §3.6.8 field name (printable ASCII but colon) directly followed by a colon. A leading digit is
 * refused so that a time like `10:31:11` on a line that lost its indentation is not taken for a field. */
export function isFieldStart(line: string): boolean {
  const n = line.length;
  if (n < 2) return false;
  const first = line.charCodeAt(0);
  if (first >= 0x30 && first <= 0x39) return false;
  for (let i = 0; i < n; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x3a) return i > 0; // ':'
    if (c < 0x21 || c > 0x7e) return false;
  }
  return false;
}

/** Where the text starts after `> `, `>> ` and `> > ` quoting; 0 for a line that is not quoted. An index
 * rather than the stripped copy, so the unquoted lines of a paste are not copied. */
function quoteEnd(line: string): number {
  let i = 0;
  let depth = 0;
  const n = line.length;
  while (i < n && depth < MAX_QUOTE_DEPTH) {
    let j = i;
    while (j < n && isWsp(line.charCodeAt(j)) && j - i < 4) j++;
    if (j < n && line.charCodeAt(j) === 0x3e) {
      depth++;
      i = j + 1;
      if (i < n && line.charCodeAt(i) === 0x20) i++;
    } else break;
  }
  return i;
}

interface Candidate {
  lines: string[];
  bodyOffset: number;
  hasReceived: boolean;
  lostIndentation: boolean;
}

/**
 * Returns the first header block that holds a Received field, else the first header block, else null.
 * Stops reading at the end of the first block that holds a Received field, so a message body is never
 * scanned in the usual case.
 */
export function locateHeaderBlock(input: string): HeaderBlock | null {
  let text = input.length > MAX_HEADER_SCAN_CHARS ? input.slice(0, MAX_HEADER_SCAN_CHARS) : input;
  const truncated = text.length < input.length;
  // Old Mac line ends: CR alone.
  const crOnly = text.indexOf('\n') === -1 && text.indexOf('\r') !== -1;
  if (crOnly) text = text.replace(/\r/g, '\n');

  let first: Candidate | null = null;
  let current: Candidate | null = null;
  let quotedBlock = false;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const end = text.length;
  while (pos <= end) {
    let nl = text.indexOf('\n', pos);
    if (nl === -1) nl = end;
    let line = text.slice(pos, nl);
    const next = nl + 1;
    if (line.charCodeAt(line.length - 1) === 0x0d) line = line.slice(0, -1);
    line = normalizeSpaces(line);
    const quote = quoteEnd(line);
    const content = quote === 0 ? line : line.slice(quote);
    const blank = isBlank(content);

    if (current === null) {
      if (!blank && isFieldStart(content)) {
        current = { lines: [content], bodyOffset: -1, hasReceived: false, lostIndentation: false };
        quotedBlock = quote > 0;
        if (isReceived(content)) current.hasReceived = true;
      }
    } else if (blank) {
      current.bodyOffset = next <= end ? next : -1;
      if (current.hasReceived) return finish(current, quotedBlock, truncated);
      first ??= current;
      current = null;
    } else if (isWsp(content.charCodeAt(0))) {
      current.lines.push(content);
    } else if (isFieldStart(content)) {
      current.lines.push(content);
      if (isReceived(content)) current.hasReceived = true;
    } else {
      // A line that is neither a field nor indented: a continuation whose indentation was lost in pasting.
      current.lostIndentation = true;
      current.lines.push(` ${content}`);
    }
    if (nl >= end) break;
    pos = next;
  }
  if (current !== null) {
    if (current.hasReceived || first === null) return finish(current, quotedBlock, truncated);
  }
  return first === null ? null : finish(first, quotedBlock, truncated);
}

function isReceived(line: string): boolean {
  return line.length > 9 && line.charCodeAt(8) === 0x3a && spellsAt(line, 0, 'received');
}

function finish(c: Candidate, quoted: boolean, truncated: boolean): HeaderBlock {
  // Entities are decoded only when the block shows escaped angle brackets and no raw ones: a real header may
  // carry `&amp;` in a URL, but never `&lt;` beside an unescaped `<`.
  // Most blocks hold no `&` at all, and need no joined copy to tell.
  const joined = c.lines.some((line) => line.indexOf('&') !== -1) ? c.lines.join('\n') : '';
  const htmlEscaped = /&(lt|gt|quot);/.test(joined) && !/[<>]/.test(joined);
  const lines = htmlEscaped ? c.lines.map(decodeEntities) : c.lines;
  return {
    lines,
    bodyOffset: c.bodyOffset,
    quoted,
    htmlEscaped,
    lostIndentation: c.lostIndentation,
    truncated: truncated && c.bodyOffset === -1,
  };
}
