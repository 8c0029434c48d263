import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../../common/limits.ts';
import { sweepIntroductions } from '../../commands/introductions/sweep.ts';
import { rows } from '../../db/connection.ts';
import { loadOneSenderFacts } from '../../queries/screening/sender-facts.ts';
import { type Member, signUp } from '../../test/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { connect, invite, members } from '../network/network-test-helpers.ts';

interface Intro {
  id: number;
  status: string;
  role: string;
  blurb: string;
  requester: { handle: string };
  target: { handle: string; degree: number | null };
  steps: { person: { handle: string }; status: string; note: string | null; reason: string | null; dontKnow: boolean }[];
  conversationId: number | null;
  abilities: Record<string, boolean>;
}

describeEachEngine('introductions: double opt-in', (get) => {
  const db = () => get().database.db;
  let operator: Member;
  let n = 0;
  const people = (...names: string[]) => members(get().app, names.map((x) => `${x} Intro${++n}`));
  const ask = (a: Member, target: Member, via: Member[], blurb = 'I build solar co-ops and would love your advice on grid contracts.') =>
    a.call('POST', '/api/v1/introductions', { target: target.handle, via: via.map((v) => v.handle), blurb });
  const one = async (m: Member, id: number) => m.call('GET', `/api/v1/introductions/${id}`);
  const box = async (m: Member, name: string): Promise<Intro[]> => {
    const res = await m.call('GET', `/api/v1/introductions?box=${name}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items;
  };
  const count = async () => (await rows<{ n: number }>(db(), sql`SELECT count(*)::int AS n FROM introductions`))[0]!.n;
  const notificationsOf = async (m: Member) =>
    (await rows<{ kind: string; actorId: number | null }>(db(), sql`SELECT kind, actor_id AS "actorId" FROM notifications WHERE member_id = ${m.id} ORDER BY id`)).filter((r) =>
      r.kind.startsWith('introduction_'),
    );
  const expectCode = (res: { statusCode: number; json(): { code: string } }, status: number, code: string) => {
    expect(res.statusCode).toBe(status);
    expect(res.json().code).toBe(code);
  };

  beforeAll(async () => {
    operator = await signUp(get().app, 'Operator Introductions');
  });

  /** A–B–C: C is 2nd degree to A through B. */
  async function triangle() {
    const [a, b, c] = await people('Ada', 'Ben', 'Cai');
    await connect(a!, b!);
    await connect(b!, c!);
    return { a: a!, b: b!, c: c! };
  }

  it('A asks B for C; B forwards; C accepts; the three-way conversation opens; A and C connect, introduced by B', async () => {
    const { a, b, c } = await triangle();
    const [outsider] = await people('Olly');
    const created = await ask(a, c, [b]);
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json();

    // Nothing reaches the target before B forwards; the outsider and an operator see nothing at all.
    for (const who of [c, outsider!, operator]) expect((await one(who, id)).statusCode).toBe(404);
    expect(await box(c, 'received')).toEqual([]);
    expect(await notificationsOf(c)).toEqual([]);

    const [waiting] = await box(b, 'to-forward');
    expect(waiting).toMatchObject({ id, role: 'introducer', status: 'open', blurb: expect.stringContaining('solar'), requester: { handle: a.handle }, abilities: { forward: true, accept: false, decline: true } });
    expect(await notificationsOf(b)).toEqual([{ kind: 'introduction_requested', actorId: a.id }]);
    const [asked] = await box(a, 'asked');
    expect(asked).toMatchObject({ id, role: 'requester', target: { handle: c.handle, degree: 2 }, steps: [{ status: 'waiting' }, { status: 'pending' }] });

    const forwarded = await b.call('POST', `/api/v1/introductions/${id}/forward`, { note: 'Ada is great, you two should talk.' });
    expect(forwarded.statusCode, forwarded.body).toBe(200);
    expectCode(await b.call('POST', `/api/v1/introductions/${id}/forward`, {}), 409, 'introduction_answered');

    const [received] = await box(c, 'received');
    expect(received).toMatchObject({ id, role: 'target', blurb: expect.stringContaining('solar'), steps: [{ person: { handle: b.handle }, status: 'forwarded', note: 'Ada is great, you two should talk.' }, { status: 'waiting' }], abilities: { accept: true, forward: false } });
    expect(await notificationsOf(c)).toEqual([{ kind: 'introduction_received', actorId: a.id }]);
    expect((await notificationsOf(a)).map((x) => x.kind)).toEqual(['introduction_forwarded']);
    // Out of turn: the requester and the introducer cannot accept for the target; the target cannot forward.
    expectCode(await a.call('POST', `/api/v1/introductions/${id}/accept`), 409, 'introduction_not_your_turn');
    expectCode(await b.call('POST', `/api/v1/introductions/${id}/accept`), 409, 'introduction_answered');
    expectCode(await c.call('POST', `/api/v1/introductions/${id}/forward`), 409, 'introduction_not_your_turn');

    const accepted = await c.call('POST', `/api/v1/introductions/${id}/accept`);
    expect(accepted.statusCode, accepted.body).toBe(200);
    const conversationId = accepted.json().introduction.conversationId;
    expect(conversationId).toEqual(expect.any(Number));
    expect(accepted.json().introduction.status).toBe('accepted');
    expectCode(await c.call('POST', `/api/v1/introductions/${id}/accept`), 409, 'introduction_answered');
    expectCode(await c.call('POST', `/api/v1/introductions/${id}/decline`), 409, 'introduction_answered');

    // The group conversation: all three are in it, the blurb is its first message.
    const everyone = await rows<{ memberId: number }>(db(), sql`SELECT member_id AS "memberId" FROM conversation_members WHERE conversation_id = ${conversationId} ORDER BY member_id`);
    expect(everyone.map((r) => r.memberId)).toEqual([a.id, b.id, c.id].sort((x, y) => x - y));
    const seen = await c.call('GET', `/api/v1/conversations/${conversationId}/messages`);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(JSON.stringify(seen.json())).toContain('solar co-ops');
    const kinds = (await notificationsOf(a)).map((x) => x.kind);
    expect(kinds).toEqual(expect.arrayContaining(['introduction_accepted', 'introduction_thank']));
    expect((await notificationsOf(a)).find((x) => x.kind === 'introduction_thank')?.actorId).toBe(b.id);

    // The introducer leaves; the two carry on.
    const left = await b.call('POST', `/api/v1/introductions/${id}/leave`);
    expect(left.statusCode, left.body).toBe(200);
    expect(left.json().introduction.conversationId).toBe(null);
    expectCode(await b.call('POST', `/api/v1/introductions/${id}/leave`), 409, 'introduction_no_conversation');
    expectCode(await a.call('POST', `/api/v1/introductions/${id}/leave`), 409, 'introduction_no_conversation');

    // A invites C: the server sets the origin and the introduction; C accepts.
    const invitationId = await invite(a, c);
    const [inv] = await rows<{ context: string; introductionId: string | number | null }>(db(), sql`SELECT context, introduction_id AS "introductionId" FROM invitations WHERE id = ${invitationId}`);
    expect(inv).toEqual({ context: 'introduction', introductionId: expect.anything() });
    expect(Number(inv!.introductionId)).toBe(id);
    expect((await c.call('POST', `/api/v1/invitations/${invitationId}/accept`)).statusCode).toBe(200);
    const [origin] = await rows<{ context: string; introducers: number[] }>(
      db(),
      sql`SELECT c.origin_context AS context, i.path AS introducers
            FROM connections c JOIN invitations v ON v.id = c.invitation_id JOIN introductions i ON i.id = v.introduction_id
           WHERE c.member_id = ${a.id} AND c.other_id = ${c.id}`,
    );
    expect(origin).toEqual({ context: 'introduction', introducers: [b.id] });

    const events = await rows<{ kind: string; data: Record<string, unknown> }>(db(), sql`SELECT kind, data FROM events WHERE kind LIKE 'introduction.%' AND (data->>'introductionId')::bigint = ${id} ORDER BY id`);
    expect(events.map((e) => e.kind)).toEqual(['introduction.requested', 'introduction.forwarded', 'introduction.accepted']);
    expect(events[0]!.data).toEqual({ introductionId: id, path: [b.id] });
  });

  it('walks a 3-hop path one introducer at a time, revealing nothing ahead of the forward', async () => {
    const [a, b, d, c] = await people('Ari', 'Bea', 'Dan', 'Cleo');
    await connect(a!, b!);
    await connect(b!, d!);
    await connect(d!, c!);
    const paths = (await a!.call('GET', `/api/v1/members/${c!.handle}/paths`)).json().paths;
    expect(paths[0].map((p: { handle: string }) => p.handle)).toEqual([a!.handle, b!.handle, d!.handle, c!.handle]);
    const res = await ask(a!, c!, [b!, d!]);
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json();

    expect((await one(d!, id)).statusCode).toBe(404);
    expect((await one(c!, id)).statusCode).toBe(404);
    expect((await d!.call('POST', `/api/v1/introductions/${id}/forward`)).statusCode).toBe(404);
    expect((await b!.call('POST', `/api/v1/introductions/${id}/forward`, { note: 'Bea here: Ari is solid.' })).statusCode).toBe(200);
    const atD = (await one(d!, id)).json().introduction as Intro;
    expect(atD).toMatchObject({ role: 'introducer', abilities: { forward: true }, steps: [{ status: 'forwarded', note: 'Bea here: Ari is solid.' }, { status: 'waiting' }, { status: 'pending' }] });
    expect((await one(c!, id)).statusCode).toBe(404);
    expect((await d!.call('POST', `/api/v1/introductions/${id}/forward`)).statusCode).toBe(200);

    const declined = await c!.call('POST', `/api/v1/introductions/${id}/decline`, { reason: 'Not taking new projects until spring.' });
    expect(declined.statusCode, declined.body).toBe(200);
    const [asked] = await box(a!, 'asked');
    expect(asked).toMatchObject({ id, status: 'declined', steps: [{ status: 'forwarded' }, { status: 'forwarded' }, { status: 'declined', reason: 'Not taking new projects until spring.' }] });
    expect((await notificationsOf(b!)).map((x) => x.kind)).toEqual(['introduction_requested', 'introduction_declined']);
    expectCode(await d!.call('POST', `/api/v1/introductions/${id}/forward`), 409, 'introduction_answered');
    expectCode(await c!.call('POST', `/api/v1/introductions/${id}/accept`), 409, 'introduction_answered');
  });

  it('shows an introduction to nobody off its path, and to each on it only once it reached them, on every route', async () => {
    const [a, b, d, c, outsider] = await people('Pia', 'Quentin', 'Rosa', 'Saul', 'Outside');
    await connect(a!, b!);
    await connect(b!, d!);
    await connect(d!, c!);
    // The outsider knows everyone on the path but is not on it.
    for (const m of [a!, b!, d!, c!]) await connect(outsider!, m);
    const { id } = (await ask(a!, c!, [b!, d!])).json();
    const nobody = [outsider!, operator];
    const lists = async (m: Member) => (await Promise.all(['asked', 'to-forward', 'received'].map((x) => box(m, x)))).flat().filter((i) => i.id === id);
    for (const m of [...nobody, d!, c!]) {
      expect(await lists(m)).toEqual([]);
      expect((await one(m, id)).statusCode).toBe(404);
      for (const step of ['forward', 'decline', 'accept', 'leave']) expect((await m.call('POST', `/api/v1/introductions/${id}/${step}`)).statusCode, `${step}`).toBe(404);
    }
    expect((await b!.call('POST', `/api/v1/introductions/${id}/forward`, { note: 'Worth it.' })).statusCode).toBe(200);
    for (const m of [...nobody, c!]) {
      expect(await lists(m)).toEqual([]);
      expect((await one(m, id)).statusCode).toBe(404);
    }
    expect(await lists(d!)).toHaveLength(1);
    expect((await d!.call('POST', `/api/v1/introductions/${id}/forward`)).statusCode).toBe(200);
    expect(await lists(c!)).toHaveLength(1);
    expect((await c!.call('POST', `/api/v1/introductions/${id}/accept`)).statusCode).toBe(200);
    for (const m of nobody) {
      expect(await lists(m)).toEqual([]);
      expect((await one(m, id)).statusCode).toBe(404);
    }
    // Nor is it in any notification of theirs.
    for (const m of nobody) expect(await notificationsOf(m)).toEqual([]);
  });

  describe('bad input: a 4xx with a stable code, and nothing written', () => {
    it('refuses oversized texts, self, 1st-degree, out-of-network, broken paths, blocks and duplicates', async () => {
      const { a, b, c } = await triangle();
      const [far, stranger] = await people('Far', 'Stranger');
      await connect(c, far!);
      const before = await count();

      expectCode(await ask(a, c, [b], 'x'.repeat(LIMITS.introductionBlurbMax + 1)), 400, 'validation_failed');
      expectCode(await ask(a, c, [b], '   '), 400, 'validation_failed');
      expectCode(await ask(a, a, [b]), 400, 'introduction_self');
      expectCode(await ask(a, b, [c]), 409, 'introduction_connected');
      expectCode(await ask(a, stranger!, [b]), 400, 'introduction_unreachable');
      // far is 3rd degree through b and c; a path through b alone skips a hop.
      expectCode(await ask(a, far!, [b]), 409, 'introduction_path_invalid');
      expectCode(await ask(a, c, [far!]), 409, 'introduction_path_invalid');
      expectCode(await ask(a, c, [b, b]), 409, 'introduction_path_invalid');
      expectCode(await a.call('POST', '/api/v1/introductions', { target: c.handle, via: [b.handle, c.handle, far!.handle], blurb: 'hi' }), 400, 'validation_failed');
      expect(await count()).toBe(before);

      // The target blocked an introducer: that path is gone (another one stands).
      const other = await triangle();
      const [detour] = await people('Detour');
      await connect(other.a, detour!);
      await connect(detour!, other.c);
      expect((await other.c.call('PUT', `/api/v1/members/${other.b.handle}/block`)).statusCode).toBe(200);
      expectCode(await ask(other.a, other.c, [other.b]), 409, 'introduction_path_invalid');
      // A block between the introducer and me, too (they are no longer my connection).
      expect((await detour!.call('PUT', `/api/v1/members/${other.a.handle}/block`)).statusCode).toBe(200);
      expectCode(await ask(other.a, other.c, [detour!]), 400, 'introduction_unreachable');
      // The target blocked me: not found, as everywhere; I blocked them: blocked.
      expect((await c.call('PUT', `/api/v1/members/${a.handle}/block`)).statusCode).toBe(200);
      expect((await ask(a, c, [b])).statusCode).toBe(404);
      expect((await c.call('DELETE', `/api/v1/members/${a.handle}/block`)).statusCode).toBe(200);
      expect((await a.call('PUT', `/api/v1/members/${c.handle}/block`)).statusCode).toBe(200);
      expectCode(await ask(a, c, [b]), 409, 'blocked');
      expect((await a.call('DELETE', `/api/v1/members/${c.handle}/block`)).statusCode).toBe(200);
      expect(await count()).toBe(before);

      expect((await ask(a, c, [b])).statusCode).toBe(201);
      expectCode(await ask(a, c, [b]), 409, 'introduction_pending');
      expect(await count()).toBe(before + 1);
    });

    it('refuses oversized notes and reasons, and a forward across a block made since', async () => {
      const { a, b, c } = await triangle();
      const { id } = (await ask(a, c, [b])).json();
      const long = 'y'.repeat(LIMITS.introductionNoteMax + 1);
      expectCode(await b.call('POST', `/api/v1/introductions/${id}/forward`, { note: long }), 400, 'validation_failed');
      expectCode(await b.call('POST', `/api/v1/introductions/${id}/decline`, { reason: long }), 400, 'validation_failed');
      expect((await c.call('PUT', `/api/v1/members/${a.handle}/block`)).statusCode).toBe(200);
      expectCode(await b.call('POST', `/api/v1/introductions/${id}/forward`), 409, 'introduction_path_invalid');
      const [step] = await rows<{ status: string }>(db(), sql`SELECT status FROM introduction_steps WHERE introduction_id = ${id} AND position = 0`);
      expect(step!.status).toBe('waiting');
      expect((await operator.call('POST', `/api/v1/introductions/${id}/decline`)).statusCode).toBe(404);
    });
  });

  it('counts a decline against the requester as invitations do, "I don\'t know this person" apart and silent', async () => {
    const { a, b, c } = await triangle();
    const before = (await loadOneSenderFacts(db(), a.id)).history;
    const { id } = (await ask(a, c, [b])).json();
    const res = await b.call('POST', `/api/v1/introductions/${id}/decline`, { reason: 'We only met once.', dontKnow: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().introduction.steps[0]).toMatchObject({ status: 'declined', dontKnow: true });
    const [asked] = await box(a, 'asked');
    expect(asked!.steps[0]).toMatchObject({ status: 'declined', reason: 'We only met once.', dontKnow: false });
    const after = (await loadOneSenderFacts(db(), a.id)).history;
    expect(after.dontKnow).toBe(before.dontKnow + 1);
    expectCode(await b.call('POST', `/api/v1/introductions/${id}/forward`), 409, 'introduction_answered');
  });

  it('reminds whoever let it wait a week, once, and expires it after 30 days', async () => {
    const { a, b, c } = await triangle();
    const { id } = (await ask(a, c, [b])).json();
    await db().execute(sql`UPDATE introduction_steps SET reached_at = now() - interval '8 days' WHERE introduction_id = ${id}`);
    const limits = get().config.network;
    expect(limits.introductionReminderMs).toBe(7 * 86_400_000);
    expect(limits.introductionExpiryMs).toBe(30 * 86_400_000);
    expect((await sweepIntroductions(db(), limits)).reminded).toBeGreaterThanOrEqual(1);
    await sweepIntroductions(db(), limits);
    expect((await notificationsOf(b)).map((x) => x.kind)).toEqual(['introduction_requested', 'introduction_reminder']);

    await db().execute(sql`UPDATE introductions SET expires_at = now() - interval '1 minute' WHERE id = ${id}`);
    expectCode(await b.call('POST', `/api/v1/introductions/${id}/forward`), 409, 'introduction_expired');
    expect((await sweepIntroductions(db(), limits)).expired).toBeGreaterThanOrEqual(1);
    expectCode(await b.call('POST', `/api/v1/introductions/${id}/forward`), 409, 'introduction_expired');
    const [asked] = await box(a, 'asked');
    expect(asked).toMatchObject({ id, status: 'expired' });
    expect((await notificationsOf(a)).map((x) => x.kind)).toEqual(['introduction_expired']);
    // A new request to the same member may follow.
    expect((await ask(a, c, [b])).statusCode).toBe(201);
  });
});

describeEachEngine(
  'introductions: the weekly quota',
  (get) => {
    it('lets a New account start 2 requests a week here (5 by default), then answers 429 with Retry-After', async () => {
      const app = get().app;
      await signUp(app, 'Operator Quota');
      const [a, b, ...targets] = await members(app, ['Quin', 'Bex', 'T1', 'T2', 'T3']);
      await connect(a!, b!);
      for (const t of targets) await connect(b!, t!);
      const ask = (t: Member) => a!.call('POST', '/api/v1/introductions', { target: t.handle, via: [b!.handle], blurb: 'Hello there' });
      expect((await ask(targets[0]!)).statusCode).toBe(201);
      expect((await ask(targets[1]!)).statusCode).toBe(201);
      const over = await ask(targets[2]!);
      expect(over.statusCode, over.body).toBe(429);
      expect(over.json()).toMatchObject({ code: 'introduction_quota', params: { weekly: 2 } });
      expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    });
  },
  (config) => ({ network: { ...config.network, weeklyIntroductionsNew: 2, weeklyIntroductionsEstablished: 4 } }),
);
