// The background's one message router and its wiring (src/background/index.ts), over a fake browser:
// who may send what, which shapes pass, what each message does to storage and the badge, and that a tab's
// state survives a worker restart and is cleared by navigation.
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyBadge, BADGE_COLORS, badgeFor } from '../src/background/badge.js';
import { MAX_TEXT_CHARS, MAX_URL_CHARS } from '../src/background/limits.js';
import type { TabAnalysis } from '../src/background/protocol.js';
import { createRouter, parseRequest, type Router } from '../src/background/router.js';
import { sessionStore } from '../src/background/store.js';
import { analyze } from '../src/core/index.js';
import type { Runtime } from '../src/browser/api.js';
import { translator } from '../src/ui/tables.js';
import { EXTENSION_BASE, EXTENSION_ID, HEADERS } from './background-fake.js';
import { analyzeAt, NOW } from './helpers.js';

const fake = await vi.hoisted(async () => (await import('./background-fake.js')).createFakeBrowser());
vi.mock('../src/browser/api.js', () => ({ browser: fake.browser }));
// The real analysis, watched: which options the wiring passes (the person's own relays, issue 8).
vi.mock('../src/core/index.js', async (importOriginal) => {
  const core = await importOriginal<typeof import('../src/core/index.js')>();
  return { ...core, analyze: vi.fn(core.analyze) };
});

const en = translator('en');
const PAGE = 'https://mail.example.com/message/1';

function newRouter(): Router {
  return createRouter({
    extensionId: EXTENSION_ID,
    extensionBaseUrl: EXTENSION_BASE,
    analyze: analyzeAt,
    store: sessionStore,
    showBadge: (tabId, a) => applyBadge(tabId, badgeFor(a, en)),
    now: () => NOW,
    scanTab: async () => [],
    fetchSource: async () => null,
    registerSite: async () => {},
  });
}

/** The popup: an extension page, not in a tab. */
const popup: Runtime.MessageSender = { id: EXTENSION_ID, url: `${EXTENSION_BASE}src/popup/index.html` };
/** Our content script in tab `tabId` on a webmail page. */
function content(tabId: number): Runtime.MessageSender {
  return { id: EXTENSION_ID, url: PAGE, tab: { id: tabId, index: 0, highlighted: false, active: true, pinned: false, incognito: false }, frameId: 0 };
}

function nothingWritten(): void {
  expect(fake.session.size).toBe(0);
  expect(fake.browser.storage.session.set).not.toHaveBeenCalled();
  expect(fake.browser.action.setBadgeText).not.toHaveBeenCalled();
}

let router: Router;
beforeEach(() => {
  fake.reset();
  router = newRouter();
});

describe('senders', () => {
  it('rejects a message from another extension, even a well-formed one', async () => {
    const msg = { type: 'popup:analyze-for-tab', tabId: 1, text: HEADERS.encrypted };
    await expect(router.handle(msg, { ...popup, id: 'someotherextension' })).rejects.toThrow(/not this extension/);
    await expect(router.handle(msg, { url: popup.url })).rejects.toThrow(/not this extension/);
    nothingWritten();
  });

  it('rejects popup messages from a web page (our content script included)', async () => {
    const msg = { type: 'popup:analyze-for-tab', tabId: 1, text: HEADERS.encrypted };
    await expect(router.handle(msg, content(5))).rejects.toThrow(/not sent from an extension page/);
    await expect(router.handle({ type: 'popup:get-analysis', tabId: 1 }, { id: EXTENSION_ID })).rejects.toThrow(/extension page/);
    nothingWritten();
  });

  it('rejects popup messages from look-alike extension URLs', async () => {
    const msg = { type: 'popup:clear-tab', tabId: 1 };
    for (const url of [`chrome-extension://${EXTENSION_ID}.evil.example/x.html`, 'chrome-extension://otherid/popup.html', `https://${EXTENSION_ID}/`]) {
      await expect(router.handle(msg, { id: EXTENSION_ID, url }), url).rejects.toThrow(/extension page/);
    }
    expect(fake.browser.storage.session.remove).not.toHaveBeenCalled();
  });

  it('rejects content messages that do not come from a tab', async () => {
    const msg = { type: 'content:headers-found', text: HEADERS.plaintext, url: PAGE };
    await expect(router.handle(msg, popup)).rejects.toThrow(/not sent from a tab/);
    await expect(router.handle(msg, { ...content(1), tab: { ...content(1).tab, id: -1 } } as Runtime.MessageSender)).rejects.toThrow(/from a tab/);
    nothingWritten();
  });

  it('refuses to start with a base URL that every sender would match', () => {
    for (const base of ['', 'chrome-extension://', `chrome-extension://${EXTENSION_ID}`]) {
      expect(() => createRouter({ ...depsOf(), extensionBaseUrl: base }), base).toThrow(/base URL/);
    }
  });
});

