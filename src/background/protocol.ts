// Messages between the extension's parts: one typed map, direction in the name (`popup:` = sent by the
// popup or the report tab, `content:` = sent by a content script). The background has one router
// (router.ts) that accepts only these shapes, and only from this extension.
import type { Analysis } from '../core/types.js';

/** Where a tab's analysis came from. */
export type AnalysisSource = 'page' | 'paste';

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
