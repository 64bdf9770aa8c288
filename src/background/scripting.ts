// Reading pages on request: the content script injected into a tab's frames (activeTab after a toolbar
// click or a context-menu click, or host access), and content scripts registered for origins the person
// allowed. The script file is the content script's standalone build (vite.config.ts).
import contentScript from '../content/content.ts?iife';
import { browser } from '../browser/api.js';
import type { PageScan } from './protocol.js';

interface HoplockGlobal {
  __hoplock?: { scan(): PageScan; fetchSource(): Promise<string | null> };
}

export async function scanTab(tabId: number): Promise<PageScan[]> {
  await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: [contentScript] });
  const results = await browser.scripting.executeScript({
    target: { tabId, allFrames: true },
    func: () => (globalThis as HoplockGlobal).__hoplock?.scan() ?? null,
  });
  return results.map((r) => r.result as PageScan | null).filter((s): s is PageScan => s !== null && typeof s === 'object');
}

export async function fetchSource(tabId: number): Promise<string | null> {
  const [r] = await browser.scripting.executeScript({
    target: { tabId },
    func: () => (globalThis as HoplockGlobal).__hoplock?.fetchSource() ?? null,
  });
  return typeof r?.result === 'string' ? r.result : null;
}

/** Chrome: `getSelection().toString()` keeps line breaks; the menu's `info.selectionText` flattens them. */
export async function selectionIn(tabId: number): Promise<string> {
  const results = await browser.scripting.executeScript({ target: { tabId, allFrames: true }, func: () => globalThis.getSelection?.()?.toString() ?? '' });
  const texts = results.map((r) => (typeof r.result === 'string' ? r.result : ''));
  return texts.reduce((a, b) => (b.length > a.length ? b : a), '');
}

const siteId = (origin: string) => `site:${origin}`;

export async function registerSite(origin: string): Promise<void> {
  const granted = await browser.permissions.contains({ origins: [`${origin}/*`] });
  if (!granted) throw new Error(`Hoplock: no access to ${origin}`);
  const id = siteId(origin);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length > 0) return;
  await browser.scripting.registerContentScripts([
    { id, matches: [`${origin}/*`], js: [contentScript], allFrames: true, runAt: 'document_idle', persistAcrossSessions: true },
  ]);
}

/** Access to an origin was withdrawn: stop reading it. */
export async function unregisterSites(origins: string[]): Promise<void> {
  const ids = origins.map((o) => siteId(o.replace(/\/\*$/, '')));
  const existing = await browser.scripting.getRegisteredContentScripts({ ids });
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: existing.map((s) => s.id) });
}
