import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLinkedInArchive, eraPath } from './fixtures/build-archive.ts';
import { collect, tempDir } from './fixtures/collect.ts';
import { DEFAULT_IMPORT_LIMITS, inspectCsv, parseUpload } from './index.ts';

const limits = DEFAULT_IMPORT_LIMITS;
let tmp: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  tmp = await tempDir();
});
afterAll(() => tmp.remove());

async function parseEra(era: string, extra: Parameters<typeof buildLinkedInArchive>[2] = [], prefix = '') {
  const path = await buildLinkedInArchive(eraPath(era), tmp.file(`${era}-${prefix.length}-${extra.length}.zip`), extra, prefix);
  const sink = collect();
  const summary = await parseUpload({ path, name: `${era}.zip` }, { limits }, sink);
  return { sink, summary };
}

const byName = <T extends { person: { name: string } }>(records: T[], name: string): T[] => records.filter((r) => r.person.name === name);

describe('LinkedIn archive, 2026', () => {
  it('reads connections by header name under the Notes: preamble, normalising URLs and dates', async () => {
    const { sink } = await parseEra('linkedin-2026');
    const [ottoline] = byName(sink.contacts(), 'Ottoline Vasquez-Brennan');
    expect(ottoline).toMatchObject({
      source: 'linkedin',
      at: { file: 'Connections.csv', line: 5 },
      person: { firstName: 'Ottoline', urls: ['https://www.linkedin.com/in/ottoline-vasquez-brennan'], organisation: 'Kestrel Lantern Works', title: 'Glassblower', connectedOn: '2026-02-08' },
    });
    expect(byName(sink.contacts(), 'Thaddeus Okonkwo-Lindqvist')[0]!.person.urls).toEqual(['https://www.linkedin.com/in/thaddeus-okonkwo-lindqvist']);
    expect(byName(sink.contacts(), 'Perpetua Szymańska')[0]!.person.emails).toEqual(['perpetua.szymanska@example.org']);
    // A quoted newline: the record's line is where it starts.
    expect(byName(sink.contacts(), 'Hyacinth Ó Briain, Jr.')[0]).toMatchObject({ at: { line: 15 }, person: { title: 'Binder, Restorer' } });
  });

  it('reports an impossible date and a duplicate, keeping the first and the dated row', async () => {
    const { sink } = await parseEra('linkedin-2026');
    expect(sink.issues).toContainEqual(expect.objectContaining({ file: 'Connections.csv', line: 13, code: 'bad_date' }));
    expect(sink.issues).toContainEqual(expect.objectContaining({ file: 'Connections.csv', line: 14, code: 'duplicate_row' }));
    const casimirs = byName(sink.contacts(), 'Casimir Undset');
    expect(casimirs.map((c) => c.person.organisation)).toEqual(['Brackenridge Ropeworks', 'Tidewater Salvage']);
    expect(casimirs[1]!.person.connectedOn).toBeUndefined();
    expect(byName(sink.contacts(), 'Ottoline Vasquez-Brennan')).toHaveLength(1);
  });

  it('folds invitations and messages into one record per other person, never the owner, skipping drafts', async () => {
    const { sink } = await parseEra('linkedin-2026');
    const interactions = sink.ofKind('interactions');
    expect(interactions.map((i) => i.person.name).sort()).toEqual(['Ottoline Vasquez-Brennan', 'Perpetua Szymańska', 'Thaddeus Okonkwo-Lindqvist']);
    expect(byName(interactions, 'Ottoline Vasquez-Brennan')[0]).toMatchObject({ messages: 2, invitations: 1, lastAt: '2026-01-30T09:15:00.000Z', person: { url: 'https://www.linkedin.com/in/ottoline-vasquez-brennan' } });
    // The draft of 3 Feb is not counted.
    expect(byName(interactions, 'Thaddeus Okonkwo-Lindqvist')[0]).toMatchObject({ messages: 1, invitations: 1, lastAt: '2026-02-02T17:00:00.000Z' });
    expect(byName(interactions, 'Perpetua Szymańska')[0]).toMatchObject({ messages: 1, invitations: 0 });
    expect(JSON.stringify(interactions)).not.toContain('kiln');
    expect(sink.issues).toContainEqual(expect.objectContaining({ file: 'Invitations.csv', line: 4, code: 'bad_date' }));
  });

  it('reads the profile, positions, education, skills, endorsements, recommendations and notes', async () => {
    const { sink } = await parseEra('linkedin-2026');
    expect(sink.ofKind('profile')[0]!.profile).toMatchObject({ firstName: 'Marisol', headline: 'Cartographer of small harbours', websites: ['https://quennell.example', 'https://harbourlight.example'] });
    expect(sink.ofKind('position').map((p) => [p.position.organisation, p.position.startedOn, p.position.finishedOn])).toEqual([
      ['Harbourlight Surveys', '2019-02', undefined],
      ['Portolan Guild', '2015', '2019-01'],
      ['Tidewater Almanac', '2013-03', '2015-02'],
    ]);
    expect(sink.ofKind('education')[1]!.education).toEqual({ school: 'Portolan Guild School', startedOn: '2014-09' });
    expect(sink.issues).toContainEqual(expect.objectContaining({ file: 'Education.csv', line: 3, code: 'bad_date' }));
    expect(sink.ofKind('skill').map((s) => s.name)).toEqual(['Cartography', 'Hydrography', 'Tide tables']);
    expect(sink.ofKind('endorsement_received').map((e) => [e.skill, e.endorser.url, e.date])).toEqual([
      ['Cartography', 'https://www.linkedin.com/in/ottoline-vasquez-brennan', '2020-05-12T10:11:12.000Z'],
      ['Hydrography', 'https://www.linkedin.com/in/thaddeus-okonkwo-lindqvist', '2021-07-01T08:00:00.000Z'],
    ]);
    expect(sink.ofKind('recommendation_received')[0]).toMatchObject({ author: { name: 'Perpetua Szymańska', organisation: 'Quillfeather Press' }, date: '2020-05-12T10:11:00.000Z' });
    expect(sink.ofKind('note').map((n) => [n.person.name, n.date])).toEqual([
      ['Thaddeus Okonkwo-Lindqvist', '2026-01-05'],
      ['Casimir Undset', '2025-06-30'],
    ]);
  });

  it('lists the other files as ignored, without opening them, and counts per file', async () => {
    const { summary } = await parseEra('linkedin-2026', [{ name: 'Rich_Media.csv', content: 'not,even\n"csv' }]);
    expect(summary.ignored.sort()).toEqual(['Ad_Targeting.csv', 'Inferences_about_you.csv', 'Rich_Media.csv', 'Security Challenges.csv']);
    // An ignored entry that would be refused as a bomb if it were opened: the archive still reads.
    const bomb = await parseEra('linkedin-2026', [{ name: 'Inferences/huge.csv', content: 'x'.repeat(30_000_000) }]);
    expect(bomb.summary.ignored).toContain('Inferences/huge.csv');
    expect(bomb.sink.contacts()).toHaveLength(10);
    expect(summary.files.find((f) => f.name === 'Connections.csv')).toEqual({ name: 'Connections.csv', records: 10, issues: 2 });
  });

  it('matches file names case-insensitively in any folder of the ZIP', async () => {
    const { sink, summary } = await parseEra('linkedin-2026', [], 'Basic_LinkedInDataExport_02-08-2026/');
    expect(summary.files.map((f) => f.name)).toContain('Basic_LinkedInDataExport_02-08-2026/Connections.csv');
    expect(sink.contacts()).toHaveLength(10);
    const lower = await parseEra('linkedin-2019', [{ name: 'export/CONNECTIONS.CSV', content: 'First Name,Last Name,Connected On\nQ,R,1/1/19\n' }]);
    expect(lower.summary.files.map((f) => f.name)).toContain('export/CONNECTIONS.CSV');
  });
});

