/**
 * Reading Rapport's own export back (issue 14, "Round trip"): the profile, positions, education and skills,
 * and one contact per connection (and per person the member kept a card or notes on), carrying the card's
 * memory: how we met, cadence, tags and notes. The old instance's profile link goes in `urls`, so the person
 * can be matched and invited again here.
 *
 * The export writes table files as a JSON array with one element per line (exports/zip.ts), so they are read
 * line by line, streamed, each record naming its own line; a file re-saved in another layout is read whole.
 * A file that is not what the manifest says (bad JSON, another format, a newer version) fails the import with
 * an ImportFormatError naming the file and line.
 */
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { EXPORT_FORMAT, EXPORT_VERSION } from '../../../common/exports.ts';
import { type ArchiveEntry, type ImportedPerson, ImportFormatError, type ImportSink } from '../records.ts';

type Json = Record<string, unknown>;

/** Largest document (manifest, profile, a re-saved table) read whole: far above what an export writes. */
const MAX_WHOLE_BYTES = 64 * 1024 * 1024;

export async function readRapportExport(entries: ArchiveEntry[], sink: ImportSink): Promise<void> {
  const manifestEntry = entries.find((e) => e.name === 'manifest.json' || e.name.endsWith('/manifest.json'));
  if (!manifestEntry) throw new ImportFormatError('unrecognised_file', 'manifest.json', null, 'no manifest.json in the archive');
  const prefix = manifestEntry.name.slice(0, manifestEntry.name.length - 'manifest.json'.length);
  const byName = new Map(entries.filter((e) => e.name.startsWith(prefix)).map((e) => [e.name.slice(prefix.length), e]));
  const total = [...byName.values()].reduce((sum, e) => sum + e.uncompressedSize, 0);
  let done = 0;
  const step = (name: string) => {
    done += byName.get(name)?.uncompressedSize ?? 0;
    sink.progress(Math.min(done, total), total);
  };

  const manifest = await readDocument(manifestEntry, 'manifest.json');
  if (manifest.format !== EXPORT_FORMAT) throw new ImportFormatError('unrecognised_file', 'manifest.json', lineOfKey(manifest, 'format'), `format is not ${EXPORT_FORMAT}`);
  if (manifest.version !== EXPORT_VERSION) {
    throw new ImportFormatError('unsupported_version', 'manifest.json', lineOfKey(manifest, 'version'), `version ${String(manifest.version)}, this reader knows ${EXPORT_VERSION}`);
  }
  step('manifest.json');

  const profile = byName.get('profile.json');
  if (profile) {
    const p = await readDocument(profile, 'profile.json');
    const { firstName, lastName } = splitName(str(p.name));
    const links = Array.isArray(p.links) ? p.links : [];
    await sink.record({
      kind: 'profile',
      at: { file: 'profile.json', line: 1 },
      profile: {
        ...(firstName ? { firstName } : {}),
        ...(lastName ? { lastName } : {}),
        ...opt('headline', str(p.headline)),
        ...opt('summary', str(p.about)),
        ...opt('location', str(p.location)),
        ...opt('industry', str(p.industry)),
        websites: links.flatMap((l) => (isObject(l) && typeof l.url === 'string' ? [l.url] : [])),
      },
    });
    step('profile.json');
  }

  for await (const { row, line } of table(byName, 'positions.json')) {
    const organisation = str(row.organisation);
    if (!organisation) {
      sink.issue({ file: 'positions.json', line, code: 'missing_organisation' });
      continue;
    }
    await sink.record({
      kind: 'position',
      at: { file: 'positions.json', line },
      position: { organisation, ...opt('title', str(row.title)), ...opt('description', str(row.description)), ...opt('startedOn', month(row.startDate)), ...opt('finishedOn', month(row.endDate)) },
    });
  }
  step('positions.json');

  for await (const { row, line } of table(byName, 'education.json')) {
    const school = str(row.school);
    if (!school) {
      sink.issue({ file: 'education.json', line, code: 'missing_school' });
      continue;
    }
    await sink.record({
      kind: 'education',
      at: { file: 'education.json', line },
      education: { school, ...opt('degree', str(row.degree)), ...opt('startedOn', yearOf(row.startYear)), ...opt('finishedOn', yearOf(row.endYear)) },
    });
  }
  step('education.json');

  for await (const { row, line } of table(byName, 'skills.json')) {
    const name = str(row.name);
    if (name) await sink.record({ kind: 'skill', at: { file: 'skills.json', line }, name });
    else sink.issue({ file: 'skills.json', line, code: 'missing_name' });
  }
  step('skills.json');

  // The memory first (tags, cards, notes: one entry per person the member kept something on), then one
  // contact per connection with it; people with memory who are no longer connections come last.
  const tags = new Map<string, { name: string; colour?: string; cadence?: string }>();
  for await (const { row } of table(byName, 'tags.json')) {
    const name = str(row.name);
    if (name) tags.set(name, { name, ...opt('colour', str(row.colour)), ...opt('cadence', str(row.cadence)) });
  }
  step('tags.json');

  interface Memory {
    name: string;
    url?: string;
    line: number;
    file: string;
    metText?: string;
    cadence?: string;
    tags: string[];
    notes: { text: string; metOn?: string }[];
  }
  const memory = new Map<string, Memory>();
  const memoryOf = (handle: string, name: string, file: string, line: number): Memory => {
    let m = memory.get(handle);
    if (!m) memory.set(handle, (m = { name, file, line, tags: [], notes: [] }));
    return m;
  };
  for await (const { row, line } of table(byName, 'relationships.json')) {
    const handle = str(row.handle);
    if (!handle) continue;
    const m = memoryOf(handle, str(row.name) || handle, 'relationships.json', line);
    Object.assign(m, opt('metText', str(row.metText)), opt('cadence', str(row.cadence)), opt('url', str(row.profileUrl)));
    if (Array.isArray(row.tags)) m.tags = row.tags.filter((t): t is string => typeof t === 'string');
  }
  step('relationships.json');
  for await (const { row, line } of table(byName, 'notes.json')) {
    const handle = str(row.handle);
    const text = str(row.text);
    if (!handle || !text) {
      sink.issue({ file: 'notes.json', line, code: 'missing_text' });
      continue;
    }
    memoryOf(handle, str(row.name) || handle, 'notes.json', line).notes.push({ text, ...opt('metOn', day(row.metOn)) });
  }
  step('notes.json');

  const withMemory = (handle: string, person: ImportedPerson, at: { file: string; line: number }) => {
    const m = memory.get(handle);
    memory.delete(handle);
    return {
      kind: 'contact' as const,
      source: 'rapport' as const,
      at,
      person: m?.url && !person.urls.includes(m.url) ? { ...person, urls: [...person.urls, m.url] } : person,
      ...(m?.metText ? { metText: m.metText } : {}),
      ...(m?.cadence ? { cadence: m.cadence } : {}),
      ...(m && m.tags.length ? { tags: m.tags.map((t) => tags.get(t) ?? { name: t }) } : {}),
      ...(m && m.notes.length ? { notes: m.notes } : {}),
    };
  };

  for await (const { row, line } of table(byName, 'connections.json')) {
    const name = str(row.name);
    const handle = str(row.handle);
    if (!name) {
      sink.issue({ file: 'connections.json', line, code: 'missing_name' });
      continue;
    }
    const person: ImportedPerson = {
      name,
      ...splitName(name),
      emails: [],
      phones: [],
      urls: str(row.profileUrl) ? [str(row.profileUrl)] : [],
      ...opt('organisation', str(row.organisation)),
      ...opt('title', str(row.title)),
      ...opt('connectedOn', day(row.connectedAt)),
    };
    await sink.record(withMemory(handle, person, { file: 'connections.json', line }));
  }
  step('connections.json');

  // The contacts section (people imported from elsewhere), when the export has one.
  for await (const { row, line } of table(byName, 'contacts.json')) {
    const name = str(row.name);
    if (!name) {
      sink.issue({ file: 'contacts.json', line, code: 'missing_name' });
      continue;
    }
    const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : []);
    const rowTags = Array.isArray(row.tags) ? row.tags.flatMap((t) => (typeof t === 'string' ? [tags.get(t) ?? { name: t }] : isObject(t) && str(t.name) ? [{ name: str(t.name), ...opt('colour', str(t.colour)), ...opt('cadence', str(t.cadence)) }] : [])) : [];
    const rowNotes = Array.isArray(row.notes) ? row.notes.flatMap((n) => (isObject(n) && str(n.text) ? [{ text: str(n.text), ...opt('metOn', day(n.metOn)) }] : [])) : [];
    await sink.record({
      kind: 'contact',
      source: 'rapport',
      at: { file: 'contacts.json', line },
      person: {
        name,
        ...splitName(name),
        emails: [...new Set(list(row.emails).map((e) => e.trim().toLowerCase()))],
        phones: list(row.phones),
        urls: list(row.urls),
        ...opt('organisation', str(row.organisation)),
        ...opt('title', str(row.title)),
      },
      ...opt('metText', str(row.metText)),
      ...opt('cadence', str(row.cadence)),
      ...(rowTags.length ? { tags: rowTags } : {}),
      ...(rowNotes.length ? { notes: rowNotes } : {}),
    });
  }
  step('contacts.json');

  for (const [handle, m] of memory) {
    await sink.record(withMemory(handle, { name: m.name, ...splitName(m.name), emails: [], phones: [], urls: [] }, { file: m.file, line: m.line }));
  }
  sink.progress(total, total);
}

