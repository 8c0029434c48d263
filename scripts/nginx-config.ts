import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * deploy/nginx.conf with its placeholders filled in: the address nginx listens on, one upstream line per app
 * process, and the folder for nginx's logs and temporary files (`npm run cluster`, and the load benchmark).
 */
export function nginxConfig(listen: string, appPorts: readonly number[], prefix: string): string {
  return readFileSync(join(root, 'deploy/nginx.conf'), 'utf8')
    .replaceAll('__LISTEN__', listen)
    .replaceAll('__UPSTREAMS__', appPorts.map((p) => `server 127.0.0.1:${p};`).join('\n    '))
    .replaceAll('__PREFIX__', prefix);
}
