/**
 * Helping a newcomer in (issue 15, Admin → Community): the operator welcomes them with a post that mentions
 * them, in the operator's words (the page pre-fills it in the operator's language). The post is an ordinary
 * post by the operator, so the newcomer hears of it through the mention's notification, and it is audited.
 */
import { eq } from 'drizzle-orm';
import type { Actor } from '../../auth/actor.ts';
import type { Db } from '../../db/connection.ts';
import { members } from '../../db/schema.ts';
import { notFound } from '../../errors.ts';
import { authorize } from '../../policies/index.ts';
import { recordAudit } from '../audit.ts';
import { createPost } from '../posts/posts.ts';

/** The newcomer the operator means to help: an active member other than the operator, or 404. */
export async function newcomerToHelp(db: Db, actor: Actor, handle: string): Promise<{ id: number; handle: string; role: 'member' | 'admin' }> {
  const [m] = await db.select({ id: members.id, handle: members.handle, role: members.role, status: members.status }).from(members).where(eq(members.handle, handle));
  if (!m || m.status !== 'active') throw notFound('member');
  authorize(actor, 'community.help', { kind: 'member', memberId: m.id, role: m.role });
  return m;
}

/** The text as posted: it always mentions the newcomer (the operator's edit may have dropped the mention). */
export function welcomeText(text: string, handle: string): string {
  const mention = new RegExp(`(^|[^\\w@])@${handle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`, 'i');
  return mention.test(text) ? text : `@${handle} ${text}`;
}

/** Publishes the welcome post (visible to members) and records it in the audit log; returns the post's id. */
export async function welcomeNewcomer(db: Db, actor: Actor, handle: string, text: string, ip: string | null): Promise<{ postId: number; text: string }> {
  const newcomer = await newcomerToHelp(db, actor, handle);
  const posted = welcomeText(text.trim(), newcomer.handle);
  const postId = await createPost(db, actor, { text: posted, visibility: 'members' });
  // After the post's own transaction (createPost opens it): a lost audit row would leave a public post, which
  // is itself the record; the reverse (an audit of a post that failed) cannot happen.
  await recordAudit(db, { actorId: actor.id, action: 'community.welcome_post', subjectType: 'member', subjectId: newcomer.id, data: { postId }, ip });
  return { postId, text: posted };
}
