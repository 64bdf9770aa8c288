// Timing: warm up (long enough for the JIT to settle), then the median of several rounds, each round long
// enough to be above timer noise (a call slower than a round is a round of its own).
import { performance } from 'node:perf_hooks';

export interface Options {
  /** Milliseconds of warm-up, and at least 3 calls. */
  warmMs?: number;
  /** Each round lasts at least about this long. */
  roundMs?: number;
  rounds?: number;
}

/** Calls per round from the warm-up's durations: the mean of its second half, when the code is compiled. */
function perRound(durations: number[], o: Options): number {
  const late = durations.slice(Math.floor(durations.length / 2));
  const perCall = late.reduce((a, b) => a + b, 0) / late.length;
  return Math.max(1, Math.ceil((o.roundMs ?? 30) / Math.max(perCall, 1e-4)));
}

/** Median milliseconds per call of `fn`. */
export function time(fn: () => unknown, o: Options = {}): number {
  const durations: number[] = [];
  const t0 = performance.now();
  while (durations.length < 3 || performance.now() - t0 < (o.warmMs ?? 250)) {
    const t = performance.now();
    fn();
    durations.push(performance.now() - t);
  }
  const n = perRound(durations, o);
  const samples: number[] = [];
  for (let r = 0; r < (o.rounds ?? 7); r++) {
    const t = performance.now();
    for (let i = 0; i < n; i++) fn();
    samples.push((performance.now() - t) / n);
  }
  return median(samples);
}

/** Median milliseconds per call of the async `fn` (each call awaited before the next). */
export async function timeAsync(fn: () => Promise<unknown>, o: Options = {}): Promise<number> {
  const durations: number[] = [];
  const t0 = performance.now();
  while (durations.length < 3 || performance.now() - t0 < (o.warmMs ?? 250)) {
    const t = performance.now();
    await fn();
    durations.push(performance.now() - t);
  }
  const n = perRound(durations, o);
  const samples: number[] = [];
  for (let r = 0; r < (o.rounds ?? 7); r++) {
    const t = performance.now();
    for (let i = 0; i < n; i++) await fn();
    samples.push((performance.now() - t) / n);
  }
  return median(samples);
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

/** A function to time: sync, or async (each call awaited before the next). */
export type Subject = { sync: () => unknown } | { async: () => Promise<unknown> };

async function run(s: Subject, n: number): Promise<number> {
  const t = performance.now();
  if ('sync' in s) for (let i = 0; i < n; i++) s.sync();
  else for (let i = 0; i < n; i++) await s.async();
  return (performance.now() - t) / n;
}

/**
 * Median milliseconds per call of each subject, measured in interleaved rounds (A, B, C, then B, C, A, ...):
 * on a shared machine a busy moment then hits every subject alike, which keeps their ratios honest.
 */
export async function compare<K extends string>(subjects: Record<K, Subject>, o: Options = {}): Promise<Record<K, number>> {
  const keys = Object.keys(subjects) as K[];
  const n = {} as Record<K, number>;
  const samples = {} as Record<K, number[]>;
  for (const k of keys) {
    const durations: number[] = [];
    const t0 = performance.now();
    while (durations.length < 3 || performance.now() - t0 < (o.warmMs ?? 250)) durations.push(await run(subjects[k], 1));
    n[k] = perRound(durations, o);
    samples[k] = [];
  }
  const rounds = o.rounds ?? 7;
  for (let r = 0; r < rounds; r++) {
    for (let j = 0; j < keys.length; j++) {
      const k = keys[(r + j) % keys.length] as K;
      samples[k].push(await run(subjects[k], n[k]));
    }
  }
  const out = {} as Record<K, number>;
  for (const k of keys) out[k] = median(samples[k]);
  return out;
}
