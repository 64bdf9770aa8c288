import type { Token } from '../received/tokenize.js';
import { lowerEquals } from '../text.js';
import { type Rule, type RuleDoc, tokenSpan } from './rule.js';

// IIS SMTP service (Exchange 2003, Hotmail until about 2016) writes TLS as words in the by part:
//   by BAY004-PAMC2F9.hotmail.com over TLS secured channel with Microsoft SMTPSVC(7.5.7601.23143)
const WORDS = ['over', 'tls', 'secured', 'channel'];

export const securedChannel: Rule = {
  id: 'tls-secured-channel',
  kind: 'tls',
  match(view) {
    const c = view.parsed.clauses.by;
    if (c === undefined) return null;
    const tokens = view.parsed.tokens;
    for (let i = c.start; i + 3 < c.end; i++) {
      if (WORDS.every((w, k) => {
        const t = tokens[i + k] as Token;
        return t.kind === 'word' && lowerEquals(t.text, w);
      })) {
        return { tls: {}, evidence: [tokenSpan(view, i, i + 3)], reason: 'The receiving server recorded a TLS secured channel.' };
      }
    }
    return null;
  },
};

export const securedChannelDoc: RuleDoc = {
  id: securedChannel.id,
  writers: ['Microsoft IIS SMTPSVC', 'Hotmail (legacy)'],
  example:
    'from github-smtp2a-ext-cp1-prd.iad.github.net ([192.30.252.192]) by BAY004-PAMC2F9.hotmail.com over TLS secured channel with Microsoft SMTPSVC(7.5.7601.23143); Sat, 14 Nov 2015 22:30:08 -0800',
  source: 'gjedeer/paranoia issue #14',
};
