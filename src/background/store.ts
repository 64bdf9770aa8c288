// Each tab's analysis, kept in storage.session under `tab:<id>`: it survives the service worker being
// stopped (Chrome stops it after 30 s idle) and is gone when the browser closes. An entry larger than
// MAX_STORED_ENTRY_CHARS is stored as a trimmed copy (hops' raw text and evidence shortened, with a
// warning saying so); one that is still too large, or that the storage refuses (quota), is not kept at all
// and the tab's older entry is removed, so the popup never shows a previous message's analysis.
import type { Warning } from '../core/types.js';
import { browser } from '../browser/api.js';
import {
  MAX_STORED_ENTRY_CHARS,
  TRIMMED_EVIDENCE_CHARS,
  TRIMMED_EVIDENCE_ITEMS,
  TRIMMED_RAW_CHARS,
  TRIMMED_WARNINGS,
} from './limits.js';
import type { TabAnalysis } from './protocol.js';

/** How an entry was kept: as is, trimmed, or not at all. */
export type Kept = 'full' | 'trimmed' | 'none';

export interface TabStore {
  get(tabId: number): Promise<TabAnalysis | null>;
  set(tabId: number, entry: TabAnalysis): Promise<Kept>;
  remove(tabId: number): Promise<void>;
}

export function keyOf(tabId: number): string {
  return `tab:${tabId}`;
}

/** The warning added to a trimmed copy (additive code; the popup lists it with the others). */
export const TRIMMED_WARNING: Warning = {
  code: 'stored-trimmed',
  message: 'This analysis was too large to keep in full: raw headers and evidence were shortened.',
  hop: null,
};

function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  // Do not split a surrogate pair: 0xd800-0xdbff is a high (leading) surrogate.
  const end = (s.charCodeAt(max - 1) & 0xfc00) === 0xd800 ? max - 1 : max;
  return `${s.slice(0, end)}…`;
}

function sizeOf(entry: TabAnalysis): number {
  return JSON.stringify(entry).length;
}

/** The entry as it will be stored: itself, a trimmed copy, or null when even the copy is too large. */
export function fitForStorage(entry: TabAnalysis): { entry: TabAnalysis; kept: 'full' | 'trimmed' } | null {
  if (sizeOf(entry) <= MAX_STORED_ENTRY_CHARS) return { entry, kept: 'full' };
  const a = entry.analysis;
  const trimmed: TabAnalysis = {
    ...entry,
    analysis: {
      ...a,
      hops: a.hops.map((h) => ({
        ...h,
        raw: cut(h.raw, TRIMMED_RAW_CHARS),
        evidence: h.evidence.slice(0, TRIMMED_EVIDENCE_ITEMS).map((e) => cut(e, TRIMMED_EVIDENCE_CHARS)),
      })),
      warnings: [...a.warnings.slice(0, TRIMMED_WARNINGS), TRIMMED_WARNING],
    },
  };
  return sizeOf(trimmed) <= MAX_STORED_ENTRY_CHARS ? { entry: trimmed, kept: 'trimmed' } : null;
}

function isEntry(v: unknown): v is TabAnalysis {
  return typeof v === 'object' && v !== null && typeof (v as { analysis?: unknown }).analysis === 'object';
}

export const sessionStore: TabStore = {
  async get(tabId) {
    const key = keyOf(tabId);
    const items = await browser.storage.session.get(key);
    const v = Object.hasOwn(items, key) ? items[key] : undefined;
    return isEntry(v) ? v : null;
  },
  async set(tabId, entry) {
    const key = keyOf(tabId);
    const fit = fitForStorage(entry);
    if (fit !== null) {
      try {
        await browser.storage.session.set({ [key]: fit.entry });
        return fit.kept;
      } catch (e) {
        // Chrome: "Session storage quota bytes exceeded". Keep the badge; the popup will show no analysis.
        console.warn(`Hoplock: could not keep the analysis of tab ${tabId}:`, e);
      }
    }
    await browser.storage.session.remove(key);
    return 'none';
  },
  async remove(tabId) {
    await browser.storage.session.remove(keyOf(tabId));
  },
};
