import { sql } from 'drizzle-orm';
import type { ReactionKind } from '../../common/schemas/posts.ts';
import { rows } from '../db/connection.ts';
import type { ReactionCounts } from '../db/tables/posts.ts';
import { intArray } from '../graph/sql.ts';
import { type AuthorFacts, canSeeComment, type CommentFacts, type PostFacts } from '../policies/posts.ts';
import type { Lens } from '../viewer/viewer.ts';
import { type HydratedPerson, hydratePeople } from './people.ts';
import { authorFactsOf } from './posts.ts';

/** A comment as stored, with the viewer's own reaction and the members its text mentions (in order). */
export interface CommentRecord {
  id: number;
  postId: number;
  authorId: number;
  /** The author's account was deleted: the text is wiped and the comment shows as a tombstone. */
  authorDeleted: boolean;
  parentId: number | null;
  text: string;
  createdAt: Date;
  editedAt: Date | null;
  reactionCounts: ReactionCounts;
  mine: ReactionKind | null;
  mentionIds: number[];
}

/** A comment hydrated for one viewer, who may see it. */
export interface HydratedComment {
  record: CommentRecord;
  /** Null for a tombstone: its author's account was deleted, there is nobody to show. */
  author: HydratedPerson | null;
  facts: CommentFacts;
  mentions: HydratedPerson[];
}

interface CommentRow {
  id: string | number;
  postId: string | number;
  authorId: number;
  authorDeleted: boolean;
  parentId: string | number | null;
  text: string;
  createdAt: Date | string;
  editedAt: Date | string | null;
  reactionCounts: ReactionCounts | string;
  mine: ReactionKind | null;
  mentionIds: number[] | null;
}

/**
 * Hydrates comments of one post (whose facts the caller has: it hydrated the post first), by id, keeping
 * those the viewer may see (canSeeComment): one statement for the comments with the viewer's own reactions
 * and the mentioned members' ids, one hydratePeople for their authors and mentioned members, with the
 * viewer's relations (Connect and Follow on a comment are the person rules'). A comment whose author's account
 * was deleted comes back as a tombstone (author null): hydratePeople knows only active members. Returned by id.
 */
export async function hydrateComments(lens: Lens, post: PostFacts, ids: readonly number[]): Promise<Map<number, HydratedComment>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const found = await rows<CommentRow>(
    lens.db,
    sql`SELECT c.id, c.post_id AS "postId", c.author_id AS "authorId",
               (SELECT m.status = 'deleted' FROM members m WHERE m.id = c.author_id) AS "authorDeleted", c.parent_id AS "parentId", c.text,
               c.created_at AS "createdAt", c.edited_at AS "editedAt", c.reaction_counts AS "reactionCounts",
               (SELECT r.kind FROM comment_reactions r WHERE r.comment_id = c.id AND r.member_id = ${lens.actor.id}) AS mine,
               ARRAY(SELECT cm.member_id FROM comment_mentions cm WHERE cm.comment_id = c.id ORDER BY cm.position) AS "mentionIds"
          FROM comments c
         WHERE c.id = ANY(${intArray(wanted)}::bigint[]) AND c.post_id = ${post.id}`,
  );
  const records = found.map(toRecord);
  const people = new Map(
    (await hydratePeople(lens, records.flatMap((r) => [...(r.authorDeleted ? [] : [r.authorId]), ...r.mentionIds]), { relations: true })).map((p) => [
      p.record.id,
      p,
    ]),
  );
  const out = new Map<number, HydratedComment>();
  for (const record of records) {
    const author = record.authorDeleted ? null : people.get(record.authorId);
    if (author === undefined) continue;
    const authorFacts = author ? authorFactsOf(author) : tombstoneFacts(record.authorId);
    const facts: CommentFacts = { id: record.id, postId: record.postId, parentId: record.parentId, author: authorFacts, post };
    if (!canSeeComment(lens.actor, facts)) continue;
    out.set(record.id, { record, author, facts, mentions: record.mentionIds.flatMap((m) => people.get(m) ?? []) });
  }
  return out;
}

/** A deleted author as the rules see them: no block or relation survives the purge. */
function tombstoneFacts(id: number): AuthorFacts {
  return { id, status: 'deleted', block: null, connected: false, following: false };
}

function toRecord(r: CommentRow): CommentRecord {
  return {
    id: Number(r.id),
    postId: Number(r.postId),
    authorId: r.authorId,
    authorDeleted: r.authorDeleted === true,
    parentId: r.parentId === null ? null : Number(r.parentId),
    text: r.text,
    createdAt: new Date(r.createdAt),
    editedAt: r.editedAt === null ? null : new Date(r.editedAt),
    reactionCounts: typeof r.reactionCounts === 'string' ? (JSON.parse(r.reactionCounts) as ReactionCounts) : r.reactionCounts,
    mine: r.mine,
    mentionIds: r.mentionIds ?? [],
  };
}
