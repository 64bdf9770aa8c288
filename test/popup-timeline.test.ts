// @vitest-environment happy-dom
// The popup's delivery timeline (issue 8): one row per hop in transit order, placed by time, delays
// labelled, clock skew and missing dates marked by shape and word, the total, and a spoken description.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderAnalysis } from '../src/popup/render.js';
import { timeline } from '../src/popup/timeline.js';
import { translator } from '../src/ui/tables.js';
import { analyzeAt } from './helpers.js';
import { mountPopupParts } from './popup-dom.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
const en = translator('en');

// happy-dom replaces the global URL, which node:fs does not accept: build paths from strings.
const samples = join(dirname(fileURLToPath(import.meta.url)), '..', 'samples');
const partial = analyzeAt(readFileSync(join(samples, 'partial-plaintext.eml'), 'utf8'));

const received = (from: string, by: string, date: string | null) =>
  `Received: from ${from} (${from} [192.0.2.1]) by ${by} with ESMTPS id x${date === null ? '' : `; ${date}`}`;
/** Transit order: hop 1 written at :05, hop 2 at :03 (its clock is behind), hop 3 without a date, hop 4 at :20. */
const skewed = analyzeAt(
  [
    received('c.example.org', 'mx.example.com', 'Thu, 26 Nov 2026 10:00:20 +0000'),
    received('b.example.org', 'c.example.org', null),
    received('a2.example.net', 'b.example.org', 'Thu, 26 Nov 2026 10:00:03 +0000'),
    received('a.example.net', 'a2.example.net', 'Thu, 26 Nov 2026 10:00:05 +0000'),
    '',
    'body',
  ].join('\n'),
);

const rows = (svg: SVGElement) => [...svg.querySelectorAll<SVGGElement>('.tl-row')];
const label = (row: Element) => row.querySelector('.tl-label')?.textContent;
const cx = (row: Element) => Number(row.querySelector('.tl-dot')?.getAttribute('cx'));

