// Replays the MTA lab's last recorded run (test/fixtures/mta-lab.json, written by
// `npm run test:mta -- --export test/fixtures/mta-lab.json`): the headers real Postfix, Exim, Sendmail,
// Haraka, OpenSMTPD and Dovecot wrote, with the truth of each hop from the receiving server's own log.
// The live lab needs root and Debian; this keeps its findings checked everywhere.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/core/analyze.js';
import { compareHop, type Shows } from './mta/lab/compare.js';
import type { SessionTruth } from './mta/lab/types.js';

interface Recorded {
  versions: Record<string, string>;
  messages: {
    id: string;
    title: string;
    headers: string;
    hops: { server: string; listener: string; shows: Shows; truth: SessionTruth | null }[];
  }[];
}

const lab = JSON.parse(readFileSync(new URL('./fixtures/mta-lab.json', import.meta.url), 'utf8')) as Recorded;

describe('MTA lab recording', () => {
  it('covers every server and every kind of hop', () => {
    expect(Object.keys(lab.versions).sort()).toEqual(['Dovecot LMTP', 'Exim', 'Haraka', 'OpenSMTPD', 'Postfix', 'Sendmail']);
    const kinds = new Set(lab.messages.flatMap((m) => m.hops.map((h) => [h.truth?.transport, h.truth?.tlsVersion, h.truth?.forwardSecrecy, h.truth?.authenticated].join('/'))));
    // transport/version/forward secrecy/authenticated; null joins as ''
    for (const k of ['encrypted/TLS1.3/true/false', 'encrypted/TLS1.2/true/false', 'encrypted/TLS1.2/false/false', 'encrypted/TLS1.3/true/true', 'plaintext///true', 'plaintext///false', 'internal///false']) {
      expect(kinds).toContain(k);
    }
  });

  for (const m of lab.messages) {
    it(`${m.id}: ${m.title}`, () => {
      const a = analyze(m.headers, { now: Date.parse('2030-01-01T00:00:00Z') });
      expect(a.hops.length).toBe(m.hops.length);
      const problems = m.hops.flatMap((h, i) => {
        if (h.truth === null) return [`hop ${i + 1}: no truth recorded`];
        return compareHop(a.hops[i], h.truth, h.shows).map((p) => `hop ${i + 1} (${h.server}, ${h.listener}) ${p.field}: truth ${p.truth}, Hoplock ${p.hoplock}`);
      });
      expect(problems).toEqual([]);
    });
  }
});
