import { commentEvidence, LEAD, type Rule, type RuleDoc } from './rule.js';

// Momentum (Ecelerity; Message Systems, later SparkPost and Bird) writes the suite alone after the protocol
// word, then the subject of the client's certificate when the client presented one:
//   by smtp.centurylink.net (envelope-from <shep971@centurylink.net>) (ecelerity 3.6.25.56547 r(Core:3.6.25.0))
//   with ESMTPSA (cipher=DHE-RSA-AES256-GCM-SHA384) id 55/F0-16539-D4AE2EE5
//   by mx4-lo2-sp1.mta.salesforce.com (...) (ecelerity 4.2.38.62368 r(Core:release/4.2.38.0)) with ESMTPS
//   (cipher=ECDHE-RSA-AES256-GCM-SHA384 subject="/C=US/ST=California/.../CN=um8-app2-22-lo2.ops.sfdc.net")
// FireEye ETP writes the same comment: `FireEye ETP with ESMTPS (cipher=ECDHE-RSA-AES256-GCM-SHA384) id 3yWg...`.
// Salesforce, SparkPost, LinkedIn and Synacor-hosted ISPs (CenturyLink, RCN, TDS) run Momentum. A subject
// says a certificate was shown, not whether it was verified, so the client certificate stays unknown.
const CIPHER = /^\s*cipher=([A-Za-z0-9_.+-]{1,100})(?=\s|$)/;

export const cipherComment: Rule = {
  id: 'tls-cipher-comment',
  kind: 'tls',
  match(view) {
    for (const c of view.comments) {
      if (c.place !== 'with' || c.lead !== LEAD.c) continue;
      const m = CIPHER.exec(c.text);
      if (!m) continue;
      return {
        tls: { cipher: m[1] as string },
        evidence: [commentEvidence(view, c)],
        reason: `The receiving server recorded cipher=${m[1]}.`,
      };
    }
    return null;
  },
};

export const cipherCommentDoc: RuleDoc = {
  id: cipherComment.id,
  writers: ['Momentum (Ecelerity)', 'Salesforce', 'SparkPost', 'LinkedIn', 'Synacor-hosted ISPs (CenturyLink, RCN, TDS)', 'FireEye ETP'],
  example:
    'from [71.32.3.225] ([71.32.3.225:14080] helo=centurylink.net) by smtp.centurylink.net (envelope-from <shep971@centurylink.net>) (ecelerity 3.6.25.56547 r(Core:3.6.25.0)) with ESMTPSA (cipher=DHE-RSA-AES256-GCM-SHA384) id 55/F0-16539-D4AE2EE5; Thu, 11 Jun 2020 22:37:01 -0400',
  source: 'public list archive (openwrt-devel@openwrt.org, 11 Jun 2020); located with the code-search index, file id 32059261317',
};
