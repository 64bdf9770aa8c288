// Per-tab storage in storage.session: the key, trimmed copies of entries too large to keep, and that a
// tab never keeps an older analysis when a newer one could not be stored.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_STORED_ENTRY_CHARS, TRIMMED_EVIDENCE_ITEMS, TRIMMED_RAW_CHARS } from '../src/background/limits.js';
import type { TabAnalysis } from '../src/background/protocol.js';
import { fitForStorage, keyOf, sessionStore, TRIMMED_WARNING } from '../src/background/store.js';
import type { Hop } from '../src/core/types.js';
import { HEADERS } from './background-fake.js';
import { analyzeAt, NOW } from './helpers.js';

const fake = await vi.hoisted(async () => (await import('./background-fake.js')).createFakeBrowser());
vi.mock('../src/browser/api.js', () => ({ browser: fake.browser }));

function entryOf(text: string): TabAnalysis {
  return { analysis: analyzeAt(text), source: 'paste', url: null, at: NOW };
}

/** An entry whose hops carry huge raw text and evidence (as a hostile or looping chain would). */
function bloated(hops: number, rawChars: number): TabAnalysis {
  const e = entryOf(HEADERS.encrypted);
  const hop = e.analysis.hops[0] as Hop;
  e.analysis.hops = Array.from({ length: hops }, (_, i) => ({
    ...hop,
    index: i + 1,
    raw: `${'r'.repeat(rawChars)}😀`,
    evidence: Array.from({ length: 10 }, () => 'e'.repeat(1000)),
  }));
  return e;
}

beforeEach(() => fake.reset());

describe('tab store', () => {
  it('keeps each tab under tab:<id> and gives it back unchanged', async () => {
    const e = entryOf(HEADERS.partial);
    expect(await sessionStore.set(12, e)).toBe('full');
    expect(keyOf(12)).toBe('tab:12');
    expect(fake.session.get('tab:12')).toEqual(e);
    expect(await sessionStore.get(12)).toEqual(e);
    expect(await sessionStore.get(13)).toBeNull();
    await sessionStore.remove(12);
    expect(fake.session.size).toBe(0);
  });

  it('reads something that is not an entry as no entry', async () => {
    fake.session.set('tab:1', 'garbage');
    expect(await sessionStore.get(1)).toBeNull();
  });

  it('stores a trimmed copy, with a warning, of an entry over the size limit', async () => {
    const big = bloated(40, 20_000);
    expect(JSON.stringify(big).length).toBeGreaterThan(MAX_STORED_ENTRY_CHARS);
    expect(await sessionStore.set(3, big)).toBe('trimmed');
    const kept = (await sessionStore.get(3)) as TabAnalysis;
    expect(JSON.stringify(kept).length).toBeLessThanOrEqual(MAX_STORED_ENTRY_CHARS);
    expect(kept.analysis.hops).toHaveLength(40);
    const hop = kept.analysis.hops[0] as Hop;
    expect(hop.raw).toBe(`${'r'.repeat(TRIMMED_RAW_CHARS)}…`);
    expect(hop.evidence).toHaveLength(TRIMMED_EVIDENCE_ITEMS);
    expect(kept.analysis.warnings.at(-1)).toEqual(TRIMMED_WARNING);
    // What decides the verdict is untouched.
    expect(kept.analysis.verdict).toBe(big.analysis.verdict);
    expect(hop.transport).toBe('encrypted');
    // The caller's object is not modified.
    expect((big.analysis.hops[0] as Hop).raw.length).toBe(20_002);
  });

  it('does not split a surrogate pair when trimming', () => {
    const e = bloated(40, TRIMMED_RAW_CHARS - 1);
    const fit = fitForStorage({ ...e, analysis: { ...e.analysis, hops: e.analysis.hops.map((h) => ({ ...h, raw: h.raw.repeat(40) })) } });
    expect(fit?.kept).toBe('trimmed');
    const raw = (fit?.entry.analysis.hops[0] as Hop | undefined)?.raw;
    expect(raw).toBe(`${'r'.repeat(TRIMMED_RAW_CHARS - 1)}…`);
  });

  it('keeps nothing for a tab, not even its older entry, when even a trimmed copy is too large', async () => {
    await sessionStore.set(5, entryOf(HEADERS.encrypted));
    expect(fitForStorage(bloated(5000, 100))).toBeNull();
    expect(await sessionStore.set(5, bloated(5000, 100))).toBe('none');
    expect(await sessionStore.get(5)).toBeNull();
  });

  it('keeps nothing for a tab, not even its older entry, when the storage refuses (quota)', async () => {
    await sessionStore.set(5, entryOf(HEADERS.encrypted));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    fake.browser.storage.session.set.mockRejectedValueOnce(new Error('Session storage quota bytes exceeded.'));
    expect(await sessionStore.set(5, entryOf(HEADERS.plaintext))).toBe('none');
    expect(await sessionStore.get(5)).toBeNull();
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });
});
