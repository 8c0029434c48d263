import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from './database.ts';

/** node:util parseArgs, reporting bad flags as usage errors instead of stack traces. */
export function parseOptions<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

/** A non-negative integer option, or the default. */
export function intOption(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} must be a non-negative integer, not "${String(value)}"`);
  return n;
}
