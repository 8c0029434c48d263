import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, parsePeopleCsv } from './csv.ts';
import { CsvSyntaxError, parseCsv } from './csv-reader.ts';
import { parseEdgeListText, parseNodeNames } from './edge-list.ts';

/**
 * The command-line importers' parsers (`rapport import`) under fast-check: any text gives people, edges or
 * names plus issues that name a line, and never an exception. The upload parsers (server/imports/parse) have
 * their own fuzz suite; these read text the operator points them at, which can be anything on disk.
 */
const SEED = 160_016;
const RUNS = 400;

const PIECES = [',', '"', '""', '\n', '\r', '\r\n', ' ', '\t', '#', '%', 'a', 'é', '\uFEFF', '\u0000', '\uD800', '\uDFFF', '😀', '1', '-1', '9007199254740993', '1e400', 'NaN', 'x@y.z', ';', '|'];
/** Text built from the characters CSV and edge-list readers branch on, so the fuzzer reaches their corners. */
const csvish = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', maxLength: 8 })), { maxLength: 300 }).map((parts) => parts.join(''));
/** The same, after a header the reader accepts, so rows reach the per-field rules too. */
const withHeader = (header: string) => csvish.map((body) => `${header}\n${body}`);
/** Raw bytes decoded as a careless reader would: UTF-8 with replacement characters, or Latin-1. */
const bytesAsText = fc.tuple(fc.uint8Array({ maxLength: 600 }), fc.boolean()).map(([bytes, utf8]) => Buffer.from(bytes).toString(utf8 ? 'utf8' : 'latin1'));
const anyText = fc.oneof(csvish, bytesAsText, withHeader(CSV_COLUMNS.join(',')), withHeader('id,name'), withHeader('id_1,id_2'));

/** Every issue points at a line of the file and says something. */
function expectClearIssues(issues: { file: string; line: number; message: string }[]): void {
  for (const issue of issues) {
    expect(issue.file).toBe('fuzz.csv');
    expect(Number.isInteger(issue.line) && issue.line >= 0).toBe(true);
    expect(issue.message.trim()).not.toBe('');
  }
}

describe('fuzzing the command-line importers: any text gives results and clear issues, never an exception', () => {
  it('the CSV reader parses or throws only its own syntax error, with a line number', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        try {
          const records = parseCsv(text);
          for (const r of records) expect(r.line).toBeGreaterThanOrEqual(1);
        } catch (error) {
          expect(error).toBeInstanceOf(CsvSyntaxError);
          expect((error as CsvSyntaxError).line).toBeGreaterThanOrEqual(1);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('the people CSV importer', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const { people, issues } = parsePeopleCsv(text, 'fuzz.csv', new Date('2026-01-01T00:00:00Z'));
        expectClearIssues(issues);
        for (const person of people) expect(person.email).toMatch(/@/);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('the edge-list importer', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const read = parseEdgeListText(text, 'fuzz.csv');
        expectClearIssues(read.issues);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('the node-names importer', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const { issues } = parseNodeNames(text, 'fuzz.csv');
        expectClearIssues(issues);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