function depsOf() {
  return {
    extensionId: EXTENSION_ID,
    extensionBaseUrl: EXTENSION_BASE,
    analyze: analyzeAt,
    store: sessionStore,
    showBadge: async () => {},
    now: () => NOW,
    scanTab: async () => [],
    fetchSource: async () => null,
    registerSite: async () => {},
  };
}

describe('message shapes', () => {
  const withProto = JSON.parse('{"__proto__": {"type": "popup:get-analysis", "tabId": 1}}');
  const inherited = Object.create({ type: 'popup:get-analysis', tabId: 1 });
  const ownTypeInheritedTab = Object.assign(Object.create({ tabId: 1 }), { type: 'popup:get-analysis' });
  const getter = {
    type: 'popup:get-analysis',
    get tabId() {
      return 1;
    },
  };
  const bad: [string, unknown][] = [
    ['null', null],
    ['undefined', undefined],
    ['a string', 'popup:get-analysis'],
    ['a number', 42],
    ['an array', []],
    ['an array holding a message', [{ type: 'popup:get-analysis', tabId: 1 }]],
    ['an empty object', {}],
    ['a type that is not a string', { type: 7, tabId: 1 }],
    ['an unknown type', { type: 'popup:delete-everything', tabId: 1 }],
    ['a type in the wrong case', { type: 'POPUP:GET-ANALYSIS', tabId: 1 }],
    ['type __proto__', { type: '__proto__', tabId: 1 }],
    ['type toString', { type: 'toString', tabId: 1 }],
    ['a missing tabId', { type: 'popup:get-analysis' }],
    ['a negative tabId', { type: 'popup:get-analysis', tabId: -1 }],
    ['a fractional tabId', { type: 'popup:clear-tab', tabId: 1.5 }],
    ['a NaN tabId', { type: 'popup:clear-tab', tabId: Number.NaN }],
    ['an infinite tabId', { type: 'popup:clear-tab', tabId: Number.POSITIVE_INFINITY }],
    ['a tabId beyond safe integers', { type: 'popup:clear-tab', tabId: 2 ** 53 }],
    ['a tabId given as a string', { type: 'popup:get-analysis', tabId: '1' }],
    ['text that is a number', { type: 'popup:analyze-for-tab', tabId: 1, text: 5 }],
    ['text that is null', { type: 'popup:analyze-for-tab', tabId: 1, text: null }],
    ['text that is an array of lines', { type: 'popup:analyze-for-tab', tabId: 1, text: [HEADERS.encrypted] }],
    ['content text that is missing', { type: 'content:headers-found', url: PAGE }],
    ['a url that is not a string', { type: 'content:headers-found', text: HEADERS.encrypted, url: { href: PAGE } }],
    ['a url over the limit', { type: 'content:no-headers', url: `https://mail.example.com/${'a'.repeat(MAX_URL_CHARS)}` }],
    ['an own "__proto__" key holding the fields', withProto],
    ['fields inherited from the prototype', inherited],
    ['a tabId inherited from the prototype', ownTypeInheritedTab],
    ['a tabId behind a getter', getter],
  ];
  for (const [name, msg] of bad) {
    it(`rejects ${name}`, async () => {
      await expect(router.handle(msg, popup)).rejects.toThrow(/message rejected/);
      await expect(router.handle(msg, content(1))).rejects.toThrow(/message rejected/);
      nothingWritten();
    });
  }

  it('rejects text one character over MAX_TEXT_CHARS and accepts text of exactly that length', async () => {
    const atLimit = 'x'.repeat(MAX_TEXT_CHARS);
    await expect(router.handle({ type: 'popup:analyze-for-tab', tabId: 1, text: `${atLimit}x` }, popup)).rejects.toThrow(/longer than/);
    nothingWritten();
    const r = (await router.handle({ type: 'popup:analyze-for-tab', tabId: 1, text: atLimit }, popup)) as TabAnalysis;
    expect(r.analysis.error?.code).toBe('no-headers');
  });

  it('keeps only the protocol fields of a request', () => {
    expect(parseRequest({ type: 'content:no-headers', url: PAGE, tabId: 3, extra: { a: 1 } })).toEqual({ type: 'content:no-headers', url: PAGE });
  });
});

