// The delivery-time view (issue 8): per hop, when it happened relative to the first dated hop, its delay,
// and whether its clock disagrees with the hop before it; plus the total time from first to last hop.
import { CLOCK_SKEW_SECONDS } from './limits.js';
import type { Hop, Timeline } from './types.js';

/** `dates`: each hop's date in milliseconds, as the chain read it (parsing `hop.date` again cost 3% of the whole
 * analysis in a CPU profile, node 20). */
export function timelineOf(hops: readonly Hop[], dates: readonly (number | null)[]): Timeline {
  let first: number | null = null;
  let last: number | null = null;
  const points = hops.map((h, k) => {
    const ms = dates[k] ?? Number.NaN;
    if (Number.isNaN(ms)) return { hop: h.index, offsetSeconds: null, delaySeconds: h.delaySeconds, skew: false };
    if (first === null) first = ms;
    last = ms;
    return { hop: h.index, offsetSeconds: Math.round((ms - first) / 1000), delaySeconds: h.delaySeconds, skew: h.delaySeconds !== null && h.delaySeconds < -CLOCK_SKEW_SECONDS };
  });
  const dated = points.filter((p) => p.offsetSeconds !== null).length;
  const total = first !== null && last !== null && dated >= 2 ? Math.round(((last as number) - (first as number)) / 1000) : null;
  return { points, totalSeconds: total };
}
