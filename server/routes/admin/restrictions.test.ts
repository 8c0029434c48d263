import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { endExpiredRestrictions } from '../../commands/moderation/restrictions.ts';
import { rows } from '../../db/connection.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type Member, signUp } from '../../test/client.ts';
import { describeEachEngine } from '../../test/engines.ts';

const DAY_MS = 86_400_000;

describeEachEngine('restrictions: a duration, an end, and lifting', (get) => {
  let operator: Member;
  let bystander: Member;

  /** Three reports put a member in the queue; returns the id of their 'reports' flag. */
  const reportedFlag = async (target: Member): Promise<number> => {
    for (const n of [1, 2, 3]) {
      const reporter = await signUp(get().app, `Reporter ${target.handle} ${n}`);
      expect((await reporter.call('POST', '/api/v1/reports', { member: target.handle, reason: 'spam' })).statusCode).toBe(201);
    }
    const queue = (await operator.call('GET', '/api/v1/admin/moderation?limit=50')).json();
    const flag = queue.items.find((i: { type: string; kind?: string; members: { handle: string }[] }) => i.kind === 'reports' && i.members[0]?.handle === target.handle);
    expect(flag).toBeDefined();
    return flag.id;
  };
  const allowance = async (m: Member) => (await m.call('GET', '/api/v1/me/allowance')).json();
  const listed = async (m: Member) =>
    (await operator.call('GET', `/api/v1/admin/members?q=${encodeURIComponent(m.email)}`)).json().items[0] as {
      restrictions: { kind: string; until: string | null }[];
      can: { liftRestrictions: boolean };
    };
  const auditRows = async (action: string, subjectId: number) =>
    rows<{ data: Record<string, unknown> }>(get().database.db, sql`SELECT data FROM audit_events WHERE action = ${action} AND subject_id = ${String(subjectId)} ORDER BY id`);

  beforeAll(async () => {
    operator = await signUp(get().app, 'Restriction Operator');
    bystander = await signUp(get().app, 'Restriction Bystander');
  });

  it('restricts for 30 days: the end is stored, shown to the operator and to the member (notice and allowance), and audited', async () => {
    const pest = await signUp(get().app, 'Timed Pest');
    const flagId = await reportedFlag(pest);
    const before = Date.now();
    const res = await operator.call('POST', `/api/v1/admin/moderation/flags/${flagId}/restrict`, { reason: 'Sales pitches', days: 30 });
    expect(res.statusCode, res.body).toBe(200);

    const [restriction] = (await listed(pest)).restrictions;
    expect(restriction).toMatchObject({ kind: 'invitations', reason: 'Sales pitches' });
    const until = Date.parse(restriction!.until!);
    expect(until).toBeGreaterThanOrEqual(before + 30 * DAY_MS - 1000);
    expect(until).toBeLessThanOrEqual(Date.now() + 30 * DAY_MS + 1000);

    const [notice] = (await pest.call('GET', '/api/v1/me/notices')).json().items;
    expect(notice).toMatchObject({ kind: 'restriction', endsAt: restriction!.until });
    expect(notice).toMatchObject({ code: 'notice.invitations_restricted', params: { reason: 'Sales pitches', days: 30 } });
    expect(notice.text).toBe('An operator has restricted your invitations for 30 days: you cannot send new invitations until the restriction ends. Reason: Sales pitches');
    expect(notice.message).toBe(notice.text);
    expect((await allowance(pest)).restrictions).toEqual([expect.objectContaining({ kind: 'invitations', until: restriction!.until })]);
    expect(await auditRows('moderation.restrict', pest.id)).toEqual([{ data: { flagId, reason: 'Sales pitches', days: 30, until: restriction!.until } }]);
  });

  it('without days it lasts until lifted; lifting needs a reason, writes one audit row, tells the member and frees their invitations', async () => {
    const { app, database } = get();
    const pest = await signUp(app, 'Lifted Pest');
    const flagId = await reportedFlag(pest);
    expect((await operator.call('POST', `/api/v1/admin/moderation/flags/${flagId}/restrict`, { reason: 'Spam wave' })).statusCode).toBe(200);
    expect((await listed(pest)).restrictions).toEqual([expect.objectContaining({ kind: 'invitations', until: null })]);
    expect((await listed(pest)).can.liftRestrictions).toBe(true);
    expect((await pest.call('POST', '/api/v1/invitations', { to: bystander.handle })).json().code).toBe('invitations_restricted');

    const url = `/api/v1/admin/members/${pest.handle}/restrictions/lift`;
    for (const body of [{}, { reason: '  ' }, { reason: 'ok', kind: 'everything' }, { reason: 'ok', extra: true }]) {
      const bad = await operator.call('POST', url, body);
      expect(bad.statusCode, JSON.stringify(body)).toBe(400);
      expect(bad.json().code).toBe('validation_failed');
    }
    const member = await signUp(app, 'Not An Operator');
    expect((await member.call('POST', url, { reason: 'let them go' })).statusCode).toBe(403);
    expect(await auditRows('moderation.lift', pest.id)).toEqual([]);

    const lifted = await operator.call('POST', url, { reason: 'They apologised and will stop' });
    expect(lifted.statusCode, lifted.body).toBe(200);
    expect(lifted.json()).toEqual({ handle: pest.handle, lifted: ['invitations'] });
    expect(await auditRows('moderation.lift', pest.id)).toEqual([{ data: { kinds: ['invitations'], reason: 'They apologised and will stop' } }]);
    expect((await listed(pest)).restrictions).toEqual([]);
    expect((await listed(pest)).can.liftRestrictions).toBe(false);
    const [notice] = (await pest.call('GET', '/api/v1/me/notices')).json().items;
    expect(notice).toMatchObject({
      kind: 'lifted',
      code: 'notice.restrictions_lifted',
      params: { kinds: ['invitations'], reason: 'They apologised and will stop' },
      text: 'An operator lifted the restriction on your invitations. Reason: They apologised and will stop',
    });
    expect((await allowance(pest)).remaining).toBeGreaterThan(0);
    expect((await pest.call('POST', '/api/v1/invitations', { to: bystander.handle })).statusCode).toBe(201);

    const again = await operator.call('POST', url, { reason: 'twice' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('not_restricted');
    expect(await auditRows('moderation.lift', pest.id)).toHaveLength(1);
    const active = await rows(database.db, sql`SELECT kind FROM member_restrictions WHERE member_id = ${pest.id} AND lifted_at IS NULL`);
    expect(active).toEqual([]);
  });

  it('a restriction past its end no longer applies, the sweep closes it and releases what it held, and a new one can follow', async () => {
    const { app, database } = get();
    const pest = await signUp(app, 'Expiring Pest');
    const recipient = await signUp(app, 'Expiring Recipient');
    const held = await pest.call('POST', '/api/v1/invitations', { to: recipient.handle, note: 'Hello there' });
    expect(held.statusCode).toBe(201);
    const flagId = await reportedFlag(pest);
    expect((await operator.call('POST', `/api/v1/admin/moderation/flags/${flagId}/restrict`, { reason: 'Cool off', days: 1 })).statusCode).toBe(200);
    // The pending invitation left the recipient's folders while the restriction lasts.
    expect((await recipient.call('GET', '/api/v1/invitations/folders')).json()).toEqual({ inbox: 0, other: 0 });

    // A day later (moved back in time here): it stops applying at once, before any sweep.
    await rows(database.db, sql`UPDATE member_restrictions SET ends_at = now() - interval '1 second' WHERE member_id = ${pest.id}`);
    expect((await allowance(pest)).restrictions).toEqual([]);
    expect((await listed(pest)).restrictions).toEqual([]);
    const other = await signUp(app, 'Expiring Other');
    expect((await pest.call('POST', '/api/v1/invitations', { to: other.handle })).statusCode).toBe(201);

    // The hourly sweep makes it final: lifted at its end, the held invitation delivered, the member told.
    const ended = await inTransaction(database.db, (tx) => endExpiredRestrictions(tx));
    expect(ended).toBeGreaterThanOrEqual(1);
    const [row] = await rows<{ closed: boolean; lifted_by: number | null }>(
      database.db,
      sql`SELECT lifted_at = ends_at AS closed, lifted_by FROM member_restrictions WHERE member_id = ${pest.id}`,
    );
    expect(row).toEqual({ closed: true, lifted_by: null });
    expect((await recipient.call('GET', '/api/v1/invitations/folders')).json()).toEqual({ inbox: 1, other: 0 });
    const kinds = (await pest.call('GET', '/api/v1/me/notices')).json().items.map((n: { kind: string; message: string }) => [n.kind, n.message]);
    expect(kinds[0]).toEqual(['lifted', 'The restriction on your invitations has ended: you can send invitations again.']);

    // Restricting again works although the old row was never lifted by hand.
    const again = await signUp(app, 'Expiring Reporter Extra');
    expect((await again.call('POST', '/api/v1/reports', { member: pest.handle, reason: 'spam' })).statusCode).toBe(201);
    const report = (await operator.call('GET', '/api/v1/admin/moderation?limit=50')).json().items.find(
      (i: { type: string; members: { handle: string }[] }) => i.type === 'report' && i.members[0]?.handle === pest.handle,
    );
    expect((await operator.call('POST', `/api/v1/admin/moderation/reports/${report.id}/restrict`, { reason: 'Again' })).statusCode).toBe(200);
    expect((await listed(pest)).restrictions).toEqual([expect.objectContaining({ kind: 'invitations', reason: 'Again', until: null })]);
  });

  it('restricting an already restricted member replaces the reason and end; days are refused on other actions and out of range', async () => {
    const pest = await signUp(get().app, 'Twice Pest');
    const flagId = await reportedFlag(pest);
    for (const [url, body] of [
      [`/api/v1/admin/moderation/flags/${flagId}/warn`, { reason: 'x', days: 3 }],
      [`/api/v1/admin/moderation/flags/${flagId}/restrict`, { reason: 'x', days: 0 }],
      [`/api/v1/admin/moderation/flags/${flagId}/restrict`, { reason: 'x', days: 366 }],
      [`/api/v1/admin/moderation/flags/${flagId}/restrict`, { reason: 'x', days: 1.5 }],
      [`/api/v1/admin/moderation/flags/${flagId}/restrict`, { reason: 'x', days: '7' }],
    ] as const) {
      const res = await operator.call('POST', url, body);
      expect(res.statusCode, `${url} ${JSON.stringify(body)}`).toBe(400);
      expect(res.json().code).toBe('validation_failed');
    }
    expect((await operator.call('POST', `/api/v1/admin/moderation/flags/${flagId}/restrict`, { reason: 'First', days: 7 })).statusCode).toBe(200);
    // Acting on the flag closed the open reports with it; a later report comes in on its own.
    const reporter = await signUp(get().app, 'Twice Reporter');
    const reportId = (await reporter.call('POST', '/api/v1/reports', { member: pest.handle, reason: 'fake' })).json().id;
    expect((await operator.call('POST', `/api/v1/admin/moderation/reports/${reportId}/restrict`, { reason: 'Second, for good' })).statusCode).toBe(200);
    expect((await listed(pest)).restrictions).toEqual([expect.objectContaining({ kind: 'invitations', reason: 'Second, for good', until: null })]);
  });
});
