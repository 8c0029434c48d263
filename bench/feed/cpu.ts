/**
 * CPU time spent, as opposed to time waited: on a machine shared with other work, a request's wall time is
 * mostly the queue for the cores, while the CPU it used is its own. PostgreSQL's share is read from
 * /proc/<pid>/stat of the backends serving one database (so only when the server runs on this machine;
 * NaN otherwise).
 */
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type pg from 'pg';

let ticksPerSecond = 0;
function clockTicks(): number {
  if (!ticksPerSecond) {
    try {
      ticksPerSecond = Number(execSync('getconf CLK_TCK', { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** CPU milliseconds (user + system) of each client backend connected to `database`, by pid. */
export async function backendCpu(client: pg.Client | pg.Pool, database: string): Promise<Map<number, number>> {
  const r = await client.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
    [database],
  );
  const out = new Map<number, number>();
  for (const { pid } of r.rows) out.set(pid, processCpuMs(pid));
  return out;
}

/** CPU milliseconds (user + system) a process on this machine has used, NaN when it is gone. */
export function processCpuMs(pid: number): number {
  try {
    // Fields after the command name in parentheses: utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks();
  } catch {
    return NaN;
  }
}

/** CPU milliseconds the backends used between two readings (a backend that appeared in between counts whole). */
export function cpuSpent(before: Map<number, number>, after: Map<number, number>): number {
  let ms = 0;
  for (const [pid, t] of after) ms += t - (before.get(pid) ?? 0);
  return ms;
}
