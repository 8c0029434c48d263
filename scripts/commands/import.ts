import { resolve } from 'node:path';
import { readPeopleCsv } from '../../server/importers/csv.ts';
import { type ImportIssue, ImportValidationError, formatIssue } from '../../server/importers/issues.ts';
import { readLdbc } from '../../server/importers/ldbc.ts';
import { type ReadResult, importRead } from '../../server/importers/people.ts';
import { describeDatabase, openConfiguredDatabase, UsageError } from '../lib/database.ts';
import { progressReporter } from '../lib/progress.ts';
import type { Command } from './types.ts';

const MAX_SHOWN = 50;

const usage = `Usage:
  rapport import csv <file>     people from a CSV with the header
                                email,name,headline,organisation,title,location,skills  (skills separated by ";")
  rapport import ldbc <dir>     people and who knows whom from an LDBC SNB data set (Neo4j CSV, pipe-separated;
                                each file plain or gzip-compressed, e.g. datasets/ldbc-snb-sf0.1)

Every row is validated first; if any is bad, the problems are listed (file:line) and nothing is imported.
Then everything is imported in one transaction. Members are matched by email, so importing again updates
profiles and creates nobody twice. Imported members have verified addresses and no usable password: they
claim their account with "Forgot password". The target is the server's database (RAPPORT_DATA_DIR or DATABASE_URL).`;

function reportIssues(issues: ImportIssue[]): number {
  for (const issue of issues.slice(0, MAX_SHOWN)) console.error(formatIssue(issue));
  if (issues.length > MAX_SHOWN) console.error(`... and ${issues.length - MAX_SHOWN} more`);
  console.error(`\n${issues.length} problem${issues.length === 1 ? '' : 's'} found; nothing was imported.`);
  return 1;
}

export const importCommand: Command = {
  name: 'import',
  summary: 'import people from a CSV file or an LDBC SNB data set',
  usage,
  async run(args) {
    const [format, path, ...extra] = args;
    if (!format || format === '--help' || format === '-h') {
      console.log(usage);
      return format ? 0 : 2;
    }
    if (!path || extra.length) throw new UsageError(usage);
    const started = performance.now();
    let read: ReadResult;
    try {
      if (format === 'csv') read = await readPeopleCsv(resolve(path));
      else if (format === 'ldbc') read = await readLdbc(resolve(path));
      else throw new UsageError(`Unknown import format "${format}".\n\n${usage}`);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') throw new UsageError(`Cannot read ${path}: ${(err as Error).message}`);
      throw err;
    }
    if (read.issues.length) return reportIssues(read.issues);
    console.error(`validated ${read.people.length.toLocaleString('en')} people in ${Math.round(performance.now() - started)} ms`);

    const { config, database } = await openConfiguredDatabase();
    const progress = progressReporter('imported');
    try {
      console.error(`importing into ${describeDatabase(config)}`);
      const result = await importRead(database, read, {
        publicUrl: config.publicUrl,
        scryptLogN: config.scryptLogN,
        onProgress: (done, total) => progress.update(done, total),
      });
      progress.finish();
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(
        `Imported ${result.total.toLocaleString('en')} people in ${seconds} s: ${result.created} new, ${result.updated} updated, ` +
          `${result.unchanged} unchanged; ${result.organisationsCreated} new organisations; ${result.connectionsCreated.toLocaleString('en')} new connections.`,
      );
      if (result.noOperator) {
        console.log(
          'Note: the database had no members, so it has no operator: imported members are never made operator. ' +
            'Sign up the operator first (in a fresh data directory) and then import.',
        );
      }
      return 0;
    } catch (err) {
      // Problems only visible across the whole input (the same email twice) surface here, still before any write.
      if (err instanceof ImportValidationError) {
        progress.finish();
        return reportIssues(err.issues);
      }
      throw err;
    } finally {
      progress.finish();
      await database.close();
    }
  },
};
