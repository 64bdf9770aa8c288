// A webmail adapter: where one webmail shows the raw headers, as pure functions of the page. One adapter
// per file in this folder, registered in registry.ts (STYLE.md "One webmail per file").
import type { MessageKey } from '../ui/i18n.js';

export interface Adapter {
  /** Stable id, also the fixture folder name: 'gmail', 'outlook', 'roundcube'... */
  id: string;
  /** Display name: 'Gmail'. */
  name: string;
  /**
   * Match patterns of the pages where the content script runs by itself ("automatic mode") and the host
   * access that needs. Empty for webmails on any host (Roundcube, SOGo, Horde, Nextcloud, generic): those
   * run on the toolbar click (activeTab) or on a site the person allowed.
   */
  matches: string[];
  /** Is this URL a page of this webmail (its hint applies there)? Pure. */
  detect(url: URL): boolean;
  /** The raw header text this page shows, or null. Pure: reads only `doc` and `url`, never the network. */
  extract(doc: Document, url: URL): string | null;
  /** Where this webmail's raw view is, for "No headers found on this page" (src/ui/messages). */
  hint: MessageKey;
  /**
   * Optional: a same-origin URL whose response holds the raw message, for pages that show no raw view
   * (Gmail's message view -> its "Show original" page). Fetched only when the person asks.
   */
  sourceUrl?(doc: Document, url: URL): string | null;
  /** Optional: the raw header text from the fetched `sourceUrl` response body. Pure. */
  fromSource?(body: string): string | null;
}
