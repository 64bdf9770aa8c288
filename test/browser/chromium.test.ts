// The Chrome build (dist/chrome) in Debian's Chromium, headless, with no network: the popup's paste and file
// flows, the per-tab badge, that nothing leaves the browser, and the popup's screenshots (en/de, light/dark).
import { afterAll, describe, expect, it } from 'vitest';
import {
  type ChromiumSession,
  badgeOf,
  badgeTexts,
  FIXTURE_ORIGIN,
  foreignRequests,
  i18nOf,
  launchChromium,
  openFixtureTab,
  openPopup,
  pasteAndAnalyze,
  transportsOf,
  unexpectedSinkTraffic,
  verdictOf,
} from './chromium.js';
import { ENCRYPTED, expectedBadge, PARTIAL, POLL, SEL, SUITE_TIMEOUT, screenshotPath } from './env.js';

/** One browser per language, launched by the first test that needs it (a missing browser fails each test). */
const sessions = new Map<'en' | 'de', Promise<ChromiumSession>>();
function session(lang: 'en' | 'de'): Promise<ChromiumSession> {
  let s = sessions.get(lang);
  if (s === undefined) {
    s = launchChromium({ lang });
    sessions.set(lang, s);
  }
  return s;
}

afterAll(async () => {
  for (const s of sessions.values()) await (await s.catch(() => null))?.close();
}, SUITE_TIMEOUT);

/** Whatever reached the network: requests outside the extension and the fixture pages, and the sink's log. */
function expectNothingLeft(s: ChromiumSession): void {
  expect(foreignRequests(s), 'requests other than the extension, data: and the fixture pages').toEqual({ requests: [], aborted: [] });
  expect(unexpectedSinkTraffic(s), 'connections that reached the sink proxy (not Chromium’s own services)').toEqual([]);
}

