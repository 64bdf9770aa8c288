// Meta test: every rule is registered once, quotes a real line of its format, names where it was seen, and
// fires on that line.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../src/core/rules/index.js';
import { viewReceived } from '../src/core/received/view.js';
import { hopOf } from './helpers.js';

describe('rules', () => {
  it('registers every rule file exactly once', () => {
    const files = readdirSync(new URL('../src/core/rules/', import.meta.url)).filter((f) => /^(tls|internal|unknown|plaintext)-/.test(f));
    const ids = ALL_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ALL_RULES.length).toBeGreaterThanOrEqual(files.length);
  });
  for (const rule of ALL_RULES) {
    it(`${rule.id} fires on its own example and decides it`, () => {
      expect(rule.example.length).toBeGreaterThan(20);
      expect(rule.source.length).toBeGreaterThan(5);
      expect(rule.writers.length).toBeGreaterThan(0);
      const m = rule.match(viewReceived(rule.example));
      expect(m, rule.example).not.toBeNull();
      const hop = hopOf(rule.example);
      expect(hop.rules).toContain(rule.id);
      const expected = rule.kind === 'tls' ? 'encrypted' : rule.kind;
      expect(hop.transport).toBe(expected);
      for (const e of hop.evidence) expect(hop.raw, `evidence "${e}" is not a substring`).toContain(e);
    });
  }
});
