/**
 * `npm run cluster`: two real app processes behind a real nginx on a PostgreSQL server, as an operator would
 * start them. What one process commits is seen through the other (the outbox follower), live streams work
 * through the proxy and across processes, and SIGTERM drains everything. Needs nginx and the server, which
 * CI may not have.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEventStream } from '../server/test/sse-client.ts';
import { onServer, serverUrl } from '../server/test/engines.ts';

const hasNginx = !spawnSync('nginx', ['-v']).error;
const database = `rapport_cluster_${randomBytes(4).toString('hex')}`;

/** A base port with three free ports from it (nginx, then the two processes). */
async function freePorts(): Promise<number> {
  for (;;) {
    const base = 20_000 + Math.floor(Math.random() * 20_000);
    const free = await Promise.all([0, 1, 2].map((i) => portFree(base + i)));
    if (free.every(Boolean)) return base;
  }
}
function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer().once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

interface Session {
  cookie: string;
  csrf: string;
  handle: string;
}

describe.runIf(serverUrl && hasNginx)('npm run cluster: two processes behind nginx [postgres]', () => {
  let cluster: ChildProcess;
  let output = '';
  let base = 0;
  const proxy = () => `http://127.0.0.1:${base}`;
  const processUrl = (n: 1 | 2) => `http://127.0.0.1:${base + n}`;

  beforeAll(async () => {
    await onServer(`CREATE DATABASE ${database}`);
    base = await freePorts();
    const url = new URL(serverUrl!);
    url.pathname = `/${database}`;
    cluster = spawn(process.execPath, ['--import', 'tsx', 'scripts/cluster.ts', '--processes', '2', '--port', String(base)], {
      env: { ...process.env, DATABASE_URL: url.toString(), SCRYPT_LOG_N: '10', LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '100000' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    cluster.stdout!.on('data', (c: Buffer) => (output += c.toString()));
    cluster.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    for (let waited = 0; (output.match(/Rapport is running/g) ?? []).length < 2; waited += 100) {
      if (waited > 150_000 || cluster.exitCode !== null) throw new Error(`the cluster did not start:\n${output}`);
      await sleep(100);
    }
    for (let waited = 0; !(await fetch(`${proxy()}/healthz`).then((r) => r.ok, () => false)); waited += 100) {
      if (waited > 20_000) throw new Error(`nginx did not answer:\n${output}`);
      await sleep(100);
    }
  }, 200_000);

  afterAll(async () => {
    if (cluster && cluster.exitCode === null) {
      cluster.kill('SIGTERM');
      await new Promise((resolve) => cluster.once('exit', resolve));
    }
    await onServer(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  });

  async function signUp(name: string): Promise<Session> {
    const res = await fetch(`${proxy()}/api/v1/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `${name.toLowerCase()}-${randomBytes(3).toString('hex')}@example.com`, password: 'correct horse battery staple 9', name }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const body = (await res.json()) as { handle: string; csrfToken: string };
    const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    return { cookie, csrf: body.csrfToken, handle: body.handle };
  }

  const call = (at: string, who: Session, method: string, path: string, body?: unknown) =>
    fetch(`${at}${path}`, {
      method,
      headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it('shows a connection made through process 1 as 1st degree through process 2 within a second', async () => {
    const [ana, bo] = [await signUp('Ana'), await signUp('Bo')];
    await call(processUrl(1), bo, 'PUT', '/api/v1/me/screening', { mode: 'manual', whoCanInvite: 'everyone', rules: [], otherwise: 'inbox' });
    const invited = await call(processUrl(1), ana, 'POST', '/api/v1/invitations', { to: bo.handle, note: 'Met at the meetup' });
    expect(invited.status).toBe(201);
    const { invitation } = (await invited.json()) as { invitation: { id: number } };
    expect((await call(processUrl(1), bo, 'POST', `/api/v1/invitations/${invitation.id}/accept`)).status).toBe(200);
    const started = performance.now();
    let degree: unknown = null;
    while (performance.now() - started < 1_000 && degree !== 1) {
      degree = ((await (await call(processUrl(2), ana, 'GET', `/api/v1/members/${bo.handle}`)).json()) as { degree: unknown }).degree;
    }
    expect(degree).toBe(1);
  });

  it('delivers a message sent through process 1 live on a stream held by process 2, and on one through nginx', async () => {
    const [cy, di] = [await signUp('Cy'), await signUp('Di')];
    const direct = await readEventStream(`${processUrl(2)}/api/v1/events`, { cookie: di.cookie });
    const proxied = await readEventStream(`${proxy()}/api/v1/events`, { cookie: di.cookie });
    try {
      const sent = await call(processUrl(1), cy, 'POST', '/api/v1/conversations', { to: [di.handle], text: 'Through the first process' });
      expect(sent.status).toBe(201);
      const { id, messageId } = (await sent.json()) as { id: number; messageId: number };
      expect((await direct.next('message')).data).toEqual({ conversationId: id, messageId });
      expect((await proxied.next('message')).data).toEqual({ conversationId: id, messageId });
    } finally {
      direct.close();
      proxied.close();
    }
  });

  it('stops every process and nginx on SIGTERM, draining open streams', async () => {
    const ed = await signUp('Ed');
    const open = await readEventStream(`${proxy()}/api/v1/events`, { cookie: ed.cookie });
    cluster.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => cluster.once('exit', resolve));
    open.close();
    expect(code, output).toBe(0);
    expect(await fetch(`${proxy()}/healthz`).then(() => 'answered', () => 'refused')).toBe('refused');
  });
});
