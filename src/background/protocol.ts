// Messages between the extension's parts: one typed map, direction in the name (`popup:` = sent by the
// popup or the report tab, `content:` = sent by a content script). The background has one router
// (router.ts) that accepts only these shapes, and only from this extension.
import type { PageScan } from '../content/scan.js';
import type { Analysis } from '../core/types.js';
import type { MessageKey } from '../ui/i18n.js';

/** Where a tab's analysis came from: the page's raw view, text pasted in the popup, or a selection. */
export type AnalysisSource = 'page' | 'paste' | 'selection';

/** What the toolbar button found in a tab (popup:extract-tab). */
export interface ExtractResult {
  /** The analysis now kept for the tab, if any. */
  kept: TabAnalysis | null;
  /** Where this webmail's raw view is, when the page had no headers. */
  hint: MessageKey | null;
  /** The page is a Gmail message view whose original can be fetched on request. */
  canFetchSource: boolean;
  /** The page's origin (for "always analyse on this site"), or null for pages that cannot be read. */
  origin: string | null;
  /** The adapter that recognised the page ('generic' when none did). */
  adapter: string | null;
}

export type { PageScan };

export interface TabAnalysis {
  analysis: Analysis;
  source: AnalysisSource;
  /** Page URL when the analysis came from the page (content script), else null. */
  url: string | null;
  /** When it was made (ms since epoch). */
  at: number;
}

export interface Requests {
  /** The analysis kept for a tab, or null. */
  'popup:get-analysis': { request: { type: 'popup:get-analysis'; tabId: number }; response: TabAnalysis | null };
  /** Text pasted or dropped in the popup opened for `tabId`: analyse it and show it on that tab's badge. */
  'popup:analyze-for-tab': { request: { type: 'popup:analyze-for-tab'; tabId: number; text: string }; response: TabAnalysis };
  /** Read the tab's page now (toolbar button: activeTab): extract, analyse, keep, badge. */
  'popup:extract-tab': { request: { type: 'popup:extract-tab'; tabId: number }; response: ExtractResult };
  /** Fetch the open Gmail message's original (same origin, in the page) and analyse it. */
  'popup:fetch-source': { request: { type: 'popup:fetch-source'; tabId: number }; response: TabAnalysis | null };
  /** The person allowed an origin: read raw views there by itself from now on. */
  'popup:register-site': { request: { type: 'popup:register-site'; origin: string }; response: null };
  /** Forget a tab's analysis and clear its badge. */
  'popup:clear-tab': { request: { type: 'popup:clear-tab'; tabId: number }; response: null };
  /** A content script found a header block on its page (the tab is the sender's). */
  'content:headers-found': { request: { type: 'content:headers-found'; text: string; url: string }; response: TabAnalysis };
  /** A content script's page has no header block (any more): clear the tab. */
  'content:no-headers': { request: { type: 'content:no-headers'; url: string }; response: null };
}

export type MessageType = keyof Requests;
export type Request = Requests[MessageType]['request'];
export type ResponseOf<T extends MessageType> = Requests[T]['response'];
