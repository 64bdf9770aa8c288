// The options page "Your own relays" (issue 8) in Debian's Chromium with dist/chrome: a list with problems
// is refused line by line and nothing is saved; a valid list lands in storage.sync (read back through the
// service worker) and is shown again, comments included, after a reload; screenshots light and dark, and of
// the popup's delivery timeline.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumSession, foreignRequests, launchChromium, openPopup, pasteAndAnalyze, unexpectedSinkTraffic, verdictOf } from './chromium.js';
import { PARTIAL, POLL, SUITE_TIMEOUT, screenshotPath } from './env.js';

/** The one extension API these tests call in the service worker (no @types/chrome here). */
declare const chrome: { storage: { sync: { get(key: string): Promise<Record<string, unknown>> } } };

const OPTIONS = {
  input: '[data-testid="internal-input"]',
  save: '[data-testid="internal-save"]',
  status: '[data-testid="internal-status"]',
  problems: '[data-testid="internal-problems"]',
  problem: '[data-testid="internal-problem"]',
} as const;

let s: ChromiumSession;
beforeAll(async () => {
  s = await launchChromium({ lang: 'en' });
}, SUITE_TIMEOUT);
afterAll(async () => {
  await s?.close();
}, SUITE_TIMEOUT);

/** The options page as the manifest names it, in a tab-sized window (it opens in a tab). */
async function openOptions(): Promise<Page> {
  const manifest = JSON.parse(readFileSync(join(s.ext.dir, 'manifest.json'), 'utf8')) as { options_ui?: { page?: string; open_in_tab?: boolean } };
  expect(manifest.options_ui).toEqual({ page: 'src/options/index.html', open_in_tab: true });
  const page = await s.ctx.newPage();
  await page.setViewportSize({ width: 900, height: 640 });
  await page.goto(`chrome-extension://${s.extensionId}/${manifest.options_ui?.page}`);
  await page.waitForSelector(OPTIONS.input);
  return page;
}

const synced = async (): Promise<Record<string, unknown>> => (await s.sw()).evaluate(() => chrome.storage.sync.get('internalRelays'));

const INVALID = ['# our gateways', 'relay.example.org', '300.1.2.3', '10.0.0.0/33', '*.example.net', 'relay.example.org:25'].join('\n');
const VALID = ['# our gateways', 'relay.example.org', 'Example.NET   # and its subdomains', '', '10.0.0.0/8', '192.0.2.0/24', '2001:DB8::/32', 'relay.example.org'].join('\n');

describe('Chromium: the options page "Your own relays"', { timeout: SUITE_TIMEOUT }, () => {
  it('refuses a list with problems: each shown next to the list with its line number, nothing saved', async () => {
    const page = await openOptions();
    expect(await page.title()).toBe('Hoplock options');
    expect(await page.getByLabel('Hosts, domains and address ranges, one per line').count()).toBe(1);
    await page.locator(OPTIONS.input).fill(INVALID);
    await page.locator(OPTIONS.save).click();
    await expect.poll(() => page.locator(OPTIONS.status).textContent(), POLL).toBe('Not saved. Lines to fix: 4');
    expect(await page.locator(OPTIONS.problems).isVisible()).toBe(true);
    const problems = await page.locator(OPTIONS.problem).allTextContents();
    expect(problems.map((p) => p.split(':')[0])).toEqual(['Line 3', 'Line 4', 'Line 5', 'Line 6']);
    expect(problems[0]).toMatch(/^Line 3: Not a valid IP address/);
    expect(problems[2]).toMatch(/^Line 5: Write the domain without "\*\."/);
    expect(await page.locator(OPTIONS.input).getAttribute('aria-invalid')).toBe('true');
    expect(await synced()).toEqual({});
    // Keyboard: Enter on "Line 4" puts the focus in the list with that line selected.
    await page.getByRole('button', { name: 'Line 4' }).press('Enter');
    const selected = await page.locator(OPTIONS.input).evaluate((t: HTMLTextAreaElement) => ({
      focused: document.activeElement === t,
      text: t.value.slice(t.selectionStart, t.selectionEnd),
    }));
    expect(selected).toEqual({ focused: true, text: '10.0.0.0/33' });
    await page.screenshot({ path: screenshotPath('options-en-light.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: screenshotPath('options-en-dark.png') });
    await page.close();
  });

  it('saves a valid list to storage.sync, and shows it again, comments included, after a reload', async () => {
    const page = await openOptions();
    await page.locator(OPTIONS.input).fill(VALID);
    await page.locator(OPTIONS.input).press('Control+Enter');
    await expect.poll(() => page.locator(OPTIONS.status).textContent(), POLL).toBe('Saved. Entries in use: 5');
    expect(await page.locator(OPTIONS.problems).isHidden()).toBe(true);
    expect(await synced()).toEqual({ internalRelays: ['relay.example.org', 'example.net', '10.0.0.0/8', '192.0.2.0/24', '2001:db8::/32'] });
    await page.reload();
    await expect.poll(() => page.locator(OPTIONS.input).inputValue(), POLL).toBe(VALID);
    expect(await page.locator(OPTIONS.status).textContent()).toBe('');
    // A later list with a problem leaves the saved one as it was.
    await page.locator(OPTIONS.input).fill(`${VALID}\nexample.org/24`);
    await page.locator(OPTIONS.save).click();
    await expect.poll(() => page.locator(OPTIONS.status).textContent(), POLL).toBe('Not saved. Lines to fix: 1');
    expect((await synced()).internalRelays).toHaveLength(5);
    await page.close();
  });

  it('the popup draws the delivery timeline under the summary (screenshot)', async () => {
    const page = await openPopup(s);
    await pasteAndAnalyze(page, PARTIAL.headers);
    await expect.poll(() => verdictOf(page), POLL).toBe(PARTIAL.verdict);
    const line = page.locator('#summary + svg[data-testid="timeline"]');
    expect(await line.isVisible()).toBe(true);
    expect(await line.getAttribute('aria-label')).toBe('Delivery timeline, 7s from the first to the last dated hop: hop 1 at the start; hop 2 4s later; hop 3 3s later');
    const box = await line.boundingBox();
    expect(box?.width, 'the timeline fits the popup').toBeLessThanOrEqual(436);
    await page.screenshot({ path: screenshotPath('popup-timeline.png') });
    await page.close();
  });

  it('nothing left the browser', () => {
    expect(foreignRequests(s)).toEqual({ requests: [], aborted: [] });
    expect(unexpectedSinkTraffic(s)).toEqual([]);
  });
});
