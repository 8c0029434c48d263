import { open, readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportFormatError, type ImportLimits } from '../records.ts';
import { buildLinkedInArchive, eraPath, FIXTURES_DIR } from './fixtures/build-archive.ts';
import { collect, tempDir } from './fixtures/collect.ts';
import { DEFAULT_IMPORT_LIMITS, parseUpload } from './index.ts';

const limits = DEFAULT_IMPORT_LIMITS;
let tmp: Awaited<ReturnType<typeof tempDir>>;
let n = 0;
beforeAll(async () => {
  tmp = await tempDir();
});
afterAll(() => tmp.remove());

async function write(content: string | Buffer, name = `f${n++}.csv`): Promise<string> {
  const path = tmp.file(name);
  await writeFile(path, content);
  return path;
}

/** Parses, expecting an ImportFormatError; returns it. */
async function failure(path: string, name = 'upload', options: Partial<{ limits: ImportLimits; mapping: object }> = {}): Promise<ImportFormatError> {
  const error = await parseUpload({ path, name }, { limits, ...options }, collect()).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportFormatError);
  return error as ImportFormatError;
}

async function parse(path: string, name = 'upload.csv', options: Partial<{ limits: ImportLimits }> = {}) {
  const sink = collect();
  const summary = await parseUpload({ path, name }, { limits, ...options }, sink);
  return { sink, summary };
}

/** Rewrites every occurrence of `from` (same length as `to`) in a ZIP, to forge names yazl refuses to write. */
function replaceAll(zip: Buffer, from: string, to: string): Buffer {
  expect(from.length).toBe(to.length);
  const out = Buffer.from(zip);
  for (let i = out.indexOf(from); i !== -1; i = out.indexOf(from, i + 1)) out.write(to, i, 'latin1');
  return out;
}

const CONNECTIONS = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n';

describe('ZIP archives that cannot be read', () => {
  it('truncated', async () => {
    const whole = await readFile(await buildLinkedInArchive(eraPath('linkedin-2026'), tmp.file('whole.zip')));
    const path = await write(whole.subarray(0, Math.floor(whole.length / 2)), 'cut.zip');
    expect((await failure(path, 'cut.zip')).code).toBe('zip_truncated');
  });

  it('a bomb by its declared size and ratio', async () => {
    const path = await buildLinkedInArchive(eraPath('linkedin-2019'), tmp.file('declared.zip'), [{ name: 'Connections.csv', content: CONNECTIONS + ','.repeat(20_000_000) }]);
    expect((await failure(path, 'declared.zip')).code).toBe('zip_bomb');
  });

  it('a bomb whose headers lie about its size is caught while inflating', async () => {
    const bytes = await readFile(await buildLinkedInArchive(eraPath('linkedin-2019'), tmp.file('liar.zip'), [{ name: 'Zonnections.csv', content: CONNECTIONS + ','.repeat(20_000_000) }]));
    // Declare 1,000 bytes where 20 MB inflate: central directory (offset 24) and local header (offset 22).
    const forged = replaceAll(bytes, 'Zonnections.csv', 'Connections.csv');
    expect(forged.indexOf('Zonnections.csv')).toBe(-1);
    const name = Buffer.from('Connections.csv');
    for (let i = forged.indexOf(name); i !== -1; i = forged.indexOf(name, i + 1)) {
      // Only the bomb's own headers (the fixture folder has a Connections.csv of its own).
      if (i >= 46 && forged.readUInt32LE(i - 46) === 0x02014b50 && forged.readUInt32LE(i - 46 + 24) > 1_000_000) forged.writeUInt32LE(1000, i - 46 + 24);
      if (i >= 30 && forged.readUInt32LE(i - 30) === 0x04034b50 && forged.readUInt32LE(i - 30 + 22) > 1_000_000) forged.writeUInt32LE(1000, i - 30 + 22);
    }
    expect((await failure(await write(forged, 'liar2.zip'), 'liar.zip')).code).toBe('zip_bomb');
  });

  it('more inflated bytes in total than allowed, counted as they inflate', async () => {
    const big = CONNECTIONS + 'Ada,Zed,,,,,01 Jan 2026\n'.repeat(40_000);
    const path = await buildLinkedInArchive(eraPath('linkedin-2019'), tmp.file('total.zip'), [{ name: 'x/Connections.csv', content: big }]);
    const error = await failure(path, 'total.zip', { limits: { ...limits, maxInflatedBytes: 500_000, maxRowsPerFile: 1_000_000 } });
    expect(error.code).toBe('zip_bomb');
  });

  it.each([
    ['../x.csv', 'zz/x.csv'],
    ['/abs.csv', 'zabs.csv'],
    ['a\\b.csv', 'a_b_.csv'.slice(0, 7)],
    ['C:/x.csv', 'Cz/x.csv'],
  ])('a path-traversal entry %s', async (evil, placeholder) => {
    const bytes = await readFile(await buildLinkedInArchive(eraPath('linkedin-2019'), tmp.file(`t${n++}.zip`), [{ name: placeholder, content: 'x' }]));
    const path = await write(replaceAll(bytes, placeholder, evil), `t${n++}.zip`);
    expect((await failure(path, 'evil.zip')).code).toBe('zip_path_traversal');
  });
});

