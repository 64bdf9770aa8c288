import { analyze } from '../src/core/index.js';
import type { Analysis, Hop } from '../src/core/types.js';

/** Fixed "now" so that checks against the future do not depend on the day the tests run. */
export const NOW = Date.UTC(2026, 10, 28, 12, 0, 0);

export function analyzeAt(text: string): Analysis {
  return analyze(text, { now: NOW });
}

/** Analyses one Received value (without the field name) and returns its hop. */
export function hopOf(received: string): Hop {
  const a = analyzeAt(`Received: ${received}\n`);
  const hop = a.hops[0];
  if (hop === undefined) throw new Error(`no hop for ${received}`);
  return hop;
}

/** Header order (top-down) view of the hops. */
export function topDown(a: Analysis): Hop[] {
  return [...a.hops].sort((x, y) => x.headerIndex - y.headerIndex);
}
