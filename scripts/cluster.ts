/**
 * `npm run cluster -- --processes 2 --port 8080`: several app processes on the PostgreSQL server at
 * DATABASE_URL behind nginx, for trying the scale-out path on one machine (docs/operations.md, "Several
 * processes"). Migrates once, starts the processes on the ports after `--port`, writes deploy/nginx.conf's
 * placeholders into a temporary folder and runs nginx in the foreground. Ctrl-C stops them all, each app
 * draining its requests and streams; if any one exits, the rest are stopped too.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { nginxConfig } from './nginx-config.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    processes: { type: 'string', default: '2' },
    port: { type: 'string', default: '8080' },
    host: { type: 'string', default: '127.0.0.1' },
    nginx: { type: 'string', default: 'nginx' },
  },
});
const processes = Number(values.processes);
const port = Number(values.port);
if (!Number.isInteger(processes) || processes < 1 || processes > 32) fail('--processes: a whole number from 1 to 32');
if (!Number.isInteger(port) || port < 1 || port + processes > 65_535) fail('--port: a port with room for the processes after it');
if (!process.env.DATABASE_URL) fail('DATABASE_URL: several processes need a PostgreSQL server (embedded PGlite is one process by design).');
if (spawnSync(values.nginx, ['-v']).error) fail(`${values.nginx}: not found. Install nginx (Debian: apt-get install nginx) or pass --nginx PATH.`);

const migrated = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/migrate.ts')], { stdio: 'inherit', cwd: root });
if (migrated.status !== 0) process.exit(migrated.status ?? 1);

const prefix = mkdtempSync(join(tmpdir(), 'rapport-nginx-'));
// nginx's workers run as an unprivileged user when it is started as root: they must reach their temporary files.
chmodSync(prefix, 0o755);
const appPorts = Array.from({ length: processes }, (_, i) => port + 1 + i);
const config = nginxConfig(`${values.host}:${port}`, appPorts, prefix);
writeFileSync(join(prefix, 'nginx.conf'), config);

const children: ChildProcess[] = [];
let stopping = false;
const stop = (code: number) => {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  void Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null))).then(() => {
    rmSync(prefix, { recursive: true, force: true });
    process.exit(code);
  });
};

for (const [i, appPort] of appPorts.entries()) {
  // Node runs each app itself (no tsx launcher between), so SIGTERM reaches it and it drains.
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'server/main.ts')], {
    cwd: root,
    env: { ...process.env, PORT: String(appPort), HOST: '127.0.0.1', TRUST_PROXY: process.env.TRUST_PROXY ?? '1', PUBLIC_URL: process.env.PUBLIC_URL ?? `http://${values.host}:${port}` },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.once('exit', (code) => {
    if (!stopping) console.error(`app process ${i + 1} (port ${appPort}) exited (${code}); stopping the others`);
    stop(code ?? 1);
  });
  children.push(child);
}
const nginx = spawn(values.nginx, ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'inherit' });
nginx.once('exit', (code) => {
  if (!stopping) console.error(`nginx exited (${code}); stopping the app processes`);
  stop(code ?? 1);
});
children.push(nginx);
console.log(`\nRapport: ${processes} processes (ports ${appPorts.join(', ')}) behind nginx at http://${values.host}:${port}\n`);

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
