/**
 * When a failed job is tried again: exponential backoff with jitter. The n-th failure waits about
 * base × 2^(n−1), capped, of which half is fixed and half random ("equal jitter"), so jobs that failed
 * together (an SMTP server down) do not all come back in the same second, and none comes back at once.
 */
export interface Backoff {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { baseMs: 30_000, maxMs: 3_600_000 };

/** The wait after the `attempts`-th failed attempt (1 for the first), with `random` in [0, 1). */
export function retryDelayMs(attempts: number, backoff: Backoff = DEFAULT_BACKOFF, random: number = Math.random()): number {
  const ceiling = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}
