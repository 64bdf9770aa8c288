// The one message router (STYLE.md "Typed messages, one router"). Built from injected dependencies so it
// runs under vitest without a browser; index.ts wires it to runtime.onMessage. Every message is checked
// twice before anything happens: who sent it (this extension only; `popup:` from our own pages, `content:`
// from a tab) and what it is (exactly one of the shapes in protocol.ts, read from own properties only, so
// an inherited or `__proto__` field never counts). Anything else throws, and the sender sees a rejection.
import type { Runtime } from '../browser/api.js';
import type { Analysis } from '../core/types.js';
import { MAX_TEXT_CHARS, MAX_URL_CHARS } from './limits.js';
import type { AnalysisSource, ExtractResult, MessageType, PageScan, Request, ResponseOf, TabAnalysis } from './protocol.js';
import type { TabStore } from './store.js';

export interface RouterDeps {
  /** runtime.id */
  extensionId: string;
  /** runtime.getURL(''): the extension's base URL, e.g. `chrome-extension://<id>/`. */
  extensionBaseUrl: string;
  analyze(text: string): Analysis;
  store: TabStore;
  /** Shows an analysis on a tab's badge; null clears it. */
  showBadge(tabId: number, analysis: Analysis | null): Promise<void>;
  /** ms since the epoch */
  now(): number;
  /** Injects the content script into every frame of the tab it may read and returns each frame's scan. */
  scanTab(tabId: number): Promise<PageScan[]>;
  /** Asks the tab's page to fetch its raw source (Gmail message view); the header text or null. */
  fetchSource(tabId: number): Promise<string | null>;
  /** Reads raw views on this origin by itself from now on (the person granted it). */
  registerSite(origin: string): Promise<void>;
}

export type Response = ResponseOf<MessageType>;

export interface Router {
  handle(message: unknown, sender: Runtime.MessageSender): Promise<Response>;
  keepSelection(tabId: number, text: string): Promise<TabAnalysis>;
  /** A new document in the tab (navigation, reload): forget its analysis and clear its badge. */
  clearTab(tabId: number): Promise<void>;
  /** The tab is gone: forget its analysis (there is no badge left to clear). */
  forgetTab(tabId: number): Promise<void>;
}

function reject(why: string): never {
  throw new Error(`Hoplock: message rejected: ${why}`);
}

/** An own data property; inherited fields and accessors read as undefined. */
function own(o: object, key: string): unknown {
  const d = Object.getOwnPropertyDescriptor(o, key);
  return d !== undefined && 'value' in d ? d.value : undefined;
}

function tabIdOf(o: object): number {
  const v = own(o, 'tabId');
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) reject('tabId must be a non-negative integer');
  return v;
}

function textOf(o: object): string {
  const v = own(o, 'text');
  if (typeof v !== 'string') reject('text must be a string');
  if (v.length > MAX_TEXT_CHARS) reject(`text is longer than ${MAX_TEXT_CHARS} characters`);
  return v;
}

/** An origin the person can allow: http(s), a host name or IPv4 address, an optional port. */
const ORIGIN = /^https?:\/\/[a-z0-9.-]{1,253}(?::\d{1,5})?$/;

function originOf(o: object): string {
  const v = own(o, 'origin');
  if (typeof v !== 'string' || !ORIGIN.test(v)) reject('origin must be http(s)://host[:port]');
  return v;
}

function urlOf(o: object): string {
  const v = own(o, 'url');
  if (typeof v !== 'string') reject('url must be a string');
  if (v.length > MAX_URL_CHARS) reject(`url is longer than ${MAX_URL_CHARS} characters`);
  return v;
}

/** The request in `message`, rebuilt from its checked fields only (other fields are dropped), or a throw. */
export function parseRequest(message: unknown): Request {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) reject('not an object');
  const type = own(message, 'type');
  switch (type) {
    case 'popup:get-analysis':
      return { type, tabId: tabIdOf(message) };
    case 'popup:analyze-for-tab':
      return { type, tabId: tabIdOf(message), text: textOf(message) };
    case 'popup:clear-tab':
    case 'popup:extract-tab':
    case 'popup:fetch-source':
      return { type, tabId: tabIdOf(message) };
    case 'popup:register-site':
      return { type, origin: originOf(message) };
    case 'content:headers-found':
      return { type, text: textOf(message), url: urlOf(message) };
    case 'content:no-headers':
      return { type, url: urlOf(message) };
    default:
      return reject(typeof type === 'string' ? `unknown type ${JSON.stringify(type.slice(0, 64))}` : 'type must be a string');
  }
}

