import type { Command } from './types.ts';

/** Lists the commands; `rapport help <command>` shows one command's usage. */
export function helpCommand(all: () => Command[]): Command {
  return {
    name: 'help',
    summary: 'show this help, or `rapport help <command>`',
    usage: 'Usage: rapport help [command]',
    async run(args) {
      const wanted = args[0];
      const commands = all();
      if (wanted) {
        const command = commands.find((c) => c.name === wanted);
        if (!command) {
          console.error(`Unknown command "${wanted}".`);
          return 2;
        }
        console.log(command.usage);
        return 0;
      }
      const width = Math.max(...commands.map((c) => c.name.length));
      console.log('Usage: rapport <command> [arguments]\n\nCommands:');
      for (const c of commands) console.log(`  ${c.name.padEnd(width)}  ${c.summary}`);
      console.log('\nThe database is the server\'s: RAPPORT_DATA_DIR (embedded PGlite, default ./data) or DATABASE_URL.');
      return 0;
    },
  };
}
