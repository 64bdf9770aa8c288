// Debian's Chromium under playwright-core with the unpacked build of dist/chrome (TOOLCHAIN.md), headless and
// with no network:
// - every http(s) request is aborted unless a fixture route fulfils it (the route registered last wins);
// - every request the context sees (pages, the popup, the service worker) is logged for `foreignRequests`;
// - the browser's own traffic, which Playwright cannot see (component updater, sign-in, preconnects), goes to
//   a local sink proxy that answers nothing, so it never leaves the machine; the sink records it.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { afterAll } from 'vitest';
import { type BuiltExtension, requireBrowser, requireBuild, retry, SEL, SUITE_TIMEOUT } from './env.js';

/** The few extension APIs the tests call inside the service worker (no @types/chrome here). */
interface ChromeApi {
  tabs: { query(q: object): Promise<{ id?: number }[]> };
  action: { getBadgeText(d: { tabId?: number }): Promise<string>; getTitle(d: { tabId?: number }): Promise<string> };
  i18n: { getMessage(key: string): string; getUILanguage(): string };
}
declare const chrome: ChromeApi;

export const FIXTURE_ORIGIN = 'https://mail.example.com';

export interface ChromiumSession {
  ctx: BrowserContext;
  ext: BuiltExtension;
  extensionId: string;
  popupUrl: string;
  /** Every URL a request was made for, in order. */
  requests: string[];
  /** URLs the catch-all route aborted. */
  aborted: string[];
  /** URLs the fixture route fulfilled. */
  served: string[];
  /** First line of every connection that reached the sink proxy (the browser's own traffic). */
  sink: string[];
  sw(): Promise<Worker>;
  close(): Promise<void>;
}

