import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { rows } from '../../db/connection.ts';
import { type Member, signUp } from '../../test/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { emailsTo } from '../../test/outbox.ts';
import { connect, invite } from '../network/network-test-helpers.ts';

interface Suggested {
  kind: string;
  actors: unknown[];
  subject: { people?: number[] };
  people: { id: number; handle: string; name: string; abilities: { canConnect: boolean } }[];
}

describeEachEngine('admin: suggesting introductions to a newcomer', (get) => {
  let n = 0;
  const db = () => get().database.db;
  const url = (handle: string) => `/api/v1/admin/community/newcomers/${handle}/suggestions`;
  const count = async (query: ReturnType<typeof sql>) => Number((await rows<{ n: number }>(db(), query))[0]!.n);
  /** What a refused call must leave untouched: no event, notification or audit row of a suggestion. */
  const written = async () => [
    await count(sql`SELECT count(*)::int AS n FROM events WHERE kind = 'community.introductions_suggested'`),
    await count(sql`SELECT count(*)::int AS n FROM notifications WHERE kind = 'introductions_suggested'`),
    await count(sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'community.suggest_introductions'`),
    await count(sql`SELECT count(*)::int AS n FROM email_outbox`),
  ];
  const profile = (m: Member, location: string, industry: string, visibility = 'signed_in') =>
    db().execute(sql`UPDATE profiles SET location = ${location}, industry = ${industry}, visibility = ${visibility} WHERE member_id = ${m.id}`);
  const operatorOf = async () => {
    const operator = await signUp(get().app, `Suggesting Operator ${++n}`);
    await db().execute(sql`UPDATE members SET role = 'admin' WHERE id = ${operator.id}`);
    return operator;
  };

  it('picks eligible members who share the newcomer’s place or industry, sends one notification and email naming them, and audits it', async () => {
    const { app } = get();
    const place = `Turin ${++n}`;
    const operator = await operatorOf();
    const [newcomer, ann, ben, ida, blocked, blocker, suspended, restricted, invited, friend, hidden] = await Promise.all(
      ['Nadia', 'Ann', 'Ben', 'Ida', 'Blocked', 'Blocker', 'Suspended', 'Restricted', 'Invited', 'Friend', 'Hidden'].map((name) => signUp(app, `${name} Suggest${n}`)),
    );
    await db().execute(sql`UPDATE members SET email_verified_at = now() WHERE id = ${newcomer!.id}`);
    await profile(newcomer!, place, `Design ${n}`);
    // Ann shares place and industry and is the best connected; Ben the place; Ida the industry (spelt differently).
    await profile(ann!, place, `Design ${n}`);
    await profile(ben!, ` ${place.toUpperCase()} `, 'Law');
    await profile(ida!, 'Elsewhere', `design ${n}`);
    for (const m of [blocked, blocker, suspended, restricted, invited, friend]) await profile(m!, place, `Design ${n}`);
    await profile(hidden!, place, `Design ${n}`, 'network');
    for (const name of ['Ann One', 'Ann Two']) await connect(ann!, await signUp(app, `${name} ${n}`));
    // Never picked: a block either way, suspended, restricted, an invitation waiting, a connection, a network-only profile.
    await db().execute(sql`INSERT INTO blocks (blocker_id, blocked_id) VALUES (${newcomer!.id}, ${blocked!.id}), (${blocker!.id}, ${newcomer!.id})`);
    await db().execute(sql`UPDATE members SET status = 'suspended' WHERE id = ${suspended!.id}`);
    await db().execute(sql`INSERT INTO member_restrictions (member_id, kind, reason) VALUES (${restricted!.id}, 'invitations', 'spam')`);
    await invite(newcomer!, invited!);
    await connect(newcomer!, friend!);

    const before = await written();
    const res = await operator.call('POST', url(newcomer!.handle), {});
    expect(res.statusCode, res.body).toBe(201);
    const people = res.json().people as { handle: string; name: string }[];
    expect(people[0]).toEqual({ handle: ann!.handle, name: `Ann Suggest${n}` });
    expect(people.map((p) => p.handle).sort()).toEqual([ann!.handle, ben!.handle, ida!.handle].sort());
    expect(res.body).not.toContain(newcomer!.email);
    expect(await written()).toEqual([before[0]! + 1, before[1]! + 1, before[2]! + 1, before[3]! + 1]);

    // One notification, in the community team's name (no actor), with the people and Connect open to each.
    const items = (await newcomer!.call('GET', '/api/v1/notifications')).json().items as Suggested[];
    const told = items.filter((i) => i.kind === 'introductions_suggested');
    expect(told).toHaveLength(1);
    expect(told[0]!.actors).toEqual([]);
    expect(told[0]!.people.map((p) => p.handle)).toEqual(people.map((p) => p.handle));
    expect(told[0]!.people.every((p) => p.abilities.canConnect)).toBe(true);
    expect(told[0]!.subject.people).toEqual(told[0]!.people.map((p) => p.id));
    // Nobody else is told: not the people suggested, not the operator.
    for (const m of [ann!, ben!, ida!, operator]) {
      const theirs = (await m.call('GET', '/api/v1/notifications')).json().items as Suggested[];
      expect(theirs.filter((i) => i.kind === 'introductions_suggested')).toEqual([]);
    }
    // And by email (on by default), naming the people, linking to the notifications.
    const [mail] = await emailsTo(db(), newcomer!.email, 'People you may want to meet on Rapport');
    expect(mail).toBeDefined();
    for (const p of people) expect(mail!.text).toContain(p.name);
    expect(mail!.text).toContain('/notifications');

    // Audited with ids and handles, nothing private.
    const [audit] = await rows<{ actor_id: number; subject_id: string; data: Record<string, unknown> }>(
      db(),
      sql`SELECT actor_id, subject_id, data FROM audit_events WHERE action = 'community.suggest_introductions' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit).toMatchObject({ actor_id: operator.id, subject_id: String(newcomer!.id) });
    expect(audit!.data).toMatchObject({ handles: people.map((p) => p.handle), chosen: false });
    expect(JSON.stringify(audit!.data)).not.toMatch(/@|Turin|Design/);

    // A person blocked since drops out of the notification; Connect changes to Pending once invited.
    await db().execute(sql`INSERT INTO blocks (blocker_id, blocked_id) VALUES (${ben!.id}, ${newcomer!.id})`);
    await invite(newcomer!, ida!);
    const after = ((await newcomer!.call('GET', '/api/v1/notifications')).json().items as Suggested[]).find((i) => i.kind === 'introductions_suggested')!;
    expect(after.people.map((p) => p.handle).sort()).toEqual([ann!.handle, ida!.handle].sort());
    expect(after.subject.people).not.toContain(ben!.id);
    expect(after.people.find((p) => p.handle === ida!.handle)!.abilities.canConnect).toBe(false);
  });

  it('takes the operator’s choice of people, in order; refuses ineligible choices, non-newcomers and newcomers nobody fits, writing nothing', async () => {
    const { app } = get();
    const operator = await operatorOf();
    const [newcomer, member, ann, ben, blocked, suspended, friend, invited, busy, lonely] = await Promise.all(
      ['Nina', 'Plain', 'Ann', 'Ben', 'Blocked', 'Suspended', 'Friend', 'Invited', 'Busy', 'Lonely'].map((name) => signUp(app, `${name} Choice${++n}`)),
    );
    await db().execute(sql`INSERT INTO blocks (blocker_id, blocked_id) VALUES (${blocked!.id}, ${newcomer!.id})`);
    await db().execute(sql`UPDATE members SET status = 'suspended' WHERE id = ${suspended!.id}`);
    await connect(newcomer!, friend!);
    await invite(invited!, newcomer!);
    for (const other of [ann!, ben!, friend!]) await connect(busy!, other);

    const before = await written();
    // Not an operator: 403, whatever the body.
    const refused = await member!.call('POST', url(newcomer!.handle), {});
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('forbidden');
    // No such member, or the operator themself.
    expect((await operator.call('POST', url('nobody-at-all'), {})).statusCode).toBe(404);
    expect((await operator.call('POST', url(operator.handle), {})).statusCode).toBe(403);
    for (const handles of [[], ['a', 'b', 'c', 'd'], ['Not A Handle'], 'ann']) {
      const bad = await operator.call('POST', url(newcomer!.handle), { handles });
      expect(bad.statusCode, JSON.stringify(handles)).toBe(400);
      expect(bad.json().code).toBe('validation_failed');
    }
    expect((await operator.call('POST', url(newcomer!.handle), { handles: [ann!.handle], extra: 1 })).json().code).toBe('validation_failed');
    for (const who of ['nobody-here', newcomer!.handle, blocked!.handle, suspended!.handle, friend!.handle, invited!.handle]) {
      const bad = await operator.call('POST', url(newcomer!.handle), { handles: [ann!.handle, who] });
      expect(bad.statusCode, `${who}: ${bad.body}`).toBe(400);
      expect(bad.json().code).toBe('suggestion_person_unknown');
      expect(bad.body).toContain(who);
    }
    // Three connections: not a newcomer any more.
    const grown = await operator.call('POST', url(busy!.handle), { handles: [newcomer!.handle] });
    expect(grown.statusCode).toBe(409);
    expect(grown.json().code).toBe('not_a_newcomer');
    // Nobody shares anything with Lonely, who has no connections: nobody to suggest.
    const none = await operator.call('POST', url(lonely!.handle), {});
    expect(none.statusCode, none.body).toBe(409);
    expect(none.json().code).toBe('no_suggestions');
    expect(await written()).toEqual(before);

    // The operator's own choice, in their order, repeats dropped.
    const chosen = await operator.call('POST', url(newcomer!.handle), { handles: [ben!.handle, ann!.handle, ben!.handle] });
    expect(chosen.statusCode, chosen.body).toBe(201);
    expect(chosen.json().people).toEqual([
      { handle: ben!.handle, name: expect.stringMatching(/^Ben Choice/) },
      { handle: ann!.handle, name: expect.stringMatching(/^Ann Choice/) },
    ]);
    const told = ((await newcomer!.call('GET', '/api/v1/notifications')).json().items as Suggested[]).filter((i) => i.kind === 'introductions_suggested');
    expect(told.map((i) => i.people.map((p) => p.handle))).toEqual([[ben!.handle, ann!.handle]]);
  });
});
