import { commentEvidence, LEAD, type Rule, type RuleDoc } from './rule.js';

// A content filter's own header, written when it hands the message back to the MTA on the same machine:
//   from shell.v3.sk ([127.0.0.1]) by localhost (zimbra.v3.sk [127.0.0.1]) (amavisd-new, port 10032) with ESMTP
const FILTER = /^\s*(?:amavisd?(?:-new)?|amavis|clamsmtpd?|spampd|dspam|mailscanner)\b/i;

export const contentFilter: Rule = {
  id: 'internal-content-filter',
  kind: 'internal',
  match(view) {
    for (const c of view.comments) {
      const lead = c.lead; // amavis, clamsmtp, spampd, dspam, mailscanner
      if (c.place === 'by' && (lead === LEAD.a || lead === LEAD.c || lead === LEAD.s || lead === LEAD.d || lead === LEAD.m) && FILTER.test(c.text)) {
        return { transport: 'internal', evidence: [commentEvidence(view, c)], reason: 'A content filter on the same server handed the message back.' };
      }
    }
    return null;
  },
};

export const contentFilterDoc: RuleDoc = {
  id: contentFilter.id,
  writers: ['amavisd-new', 'clamsmtp', 'MailScanner'],
  example:
    'from shell.v3.sk ([127.0.0.1]) by localhost (zimbra.v3.sk [127.0.0.1]) (amavisd-new, port 10032) with ESMTP id hbBzWBR7Xul8; Mon, 13 May 2019 09:56:49 +0200 (CEST)',
  source: 'platform-driver-x86 archive via lfdr.de, 2019 (shared/corpus zimbra-amavis-postfix-2019)',
};
