import { generateCommunity } from './demo/generate.ts';
import { DEMO_PASSWORD, loadDemo } from './demo/load.ts';
import { intOption, parseOptions } from './lib/args.ts';
import { describeDatabase, openConfiguredDatabase, UsageError } from './lib/database.ts';
import { progressReporter } from './lib/progress.ts';

const usage = `Usage: npm run demo -- [--members 2000] [--seed 42]

Fills the configured database (RAPPORT_DATA_DIR or DATABASE_URL) with a believable community, through the
same commands as sign-up and profile editing. The same seed always gives the same people; running again
skips members who already exist.`;

async function main(): Promise<number> {
  const { values } = parseOptions({
    args: process.argv.slice(2),
    options: { members: { type: 'string' }, seed: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const count = intOption(values.members, 'members', 2000);
  const seed = intOption(values.seed, 'seed', 42);
  const started = performance.now();
  const community = generateCommunity(count, seed);
  const { config, database } = await openConfiguredDatabase();
  const progress = progressReporter('demo members');
  try {
    console.error(`generating ${count.toLocaleString('en')} demo members (seed ${seed}) into ${describeDatabase(config)}`);
    const result = await loadDemo(database, community, {
      publicUrl: config.publicUrl,
      scryptLogN: config.scryptLogN,
      onProgress: (done, total) => progress.update(done, total),
    });
    progress.finish();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `Demo community ready in ${seconds} s: ${result.created} new members, ${result.unchanged + result.updated} already there; ` +
        `${result.organisationsCreated} new organisations and schools.`,
    );
    const examples = community.people.slice(0, 3).map((p) => `  ${p.email}  (${p.name})`);
    console.log(`\nSign in as any demo member with the password "${DEMO_PASSWORD}", for example:\n${examples.join('\n')}`);
    console.log('Demo members are not operators. Demo data is for trying Rapport out, never for a real community.');
    return 0;
  } finally {
    progress.finish();
    await database.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof UsageError ? `${err.message}\n\n${usage}` : err);
    process.exitCode = 1;
  },
);
