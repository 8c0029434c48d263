import { backupCommand, restoreCommand } from './commands/backup.ts';
import { graphCommand } from './commands/graph.ts';
import { helpCommand } from './commands/help.ts';
import { importCommand } from './commands/import.ts';
import { jobsCommand } from './commands/jobs.ts';
import type { Command } from './commands/types.ts';
import { UsageError } from './lib/database.ts';

/** `rapport <command>`: operator tasks against the server's database. Add a command by adding its file here. */
const commands: Command[] = [importCommand, graphCommand, jobsCommand, backupCommand, restoreCommand];
commands.push(helpCommand(() => commands));

async function main(argv: string[]): Promise<number> {
  const [name = 'help', ...args] = argv;
  const command = commands.find((c) => c.name === name) ?? (name === '--help' || name === '-h' ? commands.find((c) => c.name === 'help') : undefined);
  if (!command) {
    console.error(`Unknown command "${name}". Run "rapport help" for the list.`);
    return 2;
  }
  return command.run(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof UsageError ? err.message : err);
    process.exitCode = 1;
  },
);
