// The delivery-time timeline under the summary (issue 8): one row per hop in transit order (sender first), a
// dot at the time the hop was written, measured from the earliest dated hop and scaled to the whole span, a
// bar from the previous dated hop, and the delay in a column of its own so labels never overlap. A clock
// running behind (delaySeconds < 0) is a dashed bar and a triangle in the warning colour, labelled "clock
// skew"; a hop without a date is a dashed ring with "?", labelled "no date": shape and word, never colour
// alone. Built node by node with createElementNS (dom.ts rules: header text only as text nodes, and none of
// it is shown here). Pure over (document, translate, analysis).
import type { Analysis, Hop } from '../core/types.js';
import { formatDelay } from '../report/describe.js';
import type { Translate } from '../ui/i18n.js';

const SVG = 'http://www.w3.org/2000/svg';

// Geometry in CSS pixels: the popup's content is 436 wide (460 minus its padding).
const WIDTH = 436;
const ROW = 20;
const TOP = 4;
const AXIS = 24;
/** "Hop 12" / "Teilstrecke 12" on the left, the plot, then the delay labels on the right. */
const PLOT_LEFT = 92;
const PLOT_RIGHT = 286;
const LABEL_X = 300;

type Step =
  | { kind: 'undated'; hop: Hop }
  | { kind: 'start'; hop: Hop; ms: number }
  | { kind: 'delay'; hop: Hop; ms: number; prevMs: number; seconds: number };

function node<K extends keyof SVGElementTagNameMap>(doc: Document, tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const n = doc.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, String(v));
  if (text !== undefined) n.append(doc.createTextNode(text));
  return n;
}

/** Milliseconds of a hop's date, or null when it has none (or one that does not parse). */
function msOf(hop: Hop): number | null {
  if (hop.date === null) return null;
  const ms = Date.parse(hop.date);
  return Number.isNaN(ms) ? null : ms;
}

/** Each hop's place: the core's delay when it gave one, else the time since the previous dated hop. */
function stepsOf(hops: readonly Hop[]): Step[] {
  let prevMs: number | null = null;
  return hops.map((hop): Step => {
    const ms = msOf(hop);
    if (ms === null) return { kind: 'undated', hop };
    const before = prevMs;
    prevMs = ms;
    if (before === null) return { kind: 'start', hop, ms };
    return { kind: 'delay', hop, ms, prevMs: before, seconds: hop.delaySeconds ?? Math.round((ms - before) / 1000) };
  });
}

/** The timeline, or null with fewer than two dated hops (nothing to draw between). */
export function timeline(doc: Document, t: Translate, a: Analysis): SVGSVGElement | null {
  const steps = stepsOf(a.hops);
  const dated = steps.filter((s): s is Exclude<Step, { kind: 'undated' }> => s.kind !== 'undated');
  const first = dated[0];
  const last = dated[dated.length - 1];
  if (first === undefined || last === undefined || dated.length < 2) return null;
  const min = Math.min(...dated.map((s) => s.ms));
  const span = Math.max(...dated.map((s) => s.ms)) - min;
  const x = (ms: number) => Math.round(span === 0 ? PLOT_LEFT : PLOT_LEFT + ((ms - min) / span) * (PLOT_RIGHT - PLOT_LEFT));
  const total = formatDelay(Math.round((last.ms - first.ms) / 1000));
  const height = TOP + steps.length * ROW + AXIS;

  const spoken: string[] = [];
  const svg = node(doc, 'svg', { viewBox: `0 0 ${WIDTH} ${height}`, width: WIDTH, height, class: 'timeline', role: 'img', 'data-testid': 'timeline' });
  steps.forEach((s, i) => {
    const y = TOP + i * ROW + ROW / 2;
    const row = node(doc, 'g', { class: `tl-row tl-${s.kind === 'delay' && s.seconds < 0 ? 'skew' : s.kind}`, 'data-index': s.hop.index });
    row.append(node(doc, 'text', { x: 0, y: y + 4, class: 'tl-hop' }, t('timelineHop', s.hop.index)));
    if (s.kind === 'undated') {
      row.append(
        node(doc, 'circle', { cx: PLOT_LEFT, cy: y, r: 6, class: 'tl-ring' }),
        node(doc, 'text', { x: PLOT_LEFT, y: y + 4, 'text-anchor': 'middle', class: 'tl-mark' }, '?'),
        node(doc, 'text', { x: LABEL_X, y: y + 4, class: 'tl-label' }, t('timelineNoDate')),
      );
      spoken.push(t('timelineStepNoDate', s.hop.index));
    } else if (s.kind === 'start') {
      row.append(node(doc, 'circle', { cx: x(s.ms), cy: y, r: 4, class: 'tl-dot' }), node(doc, 'text', { x: LABEL_X, y: y + 4, class: 'tl-label' }, t('timelineStart')));
      spoken.push(t('timelineStepStart', s.hop.index));
    } else {
      const at = x(s.ms);
      const skew = s.seconds < 0;
      row.append(node(doc, 'line', { x1: x(s.prevMs), y1: y, x2: at, y2: y, class: 'tl-bar' }));
      // Skew: a triangle pointing up (a warning sign's shape) instead of the dot.
      row.append(skew ? node(doc, 'path', { d: `M${at} ${y - 6}L${at + 6} ${y + 5}H${at - 6}Z`, class: 'tl-tri' }) : node(doc, 'circle', { cx: at, cy: y, r: 4, class: 'tl-dot' }));
      const delay = formatDelay(Math.abs(s.seconds));
      row.append(node(doc, 'text', { x: LABEL_X, y: y + 4, class: 'tl-label' }, skew ? t('timelineSkew', delay) : t('hopDelay', delay)));
      spoken.push(skew ? t('timelineStepSkew', s.hop.index, delay) : t('timelineStep', s.hop.index, delay));
    }
    svg.append(row);
  });

  // The axis: from the earliest to the latest date, and the total from the first dated hop to the last.
  const ay = TOP + steps.length * ROW + 6;
  const axis = node(doc, 'g', { class: 'tl-axis' });
  axis.append(
    node(doc, 'line', { x1: PLOT_LEFT, y1: ay, x2: PLOT_RIGHT, y2: ay }),
    node(doc, 'line', { x1: PLOT_LEFT, y1: ay - 3, x2: PLOT_LEFT, y2: ay + 3 }),
    node(doc, 'line', { x1: PLOT_RIGHT, y1: ay - 3, x2: PLOT_RIGHT, y2: ay + 3 }),
    node(doc, 'text', { x: PLOT_LEFT, y: ay + 15, 'text-anchor': 'start' }, formatDelay(0)),
    node(doc, 'text', { x: PLOT_RIGHT, y: ay + 15, 'text-anchor': 'end' }, formatDelay(Math.round(span / 1000))),
    node(doc, 'text', { x: LABEL_X, y: ay + 4, class: 'tl-total' }, t('timelineTotal', total)),
  );
  svg.append(axis);
  svg.setAttribute('aria-label', t('timelineLabel', total, spoken.join('; ')));
  return svg;
}
