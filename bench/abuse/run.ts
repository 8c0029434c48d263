import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.ts';
import { Random } from '../../scripts/demo/generate.ts';
import { UsageError } from '../../scripts/lib/database.ts';
import { machine } from '../lib.ts';
import { Api, type SimMember } from './actors.ts';
import { type Adversary, bulkBot, connectThenPitch, fakeCluster, moocher, peddler } from './adversaries.ts';
import { DAYS_PER_WEEK, ShiftingClock, type SimClock, VirtualClock } from './clock.ts';
import { buildCommunity } from './community.ts';
import { Driver } from './drive.ts';
import { honestPolicy, honestTraits } from './honest-behaviour.ts';
import { honestSignupsWeek, newcomerWeek, openNetworkerWeek, ordinaryWeek, returningWeek } from './honest-week.ts';
import { computeMetrics } from './metrics.ts';
import { checkTargets, markdownReport } from './report.ts';
import { openSimDatabase, parseSimOptions, usage } from './setup.ts';

/**
 * `npm run bench:abuse [-- --members 500]`: builds an honest community, lets it and five adversaries act
 * through the API for a few simulated weeks, and reports what reached inboxes, whom the defences hit, and
 * how quickly each adversary was caught. JSON goes to bench/results/abuse-<time>.json.
 */

const here = dirname(fileURLToPath(import.meta.url));


