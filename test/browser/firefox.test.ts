// The Firefox build (dist/firefox) in Debian's firefox-esr, headless: the popup's paste flow.
import { afterAll, describe, expect, it } from 'vitest';
import { ENCRYPTED, PARTIAL, POLL, SUITE_TIMEOUT, screenshotPath } from './env.js';
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
