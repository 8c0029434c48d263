import { type SQL, sql } from 'drizzle-orm';
import type { OriginComment } from '../../../common/schemas/network.ts';

/** The comment an invitation was sent from, with its post and the post's author, as the column reads it. */
export interface OriginCommentRow {
  id: string | number;
  postId: string | number;
  authorId: number;
  handle: string;
  name: string;
  status: 'active' | 'suspended' | 'deleted';
}

/**
 * A column `"originComment"`: the comment an invitation was sent from (`commentId`, an SQL expression for
 * its comment_id), its post and the post's author, for "comment on Ana's post"; null without one (or once
 * the comment is deleted). An index probe per row that has one, inside the caller's statement: select it
 * after the LIMIT.
 */
export const originCommentColumn = (commentId: SQL) => sql`(SELECT json_build_object('id', oc.id, 'postId', oc.post_id, 'authorId', op.author_id,
      'handle', opm.handle, 'name', opp.name, 'status', opm.status)
    FROM comments oc JOIN posts op ON op.id = oc.post_id JOIN members opm ON opm.id = op.author_id JOIN profiles opp ON opp.member_id = op.author_id
   WHERE oc.id = ${commentId}) AS "originComment"`;

/** The column's value as the viewer may see it: the post's author by name, unless suspended or across a block. */
export function presentOriginComment(avoid: ReadonlySet<number>, value: OriginCommentRow | string | null | undefined): OriginComment | null {
  if (!value) return null;
  const c = typeof value === 'string' ? (JSON.parse(value) as OriginCommentRow) : value;
  const shown = c.status === 'active' && !avoid.has(c.authorId);
  return { id: Number(c.id), postId: Number(c.postId), postAuthor: shown ? { handle: c.handle, name: c.name } : null };
}