describe('popup timeline', () => {
  it('is left out with fewer than two dated hops', () => {
    expect(timeline(document, en, analyzeAt(''))).toBeNull();
    expect(timeline(document, en, analyzeAt(`${received('a.example.net', 'mx.example.com', 'Thu, 26 Nov 2026 10:00:00 +0000')}\n\nbody`))).toBeNull();
    const oneDated = [received('b.example.org', 'mx.example.com', null), received('a.example.net', 'b.example.org', 'Thu, 26 Nov 2026 10:00:00 +0000'), '', 'body'];
    expect(timeline(document, en, analyzeAt(oneDated.join('\n')))).toBeNull();
  });

  it('draws one row per hop in transit order, each at its time since the first hop, scaled to the total', () => {
    const svg = timeline(document, en, partial) as SVGElement;
    expect(svg.getAttribute('role')).toBe('img');
    const r = rows(svg);
    expect(r.map((g) => g.dataset.index ?? g.getAttribute('data-index'))).toEqual(['1', '2', '3']);
    expect(r.map((g) => g.querySelector('.tl-hop')?.textContent)).toEqual(['Hop 1', 'Hop 2', 'Hop 3']);
    const [x1, x2, x3] = r.map(cx) as [number, number, number];
    expect(x1).toBeLessThan(x2);
    expect(x2).toBeLessThan(x3);
    // 18:49:51, :55, :58: hop 2 is 4 of the 7 seconds along.
    expect((x2 - x1) / (x3 - x1)).toBeCloseTo(4 / 7, 1);
    const axis = svg.querySelector('.tl-axis line') as SVGLineElement;
    expect([Number(axis.getAttribute('x1')), Number(axis.getAttribute('x2'))]).toEqual([x1, x3]);
  });

  it('labels each delay and the total from the first to the last hop', () => {
    const svg = timeline(document, en, partial) as SVGElement;
    expect(rows(svg).map(label)).toEqual(['start', '+4s', '+3s']);
    expect(svg.querySelector('.tl-total')?.textContent).toBe('total 7s');
    expect([...svg.querySelectorAll('.tl-axis text')].map((n) => n.textContent)).toEqual(['0s', '7s', 'total 7s']);
  });

  it('spells the timeline out in its aria-label', () => {
    const svg = timeline(document, en, partial) as SVGElement;
    expect(svg.getAttribute('aria-label')).toBe('Delivery timeline, 7s from the first to the last dated hop: hop 1 at the start; hop 2 4s later; hop 3 3s later');
  });

  it('marks clock skew with a triangle and the words "clock skew", not only a colour', () => {
    expect(skewed.hops.map((h) => h.delaySeconds)).toEqual([null, -2, null, 17]);
    const skew = rows(timeline(document, en, skewed) as SVGElement)[1] as SVGGElement;
    expect(skew.getAttribute('class')).toContain('tl-skew');
    expect(skew.querySelector('.tl-tri')?.tagName.toLowerCase()).toBe('path');
    expect(skew.querySelector('.tl-dot')).toBeNull();
    expect(label(skew)).toBe('−2s clock skew');
  });

  it('marks a hop without a date with a "?" ring and the words "no date", and measures the next hop from the last dated one', () => {
    const svg = timeline(document, en, skewed) as SVGElement;
    const [, , undated, fourth] = rows(svg) as SVGGElement[];
    expect(undated?.getAttribute('class')).toContain('tl-undated');
    expect(undated?.querySelector('.tl-ring')).not.toBeNull();
    expect(undated?.querySelector('.tl-mark')?.textContent).toBe('?');
    expect(label(undated as Element)).toBe('no date');
    expect(label(fourth as Element)).toBe('+17s');
    // Total: hop 1 (:05) to hop 4 (:20); the axis spans the earliest (:03) to the latest date.
    expect(svg.querySelector('.tl-total')?.textContent).toBe('total 15s');
    expect(svg.getAttribute('aria-label')).toBe(
      'Delivery timeline, 15s from the first to the last dated hop: hop 1 at the start; hop 2 2s earlier than the hop before (clock skew); hop 3 without a date; hop 4 17s later',
    );
  });

  it('places every hop at the start when all dates are the same second (no division by zero)', () => {
    const same = 'Thu, 26 Nov 2026 10:00:00 +0000';
    const a = analyzeAt([received('b.example.org', 'mx.example.com', same), received('a.example.net', 'b.example.org', same), '', 'body'].join('\n'));
    const svg = timeline(document, en, a) as SVGElement;
    expect(rows(svg).map(cx)).toEqual([cx(rows(svg)[0] as Element), cx(rows(svg)[0] as Element)]);
    for (const n of svg.querySelectorAll('*')) for (const attr of n.getAttributeNames()) expect(n.getAttribute(attr)).not.toMatch(/NaN|Infinity/);
  });

  it('speaks German in a German popup', () => {
    const svg = timeline(document, translator('de'), skewed) as SVGElement;
    expect(rows(svg).map(label)).toEqual(['Start', '−2s Uhrabweichung', 'ohne Datum', '+17s']);
    expect(svg.getAttribute('aria-label')).toMatch(/^Zustellverlauf, 15s von der ersten bis zur letzten datierten Teilstrecke: Teilstrecke 1 am Anfang;/);
  });

  it('is built from SVG elements only, with text as text nodes', () => {
    const svg = timeline(document, en, skewed) as SVGElement;
    expect(svg.namespaceURI).toBe(SVG_NS);
    for (const n of svg.querySelectorAll('*')) expect(n.namespaceURI).toBe(SVG_NS);
    for (const text of svg.querySelectorAll('text')) expect([...text.childNodes].every((c) => c.nodeType === 3)).toBe(true);
  });
});

describe('popup analysis view with the timeline', () => {
  const mount = mountPopupParts;

  it('puts the timeline right after the summary line and replaces it on the next analysis', () => {
    const parts = mount();
    renderAnalysis(document, en, partial, parts);
    expect(parts.summary.nextElementSibling?.getAttribute('data-testid')).toBe('timeline');
    renderAnalysis(document, en, skewed, parts);
    expect(document.querySelectorAll('[data-testid=timeline]')).toHaveLength(1);
    expect(document.querySelector('.tl-total')?.textContent).toBe('total 15s');
    renderAnalysis(document, en, analyzeAt(''), parts);
    expect(document.querySelectorAll('[data-testid=timeline]')).toHaveLength(0);
    expect(parts.summary.nextElementSibling).toBe(parts.warnings);
  });
});
