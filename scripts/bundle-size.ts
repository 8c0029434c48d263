/**
 * The web bundle's JavaScript, gzipped, as a browser downloads it (docs/i18n.md, "Bundle size"):
 * the chunks index.html loads at once (entry and modulepreloads), each language's namespace chunks, and
 * the rest (lazy). `tsx scripts/bundle-size.ts [dist/web ...]`; with two directories, the difference of
 * the first-load total and of each first-load chunk name (hash stripped).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface Chunk {
  name: string;
  file: string;
  gzip: number;
  initial: boolean;
}

const NAMESPACES = new Set(readdirSync(new URL('../web/i18n/resources/en', import.meta.url)).map((f) => f.replace(/\.ts$/, '')));

function chunks(dist: string): Chunk[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const initial = new Set([...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1]));
  return readdirSync(join(dist, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((file) => ({ file, name: file.replace(/-[\w-]{8}\.js$/, ''), gzip: gzipSync(readFileSync(join(dist, 'assets', file))).length, initial: initial.has(file) }));
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;
const sum = (list: Chunk[]) => list.reduce((total, c) => total + c.gzip, 0);

function report(dist: string): Chunk[] {
  const all = chunks(dist);
  const first = all.filter((c) => c.initial);
  const messages = all.filter((c) => !c.initial && NAMESPACES.has(c.name));
  console.log(`\n${dist}`);
  for (const c of first) console.log(`  first load  ${c.file.padEnd(40)} ${kb(c.gzip)}`);
  console.log(`  first load total                                     ${kb(sum(first))}`);
  for (const c of messages.filter((m) => m.gzip > 100)) console.log(`  messages    ${c.file.padEnd(40)} ${kb(c.gzip)}`);
  console.log(`  namespace chunks: ${messages.length}, ${kb(sum(messages))} in all`);
  const lazy = all.filter((c) => !c.initial && !NAMESPACES.has(c.name));
  for (const c of lazy) console.log(`  lazy        ${c.file.padEnd(40)} ${kb(c.gzip)}`);
  return all;
}

const dirs = process.argv.slice(2);
const results = (dirs.length ? dirs : ['dist/web']).map(report);
if (results.length === 2) {
  const [before, after] = results as [Chunk[], Chunk[]];
  const firstOf = (list: Chunk[]) => list.filter((c) => c.initial);
  console.log(`\nfirst load: ${kb(sum(firstOf(before)))} → ${kb(sum(firstOf(after)))} (${kb(sum(firstOf(after)) - sum(firstOf(before)))})`);
  for (const c of firstOf(after)) {
    const old = firstOf(before).find((b) => b.name === c.name);
    console.log(`  ${c.name.padEnd(20)} ${kb(old?.gzip ?? 0)} → ${kb(c.gzip)}`);
  }
}
