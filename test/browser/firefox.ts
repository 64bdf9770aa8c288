// Debian's firefox-esr under puppeteer-core (WebDriver BiDi) with dist/firefox installed as a temporary
// add-on (TOOLCHAIN.md). The add-on's moz-extension UUID is fixed by a pref, so the popup URL is known.
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { type BuiltExtension, requireBrowser, requireBuild, retry, SEL } from './env.js';

export const GECKO_ID = 'hoplock@hoplock.example';
export const UUID = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';

export interface FirefoxSession {
  browser: Browser;
  ext: BuiltExtension;
  addonId: string;
  popupUrl: string;
  close(): Promise<void>;
}

export async function launchFirefox(): Promise<FirefoxSession> {
  const executablePath = requireBrowser('firefox');
  const ext = requireBuild('firefox');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }) },
  });
  try {
    const addonId = await browser.installExtension(ext.dir);
    return { browser, ext, addonId, popupUrl: `moz-extension://${UUID}/${ext.popupPath}`, close: () => browser.close() };
  } catch (e) {
    await browser.close();
    throw e;
  }
}

/** Opens the popup page. `goto` on moz-extension never resolves although the page loads: do not await it. */
export async function openPopup(s: FirefoxSession, query = ''): Promise<Page> {
  const page = await s.browser.newPage();
  await page.setViewport({ width: 460, height: 600 });
  page.goto(`${s.popupUrl}${query}`).catch(() => {});
  await retry(() => page.waitForSelector(SEL.paste, { timeout: 1_000 }).then((h) => h ?? undefined), `${SEL.paste} in ${s.popupUrl}`, 20_000);
  return page;
}

/** Puts the text into the paste box as a paste would (value, then an input event) and presses analyze. */
export async function pasteAndAnalyze(page: Page, text: string): Promise<void> {
  await page.$eval(
    SEL.paste,
    (el, value) => {
      (el as HTMLTextAreaElement).value = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    },
    text,
  );
  await page.click(SEL.analyze);
}

export async function verdictOf(page: Page): Promise<string | null> {
  return page.$eval(SEL.verdict, (el) => el.getAttribute('data-verdict')).catch(() => null);
}

export async function transportsOf(page: Page): Promise<string[]> {
  const hops = await page.$$eval(SEL.hop, (els) => els.map((e) => [Number((e as HTMLElement).dataset.index), (e as HTMLElement).dataset.transport ?? ''] as const));
  return [...hops].sort((a, b) => a[0] - b[0]).map(([, t]) => t);
}
