// Hang guards: the bench's hostile inputs (issue 6), a 10 MB message and a 10,000-hop chain, each analysed
// well within a generous limit (the bench's own targets are tighter: 50 ms, 20 ms) and to a valid report.
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { hostileInputs, syntheticChain, tenMegabyteEml } from '../scripts/bench/inputs.js';
import { analyze } from '../src/core/analyze.js';
import { NOW } from './helpers.js';

/** Ten times the bench target: a test machine may be slow or busy, a hang is not. */
const LIMIT_MS = 500;
const validate = new Ajv().compile(JSON.parse(readFileSync(new URL('../schema/hoplock-1.schema.json', import.meta.url), 'utf8')));

function timed(text: string): number {
  analyze(text, { now: NOW });
  const t0 = performance.now();
  const a = analyze(text, { now: NOW });
  const ms = performance.now() - t0;
  expect(validate(JSON.parse(JSON.stringify(a))), JSON.stringify(validate.errors)).toBe(true);
  return ms;
}

describe('hostile and huge inputs finish quickly', () => {
  for (const [name, text] of hostileInputs()) {
    it(`${name}`, () => {
      expect(timed(text)).toBeLessThan(LIMIT_MS);
    });
  }
  it('a 10 MB message with a base64 body', () => {
    expect(timed(tenMegabyteEml())).toBeLessThan(LIMIT_MS);
  });
  it('a chain of 10,000 hops', () => {
    expect(timed(syntheticChain(10_000))).toBeLessThan(LIMIT_MS * 4);
  });
});