export function createRouter(deps: RouterDeps): Router {
  const base = deps.extensionBaseUrl;
  // An empty or path-less base would make every URL "ours".
  if (!/^[a-z][a-z0-9+.-]*:\/\/[^/]+\/$/i.test(base)) throw new Error(`Hoplock: unusable extension base URL ${JSON.stringify(base)}`);

  // One queue per tab: a clear that arrives while an analysis is being stored runs after it, so storage
  // and badge never disagree.
  const queues = new Map<number, Promise<void>>();
  function serial<T>(tabId: number, job: () => Promise<T>): Promise<T> {
    const result = (queues.get(tabId) ?? Promise.resolve()).then(job);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    queues.set(tabId, tail);
    void tail.then(() => {
      if (queues.get(tabId) === tail) queues.delete(tabId);
    });
    return result;
  }

  function keep(tabId: number, text: string, source: AnalysisSource, url: string | null): Promise<TabAnalysis> {
    const entry: TabAnalysis = { analysis: deps.analyze(text), source, url, at: deps.now() };
    return serial(tabId, async () => {
      // Badge first: it fails when the tab is gone, and then nothing is stored for it.
      await deps.showBadge(tabId, entry.analysis);
      await deps.store.set(tabId, entry);
      return entry;
    });
  }

  async function clear(tabId: number): Promise<void> {
    await deps.store.remove(tabId);
    await deps.showBadge(tabId, null);
  }

  /** The sender's tab, for `content:` messages (never a tab named in the message). */
  function senderTab(sender: Runtime.MessageSender): number {
    const id = sender.tab?.id;
    if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0) reject('content message not sent from a tab');
    return id;
  }

  async function handle(message: unknown, sender: Runtime.MessageSender): Promise<Response> {
    if (sender.id !== deps.extensionId) reject('sender is not this extension');
    const req = parseRequest(message);
    if (req.type.startsWith('popup:') && !(typeof sender.url === 'string' && sender.url.startsWith(base))) {
      reject('popup message not sent from an extension page');
    }
    switch (req.type) {
      case 'popup:extract-tab':
        return extract(req.tabId);
      case 'popup:fetch-source': {
        const text = await deps.fetchSource(req.tabId);
        return text === null ? null : keep(req.tabId, text, 'page', null);
      }
      case 'popup:register-site':
        await deps.registerSite(req.origin);
        return null;
      case 'popup:get-analysis':
        return serial(req.tabId, () => deps.store.get(req.tabId));
      case 'popup:analyze-for-tab':
        return keep(req.tabId, req.text, 'paste', null);
      case 'popup:clear-tab':
        await serial(req.tabId, () => clear(req.tabId));
        return null;
      case 'content:headers-found':
        return keep(senderTab(sender), req.text, 'page', req.url);
      case 'content:no-headers': {
        const tabId = senderTab(sender);
        await serial(tabId, async () => {
          // The page has no headers (any more): drop what the page gave, but not what the person pasted
          // for this tab (a webmail re-checks its page on every change; navigation clears both).
          const kept = await deps.store.get(tabId);
          if (kept?.source !== 'paste') await clear(tabId);
        });
        return null;
      }
      default:
        return req satisfies never;
    }
  }

  /** The toolbar button: read every frame of the tab; the top frame's text wins, then any frame's. */
  async function extract(tabId: number): Promise<ExtractResult> {
    let scans: PageScan[] = [];
    try {
      scans = await deps.scanTab(tabId);
    } catch {
      // chrome://, the web store, a PDF viewer...: pages no extension may read.
      return { kept: await serial(tabId, () => deps.store.get(tabId)), hint: null, canFetchSource: false, origin: null, adapter: null };
    }
    const top = scans.find((s) => s.top) ?? scans[0];
    const found = scans.find((s) => s.top && s.text !== null) ?? scans.find((s) => s.text !== null);
    let origin: string | null = null;
    try {
      if (top !== undefined && /^https?:/.test(top.url)) origin = new URL(top.url).origin;
    } catch {
      origin = null;
    }
    if (found?.text) {
      const kept = await keep(tabId, found.text, 'page', found.url);
      return { kept, hint: null, canFetchSource: false, origin, adapter: found.adapter };
    }
    const kept = await serial(tabId, () => deps.store.get(tabId));
    return { kept, hint: top?.hint ?? 'hintGeneric', canFetchSource: scans.some((s) => s.sourceUrl !== null), origin, adapter: top?.adapter ?? null };
  }

  return {
    handle,
    /** A selection the person asked to analyse (context menu). */
    keepSelection: (tabId: number, text: string) => keep(tabId, text, 'selection', null),
    clearTab: (tabId) => serial(tabId, () => clear(tabId)),
    forgetTab: (tabId) => serial(tabId, () => deps.store.remove(tabId)),
  };
}