describe('Chromium: the extension from dist/chrome', { timeout: SUITE_TIMEOUT }, () => {
  it('(a) pasted header block: verdict and one element per hop with its transport', async () => {
    const s = await session('en');
    const page = await openPopup(s);
    await pasteAndAnalyze(page, ENCRYPTED.headers);
    await expect.poll(() => verdictOf(page), POLL).toBe(ENCRYPTED.verdict);
    await expect.poll(() => transportsOf(page), POLL).toEqual(ENCRYPTED.transports);
    // Opened on its own (no ?tab=), the popup belongs to no tab: no badge anywhere, not even its own tab's.
    await page.waitForTimeout(300); // a wrong badge would be set asynchronously: give it the time to appear
    expect((await badgeTexts(s)).filter((t) => t !== '')).toEqual([]);
    await page.close();
  });

  it('(b) .eml through the file input: verdict and hops', async () => {
    const s = await session('en');
    const page = await openPopup(s);
    await page.locator(SEL.file).setInputFiles(PARTIAL.file);
    // Whether choosing a file analyses at once or waits for the button is the popup's choice: allow both.
    const shown = await expect
      .poll(() => verdictOf(page), { timeout: 2_000, interval: 100 })
      .toBe(PARTIAL.verdict)
      .then(
        () => true,
        () => false,
      );
    if (!shown) await page.locator(SEL.analyze).click();
    await expect.poll(() => verdictOf(page), POLL).toBe(PARTIAL.verdict);
    await expect.poll(() => transportsOf(page), POLL).toEqual(PARTIAL.transports);
    await page.close();
  });

  it('(c) popup opened for a tab sets that tab’s badge; navigating the tab clears it', async () => {
    const s = await session('en');
    const { page: tab, tabId } = await openFixtureTab(s, '/inbox');
    expect(await badgeOf(s, tabId)).toMatchObject({ text: '' });
    const popup = await openPopup(s, tabId);
    await pasteAndAnalyze(popup, PARTIAL.headers);
    await expect.poll(() => verdictOf(popup), POLL).toBe(PARTIAL.verdict);
    const want = expectedBadge(PARTIAL.headers, 'en');
    expect(want).toEqual({ text: 'PART', title: 'Hoplock: Partly encrypted: sent unencrypted between dsl-192-0-2-77.example.org and relay.example.com' });
    await expect.poll(() => badgeOf(s, tabId), POLL).toEqual(want);
    // Per tab, not global.
    expect((await badgeOf(s)).text).toBe('');
    await popup.close();
    // Opened again for the tab (popup or "Open in tab"), it shows the kept analysis, and the pasted text.
    const again = await openPopup(s, tabId);
    await expect.poll(() => verdictOf(again), POLL).toBe(PARTIAL.verdict);
    await expect.poll(() => transportsOf(again), POLL).toEqual(PARTIAL.transports);
    expect(await again.locator(SEL.paste).inputValue()).toBe(PARTIAL.headers);
    await again.close();
    await tab.goto(`${FIXTURE_ORIGIN}/message/2`);
    await expect.poll(async () => (await badgeOf(s, tabId)).text, POLL).toBe('');
    expect((await badgeOf(s, tabId)).title).not.toBe(want.title);
    await tab.close();
  });

  it('empty and too large input get a clear message, and the text stays where it was', async () => {
    const s = await session('en');
    const page = await openPopup(s);
    await pasteAndAnalyze(page, '   ');
    await expect.poll(() => page.locator(SEL.verdict).textContent(), POLL).toBe('Nothing to analyse: paste the message headers or a whole .eml file.');
    // 21 MiB: over the 20 MiB limit. Set directly (typing it would take minutes).
    await page.locator(SEL.paste).evaluate((el) => {
      (el as HTMLTextAreaElement).value = `Received: from a by b; Mon, 06 Jan 2025 19:49:50 +0100\n${'x'.repeat(21 * 1024 * 1024)}`;
    });
    await page.locator(SEL.analyze).click();
    await expect.poll(() => page.locator('#paste-status').textContent(), POLL).toMatch(/^This is too large to analyse \(21\.0 MB; the limit is 20\.0 MB\)/);
    expect(await page.locator(SEL.paste).evaluate((el) => (el as HTMLTextAreaElement).value.length)).toBeGreaterThan(21 * 1024 * 1024);
    await page.close();
  });

  it('works from the keyboard: Tab reaches the controls, Ctrl+Enter analyses', async () => {
    const s = await session('en');
    const page = await openPopup(s);
    await page.locator(SEL.paste).focus();
    await page.keyboard.insertText(ENCRYPTED.headers);
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => verdictOf(page), POLL).toBe(ENCRYPTED.verdict);
    await page.locator(SEL.paste).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('analyze-button');
    // Each hop's evidence opens from the keyboard.
    await page.locator('[data-testid=hop] summary').first().focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('[data-testid=hop] details').first().evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await page.close();
  });

  it('screenshots: popup in English, light and dark, and a full page', async () => {
    const s = await session('en');
    const page = await openPopup(s);
    await pasteAndAnalyze(page, PARTIAL.headers);
    await expect.poll(() => verdictOf(page), POLL).toBe(PARTIAL.verdict);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.screenshot({ path: screenshotPath('popup-en-light.png') });
    await page.screenshot({ path: screenshotPath('popup-en-light-full.png'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: screenshotPath('popup-en-dark.png') });
    await page.close();
  });

  it('(d) no request left the browser but the fixture pages’ own', async () => {
    const s = await session('en');
    // The tests above must have run in this browser, or there is nothing to judge.
    expect(s.served.length, 'fixture pages served (test c)').toBeGreaterThan(0);
    expect(s.requests.some((u) => u.startsWith(`chrome-extension://${s.extensionId}/`)), 'the log saw the popup’s own files').toBe(true);
    expectNothingLeft(s);
  });

  it('German: chrome.i18n picks de; popup screenshots light and dark; badge in German', async () => {
    const s = await session('de');
    expect(await i18nOf(s, 'badgePartial')).toBe('TEIL');
    const page = await openPopup(s);
    await pasteAndAnalyze(page, PARTIAL.headers);
    await expect.poll(() => verdictOf(page), POLL).toBe(PARTIAL.verdict);
    await expect.poll(() => transportsOf(page), POLL).toEqual(PARTIAL.transports);
    await page.screenshot({ path: screenshotPath('popup-de-light.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: screenshotPath('popup-de-dark.png') });
    await page.close();
    const { page: tab, tabId } = await openFixtureTab(s, '/posteingang');
    const popup = await openPopup(s, tabId);
    await pasteAndAnalyze(popup, PARTIAL.headers);
    await expect.poll(() => badgeOf(s, tabId), POLL).toEqual(expectedBadge(PARTIAL.headers, 'de'));
    await popup.close();
    await tab.close();
    expectNothingLeft(s);
  });
});
