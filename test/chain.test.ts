// Transit order, delays, trust boundary, inbound hop, verdict and the checks that flag a suspect chain.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { analyzeAt } from './helpers.js';

const sample = (name: string) => readFileSync(new URL(`../samples/${name}`, import.meta.url), 'utf8');

describe('the chain', () => {
  it('orders hops in transit order with 1-based indexes and header positions', () => {
    const a = analyzeAt(sample('encrypted-chain.eml'));
    expect(a.hops.map((h) => [h.index, h.headerIndex])).toEqual([
      [1, 4], [2, 3], [3, 2], [4, 1], [5, 0],
    ]);
  });
  it('computes delays from the previous dated hop', () => {
    const a = analyzeAt(sample('encrypted-chain.eml'));
    expect(a.hops.map((h) => h.delaySeconds)).toEqual([null, 5, 21, 1, 1]);
  });
  it('finds the inbound hop and marks hops below it as upstream claims', () => {
    const a = analyzeAt(sample('encrypted-chain.eml'));
    expect(a.inbound).toBe(2);
    expect(a.hops.map((h) => h.trust)).toEqual(['upstream', 'recipient', 'recipient', 'recipient', 'recipient']);
    expect(a.verdict).toBe('encrypted');
  });
  it('gives verdict partial and names the unencrypted hop', () => {
    const a = analyzeAt(sample('partial-plaintext.eml'));
    expect(a.verdict).toBe('partial');
    expect(a.inbound).toBe(3);
    expect(a.hops.map((h) => h.transport)).toEqual(['plaintext', 'plaintext', 'encrypted']);
  });
  it('keeps negative delays and flags dates going backwards beyond clock skew', () => {
    const a = analyzeAt(
      'Received: from b.example.org (b.example.org [192.0.2.2]) by c.example.net with ESMTPS id 2; Mon, 6 Jan 2025 09:00:00 +0000\nReceived: from a.example.org (a.example.org [192.0.2.1]) by b.example.org with ESMTPS id 1; Mon, 6 Jan 2025 10:00:00 +0000\n',
    );
    expect(a.hops[1]?.delaySeconds).toBe(-3600);
    expect(a.warnings.find((w) => w.code === 'date-backwards')?.hop).toBe(2);
  });
  it('flags dates in the future', () => {
    const a = analyzeAt('Received: from a.example.org (a.example.org [192.0.2.1]) by b.example.org with ESMTPS id 1; Mon, 6 Jan 2031 10:00:00 +0000\n');
    expect(a.warnings.map((w) => w.code)).toContain('date-future');
  });
  it('nulls implausible dates with a warning', () => {
    const a = analyzeAt('Received: from a.example.org (a.example.org [192.0.2.1]) by b.example.org with ESMTPS id 1; Mon, 6 Jan 1970 10:00:00 +0000\n');
    expect(a.hops[0]?.date).toBeNull();
    expect(a.warnings.map((w) => w.code)).toContain('date-implausible');
  });
  it('flags a broken chain: a hop whose from does not match the by of the hop before', () => {
    const a = analyzeAt(
      'Received: from relay.example.org (relay.example.org [192.0.2.2]) by mx.example.net with ESMTPS id 2; Mon, 6 Jan 2025 10:00:02 +0000\nReceived: from a.example.com (a.example.com [198.51.100.1]) by other.example.com with ESMTPS id 1; Mon, 6 Jan 2025 10:00:01 +0000\n',
    );
    expect(a.warnings.find((w) => w.code === 'chain-gap')?.hop).toBe(2);
  });
  it('keeps trust across a provider whose servers use several domains', () => {
    const a = analyzeAt(
      [
        'Received: from BN8PR03CA0028.namprd03.prod.outlook.com (2603:10b6:408:94::41) by DS7PR06MB6869.namprd06.prod.outlook.com (2603:10b6:5:2d1::5) with Microsoft SMTP Server (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.6838.28; Wed, 4 Oct 2023 20:47:49 +0000',
        'Received: from BN8NAM04FT065.eop-NAM04.prod.protection.outlook.com (2603:10b6:408:94:cafe::c) by BN8PR03CA0028.outlook.office365.com (2603:10b6:408:94::41) with Microsoft SMTP Server (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.6863.25 via Frontend Transport; Wed, 4 Oct 2023 20:47:49 +0000',
        'Received: from mail.example.org (192.0.2.7) by BN8NAM04FT065.mail.protection.outlook.com (10.13.160.195) with Microsoft SMTP Server (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.6863.27 via Frontend Transport; Wed, 4 Oct 2023 20:47:48 +0000',
        'Received: from laptop (laptop [198.51.100.9]) by mail.example.org (Postfix) with ESMTPSA id 1; Wed, 4 Oct 2023 20:47:47 +0000',
        '',
      ].join('\n'),
    );
    expect(a.inbound).toBe(2);
    expect(a.hops.map((h) => h.trust)).toEqual(['upstream', 'recipient', 'recipient', 'recipient']);
  });
  it('says unknown when no hop records its transport', () => {
    expect(analyzeAt('Received: from a (a [192.0.2.1]) by b.example with IMAP; Mon, 6 Jan 2025 10:00:00 +0000\n').verdict).toBe('unknown');
  });
  it('ignores internal hops in the verdict', () => {
    const a = analyzeAt('Received: by b.example (Postfix, from userid 0) id 1; Mon, 6 Jan 2025 10:00:00 +0000\n');
    expect([a.hops[0]?.transport, a.verdict]).toEqual(['internal', 'unknown']);
  });
});
