import { commentEvidence, LEAD, type Rule, type RuleDoc, serverComments } from './rule.js';

// Gmail's hand-off between its own front ends, written instead of version/cipher:
//   by mx.google.com with SMTPS id y17sor2365228pll.68.2018.11.26.14.40.05 for <linux-mm@kvack.org>
//   (Google Transport Security); Mon, 26 Nov 2018 14:40:05 -0800 (PST)
export const googleTransportSecurity: Rule = {
  id: 'tls-google-transport-security',
  kind: 'tls',
  match(view) {
    for (const c of serverComments(view)) {
      if (c.lead === LEAD.g && c.text.trim().toLowerCase() === 'google transport security') {
        return { tls: {}, evidence: [commentEvidence(view, c)], reason: "Gmail recorded the hop as protected by Google's transport security." };
      }
    }
    return null;
  },
};

export const googleTransportSecurityDoc: RuleDoc = {
  id: googleTransportSecurity.id,
  writers: ['Gmail'],
  example:
    'from mail-sor-f65.google.com (mail-sor-f65.google.com. [209.85.220.65]) by mx.google.com with SMTPS id y17sor2365228pll.68.2018.11.26.14.40.05 for <linux-mm@kvack.org> (Google Transport Security); Mon, 26 Nov 2018 14:40:05 -0800 (PST)',
  source: 'linux-mm archive (kvack.org), 2018, shared/corpus public-dev.jsonl',
};
