import { setTimeout as sleep } from 'node:timers/promises';

/** Polls `check` until it holds or `ms` pass; answers how long it took (or throws the last failure). */
export async function within(ms: number, check: () => Promise<void>): Promise<number> {
  const started = performance.now();
  for (;;) {
    try {
      await check();
      return performance.now() - started;
    } catch (err) {
      if (performance.now() - started > ms) throw err;
      await sleep(10);
    }
  }
}
