// The 47 lines on which Paranoia, MailHops, Roundcube TLS Icon, FairEmail and rspamd each went wrong
// somewhere (research/tls-per-hop-tools.md §4). Hoplock must read all of them right.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hopOf } from './helpers.js';

interface Anchor {
  label: string;
  received: string;
  expected: string;
}

const anchors = (JSON.parse(readFileSync(new URL('./fixtures/corpus/anchor-lines.json', import.meta.url), 'utf8')) as { lines: Anchor[] }).lines;

/** The reviewer's words to transports. "unknown(tls-by-policy)": the header says no TLS, the provider is
 * known to require it; the honest reading of the header is unknown. */
const EXPECTED: Record<string, string> = {
  tls: 'encrypted',
  plain: 'plaintext',
  internal: 'internal',
  local: 'internal',
  unknown: 'unknown',
  'unknown(tls-by-policy)': 'unknown',
};

describe('anchor lines from other tools', () => {
  it('has all 47 lines', () => {
    expect(anchors).toHaveLength(47);
  });
  for (const a of anchors) {
    it(`reads "${a.label}" as ${a.expected}`, () => {
      const hop = hopOf(a.received);
      expect(hop.transport, hop.reason).toBe(EXPECTED[a.expected]);
    });
  }
});
