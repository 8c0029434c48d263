import { UsageError } from '../lib/database.ts';
import { graphImportUsage, runGraphImport } from './graph-import.ts';
import { graphQueryUsage, runGraphQuery } from './graph-query.ts';
import { graphVerifyUsage, runGraphVerify } from './graph-verify.ts';
import type { Command } from './types.ts';

const usage = `Usage: rapport graph <verify|query|import> [arguments]   (rapport graph <subcommand> --help for one)

${graphVerifyUsage}

${graphQueryUsage}

${graphImportUsage}`;

const subcommands: Record<string, (args: string[]) => Promise<number>> = {
  verify: runGraphVerify,
  query: runGraphQuery,
  import: runGraphImport,
};

/** `rapport graph …`: the graph index's operator tools, one file per subcommand. Usage errors exit 2. */
export const graphCommand: Command = {
  name: 'graph',
  summary: 'check the graph index against the database, query it, or import an edge list',
  usage,
  async run(args) {
    const [name, ...rest] = args;
    if (name === '--help' || name === '-h') {
      console.log(usage);
      return 0;
    }
    const run = name ? subcommands[name] : undefined;
    if (!run) {
      console.error(`${name ? `Unknown graph subcommand "${name}".` : 'Which graph subcommand?'}\n\n${usage}`);
      return 2;
    }
    try {
      return await run(rest);
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      console.error(err.message);
      return 2;
    }
  },
};
