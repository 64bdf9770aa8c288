// @vitest-environment happy-dom
// Hostile text (STYLE.md 8): the header text is written by strangers. Extraction only reads text: it never
// changes the page, never parses or writes markup, reads a 10 MB raw view at a bounded cost, and returns
// `</pre><script>` as the literal characters it is.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gmail } from '../../src/extract/gmail.js';
import { MAX_EXTRACT_CHARS } from '../../src/extract/header-text.js';
import { ADAPTERS, extractFrom } from '../../src/extract/registry.js';
import { EXTRACT_SRC, fixtureHtml, pageOf, readCases } from './fixtures.js';

const HOP = 'Received: from mail.example.org (mail.example.org [192.0.2.10])\n        by mx.google.com with ESMTPS id x12;\n        Mon, 08 Jan 2024 01:15:02 -0800 (PST)\n';
const SHOW_ORIGINAL = new URL('https://mail.google.com/mail/u/0/?ik=ab12cd34ef&view=om&permmsgid=msg-f:1');
const TEN_MB = 10 * 1024 * 1024;

function showOriginal(text: string): Document {
  const doc = pageOf('<pre class="raw_message_text" id="raw_message_text"></pre>');
  (doc.getElementById('raw_message_text') as HTMLElement).textContent = text;
  return doc;
}

describe('extraction reads text only', () => {
  it('leaves every fixture page exactly as it was, and returns a string or null', () => {
    for (const adapter of ADAPTERS) {
      for (const page of readCases(adapter.id).pages) {
        const doc = pageOf(fixtureHtml(adapter.id, page.fixture), page.contentType);
        const before = doc.documentElement.outerHTML;
        const text = extractFrom(doc, new URL(page.url));
        expect(text === null || typeof text === 'string').toBe(true);
        expect(doc.documentElement.outerHTML, `${adapter.id}/${page.fixture} changed`).toBe(before);
      }
    }
  });
  it('has no markup-writing, code-running or network API anywhere in src/extract', () => {
    const banned = /\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write|DOMParser|createContextualFragment|eval|Function\(|fetch|XMLHttpRequest|setAttribute|appendChild|append\(|replaceChildren)\b/;
    for (const file of readdirSync(EXTRACT_SRC)) {
      const code = readFileSync(join(EXTRACT_SRC, file), 'utf8').replace(/^\s*(\/\/|\*|\/\*\*).*$/gm, '');
      expect(banned.exec(code)?.[0], `src/extract/${file}`).toBeUndefined();
    }
  });
});

describe('markup inside header text stays text', () => {
  it('returns `</pre><script>` from the Show original page literally, and the page gains no element', () => {
    const doc = pageOf(fixtureHtml('gmail', 'hostile-show-original.html'));
    const elements = doc.getElementsByTagName('*').length;
    const text = gmail.extract(doc, SHOW_ORIGINAL) ?? '';
    expect(text).toContain('Subject: </pre><script>alert(1)</script><img src=x onerror=alert(2)>\n');
    expect(text).not.toContain('document.title');
    expect(doc.getElementsByTagName('*').length).toBe(elements);
    expect(doc.querySelectorAll('script, img')).toHaveLength(0);
  });
  it('returns the same literal text from the fetched HTML, whose escaped `&lt;/pre&gt;` does not end the <pre>', () => {
    const html = fixtureHtml('gmail', 'hostile-show-original.html');
    expect(gmail.fromSource?.(html)).toBe(gmail.extract(pageOf(html), SHOW_ORIGINAL));
  });
});

describe('a 10 MB raw view', () => {
  it('gives just the header block when the body is a 10 MB attachment', () => {
    const body = ('QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo' + 'x'.repeat(41) + '\n').repeat(TEN_MB / 77);
    expect(gmail.extract(showOriginal(`${HOP}Subject: big\n\n${body}`), SHOW_ORIGINAL)).toBe(`${HOP}Subject: big\n`);
  });
  it(`caps 10 MB of header lines at MAX_EXTRACT_CHARS (${MAX_EXTRACT_CHARS}), ending at a whole line`, () => {
    const line = 'X-Spam: ' + 'y'.repeat(91) + '\n';
    const text = gmail.extract(showOriginal(HOP + line.repeat(TEN_MB / line.length)), SHOW_ORIGINAL) ?? '';
    expect(text.length).toBeLessThanOrEqual(MAX_EXTRACT_CHARS);
    expect(text.length).toBeGreaterThan(MAX_EXTRACT_CHARS - line.length);
    expect(text.endsWith(line)).toBe(true);
  });
  it('gives null for a 10 MB single line (no whole line fits the cap)', () => {
    expect(gmail.extract(showOriginal('Received: ' + 'z'.repeat(TEN_MB)), SHOW_ORIGINAL)).toBeNull();
  });
  it('caps the same 10 MB in fetched HTML, and in the generic finder', () => {
    const line = 'X-Spam: ' + 'y'.repeat(91) + '\n';
    const big = HOP + line.repeat(TEN_MB / line.length);
    const fetched = gmail.fromSource?.(`<pre class="raw_message_text" id="raw_message_text">${big}</pre>`) ?? '';
    expect(fetched.length).toBeLessThanOrEqual(MAX_EXTRACT_CHARS);
    expect(fetched.startsWith(HOP)).toBe(true);
    const doc = pageOf('<div role="dialog"><div><div><pre></pre></div></div></div>');
    (doc.querySelector('pre') as HTMLElement).textContent = big;
    const found = extractFrom(doc, new URL('https://www.example.com/')) ?? '';
    expect(found.length).toBeLessThanOrEqual(MAX_EXTRACT_CHARS);
    expect(found.startsWith(HOP)).toBe(true);
  });
});
