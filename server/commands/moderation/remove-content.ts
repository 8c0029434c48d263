import { and, eq, sql } from 'drizzle-orm';
import type { ContentKind } from '../../../common/moderation.ts';
import { reason as notice } from '../../../common/reasons.ts';
import type { Actor } from '../../auth/actor.ts';
import { rows, type Tx } from '../../db/connection.ts';
import { members, reports } from '../../db/schema.ts';
import { conflict, notFound } from '../../errors.ts';
import { recordEvent } from '../../events/record.ts';
import { authorize } from '../../policies/index.ts';
import { commentFacts, postFacts, postOfComment } from '../../queries/posts/facts.ts';
import { recordAudit } from '../audit.ts';
import { deleteCommentRows } from '../posts/comments.ts';
import { deletePostRow } from '../posts/posts.ts';
import { lockModeration } from './locks.ts';
import { sendNotice } from './notices.ts';

/** How much of the removed text the author's notice quotes, so they know which it was. */
const EXCERPT_MAX = 80;

export interface Removed {
  kind: ContentKind;
  id: number;
  author: string;
  reportsResolved: number;
}

interface Found {
  authorId: number;
  text: string;
  postId: number | null;
  conversationId: number | null;
  members: number[];
  /** Deletes or wipes it. */
  remove: () => Promise<unknown>;
}

/**
 * An operator removes a post, comment or message, with a reason, in the caller's transaction:
 * - a post or comment is deleted as its author would delete it (the same statements: a post's comments and
 *   reactions go with it and its original gets its repost back; a comment's replies go with it and its post's
 *   count drops by as many), so it is gone from every feed, page and list without a filter to forget;
 * - a message keeps its place in its conversation with its text and link wiped (`removed_at`), shown as
 *   removed, so the conversation still reads in order and read marks and unread counts stay right.
 * The open reports about it are resolved (actioned); the author reads a notice with the reason and the
 * first words of what was removed; one `moderation.remove_content` audit row and a `content.removed` event.
 * The evidence stays with the reports, which keep their snapshot.
 */
export async function removeContent(tx: Tx, operator: Actor, input: { kind: ContentKind; id: number; reason: string }, ip: string | null): Promise<Removed> {
  const found = await lockContent(tx, operator, input.kind, input.id);
  const [author] = await tx.select({ handle: members.handle, role: members.role }).from(members).where(eq(members.id, found.authorId));
  authorize(operator, 'content.remove', { kind: 'member', memberId: found.authorId, role: author!.role });
  // Reports about the author wait: a report filed meanwhile sees the item gone (fileReport reads it under this lock).
  await lockModeration(tx, found.authorId);

  await found.remove();
  const resolved = await tx
    .update(reports)
    .set({ status: 'actioned', resolvedAt: sql`now()`, resolvedBy: operator.id })
    .where(and(eq(reports.contentKind, input.kind), eq(reports.contentId, input.id), eq(reports.status, 'open')))
    .returning({ id: reports.id });
  const excerpt = excerptOf(found.text);
  await sendNotice(tx, found.authorId, 'removal', notice('notice.content_removed', { kind: input.kind, excerpt, reason: input.reason }));
  const where = { postId: found.postId, conversationId: found.conversationId };
  await recordAudit(tx, {
    actorId: operator.id,
    action: 'moderation.remove_content',
    subjectType: 'member',
    subjectId: found.authorId,
    data: { kind: input.kind, id: input.id, ...where, reason: input.reason, reports: resolved.map((r) => r.id) },
    ip,
  });
  await recordEvent(tx, {
    kind: 'content.removed',
    actorId: operator.id,
    subjectId: found.authorId,
    data: { kind: input.kind, id: input.id, ...where, members: found.members },
  });
  return { kind: input.kind, id: input.id, author: author!.handle, reportsResolved: resolved.length };
}

/**
 * The item and its author, locked as deleting it needs: a post for update; a comment's post for write and
 * then the comment for update (the order addComment and deleteComment take them in); a message for update.
 * 404 when there is no such item, 409 for a message already removed.
 */
async function lockContent(tx: Tx, operator: Actor, kind: ContentKind, id: number): Promise<Found> {
  switch (kind) {
    case 'post': {
      const facts = await postFacts(tx, operator.id, id, 'update');
      if (!facts) throw notFound('post');
      const [p] = await rows<{ text: string }>(tx, sql`SELECT text FROM posts WHERE id = ${id}`);
      return { authorId: facts.author.id, text: p!.text, postId: id, conversationId: null, members: [], remove: () => deletePostRow(tx, facts) };
    }
    case 'comment': {
      const postId = await postOfComment(tx, id);
      if (postId === null) throw notFound('comment');
      await postFacts(tx, operator.id, postId, 'write');
      const facts = await commentFacts(tx, operator.id, id, 'update');
      if (!facts) throw notFound('comment');
      const [c] = await rows<{ text: string }>(tx, sql`SELECT text FROM comments WHERE id = ${id}`);
      return { authorId: facts.author.id, text: c!.text, postId, conversationId: null, members: [], remove: () => deleteCommentRows(tx, postId, id) };
    }
    case 'message': {
      const [m] = await rows<{ senderId: number; text: string; conversationId: string | number; removed: boolean; members: number[] }>(
        tx,
        sql`SELECT m.sender_id AS "senderId", m.text, m.conversation_id AS "conversationId", m.removed_at IS NOT NULL AS removed,
                   ARRAY(SELECT cm.member_id FROM conversation_members cm WHERE cm.conversation_id = m.conversation_id ORDER BY cm.member_id) AS members
              FROM messages m WHERE m.id = ${id} FOR UPDATE OF m`,
      );
      if (!m) throw notFound('message');
      if (m.removed) throw conflict('already_removed');
      // Its attached image goes with its text: nobody may fetch what the moderators removed.
      const remove = async () => {
        await tx.execute(sql`DELETE FROM media WHERE message_id = ${id}`);
        await tx.execute(sql`UPDATE messages SET text = '', link_url = NULL, removed_at = now() WHERE id = ${id}`);
      };
      return { authorId: m.senderId, text: m.text, postId: null, conversationId: Number(m.conversationId), members: m.members, remove };
    }
  }
}

/** The first words of a text, on one line, for the author's notice. */
export function excerptOf(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= EXCERPT_MAX) return line;
  const cut = line.slice(0, EXCERPT_MAX);
  const space = cut.lastIndexOf(' ');
  return `${(space > EXCERPT_MAX / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
