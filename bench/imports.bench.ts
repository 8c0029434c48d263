import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { buildApp } from '../server/app.ts';
import { testConfig } from '../server/config.ts';
import { openDatabase, rows } from '../server/db/connection.ts';
import { migrate } from '../server/db/migrate.ts';
import { buildLinkedInArchive } from '../server/imports/parse/fixtures/build-archive.ts';
import { inspectCsv, parseUpload } from '../server/imports/parse/index.ts';
import { runImport } from '../server/imports/run.ts';
import { signUp } from '../server/test/client.ts';
import type { Benchmark } from './lib.ts';

const CONNECTIONS = 30_000;
const MESSAGES = 200_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A LinkedIn archive of the current shape: CONNECTIONS connections, MESSAGES message rows between them and the owner. */
async function generateArchive(dir: string): Promise<string> {
  const folder = join(dir, 'archive');
  await import('node:fs/promises').then((fs) => fs.mkdir(folder));
  const connections = ['Notes:', '"When exporting your connection data, you may notice that some of the email addresses are missing."', '', 'First Name,Last Name,URL,Email Address,Company,Position,Connected On'];
  for (let i = 0; i < CONNECTIONS; i++) {
    connections.push(`Person${i},Bench${i % 977},https://www.linkedin.com/in/bench-person-${i},${i % 3 === 0 ? `p${i}@example.com` : ''},Company ${i % 1500},Role ${i % 40},${String((i % 28) + 1).padStart(2, '0')} ${MONTHS[i % 12]} ${2010 + (i % 16)}`);
  }
  await writeFile(join(folder, 'Connections.csv'), connections.join('\n') + '\n');
  const messages = ['CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS,IS MESSAGE DRAFT'];
  for (let m = 0; m < MESSAGES; m++) {
    const i = (m * 7919) % CONNECTIONS;
    const owner = m % 2 === 0;
    const them = [`Person${i} Bench${i % 977}`, `https://www.linkedin.com/in/bench-person-${i}`];
    const me = ['Bench Owner', 'https://www.linkedin.com/in/bench-owner'];
    const [from, to] = owner ? [me, them] : [them, me];
    const day = `${2015 + (m % 11)}-${String((m % 12) + 1).padStart(2, '0')}-${String((m % 28) + 1).padStart(2, '0')} 10:${String(m % 60).padStart(2, '0')}:00 UTC`;
    messages.push(`c-${i},,${from[0]},${from[1]},${to[0]},${to[1]},${day},,"Message ${m} about the project",INBOX,,No`);
  }
  await writeFile(join(folder, 'messages.csv'), messages.join('\n') + '\n');
  await writeFile(
    join(folder, 'Profile.csv'),
    'First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers\nBench,Owner,,,,Benchmarks,,Software,,Turin,,,\n',
  );
  const zip = join(dir, 'archive.zip');
  await buildLinkedInArchive(folder, zip);
  return zip;
}

const bench: Benchmark = {
  name: 'imports',
  description: `Import of a LinkedIn archive with ${CONNECTIONS.toLocaleString('en')} connections and ${MESSAGES.toLocaleString('en')} message rows on the embedded database (PGlite)`,
  async run(log) {
    const dir = await mkdtemp(join(tmpdir(), 'rapport-bench-imports-'));
    const base = testConfig();
    // 200,000 message rows in one messages.csv: over the default 100,000 rows per file, so raised as IMPORT_MAX_ROWS would.
    const config = { ...base, imports: { ...base.imports, limits: { ...base.imports.limits, maxRowsPerFile: 250_000 } } };
    const database = await openDatabase(config);
    await migrate(database.db);
    try {
      const app = await buildApp(config, { database, background: false });
      const owner = await signUp(app, 'Bench Owner');
      const zip = await generateArchive(dir);
      const bytes = (await stat(zip)).size;
      log(`archive ${(bytes / 1024 / 1024).toFixed(1)} MB`);
      const [row] = await rows<{ id: number }>(database.db, sql`INSERT INTO imports (member_id, file_name, stored_path, bytes_total) VALUES (${owner.id}, 'archive.zip', ${zip}, ${bytes}) RETURNING id`);
      let peak = process.memoryUsage().rss;
      const sampler = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().rss);
      }, 50);
      const started = performance.now();
      await runImport({ db: database.db, parse: parseUpload, inspect: inspectCsv, limits: config.imports.limits, degreesOf: (v, ids) => app.ctx.graph.index.degrees(v, ids) }, row!.id);
      const seconds = (performance.now() - started) / 1000;
      clearInterval(sampler);
      peak = Math.max(peak, process.memoryUsage().rss);
      const [done] = await rows<{ status: string; report: { applied: Record<string, number> } }>(database.db, sql`SELECT status, report FROM imports WHERE id = ${row!.id}`);
      const [counted] = await rows<{ contacts: number; withInteractions: number }>(
        database.db,
        sql`SELECT count(*)::int AS contacts, count(last_interaction_at)::int AS "withInteractions" FROM contacts WHERE member_id = ${owner.id}`,
      );
      log(`${done!.status} ${JSON.stringify((done as { report: { error?: unknown } }).report.error ?? null)} in ${seconds.toFixed(1)} s, peak RSS ${(peak / 1024 / 1024).toFixed(0)} MB; ${counted!.contacts} contacts, ${counted!.withInteractions} with a last interaction`);
      await app.close();
      return { engine: 'pglite', target: '≤ 60 s', seconds: Math.round(seconds * 10) / 10, peakRssMb: Math.round(peak / 1024 / 1024), archiveMb: Math.round(bytes / 1024 / 102.4) / 10, status: done!.status, applied: done!.report.applied, ...counted };
    } finally {
      await database.close();
      await rm(dir, { recursive: true, force: true });
    }
  },
};

export default bench;
