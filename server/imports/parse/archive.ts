/**
 * What an uploaded ZIP is, decided by a small table of archive readers tried in order: the first that claims
 * the entries reads them. Entries no reader wants are listed as ignored and never opened.
 */
import { ImportFormatError, type ArchiveEntry, type ImportLimits } from '../records.ts';
import type { CountingSink } from './context.ts';
import { linkedInKindOfName } from './linkedin/headers.ts';
import { readLinkedIn } from './linkedin/read.ts';
import { readVCards } from './vcard.ts';
import { openZip } from './zip.ts';

export interface ArchiveReader {
  name: string;
  /** Whether these entries are this reader's kind of archive (by names only: nothing is opened). */
  claims(entries: ArchiveEntry[]): boolean;
  /** Reads the entries it wants; returns the names of those it left unopened, for the summary. */
  read(entries: ArchiveEntry[], sink: CountingSink, limits: ImportLimits): Promise<string[]>;
}

const isVCard = (name: string): boolean => /\.(vcf|vcard)$/i.test(name);

/** A LinkedIn data export (by any of its known file names), which may also carry .vcf files. */
const linkedInArchive: ArchiveReader = {
  name: 'linkedin',
  claims: (entries) => entries.some((e) => linkedInKindOfName(e.name) !== null || isVCard(e.name)),
  async read(entries, sink, limits) {
    const ignored: string[] = [];
    const files = [];
    for (const entry of entries) {
      const kind = linkedInKindOfName(entry.name);
      if (kind) files.push({ name: entry.name, kind, open: () => entry.open() });
      else if (!isVCard(entry.name)) ignored.push(entry.name);
    }
    for (const entry of entries.filter((e) => isVCard(e.name))) {
      sink.file(entry.name);
      await readVCards(await entry.open(), { file: entry.name, limits, sink });
    }
    await readLinkedIn(files, sink, limits);
    return ignored;
  },
};

/**
 * Archive readers, first match wins. Rapport's own export (a root manifest.json whose `format` is
 * `rapport-export`) plugs in here, ahead of LinkedIn, as one line:
 *   { name: 'rapport-export', claims: (entries) => entries.some((e) => e.name === 'manifest.json'), read: ... readRapportExport(entries, sink) },
 * (server/imports/parse/rapport-export.ts; it checks the manifest's format itself).
 */
export const ARCHIVE_READERS: ArchiveReader[] = [linkedInArchive];

export async function readArchive(file: { path: string; name: string }, limits: ImportLimits, sink: CountingSink, progress: (done: number) => void): Promise<void> {
  let done = 0;
  const zip = await openZip(file.path, file.name, limits, (bytes) => progress((done += bytes)));
  try {
    const reader = ARCHIVE_READERS.find((r) => r.claims(zip.entries));
    if (!reader) throw new ImportFormatError('unrecognised_file', file.name, null, 'no known file in the archive');
    const ignored = await reader.read(zip.entries, sink, limits);
    for (const name of ignored) sink.ignore(name);
  } finally {
    zip.close();
  }
}
