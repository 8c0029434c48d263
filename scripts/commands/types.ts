/** A `rapport` subcommand: one file per command under scripts/commands/, listed in scripts/cli.ts. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Returns the process exit code. */
  run(args: string[]): Promise<number>;
}
