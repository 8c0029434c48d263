/**
 * The embedded database under ordinary load: a demo community (`npm run demo -- --members 300`) in a PGlite
 * data directory, the real server (server/main.ts) in a child process, and autocannon playing 50 members
 * who read profiles, search and open My Network as fast as the server answers. Meanwhile probes time what
 * must never wait behind that queue: `/healthz` (liveness), `/readyz` (one query) and signing in.
 * Each probe is also timed on the idle server first, so the cost of the load is plain.
 *
 * Knobs (environment): EMBEDDED_LOAD_MEMBERS (300), EMBEDDED_LOAD_READERS (50), EMBEDDED_LOAD_SECONDS (20).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { asc } from 'drizzle-orm';
import { DEMO_PASSWORD } from '../scripts/demo/load.ts';
import { createAccessToken } from '../server/commands/auth/sessions.ts';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/connection.ts';
import { members, profiles } from '../server/db/schema.ts';
import { type Benchmark, type Stats, stats } from './lib.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const MEMBERS = Number(process.env.EMBEDDED_LOAD_MEMBERS ?? 300);
const READERS = Number(process.env.EMBEDDED_LOAD_READERS ?? 50);
const SECONDS = Number(process.env.EMBEDDED_LOAD_SECONDS ?? 20);
// Low enough that a sign-in measures the wait for the database rather than the hash (17, the default, costs ~0.3 s of CPU).
const SCRYPT_LOG_N = '14';
const PROBE_EVERY_MS = { healthz: 200, readyz: 500, signIn: 1000 };

interface Reply {
  status: number;
  body: string;
  ms: number;
}

function request(port: number, agent: http.Agent, method: string, path: string, body?: unknown): Promise<Reply> {
  const t0 = performance.now();
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path, method, agent, headers: payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {} },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, ms: performance.now() - t0 }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** The environment of the demo and the server: the data directory, quiet logs, no limits that would cap the load. */
function environment(dataDir: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    NODE_ENV: 'production',
    RAPPORT_DATA_DIR: dataDir,
    SCRYPT_LOG_N,
    LOG_LEVEL: 'warn',
    PORT: '0',
    HOST: '127.0.0.1',
    // The budgets are per member and per address (one load generator, one address): 50 readers at full
    // speed would otherwise measure 429s. Sign-in keeps its own throttles.
    RATE_LIMIT_PER_MINUTE: '10000000',
    RATE_LIMIT_ADDRESS_PER_MINUTE: '10000000',
    VACUUM_INTERVAL_MINUTES: '0',
    GRAPH_SNAPSHOT_MINUTES: '0',
  };
}

/** Readers (with tokens made directly in the database, so no sign-in limit applies), handles and search terms. */
async function prepare(dataDir: string): Promise<{ tokens: string[]; handles: string[]; terms: string[]; probeEmail: string }> {
  const config = loadConfig({ RAPPORT_DATA_DIR: dataDir, LOG_LEVEL: 'silent', SCRYPT_LOG_N });
  const database = await openDatabase(config);
  try {
    const all = await database.db
      .select({ id: members.id, handle: members.handle, email: members.email })
      .from(members)
      .orderBy(asc(members.id));
    if (all.length < READERS + 1) throw new Error(`the demo made ${all.length} members; the bench needs ${READERS + 1}`);
    const names = await database.db.select({ name: profiles.name }).from(profiles).orderBy(asc(profiles.memberId));
    const tokens: string[] = [];
    for (const m of all.slice(0, READERS)) tokens.push((await createAccessToken(database.db, m.id, 'embedded-load bench')).token);
    const terms = names.filter((_, i) => i % 7 === 3).map((n) => n.name.split(' ').at(-1)!.toLowerCase());
    terms.push('engineer', 'product', 'design', 'python', 'sales');
    return { tokens, handles: all.map((m) => m.handle), terms, probeEmail: all.at(-1)!.email };
  } finally {
    await database.close();
  }
}

