import { describeDatabase, openConfiguredDatabase, UsageError } from './lib/database.ts';

/** `npm run db:migrate`: brings the configured database's schema up to date and says what it applied. */
async function main(): Promise<void> {
  const { config, database, applied } = await openConfiguredDatabase();
  try {
    console.log(
      applied.length
        ? `Applied ${applied.length} migration${applied.length === 1 ? '' : 's'} to ${describeDatabase(config)}:\n${applied.map((m) => `  ${m}`).join('\n')}`
        : `${describeDatabase(config)} is up to date; no migrations to apply.`,
    );
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof UsageError ? err.message : err);
  process.exitCode = 1;
});
