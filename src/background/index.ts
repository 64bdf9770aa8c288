// Background (service worker in Chrome, event page in Firefox): one message router, each tab's badge, and
// the tab lifecycle. State lives in storage.session and the per-tab badge, never in this worker's memory,
// because the worker is stopped whenever it is idle.
import { browser, type Runtime, type Tabs } from '../browser/api.js';
import { translateWith } from '../browser/translate.js';
import { analyze } from '../core/index.js';
import { INTERNAL_RELAYS_KEY, internalFromStorage } from '../ui/internal-relays.js';
import { applyBadge, badgeFor } from './badge.js';
import { createRouter } from './router.js';
import { fetchSource, registerSite, scanTab, selectionIn, unregisterSites } from './scripting.js';
import { sessionStore } from './store.js';

const browserTranslate = translateWith(browser.i18n);

function logFailure(what: string): (e: unknown) => void {
  return (e) => console.warn(`Hoplock: ${what}:`, e);
}

// The person's own relays (options page, issue 8): read once when the worker starts, kept up to date from
// storage.onChanged. Messages and the context menu wait for the first read (`internalReady`), so a worker
// woken by a message never analyses without the list.
let internal: readonly string[] = [];
let internalChanged = false;
browser.storage.onChanged.addListener((changes, area) => {
  if (area !== 'sync' || !Object.hasOwn(changes, INTERNAL_RELAYS_KEY)) return;
  internalChanged = true;
  internal = internalFromStorage(changes[INTERNAL_RELAYS_KEY]?.newValue);
});
const internalReady: Promise<void> = browser.storage.sync.get(INTERNAL_RELAYS_KEY).then((stored) => {
  // A change that arrived while this read was under way is newer than what it read.
  if (!internalChanged) internal = internalFromStorage(stored[INTERNAL_RELAYS_KEY]);
}, logFailure('could not read your own relays'));

const router = createRouter({
  extensionId: browser.runtime.id,
  extensionBaseUrl: browser.runtime.getURL(''),
  analyze: (text) => analyze(text, { internal }),
  store: sessionStore,
  showBadge: (tabId, analysis) => applyBadge(tabId, badgeFor(analysis, browserTranslate)),
  now: () => Date.now(),
  scanTab,
  fetchSource,
  registerSite,
});

const MENU_ID = 'hoplock-analyze-selection';

// Menus do not survive an update or a browser restart in every browser: create on install and startup.
function createMenu(): void {
  browser.contextMenus.removeAll().then(
    () => browser.contextMenus.create({ id: MENU_ID, title: browserTranslate('menuAnalyzeSelection'), contexts: ['selection'] }),
    logFailure('could not create the context menu'),
  );
}
browser.runtime.onInstalled.addListener(createMenu);
browser.runtime.onStartup.addListener(createMenu);

// "Analyze selected text as headers": the click grants activeTab; the selection is read in the page
// (selectionIn) because the menu's own selectionText loses line breaks. The report opens in a tab.
async function analyzeSelection(tabId: number, tabIndex: number, menuText: string): Promise<void> {
  const text = (await selectionIn(tabId).catch(() => '')) || menuText;
  if (text.trim() === '') return;
  await internalReady;
  await router.keepSelection(tabId, text);
  await browser.tabs.create({ url: browser.runtime.getURL(`src/popup/index.html?tab=${tabId}`), index: tabIndex + 1 });
}
browser.contextMenus.onClicked.addListener((info, tab) => {
  const tabId = tab?.id;
  if (info.menuItemId !== MENU_ID || tabId === undefined || tabId < 0) return;
  analyzeSelection(tabId, tab?.index ?? 0, info.selectionText ?? '').catch(logFailure('could not analyse the selection'));
});
// The menu's action, reachable from the worker's console and from the browser tests (which cannot click
// a context menu). Only extension code runs in this global.
(globalThis as { hoplock?: unknown }).hoplock = { analyzeSelection };

// Access to a site withdrawn in the browser's settings: stop reading it.
browser.permissions.onRemoved.addListener((removed) => {
  unregisterSites(removed.origins ?? []).catch(logFailure('could not unregister a site'));
});

// The polyfill sends the resolved value back and turns a rejection into an error at the sender.
browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => internalReady.then(() => router.handle(message, sender)));


// status 'loading' = a new document in the tab (navigation or reload). Without the "tabs" permission
// changeInfo has no url, and none is needed. The promise is returned only so tests can await it.
browser.tabs.onUpdated.addListener((tabId: number, changeInfo: Tabs.OnUpdatedChangeInfoType) => {
  if (changeInfo.status !== 'loading') return;
  return router.clearTab(tabId).catch(logFailure(`could not clear tab ${tabId}`));
});

browser.tabs.onRemoved.addListener((tabId: number) => router.forgetTab(tabId).catch(logFailure(`could not forget tab ${tabId}`)));