describe('handlers', () => {
  it('analyses pasted text, stores it for that tab and sets that tab badge only', async () => {
    const r = (await router.handle({ type: 'popup:analyze-for-tab', tabId: 4, text: HEADERS.plaintext }, popup)) as TabAnalysis;
    expect(r).toMatchObject({ source: 'paste', url: null, at: NOW });
    expect(r.analysis.verdict).toBe('plaintext');
    expect(fake.session.get('tab:4')).toEqual(r);
    expect([...fake.session.keys()]).toEqual(['tab:4']);
    expect(fake.actions.get(4)).toEqual({
      text: 'OPEN',
      color: BADGE_COLORS.plaintext,
      textColor: '#ffffff',
      title: 'Hoplock: Sent unencrypted between a.example.net and mx.example.com',
    });
    expect([...fake.actions.keys()]).toEqual([4]);
  });

  it('returns what was stored for a tab, and null for a tab with nothing', async () => {
    const stored = await router.handle({ type: 'popup:analyze-for-tab', tabId: 2, text: HEADERS.partial }, popup);
    expect(await router.handle({ type: 'popup:get-analysis', tabId: 2 }, popup)).toEqual(stored);
    expect(await router.handle({ type: 'popup:get-analysis', tabId: 3 }, popup)).toBeNull();
  });

  it('still returns the analysis after a worker restart (a new router over the same storage)', async () => {
    const stored = await router.handle({ type: 'popup:analyze-for-tab', tabId: 2, text: HEADERS.encrypted }, popup);
    const restarted = newRouter();
    const again = (await restarted.handle({ type: 'popup:get-analysis', tabId: 2 }, popup)) as TabAnalysis;
    expect(again).toEqual(stored);
    expect(again.analysis.verdict).toBe('encrypted');
  });

  it('clears a tab on popup:clear-tab: storage gone, badge empty with the "none" title', async () => {
    await router.handle({ type: 'popup:analyze-for-tab', tabId: 6, text: HEADERS.encrypted }, popup);
    await router.handle({ type: 'popup:analyze-for-tab', tabId: 8, text: HEADERS.encrypted }, popup);
    expect(await router.handle({ type: 'popup:clear-tab', tabId: 6 }, popup)).toBeNull();
    expect(fake.session.has('tab:6')).toBe(false);
    expect(fake.actions.get(6)).toMatchObject({ text: '', title: en('badgeTitleNone') });
    expect(fake.session.has('tab:8')).toBe(true);
    expect(fake.actions.get(8)?.text).toBe('TLS');
  });

  it('stores page headers for the sender tab, never for a tabId the message carries', async () => {
    const msg = { type: 'content:headers-found', text: HEADERS.encrypted, url: PAGE, tabId: 99 };
    const r = (await router.handle(msg, content(7))) as TabAnalysis;
    expect(r).toMatchObject({ source: 'page', url: PAGE, at: NOW });
    expect(fake.session.get('tab:7')).toEqual(r);
    expect(fake.actions.get(7)?.text).toBe('TLS');
    expect(fake.session.has('tab:99')).toBe(false);
    expect(fake.actions.has(99)).toBe(false);
  });

  it('clears the sender tab on content:no-headers, not a tabId in the message', async () => {
    await router.handle({ type: 'content:headers-found', text: HEADERS.partial, url: PAGE }, content(7));
    await router.handle({ type: 'popup:analyze-for-tab', tabId: 99, text: HEADERS.partial }, popup);
    expect(await router.handle({ type: 'content:no-headers', url: PAGE, tabId: 99 }, content(7))).toBeNull();
    expect(fake.session.has('tab:7')).toBe(false);
    expect(fake.actions.get(7)?.text).toBe('');
    expect(fake.session.has('tab:99')).toBe(true);
  });

  it('keeps what the person pasted for a tab when that tab page reports no headers', async () => {
    const pasted = await router.handle({ type: 'popup:analyze-for-tab', tabId: 7, text: HEADERS.partial }, popup);
    await router.handle({ type: 'content:no-headers', url: PAGE }, content(7));
    expect(fake.session.get('tab:7')).toEqual(pasted);
    expect(fake.actions.get(7)?.text).toBe('PART');
  });

  it('runs a clear sent right after an analysis after it, so storage and badge agree', async () => {
    const a = router.handle({ type: 'popup:analyze-for-tab', tabId: 5, text: HEADERS.encrypted }, popup);
    const c = router.handle({ type: 'popup:clear-tab', tabId: 5 }, popup);
    await Promise.all([a, c]);
    expect(fake.session.has('tab:5')).toBe(false);
    expect(fake.actions.get(5)?.text).toBe('');
  });

  it('stores nothing when the tab is gone (the badge call fails)', async () => {
    fake.browser.action.setBadgeText.mockRejectedValueOnce(new Error('No tab with id: 9.'));
    await expect(router.handle({ type: 'popup:analyze-for-tab', tabId: 9, text: HEADERS.encrypted }, popup)).rejects.toThrow(/No tab/);
    expect(fake.session.has('tab:9')).toBe(false);
  });
});

