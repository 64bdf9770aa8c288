// The Firefox build (dist/firefox) in Debian's firefox-esr, headless: the popup's paste flow.
import { afterAll, describe, expect, it } from 'vitest';
import { ENCRYPTED, htmlText, PARTIAL, POLL, retry, SUITE_TIMEOUT, screenshotPath } from './env.js';
import { type FirefoxSession, GECKO_ID, launchFirefox, openPopup, pasteAndAnalyze, transportsOf, verdictOf } from './firefox.js';

let launched: Promise<FirefoxSession> | undefined;
function session(): Promise<FirefoxSession> {
  launched ??= launchFirefox();
  return launched;
}

afterAll(async () => {
  await (await launched?.catch(() => null))?.close();
}, SUITE_TIMEOUT);

describe('Firefox ESR: the extension from dist/firefox', { timeout: SUITE_TIMEOUT }, () => {
  it('installs under its gecko id', async () => {
    expect((await session()).addonId).toBe(GECKO_ID);
  });

  it('pasted header block: verdict and one element per hop with its transport', async () => {
    const page = await openPopup(await session());
    await pasteAndAnalyze(page, ENCRYPTED.headers);
    await expect.poll(() => verdictOf(page), POLL).toBe(ENCRYPTED.verdict);
    await expect.poll(() => transportsOf(page), POLL).toEqual(ENCRYPTED.transports);
    // Again in the same popup with another message: the result is replaced, not appended.
    await pasteAndAnalyze(page, PARTIAL.headers);
    await expect.poll(() => verdictOf(page), POLL).toBe(PARTIAL.verdict);
    await expect.poll(() => transportsOf(page), POLL).toEqual(PARTIAL.transports);
    // The popup scrolls the verdict into view after analysing; the artifact shows the page from the top.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: screenshotPath('popup-firefox-en-light.png') });
    await page.close();
  });
});

describe('Firefox ESR: Gmail "Show original"', { timeout: SUITE_TIMEOUT }, () => {
  it('the raw view is read by itself: the tab gets its badge, the popup for that tab shows the hops', async () => {
    const s = await session();
    const url = 'https://mail.google.com/mail/u/0/?ik=0123abcd&view=om&permmsgid=msg-f:1799000000000000001';
    const tab = await s.browser.newPage();
    const left: string[] = [];
    await tab.setRequestInterception(true);
    tab.on('request', (r) => {
      if (r.url().startsWith('data:')) {
        void r.continue();
      } else if (r.url() === url) {
        void r.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: `<!doctype html><link rel="icon" href="data:,"><title>Original Message</title><pre id="raw_message_text" class="raw_message_text">${htmlText(PARTIAL.text)}</pre>` });
      } else {
        left.push(r.url());
        void r.abort();
      }
    });
    tab.goto(url).catch(() => {});
    await tab.waitForSelector('#raw_message_text');
    const popup = await openPopup(s);
    // From an extension page: the Gmail tab (its URL is visible: Hoplock has host access there) and its badge.
    const tabId = await retry(
      () => popup.evaluate(async () => (await (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ id: number }[]> } } }).browser.tabs.query({ url: 'https://mail.google.com/*' }))[0]?.id),
      'the Gmail tab',
      10_000,
    );
    const badge = () => popup.evaluate((id) => (globalThis as unknown as { browser: { action: { getBadgeText(d: object): Promise<string> } } }).browser.action.getBadgeText({ tabId: id }), tabId);
    await expect.poll(badge, POLL).toBe('PART');
    const report = await openPopup(s, `?tab=${tabId}`);
    await expect.poll(() => verdictOf(report), POLL).toBe(PARTIAL.verdict);
    await expect.poll(() => transportsOf(report), POLL).toEqual(PARTIAL.transports);
    expect(left).toEqual([]);
    await report.close();
    await popup.close();
    await tab.close();
  });
});