async function main(): Promise<number> {
  const options = parseSimOptions(process.argv.slice(2));
  if (!options) {
    console.log(usage);
    return 0;
  }
  const log = (line: string) => {
    if (!options.quiet) console.error(`[abuse ${((performance.now() - started) / 1000).toFixed(1)}s] ${line}`);
  };
  const started = performance.now();
  const startedAt = new Date();
  // On PGlite the whole process runs on simulated time from here on (clock.ts), the database included.
  const virtual = options.pgUrl ? null : new VirtualClock();
  const sim = await openSimDatabase(options);
  const clock: SimClock = virtual ?? new ShiftingClock(sim.database);
  let app: FastifyInstance | null = null;
  try {
    const community = await buildCommunity(sim.database, {
      members: options.members,
      seed: options.seed,
      publicUrl: sim.config.publicUrl,
      scryptLogN: sim.config.scryptLogN,
      log,
    });
    log(`community loaded in ${(community.loadMs / 1000).toFixed(1)} s`);
    app = await buildApp(sim.config, { database: sim.database, background: false });
    const api = new Api(app, () => clock.tick());
    // One random stream per actor group, so that what one group draws never shifts another's choices: a
    // change in the defences changes what adversaries get through, not whom they pick.
    const stream = (n: number) => new Random(options.seed * 1009 + n);
    const rng = stream(3);
    const driver = new Driver(api, sim.database, clock, community, rng, stream(5), stream(7));

    // The instance's operator signs up first (on loopback), as on any real instance: otherwise the first
    // account created through sign-up would become the operator, and operators are never restricted.
    const operator: SimMember = { id: 0, handle: '', name: 'Community Operator', kind: 'honest', honest: true, auth: null, ip: '127.0.0.1' };
    const op = await api.signup(operator, 'operator@rapport-sim.example.org', 'a long and unremarkable passphrase');
    if (op.status !== 201) throw new Error(`operator sign-up failed: ${op.status} ${JSON.stringify(op.body)}`);

    for (const m of community.people) {
      driver.traits.set(m.id, honestTraits(rng, m));
      const policy = m === community.openNetworker ? { mode: 'open', whoCanInvite: 'everyone', rules: [], otherwise: 'inbox' } : honestPolicy(rng);
      const res = await api.call(m, 'PUT', '/api/v1/me/screening', policy);
      if (res.status !== 200) throw new Error(`PUT /me/screening → ${res.status}: ${JSON.stringify(res.body)}`);
    }
    log('screening policies set');
    await driver.refreshAdjacency();

    const orgNames = community.demo.organisations.map((o) => o.name);
    const adversaries: Adversary[] = [
      bulkBot(stream(11)),
      fakeCluster(stream(13)),
      peddler(stream(17), { orgNames }),
      moocher(stream(19)),
      connectThenPitch(stream(23), { orgMembers: community.orgMembers, orgNames }),
    ];
    const newcomerState = {};
    const signupsPerWeek = Math.max(2, Math.round(options.members / 1000));
    for (let w = 0; w < options.weeks; w++) {
      clock.startWeek();
      const scripts = [
        ...ordinaryWeek(driver, rng),
        ...openNetworkerWeek(driver, rng),
        ...returningWeek(driver, rng, w),
        ...newcomerWeek(driver, rng, w, newcomerState),
        ...honestSignupsWeek(driver, rng, w, signupsPerWeek),
      ];
      if (w >= 1) for (const adversary of adversaries) scripts.push(...adversary.week(w, driver));
      const before = driver.attempts.length;
      const lastWeek = w === options.weeks - 1;
      // Seven simulated days: each day's share of the steps, then inboxes are read and the clock moves a day.
      const steps = await driver.interleave(scripts, DAYS_PER_WEEK, async (day) => {
        await driver.refreshAdjacency();
        await driver.inboxRound(DAYS_PER_WEEK);
        if (!(lastWeek && day === DAYS_PER_WEEK - 1)) await clock.endDay();
      });
      log(`week ${w}: ${steps} steps, ${driver.attempts.length - before} invitations attempted, ${driver.answers.length} answers so far, ${api.requests} requests${clock.mode === 'shifting' ? `; clock shifts ${(clock.shiftMsTotal / 1000).toFixed(1)} s so far` : ''}`);
    }
    const slowest = [...api.timeByRoute].sort((a, b) => b[1].ms - a[1].ms).slice(0, 8);
    log(`time by route: ${slowest.map(([k, v]) => `${k} ${v.n}× ${(v.ms / v.n).toFixed(1)} ms`).join('; ')}`);
    for (const [label, m] of [['open networker', community.openNetworker], ['returning', community.returning]] as const) {
      const res = await api.call(m, 'GET', '/api/v1/me/allowance');
      log(`${label} allowance: ${JSON.stringify(res.body)}`);
    }

    const metrics = await computeMetrics(sim.database, driver, clock, adversaries);
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    const table = markdownReport(metrics.adversaries, metrics.honest, { members: options.members, weeks: options.weeks, seconds }, metrics.messages);
    console.log(table);
    const targets = checkTargets(metrics.adversaries, metrics.honest);
    if (api.serverErrors.length) console.log(`\nServer errors (5xx) during the run:\n${api.serverErrors.join('\n')}`);

    const record = {
      name: 'abuse',
      description: 'Abuse simulation: honest community and five adversaries through the API (issues 4 and 12)',
      startedAt: startedAt.toISOString(),
      durationS: seconds,
      machine: machine(),
      options: { ...options, pgUrl: options.pgUrl ? 'postgres' : null },
      engine: sim.database.engine,
      result: {
        targets,
        adversaries: metrics.adversaries,
        honest: metrics.honest,
        answers: metrics.answers,
        messages: metrics.messages,
        signups: driver.signups,
        requests: api.requests,
        byStatus: Object.fromEntries(api.byStatus),
        msByRoute: Object.fromEntries([...api.timeByRoute].map(([k, v]) => [k, { n: v.n, meanMs: Math.round((v.ms / v.n) * 100) / 100 }])),
        serverErrors: api.serverErrors,
        markdown: table,
      },
    };
    if (options.write) {
      const dir = join(here, '..', 'results');
      mkdirSync(dir, { recursive: true });
      const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
      const json = `${JSON.stringify(record, null, 2)}\n`;
      writeFileSync(join(dir, `abuse-${stamp}.json`), json);
      writeFileSync(join(dir, 'latest-abuse.json'), json);
      console.log(`\nwrote bench/results/abuse-${stamp}.json`);
    }
    if (options.out) {
      writeFileSync(options.out, `${JSON.stringify(record, null, 2)}\n`);
      console.log(`\nwrote ${options.out}`);
    }
    return 0;
  } finally {
    await app?.close();
    await sim.close();
    clock.close();
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
