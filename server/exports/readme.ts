/**
 * The export's README.md, written from the sections' own descriptions so a file and its entry cannot drift.
 * In English: the files' field names are English too, and the README is a reference for tools as much as people.
 */
import type { ExportSection } from './sections/section.ts';

export interface ManifestFile {
  name: string;
  about: string;
  /** Rows of a table's file; absent for a document or a binary file. */
  rows?: number;
}

export function readme(input: { handle: string; name: string; instance: string; exportedAt: string; sections: readonly ExportSection[]; files: ManifestFile[]; photo: string | null }): string {
  const lines: string[] = [
    `# Your Rapport data: ${input.name} (@${input.handle})`,
    '',
    `Exported from ${input.instance} on ${input.exportedAt}.`,
    '',
    'This archive holds everything you put into Rapport and everything about you there: your profile, your network,',
    'your conversation, your private relationship memory and your settings. Tables come twice, as JSON (an array of',
    'objects, UTF-8) and as CSV (a header row, comma-separated, UTF-8, CRLF line ends; a list in a cell is joined with',
    '"; ", and a cell that starts with = + - or @ is prefixed with an apostrophe so that a spreadsheet does not run it).',
    'Dates are ISO 8601: instants in UTC, days as yyyy-mm-dd. Other members appear by handle and name, never with their',
    'email address or what they keep private.',
    '',
    'Another Rapport instance can import this archive: your profile, notes, tags and people come back (your',
    'connections as contacts to invite again).',
    '',
    '## Files',
    '',
    '- `manifest.json`: what this archive is (`format` "rapport-export", `version`, `exportedAt`, `instance`,',
    '  `member` with your handle and name) and the list of its files with how many rows each table holds.',
    '- `README.md`: this file.',
  ];
  if (input.photo) lines.push(`- \`${input.photo}\`: your profile photo, as stored.`);
  for (const section of input.sections) {
    const names = section.kind === 'table' ? [`${section.name}.json`, `${section.name}.csv`] : [`${section.name}.json`];
    lines.push('', `### ${names.map((n) => `\`${n}\``).join(' and ')}`, '', section.about, '');
    lines.push(section.kind === 'table' ? '| column | meaning |' : '| field | meaning |', '|---|---|');
    for (const [field, meaning] of Object.entries(section.fields)) lines.push(`| \`${field}\` | ${meaning.replaceAll('|', '\\|')} |`);
  }
  lines.push('');
  return lines.join('\n');
}
