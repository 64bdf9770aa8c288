// Gmail. ⋮ → "Show original" opens a tab at /mail/u/N/?ik=…&view=om&permmsgid=msg-f:… whose whole message
// sits in `<pre class="raw_message_text" id="raw_message_text">` (seen in code: several independent scripts;
// webmail-views.md §3 Gmail, fixture §4.1). From the message view, sourceUrl builds that address so the
// content script can fetch it from the same origin when the person asks (§4.2).
import type { Adapter } from './adapter.js';
import { headerBlock, MAX_EXTRACT_CHARS, textOf } from './header-text.js';
import { hostPatterns, onHost } from './url.js';

const HOSTS = ['mail.google.com'];

/** The Show original `<pre>` opening tag in served HTML. Bounded attribute runs keep the regex linear. */
const RAW_PRE = /<pre [^>]{0,200}id="raw_message_text"[^>]{0,200}>/;

/** The few entities an HTML serialiser writes into text, and numeric references; one pass, so `&amp;lt;`
 * stays `&lt;`. `&nbsp;` becomes a plain space. */
const ENTITY = /&(?:#(\d{1,7})|#x([\da-f]{1,6})|([a-z]{2,4}));/gi;
const NAMED = new Map([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['quot', '"'],
  ['apos', "'"],
  ['nbsp', ' '],
]);

export function decodeEntities(html: string): string {
  return html.replace(ENTITY, (whole, dec?: string, hex?: string, name?: string) => {
    if (name) return NAMED.get(name.toLowerCase()) ?? whole;
    const code = dec ? Number(dec) : Number.parseInt(hex ?? '', 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
  });
}

/**
 * Gmail's session key `ik`: item 9 of the inline `var GLOBALS=[null,null,123,"en",…,"ab12cd34ef",…]` (seen
 * in code, isolated-world extension, index id 70957876155). A small scanner counts top-level commas, skipping
 * strings and nested arrays, over at most 4096 characters.
 */
export function sessionKey(doc: Document): string | null {
  for (const script of doc.querySelectorAll('script:not([src])')) {
    const text = script.textContent ?? '';
    const open = text.indexOf('GLOBALS=[');
    if (open < 0) continue;
    let depth = 0;
    let commas = 0;
    let quote = '';
    const end = Math.min(text.length, open + 4096);
    for (let i = open + 9; i < end; i++) {
      const c = text[i];
      if (quote) {
        if (c === '\\') i++;
        else if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '[' || c === '{') depth++;
      else if (c === ']' || c === '}') {
        if (--depth < 0) return null;
      } else if (c === ',' && depth === 0 && ++commas === 9) {
        return /^\s*"([\w-]{1,64})"/.exec(text.slice(i + 1, i + 80))?.[1] ?? null;
      }
    }
    return null;
  }
  return null;
}

export const gmail: Adapter = {
  id: 'gmail',
  name: 'Gmail',
  matches: hostPatterns(HOSTS),
  detect: (url) => onHost(url, HOSTS),
  extract: (doc) => headerBlock(textOf(doc.getElementById('raw_message_text'))),
  hint: 'hintGmail',
  /**
   * `…/mail/u/N/?ik=<ik>&view=om&permmsgid=msg-f:<decimal>`: the open message's
   * `data-legacy-message-id` (hex) as a decimal, not the thread id (a self-sent message fails with the thread
   * id). In a conversation the last such element is taken: the newest message, the one Gmail opens (guess).
   */
  sourceUrl(doc, url) {
    const ik = sessionKey(doc);
    const ids = doc.querySelectorAll('[data-legacy-message-id]');
    const hex = ids[ids.length - 1]?.getAttribute('data-legacy-message-id') ?? '';
    if (!ik || !/^[\da-f]{1,16}$/i.test(hex)) return null;
    // /mail/#inbox and /mail/u/0/#inbox are the same first account: Gmail redirects the former.
    const account = /^\/mail\/u\/(\d{1,2})\//.exec(url.pathname)?.[1] ?? '0';
    return `${url.origin}/mail/u/${account}/?ik=${ik}&view=om&permmsgid=msg-f:${BigInt('0x' + hex)}`;
  },
  /** The fetched Show original HTML, read with a regex and one entity pass (no DOMParser: it throws under
   * Gmail's Trusted Types in the page's world, §2.3). The `<pre>` text is escaped, so its `</pre>` is real. */
  fromSource(body) {
    const open = RAW_PRE.exec(body);
    if (!open) return null;
    const start = open.index + open[0].length;
    const end = body.indexOf('</pre>', start);
    if (end < 0) return null;
    // An entity is at most 10 characters; headers hold few, so twice the cap always covers the header block.
    return headerBlock(decodeEntities(body.slice(start, Math.min(end, start + 2 * MAX_EXTRACT_CHARS))));
  },
};
