import { generateCommunity } from './demo/generate.ts';
import { generateGraph } from './demo/graph.ts';
import { DEMO_PASSWORD, loadDemo } from './demo/load.ts';
import { loadDemoGraph } from './demo/load-graph.ts';
import { intOption, parseOptions } from './lib/args.ts';
import { describeDatabase, openConfiguredDatabase, UsageError } from './lib/database.ts';
import { progressReporter } from './lib/progress.ts';

const usage = `Usage: npm run demo -- [--members 2000] [--seed 42]

Fills the configured database (RAPPORT_DATA_DIR or DATABASE_URL) with a believable community, through the
same commands as sign-up and profile editing, and connects them: heavy-tailed degrees with a few open
networkers, mostly within an organisation, city or industry, plus pending invitations and follows. The
same seed always gives the same people and graph; running again skips what already exists.
With the default size the open networkers know 10–30% of the community (hundreds of people); for
thousands of connections each, use --members 10000 or more (several minutes on embedded PGlite).`;

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
  const graph = generateGraph(community);
  const { config, database } = await openConfiguredDatabase();
  const progress = progressReporter('demo members');
  const graphProgress = progressReporter('demo connections');
  try {
    console.error(`generating ${count.toLocaleString('en')} demo members (seed ${seed}) into ${describeDatabase(config)}`);
    const result = await loadDemo(database, community, {
      publicUrl: config.publicUrl,
      scryptLogN: config.scryptLogN,
      onProgress: (done, total) => progress.update(done, total),
    });
    progress.finish();
    const networkStarted = performance.now();
    const network = await loadDemoGraph(database, community, graph, {
      invitationExpiryMs: config.network.invitationExpiryMs,
      nowMs: Date.now(),
      onProgress: (done, total) => graphProgress.update(done, total),
    });
    graphProgress.finish();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const n = (x: number) => x.toLocaleString('en');
    console.log(
      `Demo community ready in ${seconds} s: ${result.created} new members, ${result.unchanged + result.updated} already there; ` +
        `${result.organisationsCreated} new organisations and schools.\n` +
        `Network: ${n(network.connections)} new connections (of ${n(graph.connections.length)}), ${n(network.invitations)} pending invitations, ` +
        `${n(network.follows)} follows without a connection (${((performance.now() - networkStarted) / 1000).toFixed(1)} s).`,
    );
    const degree = new Map<number, number>();
    for (const c of graph.connections) for (const i of [c.a, c.b]) degree.set(i, (degree.get(i) ?? 0) + 1);
    const hubs = graph.openNetworkers.map((i) => `${community.people[i]!.name} (${n(degree.get(i) ?? 0)})`);
    console.log(`Open networkers: ${hubs.join(', ')}.`);
    const examples = community.people.slice(0, 3).map((p) => `  ${p.email}  (${p.name})`);
    console.log(`\nSign in as any demo member with the password "${DEMO_PASSWORD}", for example:\n${examples.join('\n')}`);
    console.log('Demo members are not operators. Demo data is for trying Rapport out, never for a real community.');
    return 0;
  } finally {
    progress.finish();
    graphProgress.finish();
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
