import { cpus, freemem, loadavg, platform, release, totalmem } from 'node:os';

/** What every benchmark file exports; bench/run.ts runs it and stores its result as JSON. */
export interface Benchmark {
  name: string;
  description: string;
  run(log: (line: string) => void): Promise<Record<string, unknown>>;
}

export interface Stats {
  n: number;
  p50: number;
  p99: number;
  mean: number;
  min: number;
  max: number;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Percentiles by nearest rank, in the unit of the samples (ms throughout). */
export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
  const mean = sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1);
  return { n: sorted.length, p50: round(at(0.5)), p99: round(at(0.99)), mean: round(mean), min: round(sorted[0] ?? NaN), max: round(sorted[sorted.length - 1] ?? NaN) };
}

/** The machine a result was measured on, stored with every result. */
export function machine(): Record<string, unknown> {
  const cpu = cpus();
  return {
    cpuModel: cpu[0]?.model ?? 'unknown',
    cpuCount: cpu.length,
    memoryGiB: round(totalmem() / 2 ** 30),
    freeMemoryGiB: round(freemem() / 2 ** 30),
    node: process.version,
    platform: `${platform()} ${release()}`,
    // Other work on the machine skews timings; the 1/5/15-minute load averages show how busy it was.
    loadAverage: loadavg().map(round),
  };
}

/** Times an async function in milliseconds. */
export async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const value = await fn();
  return [performance.now() - start, value];
}

/** The METRICS_TOKEN a benchmark gives the server it starts, so it can read /metrics as a scraper would. */
export const BENCH_METRICS_TOKEN = 'bench-metrics-token-not-a-secret';

/** Times a build's steps: each `lap(name)` logs and records the time since the previous one, in `ms`. */
export function lapTimer(log: (line: string) => void): { ms: Record<string, number>; lap: (name: string) => void } {
  const ms: Record<string, number> = {};
  let t = performance.now();
  return {
    ms,
    lap(name: string) {
      ms[name] = Math.round(performance.now() - t);
      log(`  ${name}: ${ms[name]} ms`);
      t = performance.now();
    },
  };
}