/** A table file's rows with their lines; nothing when the archive has no such file. */
async function* table(byName: Map<string, ArchiveEntry>, file: string): AsyncGenerator<{ row: Json; line: number }> {
  const entry = byName.get(file);
  if (!entry) return;
  const stream = await entry.open();
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let n = 0;
  let state: 'start' | 'rows' | 'end' = 'start';
  const whole: string[] = [];
  let yielded = false;
  for await (const raw of lines) {
    n += 1;
    const text = n === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (state === 'start') {
      if (text.trim() === '[]') {
        state = 'end';
        continue;
      }
      if (text.trim() !== '[') {
        // Not the export's own layout (re-saved by another tool): read it whole, within a bound.
        whole.push(text);
        for await (const rest of lines) whole.push(rest);
        yield* wholeArray(file, whole.join('\n'));
        return;
      }
      state = 'rows';
      continue;
    }
    const trimmed = text.trim();
    if (state === 'end') {
      if (trimmed !== '') throw new ImportFormatError('invalid_json', file, n, 'content after the end of the array');
      continue;
    }
    if (trimmed === ']') {
      state = 'end';
      continue;
    }
    if (trimmed === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(trimmed.endsWith(',') ? trimmed.slice(0, -1) : trimmed);
    } catch (err) {
      if (yielded) throw new ImportFormatError('invalid_json', file, n, (err as Error).message);
      // The first row spans lines: a pretty-printed array, not the export's one row a line. Read it whole.
      whole.push('[', text);
      for await (const rest of lines) whole.push(rest);
      yield* wholeArray(file, whole.join('\n'));
      return;
    }
    if (!isObject(value)) throw new ImportFormatError('invalid_json', file, n, 'a row is not an object');
    yielded = true;
    yield { row: value, line: n };
  }
  if (state !== 'end') throw new ImportFormatError('invalid_json', file, n === 0 ? 1 : n, 'the file ends before its array does');
}