describe('LinkedIn archive, older eras', () => {
  it('2019: no preamble, no URL column, US dates, old messages, owner from Profile.csv', async () => {
    const { sink } = await parseEra('linkedin-2019');
    expect(sink.contacts().map((c) => [c.person.name, c.person.connectedOn, c.at.line])).toEqual([
      ['Perpetua Szymańska', '2019-02-08', 2],
      ['Casimir Undset', '2018-11-30', 3],
      ['Casimir Undset', '2019-01-03', 4],
      ['Wendeline Marchetti-Oyelaran', undefined, 5],
    ]);
    expect(sink.issues).toEqual([expect.objectContaining({ file: 'Connections.csv', line: 5, code: 'bad_date' }), expect.objectContaining({ file: 'Skills.csv', line: 4, code: 'duplicate_row' })]);
    expect(sink.ofKind('interactions').map((i) => [i.person.name, i.messages, i.lastAt])).toEqual([
      ['Perpetua Szymańska', 2, '2019-05-13T08:00:00.000Z'],
      ['Casimir Undset', 1, '2019-04-01T09:30:00.000Z'],
    ]);
  });

  it('2022: preamble without URL column; duplicates by email and a row without a name are reported', async () => {
    const { sink } = await parseEra('linkedin-2022');
    expect(sink.contacts().map((c) => c.person.name)).toEqual(['Bartholomew Quaye', 'Isadora Fenwick-Achebe', 'Isadora Fenwick-Achebe']);
    expect(sink.issues.map((i) => [i.file, i.line, i.code])).toEqual([
      ['Connections.csv', 8, 'duplicate_row'],
      ['Connections.csv', 9, 'missing_name'],
    ]);
    expect(sink.ofKind('interactions').map((i) => [i.person.name, i.messages, i.invitations])).toEqual([
      ['Bartholomew Quaye', 2, 1],
      ['Isadora Fenwick-Achebe', 1, 1],
    ]);
  });
});

