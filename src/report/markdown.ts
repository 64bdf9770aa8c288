// The report for tickets: Markdown that reads well pasted into GitHub, GitLab, Jira (Markdown mode) or Zendesk.
import { visibleText } from '../ui/visible.js';
import type { Analysis } from '../core/types.js';
import { formatDelay, hostOf, tlsSummary, yesNo } from './describe.js';

/** Header text is hostile: escape what Markdown would turn into links, emphasis, HTML or table breaks. */
export function mdEscape(text: string): string {
  return visibleText(text).replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`);
}

/** `verdict`: the verdict sentence in the report's language (the CLI: verdictSentence, English). */
export function renderMarkdown(a: Analysis, title: string | null, verdict: string): string {
  const out: string[] = [];
  out.push(`### Hoplock report${title === null ? '' : `: ${mdEscape(title)}`}`, '');
  out.push(`**Verdict: ${a.verdict}.** ${mdEscape(verdict)}`, '');
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
  out.push(...authenticationLines(a));
  if (a.warnings.length > 0) {
    out.push('**Warnings**', '');
    for (const w of a.warnings) out.push(`- ${w.hop === null ? '' : `Hop ${w.hop}: `}${mdEscape(w.message)}`);
    out.push('');
  }
  if (a.timeline.totalSeconds !== null) out.push(`Total time from the first hop to the last: ${formatDelay(a.timeline.totalSeconds)}.`, '');
  out.push('_Hops below the inbound hop were written upstream and could have been forged by the sender._');
  return `${out.join('\n')}\n`;
}

/** SPF, DKIM, DMARC and ARC from the recipient's own Authentication-Results, for the ticket. */
function authenticationLines(a: Analysis): string[] {
  const auth = a.authentication;
  if (auth === null) return [];
  const out: string[] = [];
  const rows: string[][] = [];
  if (auth.spf) rows.push(['SPF', auth.spf.result, auth.spf.domain ?? '', aligned(auth.spf.aligned)]);
  for (const d of auth.dkim) rows.push(['DKIM', d.result, `${d.domain ?? ''}${d.selector ? ` (s=${d.selector})` : ''}`, aligned(d.aligned)]);
  if (auth.dmarc) rows.push(['DMARC', auth.dmarc.result, auth.dmarc.headerFrom ?? '', auth.dmarc.policy ? `p=${auth.dmarc.policy}` : '']);
  if (auth.arc.result !== null || auth.arc.instances > 0) rows.push(['ARC', auth.arc.result ?? '', auth.arc.highest?.domain ?? '', `${auth.arc.instances} instance(s)`]);
  if (rows.length > 0 || auth.tlsRequiredNo) {
    const from = auth.source === null ? 'no Authentication-Results header' : `${auth.source.authservId ?? 'the top Authentication-Results'}${auth.source.trusted ? '' : ' (not known to be the recipient’s own)'}`;
    out.push(`**Authentication** (from ${mdEscape(from)})`, '');
    if (rows.length > 0) {
      out.push('| Check | Result | Domain | Alignment |', '|---|---|---|---|');
      for (const r of rows) out.push(`| ${r.map(mdEscape).join(' | ')} |`);
      out.push('');
    }
    if (auth.ignored.length > 0) out.push(`_${auth.ignored.length} lower or foreign Authentication-Results header(s) ignored: they could have been written by the sender._`, '');
    if (auth.tlsRequiredNo && auth.tlsRequiredNoExplanation) out.push(`**TLS-Required: No** ${mdEscape(auth.tlsRequiredNoExplanation)}`, '');
  }
  return out;
}

function aligned(v: boolean | null): string {
  return v === null ? '' : v ? 'aligned with From' : 'not aligned';
}
