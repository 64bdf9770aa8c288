// Meta tests (STYLE.md 4): every webmail file in src/extract is a registered adapter with its fixtures, a
// hint in every language and valid match patterns, and the folder stays small enough for the content script
// (no imports from outside src/extract).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Adapter } from '../../src/extract/adapter.js';
import { ADAPTERS } from '../../src/extract/registry.js';
import { de } from '../../src/ui/messages/de.js';
import { en } from '../../src/ui/messages/en.js';
import { EXTRACT_SRC, FIXTURES, fixtureFiles, fixtureHtml, fixtureIds, hasCases, readCases } from './fixtures.js';

/** Files of src/extract that are not webmail adapters. */
const HELPERS = ['adapter', 'header-text', 'host-match', 'hosts', 'registry', 'url'];
const adapterFiles = readdirSync(EXTRACT_SRC)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.slice(0, -3))
  .filter((id) => !HELPERS.includes(id))
  .sort();

/** A match pattern with an explicit scheme, host (optionally `*.` + domain) and path (MDN "Match patterns"). */
const MATCH_PATTERN = /^(?:\*|https?):\/\/(?:\*|(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+)\/.*$/;
const HEADER = /^<!-- reconstructed from webmail-views\.md §\d[\d.]*(?: and §\d[\d.]*)? .*\(confidence: (?:source|seen|guess)\)/;

function isAdapter(value: unknown): value is Adapter {
  const a = value as Adapter;
  return typeof a === 'object' && a !== null && typeof a.id === 'string' && typeof a.detect === 'function' && typeof a.extract === 'function';
}

describe('adapter files', () => {
  it('are all registered, each exactly once, and nothing else is', () => {
    expect(ADAPTERS.map((a) => a.id).sort(), 'each src/extract/<id>.ts must be in ADAPTERS (src/extract/registry.ts); helpers belong in HELPERS here').toEqual(adapterFiles);
  });

  for (const id of adapterFiles) {
    it(`${id}.ts exports one adapter, with id "${id}", the one the registry holds`, async () => {
      const module = (await import(`../../src/extract/${id}.ts`)) as Record<string, unknown>;
      const adapters = Object.values(module).filter(isAdapter);
      expect(adapters, `src/extract/${id}.ts must export exactly one Adapter`).toHaveLength(1);
      expect(adapters[0]?.id, `the id in src/extract/${id}.ts must be its file name`).toBe(id);
      expect(ADAPTERS.filter((a) => a === adapters[0])).toHaveLength(1);
    });
  }

  it('have unique ids, and the generic adapter comes last and takes every page', () => {
    const ids = ADAPTERS.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    const last = ADAPTERS[ADAPTERS.length - 1];
    expect(last?.id).toBe('generic');
    expect(last?.detect(new URL('https://anything.example/'))).toBe(true);
    expect(ADAPTERS.slice(0, -1).every((a) => a.id !== 'generic')).toBe(true);
  });
});

describe.each(ADAPTERS.map((a) => [a.id, a] as const))('%s', (id, adapter) => {
  it('has a name and a hint that exists in English and German', () => {
    expect(adapter.name.length).toBeGreaterThan(0);
    expect(Object.hasOwn(en, adapter.hint), `${adapter.hint} missing from src/ui/messages/en.ts`).toBe(true);
    expect(Object.hasOwn(de, adapter.hint), `${adapter.hint} missing from src/ui/messages/de.ts`).toBe(true);
  });

  it('has valid match patterns, each covering one of its detected URLs', () => {
    for (const pattern of adapter.matches) expect(pattern, `${id}.matches`).toMatch(MATCH_PATTERN);
    if (!hasCases(id)) return;
    const yes = readCases(id).detect.yes.map((u) => new URL(u));
    for (const pattern of adapter.matches) {
      const host = pattern.split('/')[2] ?? '';
      const covered = yes.some((u) => (host.startsWith('*.') ? u.hostname === host.slice(2) || u.hostname.endsWith(host.slice(1)) : u.hostname === host));
      expect(covered, `no "yes" URL in test/fixtures/webmail/${id}/cases.json is on ${pattern}: add one`).toBe(true);
    }
  });

  it('has a fixture folder with cases.json: detected URLs, a positive page and a negative page', () => {
    expect(hasCases(id), `create test/fixtures/webmail/${id}/cases.json`).toBe(true);
    const cases = readCases(id);
    expect(cases.detect.yes.length, 'at least one URL detect() accepts').toBeGreaterThan(0);
    expect(cases.pages.some((p) => p.expected !== null), 'at least one page with header text').toBe(true);
    expect(cases.pages.some((p) => p.expected === null), 'at least one similar page without a raw view').toBe(true);
  });

  it('uses every fixture file of its folder, each marked with where it comes from and how sure it is', () => {
    if (!hasCases(id)) return;
    const cases = readCases(id);
    const used = new Set([...cases.pages, ...(cases.fetched ?? [])].map((c) => c.fixture));
    const files = fixtureFiles(id);
    for (const file of used) expect(files, `test/fixtures/webmail/${id}/${file} is missing`).toContain(file);
    for (const file of files) {
      expect(used.has(file), `test/fixtures/webmail/${id}/${file} is used by no case`).toBe(true);
      expect(fixtureHtml(id, file), `${id}/${file} must begin with <!-- reconstructed from webmail-views.md §… (confidence: …) -->`).toMatch(HEADER);
    }
  });
});

describe('fixture folders', () => {
  it('each belong to an adapter', () => {
    const ids = new Set(ADAPTERS.map((a) => a.id));
    for (const folder of fixtureIds()) expect(ids.has(folder), `${join(FIXTURES, folder)} has no adapter`).toBe(true);
    expect(existsSync(FIXTURES)).toBe(true);
  });
});

describe('src/extract stays small and self-contained (it runs in the content script)', () => {
  it('imports only from src/extract, apart from types', () => {
    for (const file of readdirSync(EXTRACT_SRC)) {
      const code = readFileSync(join(EXTRACT_SRC, file), 'utf8');
      for (const m of code.matchAll(/^import\s+(type\s+)?[^;]*?from\s+'([^']+)';/gms)) {
        if (m[1]) continue;
        expect(m[2], `src/extract/${file} imports ${m[2]}: the content script bundle must not pull in src/core or libraries`).toMatch(/^\.\/[\w-]+\.js$/);
      }
    }
  });
});
