import { commentEvidence, LEAD, type Rule, type RuleDoc, tokenSpan, withEvidence } from './rule.js';

// The provider's own web or API front end handed the message to its mail system: there is no SMTP hop
// between two parties to judge. The person's browser talked to the webmail over HTTPS, which this header
// does not describe.
//   from sonic.gate.mail.ne1.yahoo.com by sonic307.consmr.mail.ir2.yahoo.com with HTTP; ...     (Yahoo)
//   from 384836569573 named unknown by gmailapi.google.com with HTTPREST; ...                    (Gmail API)
//   from [104.145.102.14] ([104.145.102.14]) by 3c-app-mailcom-lxa11.server.lan (via HTTP); ... (mail.com)
//   from AM5PR0402MB2836.eurprd04.prod.outlook.com ([fe80::19bd:c588:dd17:5226]) by ... with mapi id 15.20.1943.023
const HTTP_WORDS = new Set(['HTTP', 'HTTP/1.0', 'HTTP/1.1', 'HTTPREST', 'HTTP-DAV', 'WEBMAIL']);

export const webmailIngest: Rule = {
  id: 'internal-webmail-or-mapi',
  kind: 'internal',
  match(view) {
    const p = view.protocol;
    if (p !== null && HTTP_WORDS.has(p)) {
      return { transport: 'internal', evidence: [withEvidence(view)], reason: "The provider's web or API front end handed the message in; this is not an SMTP hop." };
    }
    if (p === 'MAPI') {
      return { transport: 'internal', evidence: [withEvidence(view)], reason: 'Outlook submitted the message to its Exchange mailbox server over MAPI.' };
    }
    const via = view.parsed.clauses.via;
    if (via !== undefined) {
      const t = view.parsed.tokens[via.start];
      if (t !== undefined && /^HTTP/i.test(t.text)) {
        return { transport: 'internal', evidence: [tokenSpan(view, via.keyword, via.start)], reason: "The provider's web front end handed the message in; this is not an SMTP hop." };
      }
    }
    for (const c of view.comments) {
      if (c.place === 'by' && c.lead === LEAD.v && /^\s*via\s+HTTPS?\s*$/i.test(c.text)) {
        return { transport: 'internal', evidence: [commentEvidence(view, c)], reason: "The provider's web front end handed the message in; this is not an SMTP hop." };
      }
    }
    return null;
  },
};

export const webmailIngestDoc: RuleDoc = {
  id: webmailIngest.id,
  writers: ['Yahoo', 'AOL', 'Gmail API', 'GMX / mail.com', 'T-Online (old webmail)', 'Microsoft Exchange (MAPI)', 'SquirrelMail'],
  example: 'from sonic.gate.mail.ne1.yahoo.com by sonic307.consmr.mail.ir2.yahoo.com with HTTP; Tue, 15 Oct 2019 15:19:05 +0000',
  source: 'public mailing-list archive (research/tls-per-hop-tools.md §3)',
};
