/**
 * Reading a ZIP in tests with yauzl: every entry as a buffer, or as the ArchiveEntry values the import
 * parsers take (server/imports/records.ts). Tests only: the import pipeline opens uploads its own way.
 */
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import type { ArchiveEntry } from '../imports/records.ts';

function open(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => yauzl.open(path, { lazyEntries: true, autoClose: false }, (err, zip) => (err ? reject(err) : resolve(zip))));
}

function readAll(stream: Readable): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

/** Every entry of the ZIP at `path`, by name, in archive order. */
export async function unzipToMap(path: string): Promise<Map<string, Buffer>> {
  const zip = await open(path);
  const out = new Map<string, Buffer>();
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (err, stream) => {
          if (err) return reject(err);
          readAll(stream).then((content) => {
            out.set(entry.fileName, content);
            zip.readEntry();
          }, reject);
        });
      });
      zip.on('end', resolve);
      zip.on('error', reject);
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  return out;
}

/** The ZIP's entries as the parsers see them: names and sizes, each opened only when asked. */
export async function archiveEntries(path: string): Promise<ArchiveEntry[]> {
  const files = await unzipToMap(path);
  return [...files].map(([name, content]) => ({
    name,
    uncompressedSize: content.length,
    open: async () => {
      const { Readable } = await import('node:stream');
      return Readable.from([content]);
    },
  }));
}
