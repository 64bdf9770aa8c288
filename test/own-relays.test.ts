// Your own relays (issue 8): hosts, domains and address ranges from the options page or `--internal`.
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/core/analyze.js';
import { NOW } from './helpers.js';

// A filtering service in front of the mailbox, on public addresses and another domain: without the list,
// the hop from the filter to the mailbox looks like an unencrypted hop from a stranger.
const CHAIN = [
  'Received: from gw.filtervendor.example (gw.filtervendor.example [203.0.113.5]) by mbox.corp.example with ESMTP id 3; Mon, 06 Jan 2025 19:49:59 +0100',
  'Received: from mx.example.net (mx.example.net [192.0.2.1]) by gw.filtervendor.example with ESMTPS id 1; Mon, 06 Jan 2025 19:49:55 +0100',
  'Received: from [198.51.100.7] by mx.example.net with ESMTPSA id 9; Mon, 06 Jan 2025 19:49:50 +0100',
  '',
  '',
].join('\n');
const run = (internal?: string[]) => analyze(CHAIN, internal === undefined ? { now: NOW } : { now: NOW, internal });

describe('own relays', () => {
  it('without a list: the filter-to-mailbox hop is plaintext and the verdict partial', () => {
    const a = run();
    expect(a.verdict).toBe('partial');
    expect(a.hops.map((h) => h.transport)).toEqual(['encrypted', 'encrypted', 'plaintext']);
    expect(a.inbound).toBe(3);
  });

  it('domains: the hop between two of yours is internal, the one into yours is the inbound hop', () => {
    const a = run(['filtervendor.example', 'corp.example']);
    expect(a.verdict).toBe('encrypted');
    expect(a.hops.map((h) => [h.transport, h.trust])).toEqual([
      ['encrypted', 'upstream'],
      ['encrypted', 'recipient'],
      ['internal', 'recipient'],
    ]);
    expect(a.hops[2]?.rules).toContain('internal-own-relays');
    expect(a.inbound).toBe(2);
  });

  it('address ranges: the relay at 203.0.113.5 is yours, so it also wrote the hop below', () => {
    const a = run(['203.0.113.0/24', 'mbox.corp.example']);
    expect(a.hops.map((h) => [h.transport, h.trust])).toEqual([
      ['encrypted', 'upstream'],
      ['encrypted', 'recipient'],
      ['internal', 'recipient'],
    ]);
    expect(a.inbound).toBe(2);
  });

  it('never trusts the HELO: a client that only calls itself one of yours stays a stranger', () => {
    const forged = 'Received: from gw.filtervendor.example ([198.51.100.9]) by mbox.corp.example with ESMTP id 3; Mon, 06 Jan 2025 19:49:59 +0100\n\n';
    const a = analyze(forged, { now: NOW, internal: ['filtervendor.example', 'corp.example'] });
    expect(a.hops[0]?.transport).toBe('plaintext');
  });

  it('ignores malformed entries and matches IPv6 ranges', () => {
    const v6 = 'Received: from relay.other.example (relay.other.example [2001:db8:5::7]) by mbox.corp.example with ESMTP id 3; Mon, 06 Jan 2025 19:49:59 +0100\n\n';
    const a = analyze(v6, { now: NOW, internal: ['2001:db8:5::/48', 'mbox.corp.example', '10.0.0.0/99', '', '__proto__', 'not a host/8'] });
    expect(a.hops[0]?.transport).toBe('internal');
  });
});
