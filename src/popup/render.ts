// The analysis view: the verdict sentence, a one-line summary, warnings, and the hops in transit order
// (sender first, the recipient last). Pure over (document, translate, analysis) so it is unit-tested.
import type { Analysis } from '../core/types.js';
import { formatDelay } from '../report/describe.js';
import type { Translate } from '../ui/i18n.js';
import { verdictText } from '../ui/verdict.js';
import { visibleText } from '../ui/visible.js';
import { el, type IconName, icon } from './dom.js';
import { hopView } from './hop-view.js';
import { authView } from './auth-view.js';
import { timeline } from './timeline.js';

const VERDICT_ICON: Record<Analysis['verdict'], IconName> = { encrypted: 'locked', partial: 'open', plaintext: 'open', unknown: 'unknown' };

/** Seconds from the first dated hop to the last, or null with fewer than two dates. */
export function totalSeconds(a: Analysis): number | null {
  const dates = a.hops.map((h) => (h.date === null ? Number.NaN : Date.parse(h.date))).filter((d) => !Number.isNaN(d));
  if (dates.length < 2) return null;
  return Math.round(((dates[dates.length - 1] as number) - (dates[0] as number)) / 1000);
}

export function renderVerdict(doc: Document, t: Translate, a: Analysis, target: HTMLElement): void {
  target.dataset.verdict = a.verdict;
  target.className = `verdict verdict--${a.error !== null ? 'error' : a.verdict}`;
  target.replaceChildren(icon(doc, VERDICT_ICON[a.verdict]), el(doc, 'span', {}, verdictText(a, t)));
}

export function renderAnalysis(doc: Document, t: Translate, a: Analysis, parts: { verdict: HTMLElement; summary: HTMLElement; warnings: HTMLElement; hops: HTMLOListElement }): void {
  renderVerdict(doc, t, a, parts.verdict);
  const own = a.hops.filter((h) => h.trust === 'recipient').length;
  const total = totalSeconds(a);
  const summary: string[] = [];
  if (a.hops.length > 0) summary.push(t('hopsCount', a.hops.length, own));
  if (total !== null) summary.push(t('totalTime', formatDelay(total)));
  parts.summary.textContent = summary.join(' · ');
  placeTimeline(doc, t, a, parts.summary);
  parts.warnings.parentElement?.querySelector(':scope > section.auth')?.remove();
  const auth = authView(doc, t, a);
  if (auth !== null) parts.warnings.before(auth);
  parts.warnings.hidden = a.warnings.length === 0;
  const list = parts.warnings.querySelector('ul');
  list?.replaceChildren(...a.warnings.map((w) => el(doc, 'li', {}, visibleText(w.message))));
  parts.hops.replaceChildren(...a.hops.map((h) => safeHopView(doc, t, a, h)));
}

/** The delivery timeline right after the summary line, replacing the previous analysis' one. A timeline
 * that cannot be drawn is left out: the hops below say the same. */
function placeTimeline(doc: Document, t: Translate, a: Analysis, summary: HTMLElement): void {
  const old = summary.nextElementSibling;
  if (old?.classList.contains('timeline')) old.remove();
  let svg: SVGSVGElement | null = null;
  try {
    svg = timeline(doc, t, a);
  } catch {
    svg = null;
  }
  if (svg !== null) summary.after(svg);
}

/** One hop that cannot be drawn (a shape no test foresaw) becomes an "unknown" line; the rest still shows. */
function safeHopView(doc: Document, t: Translate, a: Analysis, h: Analysis['hops'][number]): HTMLLIElement {
  try {
    return hopView(doc, t, h, a.hops.length, a.inbound === h.index);
  } catch {
    return el(doc, 'li', { class: 'hop hop--unknown', 'data-testid': 'hop', 'data-transport': 'unknown', 'data-index': String(h.index) }, t('hopRenderFailed', h.index));
  }
}
