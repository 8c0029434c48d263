import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { rows } from '../../db/connection.ts';
import { connect } from '../../routes/network/network-test-helpers.ts';
import { type Member, signUp } from '../../test/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { eligibleForIntroduction, sharedProfileCandidates } from './introduction-candidates.ts';

describeEachEngine('introduction candidates for a newcomer', (get) => {
  it('ranks members sharing the current organisation, place or industry by facts shared, activity, then connections; never the ineligible', async () => {
    const { app, database } = get();
    const db = database.db;
    const [org] = await rows<{ id: number }>(db, sql`INSERT INTO organisations (name, name_key, slug) VALUES ('Acme Looms', 'acme looms', 'acme-looms') RETURNING id`);
    const works = (m: Member, ended: string | null) =>
      db.execute(sql`INSERT INTO experiences (member_id, organisation_id, organisation_name, title, start_date, end_date, position)
                     VALUES (${m.id}, ${org!.id}, 'Acme Looms', 'Weaver', DATE '2020-01-01', ${ended}::date, 0)`);
    const profile = (m: Member, location: string, industry: string, visibility = 'signed_in') =>
      db.execute(sql`UPDATE profiles SET location = ${location}, industry = ${industry}, visibility = ${visibility} WHERE member_id = ${m.id}`);
    const names = ['Newcomer', 'Colleague', 'Neighbour', 'Connected Neighbour', 'Away Neighbour', 'Former Colleague', 'Hidden', 'Restricted', 'Blocked', 'Stranger'];
    const [newcomer, colleague, neighbour, connectedNeighbour, away, former, hidden, restricted, blocked, stranger] = await Promise.all(
      names.map((n) => signUp(app, `${n} Candidate`)),
    );
    await works(newcomer!, null);
    await profile(newcomer!, 'Prato', 'Textiles');
    // The colleague shares the organisation and the industry: two facts.
    await works(colleague!, null);
    await profile(colleague!, 'Milan', 'textiles ');
    // Three neighbours share the place: the one seen lately and best connected first, the one away for months last.
    for (const m of [neighbour, connectedNeighbour, away]) await profile(m!, 'PRATO', 'Law');
    for (const n of ['One', 'Two']) await connect(connectedNeighbour!, await signUp(app, `Friend ${n} Candidate`));
    await db.execute(sql`UPDATE members SET last_seen_at = now() - interval '90 days' WHERE id = ${away!.id}`);
    // Left the organisation: not a current colleague, and nothing else shared.
    await works(former!, '2022-01-01');
    await profile(hidden!, 'Prato', 'Textiles', 'network');
    await profile(restricted!, 'Prato', 'Textiles');
    await db.execute(sql`INSERT INTO member_restrictions (member_id, kind, reason) VALUES (${restricted!.id}, 'held', 'review')`);
    await profile(blocked!, 'Prato', 'Textiles');
    await db.execute(sql`INSERT INTO blocks (blocker_id, blocked_id) VALUES (${blocked!.id}, ${newcomer!.id})`);

    const found = await sharedProfileCandidates(db, newcomer!.id, [], 10);
    expect(found).toEqual([colleague!.id, connectedNeighbour!.id, neighbour!.id, away!.id]);
    expect(await sharedProfileCandidates(db, newcomer!.id, [colleague!.id], 2)).toEqual([connectedNeighbour!.id, neighbour!.id]);
    // A newcomer who shares nothing finds nobody.
    expect(await sharedProfileCandidates(db, stranger!.id, [], 10)).toEqual([]);

    const all = [newcomer, colleague, neighbour, hidden, restricted, blocked, former].map((m) => m!.id);
    // A network-only profile may still be suggested by name (people search shows names); its facts are not matched.
    expect([...(await eligibleForIntroduction(db, newcomer!.id, all))].sort((a, b) => a - b)).toEqual(
      [colleague!.id, neighbour!.id, hidden!.id, former!.id].sort((a, b) => a - b),
    );
  });
});
