import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { type ArchiveEntry, type ImportRecord, ImportFormatError } from '../records.ts';
import { readRapportExport } from './rapport-export.ts';

const entry = (name: string, content: string): ArchiveEntry => ({
  name,
  uncompressedSize: Buffer.byteLength(content),
  open: async () => Readable.from([Buffer.from(content)]),
});
const manifest = (over: Record<string, unknown> = {}) =>
  entry('manifest.json', `${JSON.stringify({ format: 'rapport-export', version: 1, exportedAt: '2026-12-06T10:00:00.000Z', instance: 'https://old.example', member: { handle: 'ana', name: 'Ana' }, files: [], ...over }, null, 2)}\n`);
const sink = () => {
  const records: ImportRecord[] = [];
  return { records, sink: { record: (r: ImportRecord) => void records.push(r), issue: () => undefined, progress: () => undefined } };
};
async function failure(entries: ArchiveEntry[]): Promise<ImportFormatError> {
  try {
    await readRapportExport(entries, sink().sink);
  } catch (err) {
    if (err instanceof ImportFormatError) return err;
    throw err;
  }
  throw new Error('no ImportFormatError');
}

describe('reading a Rapport export', () => {
  it('refuses an archive without a manifest, another format and a newer version, naming the file and line', async () => {
    expect(await failure([entry('profile.json', '{}')])).toMatchObject({ code: 'unrecognised_file', file: 'manifest.json' });
    expect(await failure([manifest({ format: 'linkedin' })])).toMatchObject({ code: 'unrecognised_file', file: 'manifest.json', line: 2 });
    expect(await failure([manifest({ version: 2 })])).toMatchObject({ code: 'unsupported_version', file: 'manifest.json', line: 3 });
  });

  it('refuses bad JSON with the file and the line it is on', async () => {
    expect(await failure([entry('manifest.json', '{\n  "format": "rapport-export",\n  "version": 1,,\n}')])).toMatchObject({ code: 'invalid_json', file: 'manifest.json', line: 3 });
    const connections = '[\n{"handle":"bo","name":"Bo"},\n{"handle":"cy","name":"Cy"\n]\n';
    expect(await failure([manifest(), entry('connections.json', connections)])).toMatchObject({ code: 'invalid_json', file: 'connections.json', line: 3 });
    expect(await failure([manifest(), entry('connections.json', '[\n{"handle":"bo","name":"Bo"},\n')])).toMatchObject({ code: 'invalid_json', file: 'connections.json', line: 2 });
    expect(await failure([manifest(), entry('notes.json', '[\n["not", "an object"]\n]\n')])).toMatchObject({ code: 'invalid_json', file: 'notes.json', line: 2 });
  });

  it('reads a table re-saved in another layout, and an archive nested in a folder', async () => {
    const { records, sink: s } = sink();
    const pretty = JSON.stringify([{ handle: 'bo', name: 'Bo Rossi', profileUrl: 'https://old.example/in/bo', connectedAt: '2026-01-02T03:04:05.000Z' }], null, 2);
    await readRapportExport([{ ...manifest(), name: 'export/manifest.json' }, { ...entry('connections.json', pretty), name: 'export/connections.json' }], s);
    expect(records).toEqual([
      expect.objectContaining({ kind: 'contact', source: 'rapport', person: expect.objectContaining({ name: 'Bo Rossi', urls: ['https://old.example/in/bo'], connectedOn: '2026-01-02' }) }),
    ]);
  });

  it('keeps people with a card or notes who are no longer connections, and reads a contacts section when there is one', async () => {
    const { records, sink: s } = sink();
    await readRapportExport(
      [
        manifest(),
        entry('relationships.json', '[\n{"handle":"old","name":"Old Friend","metText":"School","cadence":"year","tags":["Alumni"],"profileUrl":"https://old.example/in/old"}\n]\n'),
        entry('tags.json', '[\n{"name":"Alumni","colour":"blue","cadence":null,"people":1}\n]\n'),
        entry('contacts.json', '[\n{"name":"Dee Outside","emails":["DEE@Example.com "],"phones":["+39 011"],"urls":[],"notes":[{"text":"Met once"}]}\n]\n'),
      ],
      s,
    );
    expect(records).toEqual([
      expect.objectContaining({ kind: 'contact', at: { file: 'contacts.json', line: 2 }, person: expect.objectContaining({ name: 'Dee Outside', emails: ['dee@example.com'] }), notes: [{ text: 'Met once' }] }),
      expect.objectContaining({ kind: 'contact', person: expect.objectContaining({ name: 'Old Friend', urls: ['https://old.example/in/old'] }), metText: 'School', cadence: 'year', tags: [{ name: 'Alumni', colour: 'blue' }] }),
    ]);
  });
});
