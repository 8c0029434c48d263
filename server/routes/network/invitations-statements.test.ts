import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { rows } from '../../db/connection.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { identifiesCaller, recordStatements } from '../../test/statement-counter.ts';
import { connect, invite, members } from './network-test-helpers.ts';

const SENDERS = 20;

describeEachEngine('received invitations: round trips per page', (get) => {
  it('sends as many statements for a page of 20 invitations with evidence as for a page of 2, in the inbox and in Other', async () => {
    const { app, database } = get();
    const [recipient, friendA, friendB, ...senders] = await members(app, [
      'Rhea Recipient',
      'Ada Mutual',
      'Bo Mutual',
      ...Array.from({ length: SENDERS }, (_, i) => `Sender Number${String.fromCharCode(65 + i)}`),
    ]);
    // Mutual connections with names for the newest senders, so both pages show first mutuals (an empty list loads nothing).
    await connect(recipient!, friendA!);
    await connect(recipient!, friendB!);
    for (const s of senders.slice(-4)) {
      await connect(friendA!, s);
      await connect(friendB!, s);
    }
    for (const [i, s] of senders.entries()) {
      await invite(s, recipient!, `We met at the harbour workshop number ${i}; I would like to keep talking about tidal energy and your ${i} projects.`);
    }

    const page = async (folder: 'inbox' | 'other', limit: number) => {
      let items: { screening: { evidence: { mutuals: { count: number; first: unknown[] } } } | null }[] = [];
      const { result: res, statements: sent } = await recordStatements(database, () =>
        recipient!.call('GET', `/api/v1/invitations?box=received&folder=${folder}&limit=${limit}`),
      );
      expect(res.statusCode, res.body).toBe(200);
      items = res.json().items;
      const statements = sent.filter((st) => !identifiesCaller(st)).length;
      expect(items).toHaveLength(limit);
      expect(items.every((i) => i.screening !== null)).toBe(true);
      return { statements, items };
    };
    await page('inbox', 2); // warm-up: whatever a first request loads once
    const small = await page('inbox', 2);
    const full = await page('inbox', SENDERS);
    expect(full.items.some((i) => i.screening!.evidence.mutuals.first.length === 2)).toBe(true);
    // The viewer's blocks; the page with its threads; every person it shows (the other members, the viewer,
    // the mutuals the evidence names) hydrated at once; the senders' profiles and sender facts with the
    // recipient's profile and connection count; the senders' recent notes.
    expect(small.statements).toBe(5);
    expect(full.statements).toBe(small.statements);

    // The same in Other (the platform or a policy puts invitations there; moved directly here).
    await rows(database.db, sql`UPDATE invitations SET folder = 'other' WHERE recipient_id = ${recipient!.id} AND status = 'pending'`);
    const smallOther = await page('other', 2);
    const fullOther = await page('other', SENDERS);
    expect(fullOther.statements).toBe(smallOther.statements);
    expect(fullOther.statements).toBe(full.statements);
  });
});
