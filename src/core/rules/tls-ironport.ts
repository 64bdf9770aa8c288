import { type Rule, type RuleDoc, withEvidence } from './rule.js';

// Cisco IronPort / Secure Email joins protocol, TLS and cipher with slashes:
//   by ipex1.fsg.edu with ESMTP/TLS/AES128-SHA; 14 Aug 2013 08:59:29 -0400
const SLASHED = /^[A-Za-z0-9]+\/TLS(?:v?\d(?:[._]\d)?)?(?:\/([A-Za-z0-9_.+-]+))?$/i;

export const ironportSlash: Rule = {
  id: 'tls-ironport-slash',
  kind: 'tls',
  match(view) {
    const word = view.withText;
    if (word === null || word.indexOf('/') === -1) return null;
    const m = SLASHED.exec(word);
    if (!m) return null;
    return {
      tls: { cipher: m[1] ?? null },
      evidence: [withEvidence(view)],
      reason: `The receiving server recorded ${word}: TLS${m[1] ? ` with cipher ${m[1]}` : ''}.`,
    };
  },
};

export const ironportSlashDoc: RuleDoc = {
  id: ironportSlash.id,
  writers: ['Cisco IronPort / Secure Email'],
  example:
    'from jhemtmwex3.win.ad.fsg.edu (HELO exchange.fsg.edu) ([10.181.198.38]) by ipex1.fsg.edu with ESMTP/TLS/AES128-SHA; 14 Aug 2013 08:59:29 -0400',
  source: 'Scribd "email headers example 2" (2013), shared/corpus public-dev.jsonl',
};
