// One Received field into one hop of the report (before chain-level facts: index, delay, trust).
import { classify } from './classify.js';
import { isoString } from './dates.js';
import type { Field } from './fields.js';
import { viewReceived } from './received/view.js';
import type { Hop, Warning } from './types.js';

export interface HopDraft {
  hop: Hop;
  /** Milliseconds since the epoch, or null. */
  ms: number | null;
  warnings: Omit<Warning, 'hop'>[];
}

export function hopFromField(field: Field, headerIndex: number): HopDraft {
  const view = viewReceived(field.value);
  const c = classify(view);
  const warnings: Omit<Warning, 'hop'>[] = [];
  const p = view.parsed;
  let ms: number | null = null;
  if (p.date === null) {
    warnings.push({ code: 'date-missing', message: 'This Received header has no date.' });
  } else if (p.date.ok) {
    ms = p.date.date.ms;
    if (p.date.date.note !== null) warnings.push({ code: 'date-ambiguous', message: `Date "${p.dateText}": ${p.date.date.note}.` });
  } else {
    const implausible = /implausible|impossible/.test(p.date.problem);
    warnings.push({
      code: implausible ? 'date-implausible' : 'date-unparseable',
      message: `Date "${clipText(p.dateText ?? '', 80)}" was not used: ${p.date.problem}.`,
    });
  }
  for (const id of c.failed) warnings.push({ code: 'rule-failed', message: `The ${id} rule failed on this header; the hop is judged without it.` });
  if (p.truncated) warnings.push({ code: 'field-truncated', message: `Only the first ${p.value.length} characters of this Received header were read.` });
  if (p.unbalanced) warnings.push({ code: 'unbalanced-comment', message: 'An opening parenthesis in this Received header is never closed; it was read as text.' });
  if (view.from === null && view.by === null && c.transport === 'unknown') {
    warnings.push({ code: 'unparsed-received', message: 'This Received header has neither a from nor a by part; Hoplock could not read it.' });
  }
  const hop: Hop = {
    index: 0,
    headerIndex,
    from: view.from,
    by: view.by,
    with: view.withText,
    id: view.id,
    for: view.for,
    date: ms === null ? null : isoString(ms),
    delaySeconds: null,
    transport: c.transport,
    tls: c.tls,
    strength: c.strength,
    authenticated: c.authenticated,
    trust: 'upstream',
    evidence: c.evidence,
    raw: field.value,
    rules: c.rules,
    reason: c.reason,
    weaknesses: c.weaknesses,
    peer: view.peer,
  };
  return { hop, ms, warnings };
}

export function clipText(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
