// Webmail extraction in Chromium (issue 5): pages served at the real webmail URLs through route
// interception, everything else aborted. Automatic mode on the known webmails' raw views (Gmail "Show
// original", Yahoo's text/plain raw message, Outlook's source dialog, Proton's headers modal) must put the
// verdict on the badge without a click, and the popup opened for the tab must show the hops. Then the
// toolbar path on Gmail's message view (fetch the original when asked), the selection path, and the kind
// "no headers here" answer with the webmail's own hint. Fixture pages are reconstructed (webmail-views.md §4).
import { describe, expect, it } from 'vitest';
import { badgeOf, chromiumForThisFile, foreignRequests, openPopup, serve, tabIdOfNewPage, transportsOf, unexpectedSinkTraffic, verdictOf } from './chromium.js';
import { ENCRYPTED, PARTIAL, POLL, SUITE_TIMEOUT, htmlText } from './env.js';

const page = (title: string, body: string) => `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${title}</title></head><body>${body}</body></html>`;

const s = chromiumForThisFile();

async function openAt(url: string) {
  const b = await s();
  return tabIdOfNewPage(b, async () => {
    const p = await b.ctx.newPage();
    await p.goto(url);
    return p;
  });
}

async function expectBadgeAndPopup(tabId: number, text: string, sample: typeof ENCRYPTED) {
  const b = await s();
  await expect.poll(async () => (await badgeOf(b, tabId)).text, POLL).toBe(text);
  const popup = await openPopup(b, tabId);
  await expect.poll(() => verdictOf(popup), POLL).toBe(sample.verdict);
  await expect.poll(() => transportsOf(popup), POLL).toEqual(sample.transports);
  await popup.close();
}

