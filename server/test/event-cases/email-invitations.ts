import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { rows } from '../../db/connection.ts';
import type { Case, CaseKit } from './types.ts';

export function emailInvitationCases(kit: CaseKit): Case[] {
  const { db, member, status, count } = kit;
  const sentBy = (memberId: number) => count(sql`SELECT count(*)::int AS n FROM email_invitations WHERE member_id = ${memberId}`);
  return [
    {
      family: 'invitations to join: send',
      refuse: 'email_invitation.sent',
      setup: async () => {
        const a = await member('Emailing Events');
        return {
          act: async () => status(await a.call('POST', '/api/v1/email-invitations', { email: `outsider-${a.id}@example.net`, note: 'Join us' })),
          state: () => sentBy(a.id),
          expected: (answer) => [{ kind: 'email_invitation.sent', actorId: a.id, subjectId: null, data: { invitationId: (answer as { id: number }).id } }],
          written: (answer) => sql`SELECT xmin::text AS xmin FROM email_invitations WHERE id = ${(answer as { id: number }).id}`,
        };
      },
    },
    {
      family: 'invitations to join: joined',
      refuse: 'email_invitation.joined',
      setup: async () => {
        const a = await member('Inviting Events');
        const sent = await a.call('POST', '/api/v1/email-invitations', { email: `joining-${a.id}@example.net`, note: 'Join us' });
        expect(sent.statusCode, sent.body).toBe(201);
        const [mail] = await rows<{ text: string }>(db(), sql`SELECT text_body AS text FROM email_outbox WHERE to_address = ${`joining-${a.id}@example.net`}`);
        const token = /token=(ei_[\w-]{32})/.exec(mail!.text)![1]!;
        const b = await member('Joining Events');
        const id = sent.json<{ id: number }>().id;
        return {
          act: async () => status(await b.call('POST', '/api/v1/email-invitations/join', { token })),
          state: () => count(sql`SELECT count(*)::int AS n FROM email_invitations WHERE id = ${id} AND status = 'joined'`),
          expected: () => [{ kind: 'email_invitation.joined', actorId: b.id, subjectId: a.id, data: { invitationId: id } }],
          written: () => sql`SELECT xmin::text AS xmin FROM email_invitations WHERE id = ${id}`,
        };
      },
    },
  ];
}
