import { eq, or, sql } from 'drizzle-orm';
import type { Actor } from '../../auth/actor.ts';
import type { Db, Tx } from '../../db/connection.ts';
import { commentMentions, comments, posts } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordEvent } from '../../events/record.ts';
import { commentDeleteRefusal, commentEditRefusal, parentRefusal, postRefusal } from '../../policies/posts.ts';
import { commentFacts, postFacts, postOfComment } from '../../queries/posts/facts.ts';
import { notFound } from '../../errors.ts';
import { answeredBy } from '../../../common/posts.ts';
import { recordCommentExchange } from './engagement.ts';
import { resolveTextLinks } from './mentions.ts';

/**
 * Comments on a post the writer sees, or replies to one of its top-level comments (one level deep). The
 * post's row is held for the transaction: its comment count moves with the comment, and it cannot be
 * deleted meanwhile.
 */
export async function addComment(db: Db, actor: Actor, postId: number, input: { text: string; parentId?: number | undefined }): Promise<number> {
  return inTransaction(db, async (tx) => {
    const post = await postFacts(tx, actor.id, postId, 'write');
    const refusal = postRefusal(actor, post);
    if (refusal) throw refusal;
    let parentAuthorId: number | null = null;
    if (input.parentId !== undefined) {
      const parent = await commentFacts(tx, actor.id, input.parentId);
      const wrongParent = parentRefusal(actor, postId, parent);
      if (wrongParent) throw wrongParent;
      parentAuthorId = parent!.author.id;
    }
    const links = await resolveTextLinks(tx, actor, input.text);
    const [created] = await tx
      .insert(comments)
      .values({ postId, authorId: actor.id, parentId: input.parentId ?? null, text: input.text })
      .returning({ id: comments.id });
    const commentId = created!.id;
    await writeMentions(tx, actor.id, commentId, links.mentioned);
    await tx.update(posts).set({ commentCount: sql`${posts.commentCount} + 1` }).where(eq(posts.id, postId));
    const answered = answeredBy(actor.id, post!.author.id, parentAuthorId);
    if (answered !== null) await recordCommentExchange(tx, actor.id, answered);
    await recordEvent(tx, {
      kind: 'comment.added',
      actorId: actor.id,
      subjectId: post!.author.id,
      data: { commentId, postId, parentId: input.parentId ?? null, parentAuthorId, mentioned: links.mentioned },
    });
    return commentId;
  });
}

/** The author edits their comment: mentions are resolved again, and it shows "edited" from now on. */
export async function editComment(db: Db, actor: Actor, commentId: number, text: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    const comment = await commentFacts(tx, actor.id, commentId, 'write');
    const refusal = commentEditRefusal(actor, comment);
    if (refusal) throw refusal;
    const links = await resolveTextLinks(tx, actor, text);
    await tx.update(comments).set({ text, editedAt: sql`now()` }).where(eq(comments.id, commentId));
    await tx.delete(commentMentions).where(eq(commentMentions.commentId, commentId));
    await writeMentions(tx, actor.id, commentId, links.mentioned);
    await recordEvent(tx, { kind: 'comment.edited', actorId: actor.id, subjectId: comment!.post.author.id, data: { commentId, postId: comment!.postId, mentioned: links.mentioned } });
  });
}

/**
 * Deletes a comment, by its author or the post's author, with its replies (a top-level comment's thread goes
 * with it) and their reactions; the post's comment count drops by as many.
 */
export async function deleteComment(db: Db, actor: Actor, commentId: number): Promise<void> {
  await inTransaction(db, async (tx) => {
    // The post first, then the comment: the order addComment takes them in.
    const postId = await postOfComment(tx, commentId);
    if (postId === null) throw notFound('comment');
    await postFacts(tx, actor.id, postId, 'write');
    const comment = await commentFacts(tx, actor.id, commentId, 'update');
    const refusal = commentDeleteRefusal(actor, comment);
    if (refusal) throw refusal;
    const gone = await deleteCommentRows(tx, postId, commentId);
    await recordEvent(tx, {
      kind: 'comment.deleted',
      actorId: actor.id,
      subjectId: comment!.author.id,
      data: { commentId, postId, replies: gone - 1 },
    });
  });
}

/**
 * Deletes a comment with its replies (a top-level comment's thread goes with it) and their reactions, and
 * drops its post's comment count by as many; returns how many went. The caller holds the post's row (write)
 * and then the comment's (update), the order addComment takes them in. Shared by deleting and an operator's
 * removal (commands/moderation/remove-content.ts).
 */
export async function deleteCommentRows(tx: Tx, postId: number, commentId: number): Promise<number> {
  const gone = await tx
    .delete(comments)
    .where(or(eq(comments.id, commentId), eq(comments.parentId, commentId)))
    .returning({ id: comments.id });
  await tx
    .update(posts)
    .set({ commentCount: sql`GREATEST(0, ${posts.commentCount} - ${gone.length}::int)` })
    .where(eq(posts.id, postId));
  return gone.length;
}

async function writeMentions(tx: Tx, authorId: number, commentId: number, mentioned: number[]): Promise<void> {
  if (mentioned.length === 0) return;
  await tx.insert(commentMentions).values(mentioned.map((memberId, position) => ({ commentId, authorId, memberId, position })));
}
