import { LEAD, type Rule, type RuleDoc, tokenSpan } from './rule.js';

// A comment after the protocol word that says only TLS, or TLS and its version, and nothing else:
//   by fireflyinternet.com (Firefly Internet (M1)) with ESMTP (TLS) id 18276809-1500050 for multiple
// The protocol word says ESMTP: the comment is the server's record of the session, and it is what counts.
// Two forms are other rules': Exchange's `with Microsoft SMTP Server (TLS)` (tls-microsoft-smtp-server), and
// Exim's version comment before the word `tls` and the suite, `with esmtps (TLS1.3) tls TLS_AES_256_GCM_SHA384`
// (tls-word-suite).
const MARKER = /^\s*((?:TLS|SSL)(?:v?\d(?:[._]\d)?)?)\s*$/i;
const BARE = /^(?:TLS|SSL)$/i;

export const markerComment: Rule = {
  id: 'tls-marker-comment',
  kind: 'tls',
  match(view) {
    if (view.protocol === 'MICROSOFT') return null;
    const keyword = view.parsed.clauses.with?.keyword;
    if (keyword === undefined) return null;
    for (const c of view.comments) {
      if (c.place !== 'with' || (c.lead !== LEAD.t && c.lead !== LEAD.s) || view.tlsWords.includes(c.token + 1)) continue;
      const m = MARKER.exec(c.text);
      if (!m) continue;
      const word = m[1] as string;
      const version = BARE.test(word) ? null : word;
      return {
        tls: { version },
        evidence: [tokenSpan(view, keyword, c.token)],
        reason:
          version === null
            ? `The receiving server recorded that the session used ${word.toUpperCase()}, without the version or cipher.`
            : `The receiving server recorded ${version}, without the cipher.`,
      };
    }
    return null;
  },
};

export const markerCommentDoc: RuleDoc = {
  id: markerComment.id,
  writers: ['Firefly Internet (M1)'],
  example:
    'from localhost (unverified [78.156.65.138]) by fireflyinternet.com (Firefly Internet (M1)) with ESMTP (TLS) id 18276809-1500050 for multiple; Tue, 27 Aug 2019 12:44:29 +0100',
  source: 'public list archive (Chris Wilson, 27 Aug 2019, intel-gfx and dri-devel lists); located with the code-search index, file id 1219931170',
};
