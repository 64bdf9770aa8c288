// A message that carries the original as an attached `message/rfc822` part (forward as attachment, bounce
// reports): the original's headers are the ones a person wants judged.
import type { Field } from './fields.js';
import { firstField } from './fields.js';
import { MAX_BODY_SCAN_CHARS } from './limits.js';

const RFC822_PART = /(?:^|\n)content-type:[ \t]*message\/(?:rfc822|global)\b/i;

/** The text of the attached original, or null. Reads at most MAX_BODY_SCAN_CHARS of the body. */
export function attachedOriginal(input: string, fields: readonly Field[], bodyOffset: number): string | null {
  if (bodyOffset < 0) return null;
  const type = firstField(fields, 'content-type')?.value.toLowerCase() ?? '';
  const body = input.slice(bodyOffset, bodyOffset + MAX_BODY_SCAN_CHARS);
  if (/^message\/(?:rfc822|global)\b/.test(type)) return body;
  if (!type.startsWith('multipart/')) return null;
  const m = RFC822_PART.exec(body);
  if (m === null) return null;
  // The original starts after the part's own header block.
  const partStart = m.index;
  const lf = body.indexOf('\n\n', partStart);
  const crlf = body.indexOf('\r\n\r\n', partStart);
  const candidates = [lf === -1 ? -1 : lf + 2, crlf === -1 ? -1 : crlf + 4].filter((n) => n > 0);
  if (candidates.length === 0) return null;
  return body.slice(Math.min(...candidates));
}