describe('text that cannot be read', () => {
  it('non-UTF-8 bytes name their line', async () => {
    const path = await write(Buffer.concat([Buffer.from(`${CONNECTIONS}Ada,Zed,,,,,01 Jan 2026\nJos`), Buffer.from([0xe9]), Buffer.from(',Zed,,,,,01 Jan 2026\n')]));
    expect(await failure(path, 'latin1.csv')).toMatchObject({ code: 'not_utf8', file: 'latin1.csv', line: 3 });
  });

  it('non-UTF-8 bytes far into a large file name the right line', async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => `Name${i},Zed,,,,,01 Jan 2026\n`);
    const path = await write(Buffer.concat([Buffer.from(CONNECTIONS + rows.join('')), Buffer.from([0xc3, 0x28]), Buffer.from(',Zed,,,,,01 Jan 2026\n')]));
    expect(await failure(path)).toMatchObject({ code: 'not_utf8', line: 30_002 });
  });

  it('a UTF-8 BOM is stripped', async () => {
    const { sink } = await parse(await write(`\uFEFF${CONNECTIONS}Ada,Zed,,,,,01 Jan 2026\n`));
    expect(sink.contacts()[0]!.person.name).toBe('Ada Zed');
  });

  it.each(['utf16le', 'utf16be'] as const)('UTF-16 with a BOM (%s, as Outlook writes) reads like UTF-8', async (encoding) => {
    const text = await readFile(join(FIXTURES_DIR, 'contacts', 'outlook.csv'), 'utf8');
    const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
    const bytes = encoding === 'utf16le' ? le : Buffer.from(le).swap16();
    const expected = (await parse(join(FIXTURES_DIR, 'contacts', 'outlook.csv'), 'outlook.csv')).sink.records;
    expect((await parse(await write(bytes), 'outlook.csv')).sink.records).toEqual(expected);
    expect(expected).toHaveLength(2);
  });

  it('UTF-16 without a BOM is recognised by its zero high bytes', async () => {
    const { sink } = await parse(await write(Buffer.from(`${CONNECTIONS}Ada,Zed,,,,,01 Jan 2026\n`, 'utf16le')));
    expect(sink.contacts()[0]!.person.name).toBe('Ada Zed');
  });

  it('CRLF, LF and CR line ends and quoted newlines keep line numbers where each record starts', async () => {
    const csv = `Notes:\r\n"a preamble\r\nover two lines"\r\n\r\n${CONNECTIONS.trim()}\r\nAda,Zed,,,"Two\r\nlines",,01 Jan 2026\nBea,Yu,,,,,02 Jan 2026\rCy,Xu,,,"three\nline\nfield",,03 Jan 2026\r\nDi,Wu,,,,,04 Jan 2026`;
    const { sink } = await parse(await write(csv));
    expect(sink.contacts().map((c) => [c.person.name, c.at.line])).toEqual([
      ['Ada Zed', 6],
      ['Bea Yu', 8],
      ['Cy Xu', 9],
      ['Di Wu', 12],
    ]);
  });

  it('malformed quoting is a format error naming the line', async () => {
    const error = await failure(await write(`${CONNECTIONS}Ada,Zed,,,,,01 Jan 2026\n"Bea"x,"unterminated`));
    expect(error.code).toBe('csv_malformed');
  });
});

describe('rows and headers', () => {
  it('a LinkedIn file without its header row in the first lines: missing_headers', async () => {
    const path = await buildLinkedInArchive(eraPath('linkedin-2019'), tmp.file('nohead.zip'), [{ name: 'Connections.csv', content: 'Given,Family\nAda,Zed\n' }]);
    expect(await failure(path, 'nohead.zip')).toMatchObject({ code: 'missing_headers', file: 'Connections.csv' });
  });

  it('a mapping naming a column the file lacks: missing_headers; no mapping and no preset: mapping_required', async () => {
    const path = await write('Who,Where\nAda,Genoa\n');
    expect((await failure(path)).code).toBe('mapping_required');
    expect((await failure(path, 'x.csv', { mapping: { name: 'Full Name' } })).code).toBe('missing_headers');
  });

  it('extra columns: an issue, the row kept; no name: an issue, skipped', async () => {
    const { sink } = await parse(await write(`${CONNECTIONS}Ada,Zed,,,,,01 Jan 2026,surplus\n,,,,Acme,,01 Jan 2026\n`));
    expect(sink.contacts().map((c) => c.person.name)).toEqual(['Ada Zed']);
    expect(sink.issues.map((i) => [i.line, i.code])).toEqual([
      [2, 'extra_columns'],
      [3, 'missing_name'],
    ]);
  });

  it('more rows than allowed: too_many_rows', async () => {
    const path = await write(`${CONNECTIONS}${'Ada,Zed,,,,,01 Jan 2026\n'.repeat(4)}`);
    expect(await failure(path, 'x.csv', { limits: { ...limits, maxRowsPerFile: 3 } })).toMatchObject({ code: 'too_many_rows', line: 5 });
  });

  it('an upload larger than allowed is refused without reading it (1 GB sparse file)', async () => {
    const path = tmp.file('huge.csv');
    await (await open(path, 'w')).close();
    await truncate(path, 1024 ** 3);
    const started = Date.now();
    expect((await failure(path, 'huge.csv')).code).toBe('file_too_large');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('empty files are format errors, not crashes', async () => {
    expect((await failure(await write(''))).code).toBe('missing_headers');
  });
});

describe('progress', () => {
  it('reports bytes read as the upload is consumed, ending at the total', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `Name${i},Zed,,,,,01 Jan 2026\n`);
    const path = await write(CONNECTIONS + rows.join(''));
    const { sink } = await parse(path);
    const calls = sink.progress.calls;
    expect(calls.length).toBeGreaterThan(3);
    const total = calls.at(-1)![1];
    expect(calls.at(-1)).toEqual([total, total]);
    expect(calls.every(([done], i) => i === 0 || done >= calls[i - 1]![0])).toBe(true);
  });

  it('reports archive progress entry by entry', async () => {
    const path = await buildLinkedInArchive(eraPath('linkedin-2026'), tmp.file('progress.zip'));
    const { sink } = await parse(path, 'progress.zip');
    expect(sink.progress.calls.length).toBeGreaterThan(5);
  });
});