describe('LinkedIn files uploaded alone', () => {
  it('a lone Connections.csv (renamed) is recognised by its headers', async () => {
    const path = tmp.file('my connections (1).csv');
    await copyFile(join(eraPath('linkedin-2026'), 'Connections.csv'), path);
    const sink = collect();
    const summary = await parseUpload({ path, name: 'my connections (1).csv' }, { limits }, sink);
    expect(sink.contacts()).toHaveLength(10);
    expect(summary.files).toEqual([{ name: 'my connections (1).csv', records: 10, issues: 2 }]);
    const inspection = await inspectCsv({ path, name: 'x.csv' }, limits);
    expect(inspection).toMatchObject({ preset: 'linkedin-connections', headerLine: 4, headers: ['First Name', 'Last Name', 'URL', 'Email Address', 'Company', 'Position', 'Connected On'] });
  });

  it('a lone messages.csv without Profile.csv finds the owner as the person in the most rows', async () => {
    const sink = collect();
    await parseUpload({ path: join(eraPath('linkedin-2026'), 'messages.csv'), name: 'messages.csv' }, { limits }, sink);
    expect(sink.ofKind('interactions').map((i) => i.person.name).sort()).toEqual(['Ottoline Vasquez-Brennan', 'Perpetua Szymańska', 'Thaddeus Okonkwo-Lindqvist']);
  });

  it('memory for interactions grows with people, not rows', async () => {
    const rows = ['FROM,TO,DATE,CONTENT'];
    for (let i = 0; i < 20_000; i++) rows.push(`Owner Person,Friend ${i % 7},2025-01-${String((i % 28) + 1).padStart(2, '0')} 10:00:00 UTC,hello ${i}`);
    const path = tmp.file('big-messages.csv');
    await writeFile(path, rows.join('\n'));
    const sink = collect();
    await parseUpload({ path, name: 'messages.csv' }, { limits }, sink);
    expect(sink.ofKind('interactions')).toHaveLength(7);
    expect(sink.ofKind('interactions').reduce((n, i) => n + i.messages, 0)).toBe(20_000);
  });
});
