/**
 * What the fault tests share: spawned servers and scratch directories cleaned up after the file, a
 * problem+json answer read with its timing, a gauge read from /metrics, and (as root) small tmpfs mounts
 * that play a full disk.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnServer, type SpawnedServer } from '../spawned-server.ts';

/** Scratch directories, spawned servers and mounts of one test file, undone by cleanUp() (in afterAll). */
export class FaultKit {
  private readonly dirs: string[] = [];
  private readonly servers: SpawnedServer[] = [];
  private readonly mounts: string[] = [];

  scratchDir(prefix: string): string {
    const dir = mkdtempSync(join(tmpdir(), `rapport-${prefix}-`));
    this.dirs.push(dir);
    return dir;
  }

  async spawn(dataDir: string, env: Record<string, string>): Promise<SpawnedServer> {
    const s = await spawnServer(dataDir, env);
    this.servers.push(s);
    return s;
  }

  /** A tmpfs of `bytes` mounted on `dir` (root only): a disk that fills up for real. */
  mountTmpfs(dir: string, bytes: number): void {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes},mode=0700`, 'tmpfs', dir]);
    this.mounts.push(dir);
  }

  async cleanUp(): Promise<void> {
    for (const s of this.servers) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
    await Promise.all(this.servers.map((s) => s.exited));
    for (const m of this.mounts.reverse()) execFileSync('umount', ['-l', m]);
    for (const d of this.dirs) rmSync(d, { recursive: true, force: true });
  }
}

/**
 * Why a test that needs to mount a tmpfs cannot run here, or null when it can: it must run as root (CI
 * does) and the kernel must let it mount (not inside a container without CAP_SYS_ADMIN).
 */
export function cannotMountTmpfs(): string | null {
  if (process.getuid?.() !== 0) return 'not root: mounting a small tmpfs to fill needs root';
  const dir = mkdtempSync(join(tmpdir(), 'rapport-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'ignore' });
    execFileSync('umount', [dir], { stdio: 'ignore' });
    return null;
  } catch (err) {
    return `mount -t tmpfs failed (${(err as Error).message.split('\n')[0]})`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface Answer {
  status: number;
  type: string | null;
  code: unknown;
  retryAfter: string | null;
  ms: number;
}

/** Makes a request and reads its answer as a problem (or not), timed from the call to the body read. */
export async function timedAnswer(call: () => Promise<Response>): Promise<Answer> {
  const t = performance.now();
  const res = await call();
  const body = (await res.json().catch(() => null)) as { code?: unknown } | null;
  return { status: res.status, type: res.headers.get('content-type'), code: body?.code, retryAfter: res.headers.get('retry-after'), ms: performance.now() - t };
}

/** One unlabelled sample from the Prometheus text at /metrics (with the operator's bearer token). */
export async function metric(url: string, token: string, name: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } })).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  if (!line) throw new Error(`no ${name} in /metrics`);
  return Number(line.split(' ')[1]);
}
