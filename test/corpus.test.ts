// Scores Hoplock on the labelled real headers (test/fixtures/corpus): transport, TLS version and forward
// secrecy, `acceptable_kinds` counting as right, fragments hop by hop. Fails below 98% on any measure.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Hop } from '../src/core/types.js';
import { normalizeVersion } from '../src/core/tls/ciphers.js';
import { analyzeAt, topDown } from './helpers.js';

interface Label {
  writer: string;
  hop_kind: string;
  acceptable_kinds?: string[];
  tls_version: string | null;
  forward_secret: boolean | null;
  authenticated_submission: boolean | null;
}
interface Sample {
  id: string;
  provenance: string;
  headers: string;
  hops: Label[];
}

const samples = readFileSync(new URL('./fixtures/corpus/public-dev.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as Sample);

/** Fragments join lines of different messages: each Received field is analysed alone. */
function hopsOf(s: Sample): (Hop | undefined)[] {
  if (!s.provenance.startsWith('fragments')) return topDown(analyzeAt(s.headers));
  return s.headers
    .split(/\n(?=Received:)/)
    .filter((f) => f.startsWith('Received:'))
    .map((f) => analyzeAt(`${f}\n`).hops[0]);
}

type Tally = { right: number; total: number };
const score: Record<'kind' | 'version' | 'fs', Tally> = { kind: { right: 0, total: 0 }, version: { right: 0, total: 0 }, fs: { right: 0, total: 0 } };

describe('labelled corpus', () => {
  for (const s of samples) {
    const hops = hopsOf(s);
    s.hops.forEach((label, i) => {
      const hop = hops[i];
      const kinds = label.acceptable_kinds ?? [label.hop_kind];
      const okKind = hop !== undefined && kinds.includes(hop.transport);
      score.kind.total++;
      if (okKind) score.kind.right++;
      const version = normalizeVersion(label.tls_version);
      if (version !== null) {
        score.version.total++;
        if (hop?.tls?.version === version) score.version.right++;
      }
      if (label.forward_secret !== null) {
        score.fs.total++;
        if (hop?.tls?.forwardSecret === label.forward_secret) score.fs.right++;
      }
      it(`${s.id} hop ${i + 1} (${label.writer}) is ${kinds.join(' or ')}`, () => {
        expect(hops).toHaveLength(s.hops.length);
        expect(kinds, hop?.reason).toContain(hop?.transport);
        if (version !== null) expect(hop?.tls?.version).toBe(version);
        if (label.forward_secret !== null) expect(hop?.tls?.forwardSecret).toBe(label.forward_secret);
      });
    });
  }
  it('scores at least 98% on transport, TLS version and forward secrecy', () => {
    for (const [what, { right, total }] of Object.entries(score)) {
      expect(total, what).toBeGreaterThan(0);
      expect(right / total, `${what}: ${right}/${total}`).toBeGreaterThanOrEqual(0.98);
    }
    expect(score.kind.total).toBe(193);
  });
});
