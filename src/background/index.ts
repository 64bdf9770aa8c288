// Background (service worker in Chrome, event page in Firefox): one message router, each tab's badge, and
// the tab lifecycle. State lives in storage.session and the per-tab badge, never in this worker's memory,
// because the worker is stopped whenever it is idle.
import { browser, type Runtime, type Tabs } from '../browser/api.js';
import { browserTranslate } from '../browser/translate.js';
import { analyze } from '../core/index.js';
import { applyBadge, badgeFor } from './badge.js';
import { createRouter } from './router.js';
import { sessionStore } from './store.js';

const router = createRouter({
  extensionId: browser.runtime.id,
  extensionBaseUrl: browser.runtime.getURL(''),
  analyze: (text) => analyze(text),
  store: sessionStore,
  showBadge: (tabId, analysis) => applyBadge(tabId, badgeFor(analysis, browserTranslate)),
  now: () => Date.now(),
});

// The polyfill sends the resolved value back and turns a rejection into an error at the sender.
browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => router.handle(message, sender));

function logFailure(what: string): (e: unknown) => void {
  return (e) => console.warn(`Hoplock: ${what}:`, e);
}

// status 'loading' = a new document in the tab (navigation or reload). Without the "tabs" permission
// changeInfo has no url, and none is needed. The promise is returned only so tests can await it.
browser.tabs.onUpdated.addListener((tabId: number, changeInfo: Tabs.OnUpdatedChangeInfoType) => {
  if (changeInfo.status !== 'loading') return;
  return router.clearTab(tabId).catch(logFailure(`could not clear tab ${tabId}`));
});

browser.tabs.onRemoved.addListener((tabId: number) => router.forgetTab(tabId).catch(logFailure(`could not forget tab ${tabId}`)));
