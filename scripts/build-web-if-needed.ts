/**
 * Runs before `npm start`: builds the web app only when dist/web/index.html is missing or older than
 * any source under web/ or common/, so a plain start after `git pull` serves the current UI.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const builtIndex = join(root, 'dist', 'web', 'index.html');
const sources = [join(root, 'web'), join(root, 'common')];

/** The newest modification time of any file under dir (0 when it does not exist). */
function newestMtime(dir: string): { time: number; file: string | null } {
  let best = { time: 0, file: null as string | null };
  if (!existsSync(dir)) return best;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    const candidate = entry.isDirectory() ? newestMtime(path) : { time: statSync(path).mtimeMs, file: path };
    if (candidate.time > best.time) best = candidate;
  }
  return best;
}

function reasonToBuild(): string | null {
  if (!existsSync(builtIndex)) return 'dist/web/index.html is missing';
  const builtAt = statSync(builtIndex).mtimeMs;
  for (const dir of sources) {
    const newest = newestMtime(dir);
    if (newest.time > builtAt && newest.file) return `${newest.file.slice(root.length + 1)} changed since the last build`;
  }
  return null;
}

const reason = reasonToBuild();
if (!reason) {
  console.log('web: dist/web is up to date, skipping build');
} else {
  console.log(`web: building (${reason})…`);
  const started = Date.now();
  const { build } = await import('vite');
  await build({ configFile: join(root, 'web', 'vite.config.ts'), logLevel: 'warn' });
  console.log(`web: built dist/web in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}