describe('Chromium: webmail raw views', { timeout: SUITE_TIMEOUT }, () => {
  it('Gmail "Show original": the badge shows the verdict without a click, the popup the hops', async () => {
    const b = await s();
    const url = 'https://mail.google.com/mail/u/0/?ik=0123abcd&view=om&permmsgid=msg-f:1799000000000000001';
    await serve(b, /^https:\/\/mail\.google\.com\/mail\/u\/0\/\?ik=0123abcd&view=om/, 'text/html; charset=utf-8',
      page('Original Message', `<div class="top"><span class="authresult">PASS</span></div><pre class="raw_message_text" id="raw_message_text">${htmlText(PARTIAL.text)}</pre>`));
    const { tabId, page: tab } = await openAt(url);
    await expectBadgeAndPopup(tabId, 'PART', PARTIAL);
    await tab.close();
  });

  it('Yahoo raw message (text/plain): badge and hops', async () => {
    const b = await s();
    const url = 'https://apis.mail.yahoo.com/ws/v3/mailboxes/@.id==VjN-abc/messages/@.id==AOxyz/content/rawplaintext?appId=YMailNovation';
    await serve(b, /^https:\/\/apis\.mail\.yahoo\.com\/ws\/v3\//, 'text/plain; charset=utf-8', ENCRYPTED.text.replace(/\n/g, '\r\n'));
    const { tabId, page: tab } = await openAt(url);
    await expectBadgeAndPopup(tabId, 'TLS', ENCRYPTED);
    await tab.close();
  });

  it('Outlook "View message source" dialog, opened after the page loaded: badge and hops; closing it clears the badge', async () => {
    const b = await s();
    // The SPA opens the dialog later, as the person clicks the menu (simulated by the page's own script).
    const app = page('Mail - Outlook', `<div id="app">Inbox</div><script>
      setTimeout(() => {
        const d = document.createElement('div'); d.setAttribute('role', 'dialog'); d.id = 'src';
        const h = document.createElement('div'); h.textContent = 'Message source';
        const pre = document.createElement('pre'); pre.textContent = ${JSON.stringify(PARTIAL.text)};
        d.append(h, pre); document.body.append(d);
        setTimeout(() => d.remove(), 2500);
      }, 300);</script>`);
    await serve(b, /^https:\/\/outlook\.live\.com\/mail\//, 'text/html; charset=utf-8', app);
    const { tabId, page: tab } = await openAt('https://outlook.live.com/mail/0/inbox/id/AQMkADAwATM0MDAAMS1i');
    await expect.poll(async () => (await badgeOf(b, tabId)).text, POLL).toBe('PART');
    // The dialog closes: no stale verdict stays on the badge.
    await expect.poll(async () => (await badgeOf(b, tabId)).text, { timeout: 8_000, interval: 200 }).toBe('');
    await tab.close();
  });

  it('Proton "View headers" modal: badge and hops', async () => {
    const b = await s();
    const modal = page('Inbox | Proton Mail', `<div class="modal-two"><dialog class="modal-two-dialog message-headers-modal" open><div class="modal-two-header"><h1>Message headers</h1></div><div class="modal-two-content"><pre class="text-break">${htmlText(ENCRYPTED.headers)}\n\r-----BEGIN PGP MESSAGE-----\nwcFMA0xyz\n-----END PGP MESSAGE-----</pre></div></dialog></div>`);
    await serve(b, /^https:\/\/mail\.proton\.me\/u\/0\//, 'text/html; charset=utf-8', modal);
    const { tabId, page: tab } = await openAt('https://mail.proton.me/u/0/inbox/abcDEF123');
    await expectBadgeAndPopup(tabId, 'TLS', ENCRYPTED);
    await tab.close();
  });

  it('Gmail message view: the popup says where the original is and fetches it on request', async () => {
    const b = await s();
    const view = page('Inbox - someone@example.com - Gmail', `<script>var GLOBALS=[null,null,null,null,null,null,null,null,null,"0123abcd"];</script><div role="main"><div class="adn" data-legacy-message-id="18f7c2a1b3d4e5f6"><h2 class="hP">Invoice</h2><div class="a3s">Please pay.</div></div></div>`);
    await serve(b, /^https:\/\/mail\.google\.com\/mail\/u\/0\/(#.*)?$/, 'text/html; charset=utf-8', view);
    await serve(b, /^https:\/\/mail\.google\.com\/mail\/u\/0\/\?ik=0123abcd&view=om&permmsgid=msg-f:/, 'text/html; charset=utf-8', page('Original Message', `<pre id="raw_message_text" class="raw_message_text">${htmlText(ENCRYPTED.text)}</pre>`));
    const { tabId, page: tab } = await openAt('https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmPq');
    const popup = await openPopup(b, tabId);
    await expect.poll(() => popup.locator('#page-hint').textContent(), POLL).toMatch(/Show original/);
    await popup.locator('#fetch-source').click();
    await expect.poll(() => verdictOf(popup), POLL).toBe(ENCRYPTED.verdict);
    await expect.poll(async () => (await badgeOf(b, tabId)).text, POLL).toBe('TLS');
    await popup.close();
    await tab.close();
  });

  it('a page with no headers gets the kind answer with the webmail hint', async () => {
    const b = await s();
    await serve(b, /^https:\/\/mail\.proton\.me\/u\/1\//, 'text/html; charset=utf-8', page('Inbox | Proton Mail', '<div class="items-column-list">No message open</div>'));
    const { tabId, page: tab } = await openAt('https://mail.proton.me/u/1/inbox');
    const popup = await openPopup(b, tabId);
    await expect.poll(() => popup.locator('#page-none').isVisible(), POLL).toBe(true);
    expect(await popup.locator('#page-hint').textContent()).toMatch(/Proton Mail.*View headers/);
    expect(await popup.locator('[data-testid=verdict]').isVisible()).toBe(false);
    await popup.close();
    await tab.close();
  });

  it('"Analyze selected text as headers" reads the selection with its line breaks and opens the report', async () => {
    const b = await s();
    await serve(b, /^https:\/\/mail\.google\.com\/mail\/u\/2\//, 'text/html; charset=utf-8', page('Gmail', `<div role="main"><p>Forwarded:</p><pre id="quoted">${htmlText(PARTIAL.headers)}</pre><p>thanks</p></div>`));
    const { tabId, page: tab } = await openAt('https://mail.google.com/mail/u/2/#inbox/abc');
    await tab.evaluate(() => {
      const r = document.createRange();
      r.selectNodeContents(document.getElementById('quoted') as HTMLElement);
      getSelection()?.addRange(r);
    });
    const reportOpened = b.ctx.waitForEvent('page', { predicate: (p) => p.url().includes(`index.html?tab=${tabId}`) });
    const worker = await b.sw();
    await worker.evaluate((id) => (globalThis as unknown as { hoplock: { analyzeSelection(t: number, i: number, s: string): Promise<void> } }).hoplock.analyzeSelection(id, 0, ''), tabId);
    const report = await reportOpened;
    await expect.poll(() => verdictOf(report), POLL).toBe(PARTIAL.verdict);
    await expect.poll(() => transportsOf(report), POLL).toEqual(PARTIAL.transports);
    expect(await badgeOf(b, tabId)).toMatchObject({ text: 'PART' });
    await report.close();
    await tab.close();
  });

  it('no request left the browser but the pages the tests served', async () => {
    const b = await s();
    expect(b.served.length).toBeGreaterThan(5);
    expect(foreignRequests(b)).toEqual({ requests: [], aborted: [] });
    expect(unexpectedSinkTraffic(b)).toEqual([]);
  });
});