describe('wiring (src/background/index.ts)', () => {
  type MessageListener = (m: unknown, s: Runtime.MessageSender) => Promise<unknown>;
  type UpdatedListener = (tabId: number, change: { status?: string }) => Promise<void> | undefined;
  type RemovedListener = (tabId: number) => Promise<void>;
  let onMessage: MessageListener;
  let onUpdated: UpdatedListener;
  let onRemoved: RemovedListener;

  beforeAll(async () => {
    // Saved on the options page before the worker started.
    fake.sync.set('internalRelays', ['relay.example.org', '192.0.2.0/24']);
    await import('../src/background/index.js');
    expect(fake.listeners.message).toHaveLength(1);
    expect(fake.listeners.updated).toHaveLength(1);
    expect(fake.listeners.removed).toHaveLength(1);
    onMessage = fake.listeners.message[0] as unknown as MessageListener;
    onUpdated = fake.listeners.updated[0] as unknown as UpdatedListener;
    onRemoved = fake.listeners.removed[0] as unknown as RemovedListener;
  });

  it('answers our popup through the one onMessage listener', async () => {
    const r = (await onMessage({ type: 'popup:analyze-for-tab', tabId: 3, text: HEADERS.encrypted }, popup)) as TabAnalysis;
    expect(r.analysis.verdict).toBe('encrypted');
    expect(fake.actions.get(3)).toMatchObject({ text: 'TLS', title: 'Hoplock: Encrypted on every hop we can see' });
  });

  it('analyses with the person’s own relays read from storage.sync when the worker started', async () => {
    await onMessage({ type: 'popup:analyze-for-tab', tabId: 3, text: HEADERS.encrypted }, popup);
    expect(vi.mocked(analyze)).toHaveBeenLastCalledWith(HEADERS.encrypted, { internal: ['relay.example.org', '192.0.2.0/24'] });
  });

  it('follows a change of the list (storage.onChanged), and reads a malformed one as empty', async () => {
    expect(fake.listeners.storageChanged).toHaveLength(1);
    await fake.browser.storage.sync.set({ internalRelays: ['mx.example.net'] });
    await onMessage({ type: 'popup:analyze-for-tab', tabId: 3, text: HEADERS.plaintext }, popup);
    expect(vi.mocked(analyze)).toHaveBeenLastCalledWith(HEADERS.plaintext, { internal: ['mx.example.net'] });
    await fake.browser.storage.sync.set({ internalRelays: { __proto__: ['mx.example.net'], 0: 'evil.example' } });
    await onMessage({ type: 'popup:analyze-for-tab', tabId: 3, text: HEADERS.plaintext }, popup);
    expect(vi.mocked(analyze)).toHaveBeenLastCalledWith(HEADERS.plaintext, { internal: [] });
  });

  it('ignores changes to other keys and other storage areas', async () => {
    await fake.browser.storage.sync.set({ internalRelays: ['mx.example.net'] });
    const changed = fake.listeners.storageChanged[0] as unknown as (c: object, area: string) => void;
    changed({ internalRelays: { newValue: ['evil.example'] } }, 'local');
    changed({ draft: { newValue: 'x' } }, 'sync');
    await onMessage({ type: 'popup:analyze-for-tab', tabId: 3, text: HEADERS.plaintext }, popup);
    expect(vi.mocked(analyze)).toHaveBeenLastCalledWith(HEADERS.plaintext, { internal: ['mx.example.net'] });
  });

  it('turns a foreign sender into a rejected promise, not a thrown error', async () => {
    const p = onMessage({ type: 'popup:get-analysis', tabId: 3 }, { id: 'someotherextension', url: popup.url });
    expect(p).toBeInstanceOf(Promise);
    await expect(p).rejects.toThrow(/not this extension/);
  });

  it('clears a tab analysis and badge when the tab starts loading a new document', async () => {
    await onMessage({ type: 'content:headers-found', text: HEADERS.plaintext, url: PAGE }, content(12));
    await onMessage({ type: 'content:headers-found', text: HEADERS.plaintext, url: PAGE }, content(13));
    await onUpdated(12, { status: 'loading' });
    expect(fake.session.has('tab:12')).toBe(false);
    expect(fake.actions.get(12)).toMatchObject({ text: '', title: en('badgeTitleNone') });
    expect(fake.session.has('tab:13')).toBe(true);
    expect(fake.actions.get(13)?.text).toBe('OPEN');
  });

  it('keeps the analysis on other tab updates (complete, title, audible)', async () => {
    await onMessage({ type: 'content:headers-found', text: HEADERS.plaintext, url: PAGE }, content(12));
    await onUpdated(12, { status: 'complete' });
    await onUpdated(12, {});
    expect(fake.session.has('tab:12')).toBe(true);
    expect(fake.actions.get(12)?.text).toBe('OPEN');
  });

  it('forgets a closed tab without touching the badge of a tab that no longer exists', async () => {
    await onMessage({ type: 'content:headers-found', text: HEADERS.plaintext, url: PAGE }, content(14));
    fake.browser.action.setBadgeText.mockClear();
    await onRemoved(14);
    expect(fake.session.has('tab:14')).toBe(false);
    expect(fake.browser.action.setBadgeText).not.toHaveBeenCalled();
  });
});
