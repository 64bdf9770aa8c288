// The report for tickets: Markdown that reads well pasted into GitHub, GitLab, Jira (Markdown mode) or Zendesk.
import { visibleText } from '../ui/visible.js';
import type { Analysis } from '../core/types.js';
import { formatDelay, hostOf, tlsSummary, verdictSentence, yesNo } from './describe.js';

/** Header text is hostile: escape what Markdown would turn into links, emphasis, HTML or table breaks. */
export function mdEscape(text: string): string {
  return visibleText(text).replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`);
}

export function renderMarkdown(a: Analysis, title: string | null): string {
  const out: string[] = [];
  out.push(`### Hoplock report${title === null ? '' : `: ${mdEscape(title)}`}`, '');
  out.push(`**Verdict: ${a.verdict}.** ${mdEscape(verdictSentence(a))}`, '');
  if (a.message.subject !== null) out.push(`Subject: ${mdEscape(a.message.subject)}  `);
  if (a.message.from !== null) out.push(`From: ${mdEscape(a.message.from)}  `);
  if (a.message.subject !== null || a.message.from !== null) out.push('');
  if (a.hops.length > 0) {
    out.push('| # | Transport | From | By | Protocol | TLS | Forward secrecy | Auth | Delay | Written by |');
    out.push('|---|---|---|---|---|---|---|---|---|---|');
    for (const h of a.hops) {
      const cells = [
        `${h.index}${h.index === a.inbound ? ' (inbound)' : ''}`,
        h.transport + (h.strength === 'weak' ? ' (weak)' : ''),
        hostOf(h.from) + (h.from?.ip && hostOf(h.from) !== h.from.ip ? ` [${h.from.ip}]` : ''),
        hostOf(h.by),
        h.with ?? '',
        tlsSummary(h),
        h.tls === null ? '' : yesNo(h.tls.forwardSecret),
        h.authenticated === null ? '?' : h.authenticated ? 'yes' : 'no',
        formatDelay(h.delaySeconds),
        h.trust === 'recipient' ? 'recipient side' : 'upstream (claimed)',
      ];
      out.push(`| ${cells.map(mdEscape).join(' | ')} |`);
    }
    out.push('');
  }
  if (a.warnings.length > 0) {
    out.push('**Warnings**', '');
    for (const w of a.warnings) out.push(`- ${w.hop === null ? '' : `Hop ${w.hop}: `}${mdEscape(w.message)}`);
    out.push('');
  }
  out.push('_Hops below the inbound hop were written upstream and could have been forged by the sender._');
  return `${out.join('\n')}\n`;
}