function sinkProxy(lines: string[]): Promise<Server> {
  const server = createServer((socket) => {
    socket.on('error', () => {});
    socket.once('data', (d) => {
      lines.push(d.toString('latin1').split('\r\n')[0] ?? '');
      socket.destroy();
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export interface LaunchOptions {
  lang?: 'en' | 'de';
  /** A built extension other than dist/chrome (the bench's copy with its baseline page). */
  extensionDir?: string;
}

export async function launchChromium(options: LaunchOptions = {}): Promise<ChromiumSession> {
  const executablePath = requireBrowser('chromium');
  const ext = requireBuild('chrome', options.extensionDir);
  const lang = options.lang ?? 'en';
  const sink: string[] = [];
  const proxy = await sinkProxy(sink);
  const address = proxy.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  // A profile with network prediction off: otherwise Chromium preconnects to the fixture host.
  const profile = mkdtempSync(join(tmpdir(), 'hoplock-chromium-'));
  mkdirSync(join(profile, 'Default'));
  writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ net: { network_prediction_options: 2 } }));
  let ctx: BrowserContext;
  try {
    ctx = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      viewport: { width: 460, height: 600 },
      colorScheme: 'light',
      // `locale` sets navigator.language; `--lang` is what makes chrome.i18n pick the extension's language.
      locale: lang === 'de' ? 'de-DE' : 'en-US',
      args: [
        `--disable-extensions-except=${ext.dir}`,
        `--load-extension=${ext.dir}`,
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--lang=${lang === 'de' ? 'de' : 'en-US'}`,
        `--proxy-server=http://127.0.0.1:${port}`,
        '--proxy-bypass-list=<-loopback>',
      ],
    });
  } catch (e) {
    proxy.close();
    rmSync(profile, { recursive: true, force: true });
    throw e;
  }
  const requests: string[] = [];
  const aborted: string[] = [];
  const served: string[] = [];
  ctx.on('request', (r) => {
    requests.push(r.url());
  });
  // Catch-all first, fixture second: the route registered last wins.
  await ctx.route(/^https?:\/\//, (route) => {
    aborted.push(route.request().url());
    return route.abort();
  });
  await ctx.route(`${FIXTURE_ORIGIN}/**`, (route) => {
    served.push(route.request().url());
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: fixturePage(new URL(route.request().url()).pathname) });
  });
  const sw = async (): Promise<Worker> => {
    const live = ctx.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    return live ?? (await ctx.waitForEvent('serviceworker', { timeout: 15_000 }));
  };
  const extensionId = new URL((await sw()).url()).host;
  return {
    ctx,
    ext,
    extensionId,
    popupUrl: `chrome-extension://${extensionId}/${ext.popupPath}`,
    requests,
    aborted,
    served,
    sink,
    sw,
    async close() {
      await ctx.close();
      proxy.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A plain webmail-like page (no subresources: the icon is inline so the browser does not ask for one). */
function fixturePage(path: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Inbox ${path}</title></head><body><h1>Mail</h1><p>Fixture page ${path}</p></body></html>`;
}

/** Requests that are not the extension's own pages, data: URLs or the fixture pages the test opened. */
export function foreignRequests(s: ChromiumSession): { requests: string[]; aborted: string[] } {
  const served = new Set(s.served);
  const own = (u: string) => u.startsWith(`chrome-extension://${s.extensionId}/`) || u.startsWith('data:') || served.has(u);
  return { requests: s.requests.filter((u) => !own(u)), aborted: [...s.aborted] };
}

/**
 * Sink lines for hosts other than Chromium's own Google services (update checks, sign-in, time), which
 * headless Chromium contacts by itself whatever the extension does.
 */
export function unexpectedSinkTraffic(s: ChromiumSession): string[] {
  const browserOwn = /^(CONNECT |[A-Z]+ https?:\/\/)([a-z0-9-]+\.)*(google\.com|googleapis\.com|gstatic\.com|gvt1\.com)[:/]/;
  return s.sink.filter((line) => !browserOwn.test(line));
}

/** Opens the popup page (optionally for a tab) and waits for its paste box. */
export async function openPopup(s: ChromiumSession, tabId?: number): Promise<Page> {
  const page = await s.ctx.newPage();
  await page.goto(tabId === undefined ? s.popupUrl : `${s.popupUrl}?tab=${tabId}`);
  await page.waitForSelector(SEL.paste);
  return page;
}

/** Pastes text into the popup and presses analyze. */
export async function pasteAndAnalyze(page: Page, text: string): Promise<void> {
  await page.locator(SEL.paste).fill(text);
  await page.locator(SEL.analyze).click();
}

export async function verdictOf(page: Page): Promise<string | null> {
  return page.locator(SEL.verdict).first().getAttribute('data-verdict');
}

/** data-transport of each hop element, ordered by data-index. */
export async function transportsOf(page: Page): Promise<string[]> {
  const hops = await page.$$eval(SEL.hop, (els) => els.map((e) => [Number((e as HTMLElement).dataset.index), (e as HTMLElement).dataset.transport ?? ''] as const));
  return [...hops].sort((a, b) => a[0] - b[0]).map(([, t]) => t);
}

/** Opens a fixture page in a new tab and returns the page and its tab id (the one tab that was not there before). */
export async function openFixtureTab(s: ChromiumSession, path: string): Promise<{ page: Page; tabId: number }> {
  const ids = async () => (await (await s.sw()).evaluate(() => chrome.tabs.query({}).then((ts) => ts.map((t) => t.id ?? -1)))) as number[];
  const before = new Set(await ids());
  const page = await s.ctx.newPage();
  await page.goto(`${FIXTURE_ORIGIN}${path}`);
  const fresh = (await ids()).filter((id) => !before.has(id));
  if (fresh.length !== 1 || fresh[0] === undefined) throw new Error(`expected one new tab, found ${JSON.stringify(fresh)}`);
  return { page, tabId: fresh[0] };
}

export async function badgeOf(s: ChromiumSession, tabId?: number): Promise<{ text: string; title: string }> {
  const sw = await s.sw();
  return sw.evaluate(async (id) => {
    const details = id === undefined ? {} : { tabId: id };
    return { text: await chrome.action.getBadgeText(details), title: await chrome.action.getTitle(details) };
  }, tabId);
}

/** The badge text of every open tab. */
export async function badgeTexts(s: ChromiumSession): Promise<string[]> {
  return (await s.sw()).evaluate(async () => {
    const tabs = await chrome.tabs.query({});
    return Promise.all(tabs.map((t) => chrome.action.getBadgeText({ tabId: t.id })));
  });
}

export async function i18nOf(s: ChromiumSession, key: string): Promise<string> {
  return (await s.sw()).evaluate((k) => chrome.i18n.getMessage(k), key);
}

export { retry };

/** Serves `body` at every URL matching `url` (a glob or RegExp), logged as served. Registered last: wins. */
export async function serve(s: ChromiumSession, url: string | RegExp, contentType: string, body: string): Promise<void> {
  await s.ctx.route(url, (route) => {
    s.served.push(route.request().url());
    return route.fulfill({ status: 200, contentType, body });
  });
}

/** The id of the tab showing `page` (the one tab the extension sees appear). */
export async function tabIdOfNewPage(s: ChromiumSession, open: () => Promise<Page>): Promise<{ page: Page; tabId: number }> {
  const worker = await s.sw();
  const ids = async () => worker.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.id ?? -1));
  const before = new Set(await ids());
  const page = await open();
  const after = (await ids()).filter((id) => !before.has(id));
  if (after.length !== 1) throw new Error(`expected one new tab, saw ${after.length}`);
  return { page, tabId: after[0] as number };
}

/** One Chromium for a test file: launched by the first test that asks, closed after the file's last test. */
export function chromiumForThisFile(): () => Promise<ChromiumSession> {
  let session: Promise<ChromiumSession> | null = null;
  afterAll(async () => {
    await (await session?.catch(() => null))?.close();
  }, SUITE_TIMEOUT);
  return () => {
    session ??= launchChromium();
    return session;
  };
}
