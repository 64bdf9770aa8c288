// The toolbar button's page reading through the router (popup:extract-tab, popup:fetch-source,
// popup:register-site): which frame wins, what the popup is told when a page has no headers, and that
// pages no extension may read give an honest "nothing" instead of an error.
import { describe, expect, it, vi } from 'vitest';
import type { PageScan } from '../src/background/protocol.js';
import { createRouter, type RouterDeps } from '../src/background/router.js';
import { sessionStore } from '../src/background/store.js';
import type { Runtime } from '../src/browser/api.js';
import { EXTENSION_BASE, EXTENSION_ID, HEADERS } from './background-fake.js';
import { analyzeAt, NOW } from './helpers.js';

const fake = await vi.hoisted(async () => (await import('./background-fake.js')).createFakeBrowser());
vi.mock('../src/browser/api.js', () => ({ browser: fake.browser }));

const popup: Runtime.MessageSender = { id: EXTENSION_ID, url: `${EXTENSION_BASE}src/popup/index.html` };

function scan(over: Partial<PageScan>): PageScan {
  return { text: null, adapter: 'generic', hint: 'hintGeneric', sourceUrl: null, url: 'https://mail.example.com/inbox', top: true, ...over };
}

function router(over: Partial<RouterDeps>) {
  const badges: [number, string | null][] = [];
  const r = createRouter({
    extensionId: EXTENSION_ID,
    extensionBaseUrl: EXTENSION_BASE,
    analyze: analyzeAt,
    store: sessionStore,
    showBadge: async (tabId, a) => {
      badges.push([tabId, a?.verdict ?? null]);
    },
    now: () => NOW,
    scanTab: async () => [],
    fetchSource: async () => null,
    registerSite: async () => {},
    ...over,
  });
  return { r, badges };
}

describe('popup:extract-tab', () => {
  it('keeps and badges the headers found in an iframe when the top frame has none (GMX, WEB.DE)', async () => {
    const { r, badges } = router({
      scanTab: async () => [scan({ top: true, adapter: 'gmx', hint: 'hintGmx' }), scan({ top: false, text: HEADERS.partial, adapter: 'gmx', url: 'https://3c.gmx.net/mail/client/x' })],
    });
    const res = await r.handle({ type: 'popup:extract-tab', tabId: 41 }, popup);
    expect(res).toMatchObject({ hint: null, origin: 'https://mail.example.com', adapter: 'gmx', kept: { source: 'page', url: 'https://3c.gmx.net/mail/client/x' } });
    expect(badges).toEqual([[41, 'partial']]);
    expect((await sessionStore.get(41))?.analysis.verdict).toBe('partial');
  });

  it('prefers the top frame when several frames show headers', async () => {
    const { r } = router({
      scanTab: async () => [scan({ top: false, text: HEADERS.plaintext, url: 'https://frame.example/' }), scan({ top: true, text: HEADERS.encrypted })],
    });
    const res = await r.handle({ type: 'popup:extract-tab', tabId: 42 }, popup);
    expect(res).toMatchObject({ kept: { analysis: { verdict: 'encrypted' } } });
  });

  it('tells the popup where the raw view is when the page has no headers, and that Gmail can fetch it', async () => {
    const { r, badges } = router({
      scanTab: async () => [scan({ adapter: 'gmail', hint: 'hintGmail', sourceUrl: 'https://mail.google.com/mail/u/0/?ik=x&view=om&permmsgid=msg-f:1', url: 'https://mail.google.com/mail/u/0/#inbox/abc' })],
    });
    const res = await r.handle({ type: 'popup:extract-tab', tabId: 43 }, popup);
    expect(res).toEqual({ kept: null, hint: 'hintGmail', canFetchSource: true, origin: 'https://mail.google.com', adapter: 'gmail' });
    expect(badges).toEqual([]);
  });

  it('answers "nothing" for pages no extension may read (the injection throws)', async () => {
    const { r } = router({
      scanTab: async () => {
        throw new Error('Cannot access a chrome:// URL');
      },
    });
    expect(await r.handle({ type: 'popup:extract-tab', tabId: 44 }, popup)).toEqual({ kept: null, hint: null, canFetchSource: false, origin: null, adapter: null });
  });

  it('is a popup message: a content script may not ask for it', async () => {
    const { r } = router({});
    const fromPage: Runtime.MessageSender = { id: EXTENSION_ID, url: 'https://mail.example.com/', tab: { id: 1, index: 0, highlighted: false, active: true, pinned: false, incognito: false } };
    await expect(r.handle({ type: 'popup:extract-tab', tabId: 1 }, fromPage)).rejects.toThrow(/extension page/);
  });
});

describe('popup:fetch-source and popup:register-site', () => {
  it('analyses the fetched original and keeps it for the tab', async () => {
    const { r, badges } = router({ fetchSource: async (tabId) => (tabId === 45 ? HEADERS.encrypted : null) });
    expect(await r.handle({ type: 'popup:fetch-source', tabId: 45 }, popup)).toMatchObject({ source: 'page', analysis: { verdict: 'encrypted' } });
    expect(badges).toEqual([[45, 'encrypted']]);
    expect(await r.handle({ type: 'popup:fetch-source', tabId: 46 }, popup)).toBeNull();
  });

  it('registers only well-formed http(s) origins', async () => {
    const registered: string[] = [];
    const { r } = router({
      registerSite: async (o) => {
        registered.push(o);
      },
    });
    await r.handle({ type: 'popup:register-site', origin: 'https://webmail.example.org' }, popup);
    await r.handle({ type: 'popup:register-site', origin: 'http://192.0.2.10:8080' }, popup);
    for (const bad of ['https://webmail.example.org/', 'javascript:alert(1)', 'https://*.example.org', 'file:///etc', 'https://a b', '', 42]) {
      await expect(r.handle({ type: 'popup:register-site', origin: bad }, popup), String(bad)).rejects.toThrow(/origin/);
    }
    expect(registered).toEqual(['https://webmail.example.org', 'http://192.0.2.10:8080']);
  });
});
