// @vitest-environment happy-dom
// The registry and the automatic-mode hosts: which adapter a URL belongs to, the generic fallback, that
// nothing throws out of extraction, and that the manifest's host list comes from the adapters.
import { describe, expect, it } from 'vitest';
import { AUTOMATIC_HOSTS, AUTOMATIC_MATCHES, isKnownHost } from '../../src/extract/hosts.js';
import { ADAPTERS, adapterFor, extractFrom } from '../../src/extract/registry.js';
import { pageOf } from './fixtures.js';

const HOP = 'Received: from mail.example.org (mail.example.org [192.0.2.10])\n\tby mx.example.net (Postfix) with ESMTPS id 4T8abc;\n\tMon,  8 Jan 2024 10:15:03 +0100 (CET)\n';

describe('adapterFor', () => {
  it('gives the generic adapter for a page of no known webmail', () => {
    expect(adapterFor(new URL('https://www.example.com/article')).id).toBe('generic');
  });
  it('gives the webmail of a known host before any path rule (Gmail, not Horde, for /imp/)', () => {
    expect(adapterFor(new URL('https://mail.google.com/imp/')).id).toBe('gmail');
  });
});

describe('extractFrom', () => {
  it("falls back to the generic finder when the webmail's own place is empty", () => {
    // A Proton page without the headers modal, but with headers pasted into a <pre> somewhere.
    const doc = pageOf(`<div class="app-root"><pre>${HOP}</pre></div>`);
    const url = new URL('https://mail.proton.me/u/0/inbox/x');
    expect(adapterFor(url).extract(doc, url)).toBeNull();
    expect(extractFrom(doc, url)).toBe(HOP);
  });
  it('never throws, on a page whose DOM throws at every call, for any adapter', () => {
    const hostile = new Proxy(
      {},
      {
        get(_t, key) {
          if (key === 'contentType') return 'text/html';
          throw new Error(`page trap: ${String(key)}`);
        },
      },
    ) as Document;
    const samples = [
      'https://mail.google.com/mail/u/0/',
      'https://outlook.live.com/mail/',
      'https://apis.mail.yahoo.com/ws/v3/mailboxes/@/messages/@.id==1/content/rawplaintext',
      'https://mail.proton.me/u/0/',
      'https://3c.gmx.net/mail/client/',
      'https://app.fastmail.com/mail/',
      'https://mail.zoho.com/zm/',
      'https://www.icloud.com/mail/',
      'https://office.mailbox.org/appsuite/',
      'https://app.tuta.com/mail/',
      'https://email.t-online.de/em',
      'https://webmail.example.net/?_task=mail&_action=headers&_uid=1',
      'https://mail.example.net/SOGo/so/bob/Mail/0/folderINBOX/1/viewsource',
      'https://mail.example.net/horde/imp/view.php?actionID=view_source',
      'https://cloud.example.net/apps/mail/',
      'https://www.example.com/',
    ];
    expect(new Set(samples.map((s) => adapterFor(new URL(s)).id)).size, 'one sample URL per adapter').toBe(ADAPTERS.length);
    for (const s of samples) expect(extractFrom(hostile, new URL(s))).toBeNull();
  });
});

describe('automatic-mode hosts', () => {
  it("lists every known-host adapter's match patterns once, and only those", () => {
    const all = ADAPTERS.flatMap((a) => a.matches);
    expect([...AUTOMATIC_HOSTS].sort()).toEqual([...new Set(all)].sort());
    expect(AUTOMATIC_MATCHES).toEqual(AUTOMATIC_HOSTS);
    expect(AUTOMATIC_HOSTS).toContain('https://mail.google.com/*');
    expect(AUTOMATIC_HOSTS).toContain('https://*.gmx.net/*');
  });
  it('knows the origins those patterns cover, wildcards included, and nothing else', () => {
    for (const origin of ['https://mail.google.com', 'https://3c-bap.gmx.net', 'https://gmx.net', 'https://www.fastmailusercontent.com', 'https://office.mailbox.org']) {
      expect(isKnownHost(origin), origin).toBe(true);
    }
    for (const origin of ['http://mail.google.com', 'https://webmail.example.net', 'https://notgmx.net', 'https://mail.google.com.evil.example', 'not a url', '']) {
      expect(isKnownHost(origin), origin).toBe(false);
    }
  });
});
