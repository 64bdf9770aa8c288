// @vitest-environment happy-dom
// The popup's analysis view: what a person sees per hop, in both languages, and that header text can never
// become markup.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderAnalysis, totalSeconds } from '../src/popup/render.js';
import { translator } from '../src/ui/tables.js';
import { analyzeAt } from './helpers.js';
import { mountPopupParts } from './popup-dom.js';

const mount = mountPopupParts;

// happy-dom replaces the global URL, which node:fs does not accept: build paths from strings.
const samples = join(dirname(fileURLToPath(import.meta.url)), '..', 'samples');
const partial = readFileSync(join(samples, 'partial-plaintext.eml'), 'utf8');
const encrypted = readFileSync(join(samples, 'encrypted-chain.eml'), 'utf8');

describe('popup analysis view', () => {
  it('shows the verdict as a schema value and a sentence that names the unencrypted hop', () => {
    const parts = mount();
    renderAnalysis(document, translator('en'), analyzeAt(partial), parts);
    expect(parts.verdict.dataset.verdict).toBe('partial');
    expect(parts.verdict.textContent).toBe('Partly encrypted: sent unencrypted between dsl-192-0-2-77.example.org and relay.example.com');
  });

  it('lists every hop in transit order with its transport, a lock word and its hosts', () => {
    const parts = mount();
    const a = analyzeAt(partial);
    renderAnalysis(document, translator('en'), a, parts);
    const items = [...parts.hops.querySelectorAll<HTMLElement>('[data-testid=hop]')];
    expect(items.map((i) => i.dataset.transport)).toEqual(a.hops.map((h) => h.transport));
    expect(items.map((i) => i.dataset.index)).toEqual(['1', '2', '3']);
    expect(items[0]?.querySelector('.state-word')?.textContent).toBe('Not encrypted');
    expect(items[2]?.querySelector('.state-word')?.textContent).toBe('Encrypted');
    expect(items[2]?.querySelector('.route')?.textContent).toBe('mx.example.com → mail.example.net');
  });

  it('shows TLS version, cipher, forward secrecy, trust and the inbound hop', () => {
    const parts = mount();
    const a = analyzeAt(partial);
    renderAnalysis(document, translator('en'), a, parts);
    const last = parts.hops.querySelectorAll('[data-testid=hop]')[2] as HTMLElement;
    const chips = [...last.querySelectorAll('.chip')].map((c) => c.firstChild?.textContent);
    expect(chips).toEqual(expect.arrayContaining(['Protocol ESMTPS', 'TLS 1.2', 'Cipher ECDHE-RSA-AES256-GCM-SHA384', 'Forward secrecy', 'Written by your provider']));
    expect(last.querySelector('.inbound')?.textContent).toBe('Arrived at your provider here');
    const first = parts.hops.querySelectorAll('[data-testid=hop]')[0] as HTMLElement;
    expect([...first.querySelectorAll('.chip')].map((c) => c.firstChild?.textContent)).toContain('Claimed upstream');
  });

  it('links each term to its explanation', () => {
    const parts = mount();
    renderAnalysis(document, translator('en'), analyzeAt(partial), parts);
    const topics = new Set([...parts.hops.querySelectorAll<HTMLAnchorElement>('a.help-link')].map((a) => a.getAttribute('href')));
    expect(topics).toEqual(new Set(['#help-starttls', '#help-trust', '#help-fs']));
  });

  it('keeps the evidence and the raw header behind a disclosure', () => {
    const parts = mount();
    renderAnalysis(document, translator('en'), analyzeAt(encrypted), parts);
    const details = parts.hops.querySelector('details') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    expect(details.querySelector('pre')?.textContent).toMatch(/^Received: from /);
  });

  it('speaks German with the German table', () => {
    const parts = mount();
    renderAnalysis(document, translator('de'), analyzeAt(encrypted), parts);
    expect(parts.verdict.textContent).toBe('Auf jeder sichtbaren Teilstrecke verschlüsselt');
    expect(parts.hops.querySelector('.state-word')?.textContent).toBe('Verschlüsselt');
  });

  it('says "Can\'t tell" with a clear message for text without headers', () => {
    const parts = mount();
    renderAnalysis(document, translator('en'), analyzeAt('hello, this is not a mail'), parts);
    expect(parts.verdict.dataset.verdict).toBe('unknown');
    expect(parts.verdict.textContent).toMatch(/^Can't tell: no mail headers found/);
    expect(parts.hops.children).toHaveLength(0);
  });

  it('puts hostile header text in as text: no element, no attribute, no script comes out of it', () => {
    const parts = mount();
    const evil = [
      'Received: from <img src=x onerror=alert(1)>.example (x [192.0.2.1]) by mx.example.com with ESMTP id 1; Mon, 06 Jan 2025 19:49:50 +0100',
      'Received: from a</pre><script>alert(2)</script> (y [192.0.2.2]) by "><svg onload=alert(3)> with ESMTPS id 2; Mon, 06 Jan 2025 19:49:40 +0100',
      '',
      '',
    ].join('\n');
    renderAnalysis(document, translator('en'), analyzeAt(evil), parts);
    // Our own SVGs only: the icons and the delivery timeline (timeline.ts), whose text is ours, not the header's.
    expect(document.querySelectorAll('img, script, svg:not(.icon):not(.timeline)').length).toBe(0);
    expect(document.querySelectorAll('svg.timeline').length).toBe(1);
    expect(document.querySelectorAll('[onerror], [onload]').length).toBe(0);
    expect(parts.hops.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('adds up the time from the first dated hop to the last', () => {
    expect(totalSeconds(analyzeAt(partial))).toBe(7);
  });
});

describe('popup view when a hop cannot be drawn', () => {
  it('shows that hop as unknown with a message and still draws the others', () => {
    const parts = mount();
    const a = analyzeAt(partial);
    // A hop of a shape no test foresaw: its weaknesses are missing.
    (a.hops[1] as unknown as { weaknesses: unknown }).weaknesses = null;
    renderAnalysis(document, translator('en'), a, parts);
    const items = [...parts.hops.querySelectorAll<HTMLElement>('[data-testid=hop]')];
    expect(items.map((i) => i.dataset.transport)).toEqual(['plaintext', 'unknown', 'encrypted']);
    expect(items[1]?.textContent).toBe('Hop 2 could not be displayed.');
  });
});
