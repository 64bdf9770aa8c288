import { organisationOf } from '../org.js';
import { type Rule, type RuleDoc, withEvidence } from './rule.js';

// Mail fetched from a mailbox (fetchmail, Mailtraq, POP collectors): the header does not say whether the
// fetch used IMAP over TLS or not.
//   from gmail-imap.l.google.com [2a00:1450:400c:c04::6d] by mx.example.com with IMAP (fetchmail-6.3.26)
const RETRIEVAL = new Set(['IMAP', 'IMAP4', 'POP', 'POP3', 'ODMR', 'ETRN', 'KPOP', 'SDPS']);

export const mailRetrieval: Rule = {
  id: 'unknown-mail-retrieval',
  kind: 'unknown',
  match(view) {
    if (view.protocol === null || !RETRIEVAL.has(view.protocol)) return null;
    return { transport: 'unknown', evidence: [withEvidence(view)], reason: 'The message was fetched from a mailbox; the header does not say whether the fetch was encrypted.' };
  },
};

export const mailRetrievalDoc: RuleDoc = {
  id: mailRetrieval.id,
  writers: ['fetchmail', 'Mailtraq', 'getmail'],
  example:
    'from gmail-imap.l.google.com [2a00:1450:400c:c04::6d] by mx.example.com with IMAP (fetchmail-6.3.26) for <example@example.com> (single-drop); Sun, 21 Feb 2016 16:35:02 +0100 (CET)',
  source: 'gjedeer/paranoia PR #16',
};

// IIS SMTPSVC records TLS only as "over TLS secured channel"; without it the header is silent, and some
// versions never write it.
//   from BAY403-EAS373 ([65.54.190.199]) by bay0-omc4-s14.bay0.hotmail.com with Microsoft SMTPSVC(6.0.3790.4675)
export const smtpsvcSilent: Rule = {
  id: 'unknown-smtpsvc',
  kind: 'unknown',
  match(view) {
    if (view.protocol !== 'MICROSOFT' || !/^Microsoft SMTPSVC/i.test(view.withPhrase ?? '')) return null;
    return { transport: 'unknown', evidence: [withEvidence(view)], reason: 'The IIS SMTP service does not record whether it used TLS.' };
  },
};

export const smtpsvcSilentDoc: RuleDoc = {
  id: smtpsvcSilent.id,
  writers: ['Microsoft IIS SMTPSVC'],
  example: 'from BAY403-EAS373 ([65.54.190.199]) by bay0-omc4-s14.bay0.hotmail.com with Microsoft SMTPSVC(6.0.3790.4675); Mon, 19 Aug 2019 07:41:19 -0700',
  source: 'LuxSci TLS article (shared/corpus luxsci-tls-article-composite)',
};

// Endpoints whose operators document that they refuse mail without TLS, while the header says only SMTP.
// Each entry cites the operator's documentation. The hop stays `unknown`: the header itself does not say.
const TLS_REQUIRED: ReadonlyArray<[RegExp, string]> = [
  // "The Amazon SES SMTP interface requires ... TLS" (Amazon SES Developer Guide, "Connecting to an Amazon
  // SES SMTP endpoint": STARTTLS on 25/587/2587 or TLS Wrapper on 465/2465).
  [/^email-smtp(?:-fips)?\.[a-z0-9.-]*amazonaws\.com$/i, 'Amazon SES requires TLS on its SMTP endpoint (Amazon SES Developer Guide, "Connecting to an Amazon SES SMTP endpoint")'],
];

export const tlsRequiredByPolicy: Rule = {
  id: 'unknown-tls-by-policy',
  kind: 'unknown',
  match(view) {
    const name = view.by?.name;
    if (name == null) return null;
    for (const [pattern, policy] of TLS_REQUIRED) {
      if (pattern.test(name)) {
        return { transport: 'unknown', evidence: [withEvidence(view) || name], reason: `The header records no TLS, but ${policy}.` };
      }
    }
    return null;
  },
};

export const tlsRequiredByPolicyDoc: RuleDoc = {
  id: tlsRequiredByPolicy.id,
  writers: ['Amazon SES'],
  example:
    'from unit-962 (gw.intellij.net [81.3.129.2]) by email-smtp.amazonaws.com with SMTP (SimpleEmailService-2411284699) id m5EzpqQHGIcybKZokdSr for bounce@simulator.amazonses.com; Mon, 30 Oct 2017 13:42:10 +0000 (UTC)',
  source: 'SES notification JSON found in code search (research/tls-per-hop-tools.md §3)',
};

// The writer recorded a protocol but not who connected (Fastmail, Yahoo Hermes, Brevo, Google's
// outbound relays): there is no client to call the hop plaintext between.
//   by mail.messagingengine.com (Postfix) with ESMTPA; Sat, 28 Aug 2021 03:50:12 -0400 (EDT)
export const clientNotRecorded: Rule = {
  id: 'unknown-client-not-recorded',
  kind: 'unknown',
  match(view) {
    if (view.from !== null || view.protocol === null) return null;
    const org = organisationOf(view.by?.name ?? null);
    return {
      transport: 'unknown',
      evidence: [withEvidence(view)],
      reason: `The server${org ? ` at ${org}` : ''} recorded ${view.withPhrase} but not who connected, and no TLS.`,
    };
  },
};

export const clientNotRecordedDoc: RuleDoc = {
  id: clientNotRecorded.id,
  writers: ['Fastmail', 'Yahoo Hermes', 'Brevo', 'Google outbound'],
  example: 'by mail.messagingengine.com (Postfix) with ESMTPA; Sat, 28 Aug 2021 03:50:12 -0400 (EDT)',
  source: 'public mailing-list archive (research/tls-per-hop-tools.md §3)',
};

// A from part but no protocol and no TLS comment (Hornetsecurity, Proofpoint Essentials), or an empty
// protocol (Tencent QQ: `by bizesmtp.qq.com (ESMTP) with \n id ;`).
//   from he-nlb01-hz1.hornetsecurity.com ([94.100.132.6]) by mx-relay13-hz2.antispameurope.com; Wed, 18 Feb 2026 14:23:18 +0100
export const noProtocol: Rule = {
  id: 'unknown-no-protocol',
  kind: 'unknown',
  match(view) {
    if (view.protocol !== null) return null;
    return {
      transport: 'unknown',
      evidence: [],
      reason: view.parsed.clauses.with === undefined ? 'The server recorded no protocol and no TLS details.' : 'The server left the protocol empty.',
    };
  },
};

export const noProtocolDoc: RuleDoc = {
  id: noProtocol.id,
  writers: ['Hornetsecurity', 'Proofpoint Essentials', 'Tencent QQ', 'Barracuda'],
  example:
    'from he-nlb01-hz1.hornetsecurity.com ([94.100.132.6]) by mx-relay13-hz2.antispameurope.com; Wed, 18 Feb 2026 14:23:18 +0100',
  source: 'devicetree list archive via lfdr.de, 2026 (shared/corpus hornetsecurity-antispameurope-2026)',
};
