// Shared pure helpers of the webmail adapters: read an element's text, turn a raw view into its header
// block, and find a header block on a page by its content (webmail-views.md §5). This runs in the content
// script, whose whole bundle must stay small: no imports beyond src/extract, no libraries, linear regexes.

/**
 * Characters of raw text an extraction reads at most (256 KiB). Threat: raw views hold the whole message,
 * base64 attachments included (Gmail "Show original", Yahoo rawplaintext, Roundcube viewsource can be tens of
 * MB, and a sender chooses that size). A header block is a few KB; reading stops here, at a line end.
 */
export const MAX_EXTRACT_CHARS = 256 * 1024;

/** A header field line: `Name:` with the name in RFC 5322 ftext (printable ASCII but `:`; §3.6.8). */
const FIELD = /^[!-9;-~]{1,100}[\t ]*:/;
/**
 * A trace field anywhere in the block (not `X-Received:`: it must start its line) shaped like one: its value
 * opens with `from`, `by`, `with`, `via`, `id`, `for` or a `(comment)`, and a `;` before its date follows
 * within the field (RFC 5321 §4.4 Stamp, RFC 5322 §3.6.7 `received`). An app's "Received: Mon 08/01/2024"
 * detail line or a comment box's "Received: from the vendor" is not a hop. Linear: the repeated group's two
 * branches cannot match the same character.
 */
const RECEIVED = /^received[\t ]*:\s*(?:\(|(?:from|by|with|via|id|for)\s)(?:[^;\n]|\n[\t ])*;/im;

/** U+00A0 becomes a space (Roundcube's headers dialog folds with `&nbsp;`); CRLF and a lone CR become LF,
 * so Proton's `${Header}\n\r${Body}` separator reads as a blank line. */
export function normalise(text: string): string {
  return text.replace(/\u00a0/g, ' ').replace(/\r\n?/g, '\n');
}

/** Normalised text from its first non-blank line up to the first blank (or blank-looking) line, with one
 * final LF. Leading blank lines come from markup around a `<pre>` or from a paste. */
export function cutAtHeaderEnd(text: string): string {
  const from = text.search(/\S/);
  if (from < 0) return '';
  const block = text.slice(from);
  const end = block.search(/\n[\t ]*\n/);
  return (end < 0 ? block.trimEnd() : block.slice(0, end)) + '\n';
}

/** At most MAX_EXTRACT_CHARS of `text`, cut back to the last whole line when it is longer. */
function cap(text: string): string {
  return text.length > MAX_EXTRACT_CHARS ? text.slice(0, text.lastIndexOf('\n', MAX_EXTRACT_CHARS - 1) + 1) : text;
}

/** The header block of a raw view: capped, normalised, cut at the header end. Null unless its first line
 * is a header field (a login wall, an empty dialog or a message body is not a header block). */
export function headerBlock(raw: string | null | undefined): string | null {
  const text = raw ? cutAtHeaderEnd(normalise(cap(raw))) : '';
  return FIELD.test(text) ? text : null;
}

/** Does this text begin with a header field and hold a `Received:` field in its header block? */
export function looksLikeHeaderBlock(text: string): boolean {
  return withReceived(headerBlock(text)) !== null;
}

function withReceived(block: string | null): string | null {
  return block !== null && RECEIVED.test(block) ? block : null;
}

/**
 * The text a node shows, as text only (never markup): a textarea's `.value` (OX App Suite fills it with
 * `.val()`, so its text content stays empty); otherwise its text nodes in order, a `<br>` as a line end
 * (Roundcube's headers dialog joins lines with `<br />` alone), scripts and styles left out. Stops reading
 * once it has more than MAX_EXTRACT_CHARS: a 10 MB `<pre>` costs no more than 256 KiB.
 */
export function textOf(node: Node | null | undefined): string {
  if (!node) return '';
  if ((node as Element).localName === 'textarea') return (node as HTMLTextAreaElement).value;
  let out = '';
  const walk = (parent: Node): void => {
    for (let child = parent.firstChild; child && out.length <= MAX_EXTRACT_CHARS; child = child.nextSibling) {
      if (child.nodeType === 3) out += (child as Text).data;
      else if (child.nodeType === 1) {
        const name = (child as Element).localName;
        if (name === 'br') out += '\n';
        else if (name !== 'script' && name !== 'style') walk(child);
      }
    }
  };
  walk(node);
  return out;
}

/** The text of a browser text viewer tab (`document.contentType` text/plain; Chromium and Firefox put it
 * in `body > pre`, CR already stripped), or '' for any other page. */
export function plainText(doc: Document): string {
  return doc.contentType === 'text/plain' ? textOf(doc.body) : '';
}

/** Where a header block may sit when nothing says where (webmail-views.md §5): preformatted elements, text
 * areas, Tuta-style `white-space-pre` blocks, and anything inside a dialog. */
export const CANDIDATES = 'pre, textarea, [class*=white-space-pre], [role=dialog] *';

/**
 * The header block on this page found by its content: a text/plain tab, else the innermost candidate whose
 * text begins with a header field and holds a `Received:` field; between unrelated ones, the longest.
 * Null when none does: never a guess.
 */
export function findHeaderBlock(doc: Document, selector: string = CANDIDATES): string | null {
  if (doc.contentType === 'text/plain') return withReceived(headerBlock(plainText(doc)));
  const all = doc.querySelectorAll(selector);
  const found: Element[] = [];
  let best: string | null = null;
  // Backwards through document order, so an element comes before its ancestors: an ancestor of a match is
  // skipped unread (innermost wins, and a deep dialog is not read once per level).
  for (let i = all.length - 1; i >= 0; i--) {
    const el = all[i];
    if (!el || found.some((f) => el.contains(f))) continue;
    const text = withReceived(headerBlock(textOf(el)));
    if (text === null) continue;
    found.push(el);
    if (best === null || text.length > best.length) best = text;
  }
  return best;
}

/** An adapter's extract for a page whose raw view has no known markup: the content-based finder. One shared
 * function, so the registry can tell that trying the generic adapter afterwards would repeat the work. */
export const byContent = (doc: Document): string | null => findHeaderBlock(doc);
