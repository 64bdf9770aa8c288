// The toolbar badge: one word, one colour and a title sentence per verdict, in English and German; and
// that applyBadge sets all of them on the one tab it is given.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { applyBadge, BADGE_COLORS, BADGE_TEXT_COLOR, badgeFor } from '../src/background/badge.js';
import type { Verdict } from '../src/core/types.js';
import { translator } from '../src/ui/tables.js';
import { HEADERS } from './background-fake.js';
import { analyzeAt } from './helpers.js';

const fake = await vi.hoisted(async () => (await import('./background-fake.js')).createFakeBrowser());
vi.mock('../src/browser/api.js', () => ({ browser: fake.browser }));

const en = translator('en');
const de = translator('de');

/** WCAG 2 contrast ratio of a #rrggbb colour against white. */
function contrastWithWhite(hex: string): number {
  const channel = (i: number) => {
    const v = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const lum = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return 1.05 / (lum + 0.05);
}

const cases: { verdict: Verdict; en: [string, string]; de: [string, string] }[] = [
  {
    verdict: 'encrypted',
    en: ['TLS', 'Hoplock: Encrypted on every hop we can see'],
    de: ['TLS', 'Hoplock: Auf jeder sichtbaren Teilstrecke verschlüsselt'],
  },
  {
    verdict: 'partial',
    en: ['PART', 'Hoplock: Partly encrypted: sent unencrypted between a.example.net and b.example.org'],
    de: ['TEIL', 'Hoplock: Teilweise verschlüsselt: unverschlüsselt zwischen a.example.net und b.example.org'],
  },
  {
    verdict: 'plaintext',
    en: ['OPEN', 'Hoplock: Sent unencrypted between a.example.net and mx.example.com'],
    de: ['OFFN', 'Hoplock: Unverschlüsselt übertragen zwischen a.example.net und mx.example.com'],
  },
  {
    verdict: 'unknown',
    en: ['?', "Hoplock: Can't tell: the headers do not record whether the message was encrypted on its way"],
    de: ['?', 'Hoplock: Nicht feststellbar: Die Server haben nicht vermerkt, ob sie verschlüsselt haben'],
  },
];

describe('badgeFor', () => {
  for (const c of cases) {
    const analysis = analyzeAt(HEADERS[c.verdict]);
    it(`gives the ${c.verdict} sample that verdict (fixture check)`, () => {
      expect(analysis.verdict).toBe(c.verdict);
    });
    it(`shows "${c.en[0]}" with the verdict sentence as title for ${c.verdict}, in English`, () => {
      const b = badgeFor(analysis, en);
      expect([b.text, b.title]).toEqual(c.en);
      expect(b.color).toBe(BADGE_COLORS[c.verdict]);
    });
    it(`shows "${c.de[0]}" with the German sentence as title for ${c.verdict}, in German`, () => {
      const b = badgeFor(analysis, de);
      expect([b.text, b.title]).toEqual(c.de);
      expect(b.color).toBe(BADGE_COLORS[c.verdict]);
    });
  }

  it('gives each verdict its own colour, each readable under white text (contrast at least 4.5:1)', () => {
    const colors = Object.values(BADGE_COLORS);
    expect(new Set(colors).size).toBe(4);
    for (const c of colors) expect(contrastWithWhite(c), c).toBeGreaterThanOrEqual(4.5);
    expect(BADGE_TEXT_COLOR).toBe('#ffffff');
  });

  it('uses green for encrypted, red for plaintext (hue checks, so the colours cannot be swapped)', () => {
    const rgb = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
    const [er = 0, eg = 0] = rgb(BADGE_COLORS.encrypted);
    const [pr = 0, pg = 0] = rgb(BADGE_COLORS.plaintext);
    expect(eg).toBeGreaterThan(er);
    expect(pr).toBeGreaterThan(pg);
  });

  it('shows no word and the "open a message" title when the tab has no analysis', () => {
    expect(badgeFor(null, en)).toMatchObject({ text: '', title: en('badgeTitleNone') });
    expect(badgeFor(null, de).title).toBe('Hoplock: Öffnen Sie die Original- oder Quelltextansicht einer Nachricht oder fügen Sie Kopfzeilen ein');
  });

  it('shows no word for text without headers, but says why in the title', () => {
    const b = badgeFor(analyzeAt('just some words, no mail here'), en);
    expect(b.text).toBe('');
    expect(b.title).toBe(`Hoplock: ${en('errorNoHeaders')}`);
  });
});

describe('applyBadge', () => {
  beforeEach(() => fake.reset());

  it('sets text, colours and title on the given tab only', async () => {
    await applyBadge(7, { text: 'OPEN', color: BADGE_COLORS.plaintext, title: 'Hoplock: x' });
    expect(fake.actions.get(7)).toEqual({ text: 'OPEN', color: BADGE_COLORS.plaintext, textColor: '#ffffff', title: 'Hoplock: x' });
    expect([...fake.actions.keys()]).toEqual([7]);
    for (const f of [fake.browser.action.setBadgeText, fake.browser.action.setBadgeBackgroundColor, fake.browser.action.setTitle]) {
      expect(f).toHaveBeenCalledWith(expect.objectContaining({ tabId: 7 }));
    }
  });

  it('still sets text, colour and title where the browser has no setBadgeTextColor', async () => {
    fake.browser.action.setBadgeTextColor = undefined;
    await applyBadge(3, { text: 'TLS', color: BADGE_COLORS.encrypted, title: 'Hoplock: y' });
    expect(fake.actions.get(3)).toEqual({ text: 'TLS', color: BADGE_COLORS.encrypted, title: 'Hoplock: y' });
  });
});
