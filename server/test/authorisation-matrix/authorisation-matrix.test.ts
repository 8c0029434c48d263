import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../engines.ts';
import { type OpenApiDoc, isEventStream } from '../openapi-requests.ts';
import { EXPECTATIONS, type Entry } from './expectations.ts';
import { type MatrixRequest, buildRequest, namesMember, routesOf } from './requests.ts';
import { type Answer, verdict } from './verdicts.ts';
import { ROLES, type World, buildWorld } from './world.ts';

/**
 * Issue 16's authorisation matrix: every route of the OpenAPI document × every role (signed out, member,
 * restricted, suspended, operator) × every relationship to the member it names (self, 1st, 2nd, 3rd, out of
 * network, blocked either way; each at its strictest and most open privacy), or the victim's id for routes
 * that name a thing. Each answer must be the status class the expectation table predicts, never a 5xx, and
 * must hold no canary its caller may not read. The world is built once (see world.ts).
 *
 * On both engines: ~3,000 requests take about 12 s on PGlite and 6 s on the PostgreSQL server on an idle
 * 2-core machine (docs/reliability.md), cheap enough to check that no engine-specific query path answers
 * differently.
 */
describeEachEngine('authorisation matrix', (get) => {
  let world: World;
  let doc: OpenApiDoc;

  beforeAll(async () => {
    const { app } = get();
    world = await buildWorld(app);
    doc = app.swagger() as unknown as OpenApiDoc;
  }, 180_000);

  it('has one expectation per route of the OpenAPI document, and none for a route that is gone', () => {
    const routes = routesOf(doc).map(([key]) => key);
    expect(routes.filter((key) => !(key in EXPECTATIONS)), 'routes without an entry in authorisation-matrix/expectations.ts').toEqual([]);
    expect(Object.keys(EXPECTATIONS).filter((key) => !routes.includes(key)), 'entries for routes that no longer exist').toEqual([]);
    // The table's `public` is the document's (and authenticate.ts's) `auth: 'public'`, and nothing else is.
    const publicInDoc = routesOf(doc)
      .filter(([, , , op]) => op.security?.length === 0 || op.security?.some((s) => Object.keys(s).length === 0))
      .map(([key]) => key);
    expect(Object.entries(EXPECTATIONS).filter(([, e]) => e.access === 'public').map(([key]) => key).sort()).toEqual(publicInDoc.sort());
  });

  it('shows a strict profile in full within three degrees and as a name card beyond, so the canaries are read where allowed', async () => {
    const aboutOf = (relationship: string) => world.canaries.find((c) => c.why === `about of ${relationship} strict`)!.text;
    const profile = async (relationship: string) => {
      const target = world.targets.find((t) => t.relationship === relationship && t.privacy === 'strict')!;
      const res = await world.me.call('GET', `/api/v1/members/${target.member.handle}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.body;
    };
    for (const near of ['first', 'second', 'third']) expect(await profile(near)).toContain(aboutOf(near));
    for (const far of ['out', 'blocked-by-me']) expect(await profile(far)).not.toContain(aboutOf(far));
    // Operators see whole profiles; a member out of everyone's network (the restricted one) does not.
    expect((await world.operator.call('GET', `/api/v1/members/${world.targets.find((t) => t.relationship === 'out' && t.privacy === 'strict')!.member.handle}`)).body).toContain(aboutOf('out'));
  });

  it('answers every route × role × relationship as the table predicts, with nothing private in any body', async () => {
    const { app } = get();
    const started = Date.now();
    const problems: string[] = [];
    const publicAnswers = new Map<string, Set<number>>();
    let sent = 0;
    let skipped = 0;
    // What one who blocked me, and a handle nobody has, answered me (status and problem key), by route.
    const existence = new Map<string, Partial<Record<'blocking-me' | 'unknown', string>>>();

    const plan = (tier: Entry['tier']): { entry: Entry; request: MatrixRequest }[] => {
      const out: { entry: Entry; request: MatrixRequest }[] = [];
      for (const [key, template, method, operation] of routesOf(doc)) {
        const entry = EXPECTATIONS[key];
        if (!entry || entry.tier !== tier) continue;
        for (const role of ROLES) {
          // A live stream that opens never ends under inject; its refusals are still sent.
          if (isEventStream(operation) && ['member', 'restricted', 'operator'].includes(role)) {
            skipped++;
            continue;
          }
          const targets = namesMember(template, entry) ? world.targets : [null];
          for (const target of targets) out.push({ entry, request: buildRequest(world, key, template, method, operation, entry, role, target) });
        }
      }
      return out;
    };

    for (const tier of [undefined, 1, 2, 3, 4, 5] as const) {
      for (const { entry, request } of plan(tier)) {
        const res = await app.inject(request.options);
        sent++;
        const answer: Answer = { route: request.route, role: request.role, target: request.target, status: res.statusCode, body: res.body, late: tier !== undefined };
        problems.push(...verdict(entry, answer, world));
        const hiding = request.target?.relationship;
        if (request.role === 'member' && tier === undefined && (hiding === 'blocking-me' || hiding === 'unknown')) {
          const byRelationship = existence.get(request.route) ?? {};
          byRelationship[hiding] = `${res.statusCode} ${res.statusCode >= 400 ? res.json<{ key?: string }>().key : ''}`;
          existence.set(request.route, byRelationship);
        }
        if (entry.access === 'public') {
          const seen = publicAnswers.get(request.route) ?? new Set<number>();
          seen.add(res.statusCode);
          publicAnswers.set(request.route, seen);
        }
      }
    }
    for (const [route, statuses] of publicAnswers) {
      if (statuses.size > 1) problems.push(`${route}: a public route answered differently by who asked: ${[...statuses].join(', ')}`);
    }

    for (const [route, answers] of existence) {
      if (answers['blocking-me'] !== answers.unknown) problems.push(`${route}: one who blocked me answers ${answers['blocking-me']}, a handle nobody has ${answers.unknown}: the block reveals them`);
      if (!/^4/.test(answers.unknown ?? '')) problems.push(`${route}: a handle nobody has answered ${answers.unknown}`);
    }
    const routes = routesOf(doc).length;
    // A route without an entry is reported by the test above; counted here as not naming a member.
    const naming = routesOf(doc).filter(([key, template]) => EXPECTATIONS[key] && namesMember(template, EXPECTATIONS[key])).length;
    console.info(
      `authorisation matrix [${get().engine}]: ${sent} requests = (${naming} routes naming a member × ${world.targets.length} targets + ` +
        `${routes - naming} other routes) × ${ROLES.length} roles − ${skipped} live-stream opens, ` +
        `in ${((Date.now() - started) / 1000).toFixed(1)} s; ${world.canaries.length} canaries checked in every body`,
    );
    expect(problems).toEqual([]);
    expect(sent).toBeGreaterThan(routes * ROLES.length);
  }, 300_000);
});
