/**
 * Building a member's export (docs/exports.md): every section streamed into a ZIP under the exports
 * directory, then its README and manifest. Run by the `exports.build` job (jobs/exports.ts); the database is
 * read a page at a time, so memory stays flat however large the member's network and history.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { EXPORT_FORMAT, EXPORT_VERSION } from '../../common/exports.ts';
import { type Db, rows } from '../db/connection.ts';
import { type ManifestFile, readme } from './readme.ts';
import { EXPORT_SECTIONS } from './sections/index.ts';
import { photoFileName } from './sections/profile.ts';
import type { ExportContext, ExportSection } from './sections/section.ts';
import { jsonWithCsv, ZipWriter } from './zip.ts';

export interface BuildOptions {
  db: Db;
  dir: string;
  publicUrl: string;
  sections?: readonly ExportSection[];
}

/** Writes the member's export; returns the finished file's name (inside `dir`) and size. Throws, leaving no file, on failure. */
export async function buildExport(options: BuildOptions, exportId: number, memberId: number): Promise<{ name: string; bytes: number }> {
  const { db, dir, publicUrl } = options;
  const sections = options.sections ?? EXPORT_SECTIONS;
  const [member] = await rows<{ handle: string; name: string }>(
    db,
    sql`SELECT m.handle, p.name FROM members m JOIN profiles p ON p.member_id = m.id WHERE m.id = ${memberId}`,
  );
  if (!member) throw new Error(`export ${exportId}: member ${memberId} is gone`);
  const [photo] = await rows<{ mimeType: string }>(db, sql`SELECT mime_type AS "mimeType" FROM member_photos WHERE member_id = ${memberId}`);
  const exportedAt = new Date();
  const ctx: ExportContext = { db, memberId, publicUrl };
  const zip = new ZipWriter(exportedAt);
  const files: ManifestFile[] = [];
  // Each table's CSV is written here while its JSON streams into the ZIP, then streamed in after it.
  const name = `export-${exportId}-${randomBytes(8).toString('hex')}.zip`;
  const scratch = join(dir, `${name}.tmp`);
  await mkdir(scratch, { recursive: true });

  for (const section of sections) {
    if (section.kind === 'document') {
      const file: ManifestFile = { name: `${section.name}.json`, about: section.about };
      files.push(file);
      zip.addLazy(file.name, () => once(async () => `${JSON.stringify(await section.document(ctx), null, 2)}\n`));
      continue;
    }
    const json: ManifestFile = { name: `${section.name}.json`, about: section.about, rows: 0 };
    const csv: ManifestFile = { name: `${section.name}.csv`, about: section.about, rows: 0 };
    files.push(json, csv);
    const csvPath = join(scratch, csv.name);
    zip.addLazy(json.name, () => jsonWithCsv(section.rows(ctx), Object.keys(section.fields), csvPath, (n) => (json.rows = csv.rows = n)));
    zip.addLazy(csv.name, () => createReadStream(csvPath));
  }

  const photoName = photo ? photoFileName(photo.mimeType) : null;
  if (photoName) {
    files.push({ name: photoName, about: 'Your profile photo, as stored.' });
    zip.addLazy(photoName, () =>
      once(async () => {
        const [row] = await rows<{ content: Buffer | Uint8Array }>(db, sql`SELECT content FROM member_photos WHERE member_id = ${memberId}`);
        return row ? Buffer.from(row.content) : Buffer.alloc(0);
      }),
    );
  }

  const instance = publicUrl;
  // Last: by the time the ZIP reaches them, every file before is written and counted.
  zip.addLazy('README.md', () =>
    once(async () => readme({ handle: member.handle, name: member.name, instance, exportedAt: exportedAt.toISOString(), sections, files, photo: photoName })),
  );
  zip.addLazy('manifest.json', () =>
    once(async () =>
      `${JSON.stringify(
        {
          format: EXPORT_FORMAT,
          version: EXPORT_VERSION,
          exportedAt: exportedAt.toISOString(),
          instance,
          member: { handle: member.handle, name: member.name },
          files: [{ name: 'README.md', about: 'What each file and column holds.' }, ...files],
        },
        null,
        2,
      )}\n`,
    ),
  );

  try {
    const bytes = await zip.writeTo(join(dir, `${name}.part`), join(dir, name));
    return { name, bytes };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function* once(make: () => Promise<string | Buffer>): AsyncGenerator<string | Buffer> {
  yield await make();
}