async function startServer(dataDir: string): Promise<{ child: ChildProcess; port: number; output: string[] }> {
  const output: string[] = [];
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: ROOT, env: environment(dataDir), stdio: ['ignore', 'pipe', 'pipe'] });
  const keep = (chunk: Buffer): void => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stderr?.on('data', keep);
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      keep(chunk);
      const m = /running at http:\/\/localhost:(\d+)/.exec(output.join(''));
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output.join('').slice(-2000)}`)));
  });
  return { child, port, output };
}

type ProbeName = keyof typeof PROBE_EVERY_MS;
interface ProbeResult extends Stats {
  statuses: Record<string, number>;
}

/** Times one probe kind on its own keep-alive connection, every `everyMs`, until `until` resolves. */
async function probe(port: number, name: ProbeName, probeEmail: string, until: Promise<unknown>, minimum = 0): Promise<ProbeResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const samples: number[] = [];
  const statuses: Record<string, number> = {};
  let stopped = false;
  void until.then(() => (stopped = true));
  try {
    while (!stopped || samples.length < minimum) {
      const r =
        name === 'signIn'
          ? await request(port, agent, 'POST', '/api/v1/auth/login', { email: probeEmail, password: DEMO_PASSWORD })
          : await request(port, agent, 'GET', `/${name}`);
      samples.push(r.ms);
      statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      await new Promise((res) => setTimeout(res, PROBE_EVERY_MS[name]));
    }
  } finally {
    agent.destroy();
  }
  return { ...stats(samples), statuses };
}

/** Waits (up to a minute) until /healthz answers three times in a row within 100 ms. */
async function settle(port: number): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const started = performance.now();
  let quick = 0;
  while (quick < 3 && performance.now() - started < 60_000) {
    quick = (await request(port, agent, 'GET', '/healthz')).ms < 100 ? quick + 1 : 0;
    await new Promise((res) => setTimeout(res, 100));
  }
  agent.destroy();
}

/** The reading members: profiles, people search and the My Network page's lists, each as a random member. */
function readerLoad(port: number, tokens: string[], handles: string[], terms: string[], seconds: number) {
  let seed = 12345;
  const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const path = (): string => {
    const r = rand();
    if (r < 0.3) return `/api/v1/members/${pick(handles)}`;
    if (r < 0.6) return `/api/v1/search/members?q=${encodeURIComponent(pick(terms))}`;
    if (r < 0.8) return '/api/v1/me/connections';
    if (r < 0.9) return '/api/v1/suggestions/people';
    return '/api/v1/invitations?box=received';
  };
  return autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: READERS,
    duration: seconds,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: path(), headers: { authorization: `Bearer ${pick(tokens)}` } }) }],
  });
}

const bench: Benchmark = {
  name: 'embedded-load',
  description: `embedded PGlite with ${MEMBERS} demo members: ${READERS} concurrent readers, while /healthz, /readyz and sign-in are timed`,
  async run(log) {
    const dataDir = mkdtempSync(join(os.tmpdir(), 'rapport-bench-embedded-'));
    let server: Awaited<ReturnType<typeof startServer>> | null = null;
    try {
      const demoStarted = performance.now();
      const demo = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/demo.ts', '--members', String(MEMBERS), '--seed', '42'], {
        cwd: ROOT,
        env: environment(dataDir),
        encoding: 'utf8',
      });
      if (demo.status !== 0) throw new Error(`demo failed: ${demo.stderr.slice(-2000)}`);
      log(`demo community of ${MEMBERS} made in ${((performance.now() - demoStarted) / 1000).toFixed(1)} s`);
      const { tokens, handles, terms, probeEmail } = await prepare(dataDir);
      server = await startServer(dataDir);
      const port = server.port;

      // Warm-up (JIT, PGlite's caches), then each probe alone on the idle server, once the warm-up's
      // backlog has drained (autocannon stops sending, but the server still owes what it accepted).
      await readerLoad(port, tokens, handles, terms, 3);
      await settle(port);
      const idle: Record<string, ProbeResult> = {};
      for (const name of Object.keys(PROBE_EVERY_MS) as ProbeName[]) idle[name] = await probe(port, name, probeEmail, Promise.resolve(), 20);

      const load = readerLoad(port, tokens, handles, terms, SECONDS);
      const [res, healthz, readyz, signIn] = await Promise.all([
        load,
        probe(port, 'healthz', probeEmail, load),
        probe(port, 'readyz', probeEmail, load),
        probe(port, 'signIn', probeEmail, load),
      ]);
      const underLoad = { healthz, readyz, signIn };
      const readers = {
        connections: READERS,
        seconds: SECONDS,
        requestsPerSecond: Math.round(res.requests.average),
        latencyMs: { p50: res.latency.p50, p99: res.latency.p99, max: res.latency.max },
        total: res.requests.total,
        non2xx: res.non2xx,
        errors: res.errors,
        timeouts: res.timeouts,
      };
      log(`readers: ${readers.requestsPerSecond} req/s, p50 ${readers.latencyMs.p50} ms, p99 ${readers.latencyMs.p99} ms, non-2xx ${readers.non2xx}, errors ${readers.errors}`);
      for (const name of Object.keys(underLoad) as ProbeName[]) {
        const [a, b] = [idle[name]!, underLoad[name]];
        log(`${name}: idle p50 ${a.p50} / p99 ${a.p99} ms; under load p50 ${b.p50} / p99 ${b.p99} ms (n ${b.n}, statuses ${JSON.stringify(b.statuses)})`);
      }
      return { members: MEMBERS, scryptLogN: Number(SCRYPT_LOG_N), probeEveryMs: PROBE_EVERY_MS, readers, idle, underLoad };
    } finally {
      if (server) {
        const child = server.child;
        const exited = new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

export default bench;
