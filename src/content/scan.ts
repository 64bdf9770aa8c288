// What a page offers: the header text its webmail's raw view shows, which webmail it is (for the hint on
// where the raw view is), and whether a same-origin source can be fetched on request (Gmail's message view).
import type { Adapter } from '../extract/adapter.js';
import { adapterFor, extractFrom } from '../extract/registry.js';
import type { MessageKey } from '../ui/i18n.js';

export interface PageScan {
  text: string | null;
  adapter: string;
  hint: MessageKey;
  /** Same-origin URL of the raw message (Gmail message view), fetched only when the person asks. */
  sourceUrl: string | null;
  url: string;
  /** true in the tab's top frame, false in an iframe (GMX and WEB.DE show mail in one). */
  top: boolean;
}

export function scanPage(doc: Document, href: string): PageScan {
  const url = new URL(href);
  const adapter: Adapter = adapterFor(url);
  let text: string | null = null;
  let sourceUrl: string | null = null;
  try {
    text = extractFrom(doc, url);
    if (text === null && adapter.sourceUrl) sourceUrl = adapter.sourceUrl(doc, url);
  } catch {
    // An adapter that trips over an unexpected page finds nothing; the page itself is never affected.
  }
  return { text, adapter: adapter.id, hint: adapter.hint, sourceUrl, url: href, top: globalThis.top === globalThis.self };
}

/** Fetches the raw source (same origin, the page's own cookies) and reads the header text from it. */
export async function fetchSource(doc: Document, href: string): Promise<string | null> {
  const url = new URL(href);
  const adapter = adapterFor(url);
  const source = adapter.sourceUrl?.(doc, url) ?? null;
  if (source === null || adapter.fromSource === undefined) return null;
  if (new URL(source, url).origin !== url.origin) return null;
  const response = await fetch(source, { credentials: 'include' });
  if (!response.ok) return null;
  return adapter.fromSource(await response.text());
}
