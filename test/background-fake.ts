// An in-memory stand-in for the browser facade (src/browser/api.ts) in background tests: storage.session
// that copies values like the real one, each tab's action state, and the listeners index.ts registers.
// Use it from vi.hoisted (see test/background-router.test.ts); webextension-polyfill itself throws outside
// an extension.
import { fill } from '../src/ui/i18n.js';
import { en } from '../src/ui/messages/en.js';
import { vi } from 'vitest';

export const EXTENSION_ID = 'hoplockfakeextensionid';
export const EXTENSION_BASE = `chrome-extension://${EXTENSION_ID}/`;

export interface TabAction {
  text?: string;
  color?: string;
  textColor?: string;
  title?: string;
}

type Listener = (...args: never[]) => unknown;

export function createFakeBrowser() {
  const session = new Map<string, unknown>();
  /** storage.sync (the options page's list, issue 8). */
  const sync = new Map<string, unknown>();
  const actions = new Map<number, TabAction>();
  const listeners = {
    message: [] as Listener[],
    updated: [] as Listener[],
    removed: [] as Listener[],
    installed: [] as Listener[],
    startup: [] as Listener[],
    menu: [] as Listener[],
    permissionsRemoved: [] as Listener[],
    storageChanged: [] as Listener[],
  };
  const tab = (tabId: number): TabAction => {
    const a = actions.get(tabId) ?? {};
    actions.set(tabId, a);
    return a;
  };
  const keys = (k: string | string[]) => (Array.isArray(k) ? k : [k]);
  const browser = {
    runtime: {
      id: EXTENSION_ID,
      getURL: (path: string) => EXTENSION_BASE + path.replace(/^\//, ''),
      onMessage: { addListener: (f: Listener) => listeners.message.push(f) },
      onInstalled: { addListener: (f: Listener) => listeners.installed.push(f) },
      onStartup: { addListener: (f: Listener) => listeners.startup.push(f) },
    },
    contextMenus: {
      removeAll: vi.fn(async () => {}),
      create: vi.fn((_d: object) => 'hoplock-analyze-selection'),
      onClicked: { addListener: (f: Listener) => listeners.menu.push(f) },
    },
    permissions: {
      onRemoved: { addListener: (f: Listener) => listeners.permissionsRemoved.push(f) },
    },
    tabs: {
      onUpdated: { addListener: (f: Listener) => listeners.updated.push(f) },
      onRemoved: { addListener: (f: Listener) => listeners.removed.push(f) },
    },
    storage: {
      onChanged: { addListener: (f: Listener) => listeners.storageChanged.push(f) },
      sync: {
        get: vi.fn(async (k: string | string[]) => {
          const out: Record<string, unknown> = {};
          for (const key of keys(k)) if (sync.has(key)) out[key] = structuredClone(sync.get(key));
          return out;
        }),
        /** Stores and tells the onChanged listeners, like the real one. */
        set: vi.fn(async (items: Record<string, unknown>) => {
          const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
          for (const [key, v] of Object.entries(items)) {
            changes[key] = { oldValue: sync.get(key), newValue: structuredClone(v) };
            sync.set(key, structuredClone(v));
          }
          for (const f of listeners.storageChanged) (f as (c: object, area: string) => void)(changes, 'sync');
        }),
      },
      session: {
        get: vi.fn(async (k: string | string[]) => {
          const out: Record<string, unknown> = {};
          for (const key of keys(k)) if (session.has(key)) out[key] = structuredClone(session.get(key));
          return out;
        }),
        set: vi.fn(async (items: Record<string, unknown>) => {
          for (const [key, v] of Object.entries(items)) session.set(key, structuredClone(v));
        }),
        remove: vi.fn(async (k: string | string[]) => {
          for (const key of keys(k)) session.delete(key);
        }),
      },
    },
    action: {
      setBadgeText: vi.fn(async (d: { tabId: number; text: string }) => {
        tab(d.tabId).text = d.text;
      }),
      setBadgeBackgroundColor: vi.fn(async (d: { tabId: number; color: string }) => {
        tab(d.tabId).color = d.color;
      }),
      setBadgeTextColor: vi.fn(async (d: { tabId: number; color: string }) => {
        tab(d.tabId).textColor = d.color;
      }) as ((d: { tabId: number; color: string }) => Promise<void>) | undefined,
      setTitle: vi.fn(async (d: { tabId: number; title: string }) => {
        tab(d.tabId).title = d.title;
      }),
    },
    // As the browser does with the generated _locales/en: every key has its message.
    i18n: { getMessage: vi.fn((key: string, subs?: string[]) => (Object.hasOwn(en, key) ? fill(en[key as keyof typeof en], subs ?? []) : '')) },
  };
  const setTextColor = browser.action.setBadgeTextColor;
  return {
    browser,
    session,
    sync,
    actions,
    listeners,
    /** Empty storage and badges, forget calls; listeners stay (index.ts registers them once). */
    reset() {
      session.clear();
      sync.clear();
      actions.clear();
      browser.action.setBadgeTextColor = setTextColor;
      vi.clearAllMocks();
    },
  };
}

export type FakeBrowser = ReturnType<typeof createFakeBrowser>;

/** One small header block per verdict (documentation addresses and example domains only). */
export const HEADERS = {
  encrypted:
    'Received: from a.example.net (a.example.net [192.0.2.1]) by mx.example.com with ESMTPS id e1; Thu, 26 Nov 2026 10:00:00 +0000\n\nbody\n',
  plaintext:
    'Received: from a.example.net (a.example.net [192.0.2.1]) by mx.example.com with ESMTP id p1; Thu, 26 Nov 2026 10:00:00 +0000\n\nbody\n',
  unknown: 'Received: from a.example.net (a.example.net [192.0.2.1]) by mx.example.com; Thu, 26 Nov 2026 10:00:00 +0000\n\nbody\n',
  partial:
    'Received: from b.example.org (b.example.org [198.51.100.7]) by mx.example.com with ESMTPS id x1; Thu, 26 Nov 2026 10:00:05 +0000\n' +
    'Received: from a.example.net (a.example.net [192.0.2.1]) by b.example.org with ESMTP id x0; Thu, 26 Nov 2026 10:00:00 +0000\n\nbody\n',
} as const;
