import type { Token } from '../received/tokenize.js';
import { commentEvidence, LEAD, type Rule, type RuleDoc, withEvidence } from './rule.js';

// The message started on the writing host itself: a local program handed it to the mail server.
//   Postfix pickup:  by aaa.bbb.ccc (Postfix, from userid 0) id A70248414D5; Sun, 26 Apr 2020 16:49:01 +0200
//   Sendmail submit: (from root@localhost) by mx4.lab.test (8.17.1.9/8.17.1.9) id 6ASHjgqe030848
//   Exim:            from www-data by ks3306108.kimsufi.com with local (Exim 4.72)
//   qmail:           (qmail 19802 invoked by uid 111); 5 Apr 2018 22:13:04 -0000
//   IIS SMTPSVC:     from mail pickup service by mx.example.com with Microsoft SMTPSVC
//   Haraka outbound: (Haraka outbound); Sat, 28 Nov 2026 18:26:08 +0000   (outbound.ini received_header,
//                    added when the queue relays a message onward; seen in the MTA lab)
const PICKUP_COMMENT = /^\s*(?:[A-Za-z0-9 ._-]{1,40}, )?from userid \d{1,10}\s*$/;
const INVOKED = /^\s*(?:qmail|nullmailer|ezmlm)\b[^()]{0,80}\binvoked\b/i;
const SENDMAIL_FROM = /^\s*from\s+\S{1,256}\s*$/;
const HARAKA_OUTBOUND = /^\s*Haraka outbound\s*$/;
const EXIM_LOCAL = /^local(?:-e?smtps?|-bsmtp)?$/i;

export const localSubmission: Rule = {
  id: 'internal-local-submission',
  kind: 'internal',
  match(view) {
    for (const c of view.comments) {
      const pickup = c.place === 'by' && c.text.includes('from userid') && PICKUP_COMMENT.test(c.text);
      const invoked = (c.place === 'pre' || c.place === 'date') && (c.lead === LEAD.q || c.lead === LEAD.n || c.lead === LEAD.e) && INVOKED.test(c.text);
      if (pickup || invoked) {
        return { transport: 'internal', evidence: [commentEvidence(view, c)], reason: 'A program on the server itself handed the message in; no network hop.' };
      }
      if (c.place === 'pre' && view.from === null && view.by === null && HARAKA_OUTBOUND.test(c.text)) {
        return { transport: 'internal', evidence: [commentEvidence(view, c)], reason: "Haraka's outbound queue noted that it sent the message on; no network hop." };
      }
      if (c.place === 'pre' && view.from === null && SENDMAIL_FROM.test(c.text)) {
        return { transport: 'internal', evidence: [commentEvidence(view, c)], reason: 'Sendmail recorded a local submission by a user of the server; no network hop.' };
      }
    }
    if (view.withText !== null && (view.withText.charCodeAt(0) | 0x20) === 0x6c && EXIM_LOCAL.test(view.withText)) {
      return { transport: 'internal', evidence: [withEvidence(view)], reason: 'The server recorded a local submission; no network hop.' };
    }
    const from = view.parsed.clauses.from;
    if (from !== undefined && view.protocol === 'MICROSOFT') {
      const words = view.parsed.tokens.slice(from.start, from.start + 3).map((t: Token) => t.text.toLowerCase());
      if (words.join(' ') === 'mail pickup service') {
        return { transport: 'internal', evidence: ['from mail pickup service'], reason: 'The IIS pickup folder handed the message in; no network hop.' };
      }
    }
    return null;
  },
};

export const localSubmissionDoc: RuleDoc = {
  id: localSubmission.id,
  writers: ['Postfix pickup', 'Sendmail submit', 'Exim local', 'qmail', 'nullmailer', 'IIS SMTPSVC pickup', 'Haraka outbound'],
  example: 'by aaa.bbb.ccc (Postfix, from userid 0) id A70248414D5; Sun, 26 Apr 2020 16:49:01 +0200 (CEST)',
  source: 'GermanCoding/Roundcube_TLS_Icon test/TlsIconTest.php',
};
