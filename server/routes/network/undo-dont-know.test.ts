import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { rows } from '../../db/connection.ts';
import { DONT_KNOW_FLAG } from '../../screening/auto-flags.ts';
import { type Member, signUp } from '../../test/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { invite } from './network-test-helpers.ts';

describeEachEngine('undo "I don\'t know this person"', (get) => {
  const status = async (id: number) =>
    (await rows<{ status: string; responded_at: Date | null }>(get().database.db, sql`SELECT status, responded_at FROM invitations WHERE id = ${id}`))[0]!;
  const openReputationFlags = async (m: Member) =>
    rows<{ id: number }>(get().database.db, sql`SELECT id FROM moderation_flags WHERE kind = 'reputation' AND status = 'open' AND member_ids @> ARRAY[${m.id}]::integer[]`);
  const dontKnowReason = async (m: Member) =>
    ((await m.call('GET', '/api/v1/me/allowance')).json().reasons as { text: string }[]).filter((r) => /I don't know this person/.test(r.text));

  beforeAll(async () => {
    // The first account is the operator; the suites below are all members.
    await signUp(get().app, 'Undo Operator');
  });

  it('puts the invitation back as it was, and the sender’s record, allowance and re-invite ban with it; audited as a pair', async () => {
    const { app, database } = get();
    const sender = await signUp(app, 'Hopeful Sender');
    const recipient = await signUp(app, 'Hasty Recipient');
    const id = await invite(sender, recipient, 'We met at the harbour talk');

    expect((await recipient.call('POST', `/api/v1/invitations/${id}/dont-know`)).statusCode).toBe(200);
    expect((await status(id)).status).toBe('dont_know');
    expect(await dontKnowReason(sender)).toHaveLength(1);
    expect((await recipient.call('GET', '/api/v1/invitations/folders')).json()).toEqual({ inbox: 0, other: 0 });

    const undone = await recipient.call('POST', `/api/v1/invitations/${id}/undo`);
    expect(undone.statusCode, undone.body).toBe(200);
    expect(undone.json().invitation).toMatchObject({ id, status: 'pending' });
    expect(await status(id)).toEqual({ status: 'pending', responded_at: null });
    expect((await recipient.call('GET', '/api/v1/invitations/folders')).json()).toEqual({ inbox: 1, other: 0 });
    expect(await dontKnowReason(sender)).toEqual([]);
    // The sender is no longer barred: the invitation is simply open again (a second one would be a duplicate).
    const again = await sender.call('POST', '/api/v1/invitations', { to: recipient.handle });
    expect(again.json().code).not.toBe('invitation_refused');

    const audit = await rows<{ action: string; data: Record<string, unknown> }>(
      database.db,
      sql`SELECT action, data FROM audit_events WHERE action LIKE 'invitation.%' AND subject_id = ${String(sender.id)} ORDER BY id`,
    );
    expect(audit).toEqual([
      { action: 'invitation.dont_know', data: { invitationId: id, previousStatus: 'pending', previousRespondedAt: null } },
      { action: 'invitation.dont_know_undone', data: { invitationId: id } },
    ]);

    // Undoing twice changes nothing more.
    expect((await recipient.call('POST', `/api/v1/invitations/${id}/undo`)).statusCode).toBe(200);
    expect(await rows(database.db, sql`SELECT id FROM audit_events WHERE action = 'invitation.dont_know_undone' AND subject_id = ${String(sender.id)}`)).toHaveLength(1);
    // And the recipient can still answer it for real.
    expect((await recipient.call('POST', `/api/v1/invitations/${id}/accept`)).statusCode).toBe(200);
  });

  it('an invitation ignored before is ignored again; only its recipient may undo, and only for a short while', async () => {
    const { app, database } = get();
    const sender = await signUp(app, 'Patient Sender');
    const recipient = await signUp(app, 'Careful Recipient');
    const stranger = await signUp(app, 'Nosy Stranger');
    const id = await invite(sender, recipient);
    expect((await recipient.call('POST', `/api/v1/invitations/${id}/ignore`)).statusCode).toBe(200);
    const ignoredAt = (await status(id)).responded_at;
    expect((await recipient.call('POST', `/api/v1/invitations/${id}/dont-know`)).statusCode).toBe(200);

    expect((await stranger.call('POST', `/api/v1/invitations/${id}/undo`)).statusCode).toBe(404);
    expect((await sender.call('POST', `/api/v1/invitations/${id}/undo`)).statusCode).toBe(404);
    expect((await recipient.call('POST', `/api/v1/invitations/999999999/undo`)).statusCode).toBe(404);
    expect((await recipient.call('POST', `/api/v1/invitations/abc/undo`)).statusCode).toBe(400);
    expect((await status(id)).status).toBe('dont_know');

    expect((await recipient.call('POST', `/api/v1/invitations/${id}/undo`)).statusCode).toBe(200);
    expect(await status(id)).toEqual({ status: 'ignored', responded_at: ignoredAt });

    // Declined again, and a minute later it is final.
    expect((await recipient.call('POST', `/api/v1/invitations/${id}/dont-know`)).statusCode).toBe(200);
    await rows(database.db, sql`UPDATE invitations SET responded_at = now() - interval '1 minute' WHERE id = ${id}`);
    const late = await recipient.call('POST', `/api/v1/invitations/${id}/undo`);
    expect(late.statusCode).toBe(409);
    expect(String(late.headers['content-type'])).toContain('application/problem+json');
    expect(late.json().code).toBe('undo_expired');
    expect((await status(id)).status).toBe('dont_know');

    // Something that is not a decline cannot be undone.
    const other = await invite(stranger, recipient);
    expect((await recipient.call('POST', `/api/v1/invitations/${other}/accept`)).statusCode).toBe(200);
    const accepted = await recipient.call('POST', `/api/v1/invitations/${other}/undo`);
    expect([accepted.statusCode, accepted.json().code]).toEqual([409, 'invitation_not_declined']);
  });

  it('withdraws a reputation flag the answer raised alone, and keeps one that still has grounds', async () => {
    const { app } = get();
    const sender = await signUp(app, 'Spray Sender');
    const recipients: Member[] = [];
    for (let i = 1; i <= DONT_KNOW_FLAG + 1; i++) recipients.push(await signUp(app, `Unknown Recipient ${i}`));
    const ids: number[] = [];
    for (const r of recipients) ids.push(await invite(sender, r));

    for (let i = 0; i < DONT_KNOW_FLAG - 1; i++) expect((await recipients[i]!.call('POST', `/api/v1/invitations/${ids[i]}/dont-know`)).statusCode).toBe(200);
    expect(await openReputationFlags(sender)).toEqual([]);
    // The fifth answer puts the sender in the queue…
    const fifth = DONT_KNOW_FLAG - 1;
    expect((await recipients[fifth]!.call('POST', `/api/v1/invitations/${ids[fifth]}/dont-know`)).statusCode).toBe(200);
    expect(await openReputationFlags(sender)).toHaveLength(1);
    // …and taking it back takes the sender out again, before any operator acted on it.
    expect((await recipients[fifth]!.call('POST', `/api/v1/invitations/${ids[fifth]}/undo`)).statusCode).toBe(200);
    expect(await openReputationFlags(sender)).toEqual([]);

    // Five other answers flag the sender again; undoing one more on top leaves the flag, which still has grounds.
    expect((await recipients[fifth]!.call('POST', `/api/v1/invitations/${ids[fifth]}/dont-know`)).statusCode).toBe(200);
    const last = DONT_KNOW_FLAG;
    expect((await recipients[last]!.call('POST', `/api/v1/invitations/${ids[last]}/dont-know`)).statusCode).toBe(200);
    const [flag] = await openReputationFlags(sender);
    expect((await recipients[last]!.call('POST', `/api/v1/invitations/${ids[last]}/undo`)).statusCode).toBe(200);
    expect(await openReputationFlags(sender)).toEqual([flag]);
  });

  it('refuses to reopen an invitation once the two have blocked, connected or invited each other since', async () => {
    const { app } = get();
    const sender = await signUp(app, 'Blocked Sender');
    const recipient = await signUp(app, 'Blocking Recipient');
    const id = await invite(sender, recipient);
    expect((await recipient.call('POST', `/api/v1/invitations/${id}/dont-know`)).statusCode).toBe(200);
    // The recipient thinks again and invites the sender themselves, then tries to undo.
    const reverse = await invite(recipient, sender);
    const conflict = await recipient.call('POST', `/api/v1/invitations/${id}/undo`);
    expect([conflict.statusCode, conflict.json().code]).toEqual([409, 'undo_conflict']);
    expect((await recipient.call('POST', `/api/v1/invitations/${reverse}/withdraw`)).statusCode).toBe(200);
    expect((await recipient.call('PUT', `/api/v1/members/${sender.handle}/block`)).statusCode).toBe(200);
    const blocked = await recipient.call('POST', `/api/v1/invitations/${id}/undo`);
    expect([blocked.statusCode, blocked.json().code]).toEqual([409, 'undo_conflict']);
    expect((await status(id)).status).toBe('dont_know');
  });
});