function* wholeArray(file: string, text: string): Generator<{ row: Json; line: number }> {
  if (text.length > MAX_WHOLE_BYTES) throw new ImportFormatError('file_too_large', file, null);
  const value = parseJson(file, text);
  if (!Array.isArray(value)) throw new ImportFormatError('invalid_json', file, 1, 'not an array');
  let i = 0;
  for (const row of value) {
    i += 1;
    if (!isObject(row)) throw new ImportFormatError('invalid_json', file, 1, `element ${i} is not an object`);
    yield { row, line: 1 };
  }
}

async function readDocument(entry: ArchiveEntry, file: string): Promise<Json> {
  if (entry.uncompressedSize > MAX_WHOLE_BYTES) throw new ImportFormatError('file_too_large', file, null);
  const text = (await readText(await entry.open(), MAX_WHOLE_BYTES, file)).replace(/^\uFEFF/, '');
  const value = parseJson(file, text);
  if (!isObject(value)) throw new ImportFormatError('invalid_json', file, 1, 'not an object');
  return value;
}

async function readText(stream: Readable, max: number, file: string): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += b.length;
    if (size > max) {
      stream.destroy();
      throw new ImportFormatError('file_too_large', file, null);
    }
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** JSON.parse, failing with the line the parser stopped at. */
function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const message = (err as Error).message;
    const byLine = /line (\d+)/.exec(message);
    const byPosition = /position (\d+)/.exec(message);
    const line = byLine ? Number(byLine[1]) : byPosition ? text.slice(0, Number(byPosition[1])).split('\n').length : text.split('\n').length;
    throw new ImportFormatError('invalid_json', file, line, message);
  }
}

/** The manifest's line of a key, as the export lays it out (pretty-printed, one key a line); 1 if not found. */
function lineOfKey(_doc: Json, key: string): number {
  return key === 'format' ? 2 : key === 'version' ? 3 : 1;
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
const opt = <K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> => (value ? ({ [key]: value } as Record<K, string>) : {});

function splitName(name: string): { firstName?: string; lastName?: string } {
  const parts = name.split(/\s+/).filter(Boolean);
  if (parts.length === 0) return {};
  if (parts.length === 1) return { firstName: parts[0]! };
  return { firstName: parts[0]!, lastName: parts.slice(1).join(' ') };
}

/** yyyy-mm from an export's yyyy-mm-dd (a position's month: the profile keeps months). */
function month(v: unknown): string | undefined {
  const m = typeof v === 'string' ? /^(\d{4}-\d{2})(-\d{2})?$/.exec(v) : null;
  return m ? m[1] : undefined;
}

/** yyyy-mm-dd from an instant or a day. */
function day(v: unknown): string | undefined {
  const m = typeof v === 'string' ? /^(\d{4}-\d{2}-\d{2})/.exec(v) : null;
  return m ? m[1] : undefined;
}

function yearOf(v: unknown): string | undefined {
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? String(v) : undefined;
}
