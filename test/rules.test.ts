// Meta test: every rule is registered once, quotes a real line of its format, names where it was seen, and
// fires on that line.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULE_DOCS } from '../src/core/rules/docs.js';
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
  it('documents every rule exactly once (src/core/rules/docs.ts)', () => {
    expect(RULE_DOCS.map((d) => d.id).sort()).toEqual(ALL_RULES.map((r) => r.id).sort());
  });
  for (const rule of ALL_RULES) {
    it(`${rule.id} fires on its own example and decides it`, () => {
      const doc = RULE_DOCS.find((d) => d.id === rule.id);
      if (doc === undefined) throw new Error(`${rule.id} has no RuleDoc`);
      expect(doc.example.length).toBeGreaterThan(20);
      expect(doc.source.length).toBeGreaterThan(5);
      expect(doc.writers.length).toBeGreaterThan(0);
      const m = rule.match(viewReceived(doc.example));
      expect(m, doc.example).not.toBeNull();
      const hop = hopOf(doc.example);
      expect(hop.rules).toContain(rule.id);
      const expected = rule.kind === 'tls' ? 'encrypted' : rule.kind;
      expect(hop.transport).toBe(expected);
      for (const e of hop.evidence) expect(hop.raw, `evidence "${e}" is not a substring`).toContain(e);
    });
  }
});
