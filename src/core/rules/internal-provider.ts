import { addressScope, isAddressLiteral } from '../address.js';
import { sameOrganisation } from '../org.js';
import { type Rule, type RuleDoc, tokenSpan, withEvidence } from './rule.js';

// A provider's internal relay that names itself by an internal address and records no client:
//   by 2002:a05:612c:1a52:b0:48e:c7f6:a1f with SMTP id hu18csp1070346vqb; Thu, 12 Sep 2024 13:42:36 -0700 (PDT)
export const providerInternal: Rule = {
  id: 'internal-provider-relay',
  kind: 'internal',
  match(view) {
    if (view.from !== null || view.by === null || view.by.ip === null) return null;
    const by = view.parsed.clauses.by;
    if (by === undefined || !isAddressLiteral(view.parsed.tokens[by.start]?.text ?? '')) return null;
    return {
      transport: 'internal',
      evidence: [tokenSpan(view, by.keyword, by.start), withEvidence(view)].filter((e) => e !== ''),
      reason: 'A relay inside the provider, named by its internal address, with no client recorded.',
    };
  },
};

export const providerInternalDoc: RuleDoc = {
  id: providerInternal.id,
  writers: ['Gmail'],
  example: 'by 2002:a05:612c:1a52:b0:48e:c7f6:a1f with SMTP id hu18csp1070346vqb; Thu, 12 Sep 2024 13:42:36 -0700 (PDT)',
  source: 'domainaware/parsedmarc issue #561',
};

// Both ends on private addresses, or a private client inside the writer's own domain: one site's network.
//   from EXM01.TISD-AD.tomballisd.net (10.8.101.112) by EXMB02.TISD-AD.tomballisd.net (10.8.101.113)
//   with Microsoft SMTP Server id 15.0.1365.1
export const privateSite: Rule = {
  id: 'internal-private-network',
  kind: 'internal',
  match(view) {
    if (view.peer !== 'private' || view.from === null) return null;
    const byIp = view.by?.ip ?? null;
    const byScope = byIp === null ? null : addressScope(byIp);
    const byPrivate = byScope === 'private' || byScope === 'loopback';
    // A private client address is the server's own record and cannot come from the Internet, so the name
    // it gave (HELO) may place it in the site here; a public client's HELO is never used so.
    const sameSite = sameOrganisation(view.from.name ?? view.from.helo, view.by?.name ?? null);
    if (!byPrivate && !sameSite) return null;
    return {
      transport: 'internal',
      evidence: [view.from.ip ?? ''],
      reason: `The client's private address ${view.from.ip} and the receiving server are on the same site's network.`,
    };
  },
};

export const privateSiteDoc: RuleDoc = {
  id: privateSite.id,
  writers: ['Microsoft Exchange (between servers)', 'any site relaying on its private network'],
  example:
    'from EXCH1.corp.example.com (10.0.0.5) by EXCH2.corp.example.com (10.0.0.6) with Microsoft SMTP Server id 15.1.2507.6; Mon, 29 Oct 2018 11:17:19 +0100',
  source: 'synthetic after the Exchange on-premises lines in SpamAssassin Received.pm comments',
};

// No client and no protocol: the writer created the message or picked it up locally.
//   by mta248b-ord.mtasv.net id h2e99a3864o6 for <x@example.com>; Sat, 19 Oct 2024 07:05:57 -0400   (Postmark)
export const localOrigination: Rule = {
  id: 'internal-local-origination',
  kind: 'internal',
  match(view) {
    if (view.from !== null || view.parsed.clauses.with !== undefined || view.by === null) return null;
    const by = view.parsed.clauses.by;
    return {
      transport: 'internal',
      evidence: by === undefined ? [] : [tokenSpan(view, by.keyword, by.start)],
      reason: 'No client and no protocol are recorded: the message started on this server.',
    };
  },
};

export const localOriginationDoc: RuleDoc = {
  id: localOrigination.id,
  writers: ['Postmark', 'Sendmail', 'cucipop', 'bulk senders'],
  example:
    'by mta248b-ord.mtasv.net id h2e99a3864o6 for <emil.skogsund@gmail.com>; Sat, 19 Oct 2024 07:05:57 -0400 (envelope-from <pm_bounces@pm-bounces.serpapi.com>)',
  source: 'eml copy in a public repository (shared/corpus postmark-to-gmail-2024-tls13)',
};
