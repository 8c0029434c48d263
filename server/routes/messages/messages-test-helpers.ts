import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Database } from '../../db/connection.ts';
import type { Member } from '../../test/client.ts';

/** Makes a member's account `days` old, so they are no longer a new account (30 days) to anyone's settings. */
export async function ageAccount(database: Database, member: Member, days = 60): Promise<void> {
  await database.db.execute(sql`UPDATE members SET created_at = now() - ${`${days} days`}::interval WHERE id = ${member.id}`);
}

/** Opens a moderation flag naming the member (as screening would). */
export async function flagMember(database: Database, member: Member): Promise<void> {
  await database.db.execute(sql`INSERT INTO moderation_flags (kind, member_ids, score) VALUES ('reputation', ARRAY[${member.id}]::int[], 50)`);
}

/** Starts a conversation and returns its id, asserting the 201. */
export async function startConversation(from: Member, to: Member[], text = 'Hello there'): Promise<number> {
  const res = await from.call('POST', '/api/v1/conversations', { to: to.map((m) => m.handle), text });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: number }>().id;
}

/** The ids of a member's conversations in one list. */
export async function listed(member: Member, folder: 'inbox' | 'requests' | 'archived' = 'inbox'): Promise<number[]> {
  const res = await member.call('GET', `/api/v1/conversations?folder=${folder}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: { id: number }[] }>().items.map((c) => c.id);
}

/** Where a conversation is for a member: the list it shows in, or null when it does not exist for them. */
export async function whereIs(member: Member, conversationId: number): Promise<'inbox' | 'requests' | 'archived' | null> {
  for (const folder of ['inbox', 'requests', 'archived'] as const) if ((await listed(member, folder)).includes(conversationId)) return folder;
  return null;
}

export async function unread(member: Member): Promise<{ inbox: number; requests: number }> {
  const res = await member.call('GET', '/api/v1/conversations/unread');
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
