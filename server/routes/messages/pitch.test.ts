import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { rows } from '../../db/connection.ts';
import { type Member, signUp } from '../../test/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { connect, invite } from '../network/network-test-helpers.ts';
import { ageAccount, whereIs } from './messages-test-helpers.ts';

interface Allowance {
  reasons: { code: string; params: Record<string, unknown>; delta: number }[];
}

/**
 * Connect-then-pitch (server/screening/pitch.ts) through the API: a member who connects politely with five
 * people and then sends each nearly the same sales message is flagged, loses allowance and weighs more on
 * the next invitation; one who writes each new connection something of their own is not touched.
 */
describeEachEngine('connect-then-pitch', (get) => {
  let operator: Member;
  let pitcher: Member;
  let honest: Member;
  let targets: Member[];
  let friends: Member[];
  const first = (i: number) => ['Ana', 'Bruno', 'Carla', 'Dario', 'Elena'][i]!;
  const pitch = (i: number) =>
    `Hi ${first(i)}, great to be connected! I help teams like yours add 30% more qualified pipeline in 90 days. Worth a quick 15-minute call this week?`;
  const personal = [
    'Hi Ana, thanks for the tip about the Turin meetup, I will bring the slides on accessibility testing we talked about.',
    'Bruno, congratulations on the new role at the library! Let me know when the reading room reopens, I would love to visit.',
    'Carla, it was good to meet you at the conference. Your talk on river restoration made me rethink our own field plans.',
    'Dario, your question about Postgres replicas stuck with me: I wrote down the two settings we used, happy to compare notes.',
    'Elena, lovely to reconnect after the master course! Are you still running on Sunday mornings along the canal?',
  ];
  const openPitchFlags = async (member: Member) =>
    rows<{ reasons: { code: string; params: Record<string, number> }[] }>(
      get().database.db,
      sql`SELECT reasons FROM moderation_flags WHERE kind = 'pitch' AND status = 'open' AND ${member.id} = ANY(member_ids)`,
    );
  const allowance = async (member: Member) => (await member.call('GET', '/api/v1/me/allowance')).json<Allowance>();
  const send = async (from: Member, to: Member, text: string) => {
    const res = await from.call('POST', '/api/v1/conversations', { to: [to.handle], text });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: number }>().id;
  };

  beforeAll(async () => {
    const { app, database } = get();
    operator = await signUp(app, 'Pitch Operator');
    pitcher = await signUp(app, 'Polite Pitcher');
    honest = await signUp(app, 'Honest Networker');
    targets = [];
    friends = [];
    for (let i = 0; i < 5; i++) {
      targets.push(await signUp(app, `${first(i)} Target`));
      friends.push(await signUp(app, `${first(i)} Friend`));
    }
    // Established accounts, so that nothing here is filtered for being new.
    for (const m of [pitcher, honest, ...targets, ...friends]) await ageAccount(database, m);
    // Polite invitations, accepted: five new connections each.
    for (let i = 0; i < 5; i++) {
      await connect(pitcher, targets[i]!);
      await connect(honest, friends[i]!);
    }
  }, 300_000);

  it('flags a member who sends nearly the same pitch to new connections, and filters the rest', async () => {
    const conversations: number[] = [];
    for (let i = 0; i < 5; i++) {
      conversations.push(await send(pitcher, targets[i]!, pitch(i)));
      const flags = await openPitchFlags(pitcher);
      // The third copy of the sales message to a new connection makes the pattern.
      expect(flags.length, `after message ${i + 1}`).toBe(i < 2 ? 0 : 1);
    }
    // The first two reached the inbox; from the third on the sender is flagged, so their connections'
    // default settings put the message in Requests, with the warning.
    const places = [];
    for (let i = 0; i < 5; i++) places.push(await whereIs(targets[i]!, conversations[i]!));
    expect(places).toEqual(['inbox', 'inbox', 'requests', 'requests', 'requests']);
    const warned = await targets[4]!.call('GET', `/api/v1/conversations/${conversations[4]}`);
    expect(warned.json().warnings).toEqual(['flagged']);

    const [flag] = await openPitchFlags(pitcher);
    expect(flag!.reasons).toEqual([
      { code: 'flag.connect_then_pitch', params: { people: 5 } },
      { code: 'flag.fast_pitches', params: { people: 5 } },
    ]);
    const stored = await rows<{ copies: number; pitch: boolean; fast: boolean }>(
      get().database.db,
      sql`SELECT copies, pitch, fast FROM message_approaches WHERE sender_id = ${pitcher.id} ORDER BY id`,
    );
    expect(stored).toEqual([1, 2, 3, 4, 5].map((copies) => ({ copies, pitch: true, fast: true })));
  });

  it('takes half of the allowance and weighs on the next invitation, with the reasons', async () => {
    const reason = (await allowance(pitcher)).reasons.find((r) => r.code === 'allowance.connect_then_pitch');
    expect(reason).toMatchObject({ params: { people: 5 } });
    expect(reason!.delta).toBeLessThan(0);

    const stranger = await signUp(get().app, 'Next Prospect');
    await invite(pitcher, stranger, 'Hi, I would love to hear how your team handles outbound today.');
    const received = await stranger.call('GET', '/api/v1/invitations?box=received&folder=other');
    const inbox = await stranger.call('GET', '/api/v1/invitations?box=received&folder=inbox');
    const items = [...received.json().items, ...inbox.json().items] as { screening: { evidence: { risk: { reasons: { code: string }[] } } } }[];
    expect(items).toHaveLength(1);
    const codes = items[0]!.screening.evidence.risk.reasons.map((r) => r.code);
    expect(codes).toContain('risk.connect_then_pitch');
    expect(codes).toContain('risk.flagged');
  });

  it('puts the pitcher in the moderation queue with the reasons worded', async () => {
    const res = await operator.call('GET', '/api/v1/admin/moderation');
    const item = res.json().items.find((i: { kind?: string; members: { handle: string }[] }) => i.kind === 'pitch');
    expect(item.members.map((m: { handle: string }) => m.handle)).toEqual([pitcher.handle]);
    expect(item.reasons.map((r: { text: string }) => r.text)).toEqual([
      'Sent nearly the same sales message to 5 people within days of connecting with each, in the last 30 days',
      'Sent a sales pitch by message to 5 people within a day of connecting, in the last 30 days',
    ]);
  });

  it('leaves alone a member who writes each new connection something of their own, or just says thanks', async () => {
    for (let i = 0; i < 5; i++) {
      const id = await send(honest, friends[i]!, personal[i]!);
      expect(await whereIs(friends[i]!, id)).toBe('inbox');
      const follow = await honest.call('POST', `/api/v1/conversations/${id}/messages`, { text: `Thanks for connecting, ${first(i)}!` });
      expect(follow.statusCode).toBe(201);
    }
    expect(await openPitchFlags(honest)).toEqual([]);
    expect((await allowance(honest)).reasons.map((r) => r.code)).not.toEqual(expect.arrayContaining([expect.stringMatching(/pitch|approach/)]));
    const stored = await rows<{ copies: number; pitch: boolean; signed: boolean }>(
      get().database.db,
      sql`SELECT copies, pitch, signature IS NOT NULL AS signed FROM message_approaches WHERE sender_id = ${honest.id} ORDER BY id`,
    );
    // Ten approaches: five personal messages, none a copy; five thank-yous too short to be one.
    expect(stored).toHaveLength(10);
    expect(stored.every((s) => s.copies === 1 && !s.pitch)).toBe(true);
    expect(stored.filter((s) => s.signed)).toHaveLength(5);
  });

  it('does not count a message to a connection who wrote first, nor to an old connection', async () => {
    const [talker, old] = [await signUp(get().app, 'Chatty Contact'), await signUp(get().app, 'Old Colleague')];
    // The pitcher's own invitations are held now: these two invite them.
    await connect(talker, pitcher);
    await connect(old, pitcher);
    await get().database.db.execute(sql`UPDATE connections SET created_at = now() - interval '30 days' WHERE member_id IN (${pitcher.id}, ${old.id}) AND other_id IN (${pitcher.id}, ${old.id})`);
    const id = await send(talker, pitcher, 'Hey, thanks for connecting, what do you do exactly?');
    const reply = await pitcher.call('POST', `/api/v1/conversations/${id}/messages`, { text: pitch(0) });
    expect(reply.statusCode).toBe(201);
    await send(pitcher, old, pitch(1));
    const counted = await rows(
      get().database.db,
      sql`SELECT id FROM message_approaches WHERE sender_id = ${pitcher.id} AND recipient_id IN (${talker.id}, ${old.id})`,
    );
    expect(counted).toEqual([]);
  });

});
