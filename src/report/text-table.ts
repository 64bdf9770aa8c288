// The CLI's default output: a readable table of the hops in transit order.
import { visibleText } from '../ui/visible.js';
import type { Analysis, Hop } from '../core/types.js';
import { formatDelay, hostOf, tlsSummary, verdictSentence, yesNo } from './describe.js';

const MAX_CELL = 42;


/** Header text reaches a terminal: control, bidi and zero-width characters are shown, never obeyed. */
const safe = visibleText;

function cell(text: string, width: number): string {
  const t = safe(text);
  const clipped = t.length > width ? `${t.slice(0, width - 1)}…` : t;
  return clipped.padEnd(width);
}

function row(h: Hop, inbound: number | null): string[] {
  return [
    `${h.index}${h.index === inbound ? '*' : ''}`,
    h.transport,
    `${hostOf(h.from)} → ${hostOf(h.by)}`,
    h.with ?? '',
    tlsSummary(h),
    h.tls === null ? '' : yesNo(h.tls.forwardSecret),
    h.authenticated === true ? 'yes' : '',
    formatDelay(h.delaySeconds),
    h.trust,
  ];
}

export function renderTable(a: Analysis, title: string | null): string {
  const out: string[] = [];
  if (title !== null) out.push(`hoplock: ${safe(title)}`);
  out.push(`Verdict: ${a.verdict} — ${safe(verdictSentence(a))}`);
  if (a.hops.length > 0) {
    const head = ['#', 'transport', 'from → by', 'with', 'tls', 'fs', 'auth', 'delay', 'trust'];
    const rows = a.hops.map((h) => row(h, a.inbound));
    const widths = head.map((hd, i) => Math.min(MAX_CELL, Math.max(hd.length, ...rows.map((r) => safe(r[i] as string).length))));
    const line = (cells: string[]) => cells.map((c, i) => cell(c, widths[i] as number)).join('  ').trimEnd();
    out.push('', line(head), line(widths.map((w) => '-'.repeat(w))));
    for (const r of rows) out.push(line(r));
    if (a.inbound !== null) out.push('', `* hop ${a.inbound} is where the message entered the recipient's side (the most trustworthy record).`);
  }
  if (a.warnings.length > 0) {
    out.push('', 'Warnings:');
    for (const w of a.warnings) out.push(`  - ${w.hop === null ? '' : `hop ${w.hop}: `}${safe(w.message)}`);
  }
  return `${out.join('\n')}\n`;
}
