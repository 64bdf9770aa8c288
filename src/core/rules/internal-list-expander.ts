import type { Token } from '../received/tokenize.js';
import { commentEvidence, type Rule, type RuleDoc, tokenSpan } from './rule.js';

// A mailing-list manager re-sending a post to its subscribers (ZMailer's list expander at vger.kernel.org):
//   (majordomo@vger.kernel.org) by vger.kernel.org via listexpand id S232193AbjHIKqq (ORCPT <rfc822;x>)
const LIST_VIA = /^(?:listexpand|list|mailman|sympa|majordomo|ezmlm|listserv)$/i;
const LIST_OWNER = /^\s*[A-Za-z0-9._-]{0,40}(?:majordomo|mailman|sympa|listserv|ezmlm|-owner|-bounces)[A-Za-z0-9._-]{0,40}@\S{1,200}\s*$/i;

export const listExpander: Rule = {
  id: 'internal-list-expander',
  kind: 'internal',
  match(view) {
    const via = view.parsed.clauses.via;
    if (via !== undefined && view.from === null) {
      const t = view.parsed.tokens[via.start] as Token | undefined;
      if (t !== undefined && LIST_VIA.test(t.text)) {
        return { transport: 'internal', evidence: [tokenSpan(view, via.keyword, via.start)], reason: 'A mailing-list manager re-sent the message to its subscribers.' };
      }
    }
    if (view.from === null && view.withText === null) {
      for (const c of view.comments) {
        if (c.place === 'pre' && LIST_OWNER.test(c.text)) {
          return { transport: 'internal', evidence: [commentEvidence(view, c)], reason: 'A mailing-list manager re-sent the message to its subscribers.' };
        }
      }
    }
    return null;
  },
};

export const listExpanderDoc: RuleDoc = {
  id: listExpander.id,
  writers: ['ZMailer list expander (vger.kernel.org)', 'Majordomo', 'Mailman', 'Sympa'],
  example:
    '(majordomo@vger.kernel.org) by vger.kernel.org via listexpand id S232193AbjHIKqq (ORCPT <rfc822;lists+stable@lfdr.de>); Wed, 9 Aug 2023 06:46:46 -0400',
  source: 'stable@vger.kernel.org archive via lfdr.de, 2023 (shared/corpus kernelorg-stable-2023)',
};
