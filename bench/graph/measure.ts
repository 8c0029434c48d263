/**
 * Timing for the graph benchmarks: every sample is in microseconds, and every summary is by nearest rank
 * so p99 over 2,000 samples is the 20th slowest, not an interpolation.
 */
import os from 'node:os';

export interface Summary {
  n: number;
  p50: number;
  p99: number;
  max: number;
  mean: number;
  /** Queries stopped by a statement timeout (SQL only); each counts as the timeout in the percentiles. */
  timeouts?: number;
}

const r1 = (x: number): number => Math.round(x * 10) / 10;

export function summarise(us: number[], timeouts = 0): Summary {
  const s = Float64Array.from(us).sort();
  const q = (p: number): number => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] ?? 0;
  let sum = 0;
  for (const x of s) sum += x;
  const out: Summary = { n: s.length, p50: r1(q(0.5)), p99: r1(q(0.99)), max: r1(s[s.length - 1] ?? 0), mean: r1(sum / Math.max(1, s.length)) };
  if (timeouts > 0) out.timeouts = timeouts;
  return out;
}

/** Runs fn on the warm-up inputs untimed, then times it on each input; `before` runs untimed before every call. */
export function timeSync<T>(inputs: readonly T[], warmup: readonly T[], fn: (x: T) => unknown, before?: () => void): Summary {
  let sink = 0;
  for (const x of warmup) {
    before?.();
    if (fn(x)) sink++;
  }
  const us = new Array<number>(inputs.length);
  for (let i = 0; i < inputs.length; i++) {
    before?.();
    const t0 = performance.now();
    const r = fn(inputs[i]!);
    us[i] = (performance.now() - t0) * 1000;
    if (r) sink++;
  }
  if (sink < 0) console.log(sink);
  return summarise(us);
}

export interface AsyncTiming {
  /** Stop timing new inputs once this much wall time has gone by (the summary says how many ran). */
  budgetMs: number;
  /** How a timed-out call is recognised, and the time it is counted as. */
  isTimeout?: (err: unknown) => boolean;
  timeoutUs?: number;
}

/** Like timeSync for async calls, one at a time, within a wall-time budget. */
export async function timeAsync<T>(inputs: readonly T[], warmup: readonly T[], fn: (x: T) => Promise<unknown>, opts: AsyncTiming): Promise<Summary> {
  const started = performance.now();
  let timeouts = 0;
  const run = async (x: T): Promise<number> => {
    const t0 = performance.now();
    try {
      await fn(x);
      return (performance.now() - t0) * 1000;
    } catch (err) {
      if (!opts.isTimeout?.(err)) throw err;
      timeouts++;
      return opts.timeoutUs ?? (performance.now() - t0) * 1000;
    }
  };
  for (const x of warmup) {
    if (performance.now() - started > opts.budgetMs / 4) break;
    await run(x);
  }
  timeouts = 0;
  const us: number[] = [];
  for (const x of inputs) {
    if (performance.now() - started > opts.budgetMs) break;
    us.push(await run(x));
  }
  return summarise(us, timeouts);
}

/** How many times slower `other` is than `base`, at p50 and p99 (one decimal; ≥ 1 means the base is faster). */
export function ratio(other: Summary | undefined, base: Summary | undefined): { p50: number; p99: number } | null {
  if (!other || !base || other.n === 0 || base.n === 0) return null;
  const q = (a: number, b: number): number => (b > 0 ? r1(a / b) : Infinity);
  return { p50: q(other.p50, base.p50), p99: q(other.p99, base.p99) };
}

/** 1-, 5- and 15-minute load averages: other work on this 2-core machine skews every timing. */
export function loadAverage(): number[] {
  return os.loadavg().map((x) => Math.round(x * 100) / 100);
}

export function ms(since: number): number {
  return Math.round(performance.now() - since);
}

export function log(line: string): void {
  const t = new Date().toISOString().slice(11, 19);
  console.log(`[${t} load ${loadAverage()[0]}] ${line}`);
}
