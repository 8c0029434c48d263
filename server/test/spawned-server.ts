import { type ChildProcess, spawn, spawnSync } from 'node:child_process';

/**
 * The real server as a separate process (`node --import tsx server/main.ts`), for tests that must kill it.
 * Node runs the server itself (no tsx launcher in between), so a signal reaches the server, not a wrapper.
 */
export interface SpawnedServer {
  url: string;
  child: ChildProcess;
  /** Everything it printed (pino JSON lines and the start-up line). */
  output: () => string;
  /** Resolves with the exit code (or signal name) once the process is gone and reaped. */
  exited: Promise<number | string>;
}

function testEnv(dataDir: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  // Always the embedded engine in the given data directory, whatever the caller's environment says.
  const { DATABASE_URL: _ignored, ...env } = process.env;
  return { ...env, RAPPORT_DATA_DIR: dataDir, SCRYPT_LOG_N: '10', ...extra };
}

export async function spawnServer(dataDir: string, extra: Record<string, string> = {}): Promise<SpawnedServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: testEnv(dataDir, { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...extra }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  const url = await new Promise<string>((resolve, reject) => {
    // A fresh data directory starts in ~4 s on an idle machine, but far slower while other suites share the cores.
    const timer = setTimeout(() => reject(new Error(`the server did not start within 150 s:\n${output}`)), 150_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      // PORT=0: the real port is in Fastify's "Server listening at" line, not in PUBLIC_URL.
      const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (m && output.includes('Rapport is running')) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before starting:\n${output}`));
    });
  });
  return { url, child, output: () => output, exited };
}

/** Runs `rapport <args>` through the real launcher against the data directory. */
export function rapportCli(dataDir: string, ...args: string[]) {
  return spawnSync(process.execPath, ['scripts/rapport.mjs', ...args], { encoding: 'utf8', env: testEnv(dataDir, {}) });
}

/** A member signed in over HTTP. Sessions live in the database, so they outlast a restart. */
export interface HttpMember {
  id: number;
  handle: string;
  cookie: string;
  csrf: string;
}

export async function signUpOverHttp(url: string, name: string, email: string): Promise<HttpMember> {
  const res = await fetch(`${url}/api/v1/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'a sensible long passphrase', name }),
  });
  if (res.status !== 201) throw new Error(`signup failed ${res.status}: ${await res.text()}`);
  const body = (await res.json()) as { id: number; handle: string; csrfToken: string };
  const session = res.headers.getSetCookie().find((c) => c.startsWith('rapport_session='));
  if (!session) throw new Error('no session cookie');
  return { id: body.id, handle: body.handle, cookie: session.split(';')[0]!, csrf: body.csrfToken };
}

/** Calls the API as the member: session cookie plus the CSRF header. */
export function callAs(url: string, m: HttpMember, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${url}/api/v1${path}`, {
    method,
    headers: { cookie: m.cookie, 'x-csrf-token': m.csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}
