// @vitest-environment happy-dom
// Adapter behaviour that a saved page cannot show: Gmail's id conversion, session key and entity decoding,
// OX filling its text area after the dialog opens, Proton's separator built from a JS string (§4.5).
import { describe, expect, it } from 'vitest';
import { decodeEntities, gmail, sessionKey } from '../../src/extract/gmail.js';
import { mailbox } from '../../src/extract/mailbox.js';
import { proton } from '../../src/extract/proton.js';
import { pageOf } from './fixtures.js';

const HOP = 'Received: from mail.example.org (mail.example.org [192.0.2.10])\n\tby mx.example.net (Postfix) with ESMTPS id 4T8abc;\n\tMon,  8 Jan 2024 10:15:03 +0100 (CET)\n';
const GMAIL = new URL('https://mail.google.com/mail/u/0/#inbox/FMfcgzGwHxyzExample');

function gmailView(globals: string, legacyId: string): Document {
  return pageOf(`<script>var GLOBALS=${globals};</script><div data-legacy-message-id="${legacyId}"></div>`);
}

describe('Gmail sourceUrl', () => {
  it('turns the 16-digit legacy hex id into its decimal msg-f id without losing precision', () => {
    const doc = gmailView('[0,0,0,0,0,0,0,0,0,"k1"]', 'ffffffffffffffff');
    expect(gmail.sourceUrl?.(doc, GMAIL)).toBe('https://mail.google.com/mail/u/0/?ik=k1&view=om&permmsgid=msg-f:18446744073709551615');
  });
  it('uses account 0 for /mail/ without /u/N/', () => {
    const doc = gmailView('[0,0,0,0,0,0,0,0,0,"k1"]', '18cf0a1b2c3d4e78');
    expect(gmail.sourceUrl?.(doc, new URL('https://mail.google.com/mail/#inbox/x'))).toBe(
      'https://mail.google.com/mail/u/0/?ik=k1&view=om&permmsgid=msg-f:1787658688911986296',
    );
  });
  it('builds nothing from an id that is not hex or is too long', () => {
    expect(gmail.sourceUrl?.(gmailView('[0,0,0,0,0,0,0,0,0,"k1"]', 'thread-f:123'), GMAIL)).toBeNull();
    expect(gmail.sourceUrl?.(gmailView('[0,0,0,0,0,0,0,0,0,"k1"]', '1ffffffffffffffff'), GMAIL)).toBeNull();
  });
});

describe('Gmail sessionKey', () => {
  it('reads item 9 past nested arrays, objects and strings with commas, brackets and escaped quotes', () => {
    expect(sessionKey(gmailView('[null,[1,[2,"],"]],{"a":"b,c"},"x\\"y,z",\'q,\',5,6,7,8,"ab12cd34ef",10]', '1'))).toBe('ab12cd34ef');
  });
  it('gives null without GLOBALS, when item 9 is not a plain string, or when the array is short', () => {
    expect(sessionKey(pageOf('<script>var OTHER=[1];</script>'))).toBeNull();
    expect(sessionKey(gmailView('[0,0,0,0,0,0,0,0,0,null]', '1'))).toBeNull();
    expect(sessionKey(gmailView('[0,0,0,0,0,0,0,0,0,"<b>"]', '1'))).toBeNull();
    expect(sessionKey(gmailView('[0,1,2]', '1'))).toBeNull();
  });
  it('reads inline scripts only (an external script has no text to read)', () => {
    expect(sessionKey(pageOf('<script src="https://mail.google.com/x.js"></script>'))).toBeNull();
  });
});

describe('Gmail decodeEntities', () => {
  it('decodes in one pass, so an escaped entity stays an entity', () => {
    expect(decodeEntities('&amp;lt;b&amp;gt; &lt;i&gt; &quot;q&quot; &#39;s&#39; &apos;')).toBe('&lt;b&gt; <i> "q" \'s\' \'');
  });
  it('decodes decimal and hex references and maps invalid code points to U+FFFD', () => {
    expect(decodeEntities('&#60;&#x3C;&#X3c;&#233;&#x1F512;')).toBe('<<<é🔒');
    expect(decodeEntities('&#0;&#1114112;')).toBe('\ufffd\ufffd');
  });
  it('turns &nbsp; into a plain space and leaves unknown names alone, `__proto__` and `constructor` too', () => {
    expect(decodeEntities('a&nbsp;b &copy; &__proto__; &constructor; &toString;')).toBe('a b &copy; &__proto__; &constructor; &toString;');
  });
});

describe('Gmail fromSource', () => {
  it('is not fooled by the raw pre id written into the (escaped) summary above the real <pre>', () => {
    const html = `<td>id="raw_message_text"&gt;Received: from fake.example by fake; x</td><pre class="raw_message_text" id="raw_message_text">${HOP}\nbody</pre>`;
    expect(gmail.fromSource?.(html)).toBe(HOP);
  });
  it('gives null when the <pre> never closes (a cut-off response)', () => {
    expect(gmail.fromSource?.(`<pre class="raw_message_text" id="raw_message_text">${HOP}`)).toBeNull();
  });
});

describe('mailbox.org / OX App Suite', () => {
  it('reads the source filled into the text area with .value after the dialog opened', () => {
    const doc = pageOf('<div class="modal mail-source-dialog"><textarea class="form-control mail-source-view" readonly></textarea></div>');
    const url = new URL('https://office.mailbox.org/appsuite/');
    expect(mailbox.extract(doc, url)).toBeNull();
    (doc.querySelector('textarea') as HTMLTextAreaElement).value = `Return-Path: <a@example.org>\r\n${HOP.replace(/\n/g, '\r\n')}\r\nbody`;
    expect(mailbox.extract(doc, url)).toBe(`Return-Path: <a@example.org>\n${HOP}`);
  });
});

describe('Proton Mail', () => {
  it('cuts the pre text "Header, \\n\\r, Body" (set from a JS string) before the PGP body', () => {
    const doc = pageOf('<dialog class="modal-two-dialog message-headers-modal" open><pre class="text-break"></pre></dialog>');
    const pre = doc.querySelector('pre') as HTMLPreElement;
    pre.textContent = `Return-Path: <a@example.org>\r\n${HOP.replace(/\n/g, '\r\n')}Subject: x\r\n\n\r-----BEGIN PGP MESSAGE-----\n\nwcFMA\n-----END PGP MESSAGE-----\n`;
    expect(proton.extract(doc, new URL('https://mail.proton.me/u/0/inbox/x'))).toBe(`Return-Path: <a@example.org>\n${HOP}Subject: x\n`);
  });
});
