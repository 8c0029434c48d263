import { and, eq, sql } from 'drizzle-orm';
import type { PostCreate } from '../../../common/schemas/posts.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Db, Tx } from '../../db/connection.ts';
import { postMentions, posts, postTopics } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordEvent } from '../../events/record.ts';
import { type PostFacts, postAuthorRefusal, repostRefusal } from '../../policies/posts.ts';
import { postFacts, textArray } from '../../queries/posts/facts.ts';
import { attachToPost, checkPostImageCount } from '../media/uploads.ts';
import { requestLinkPreview } from './link-preview.ts';
import { resolveTextLinks, type TextLinks } from './mentions.ts';

/**
 * Writes a post, or a repost: `repostOf` may name a repost, and then its original is what is shared (a
 * repost's repost_of is always an original). Mentions must resolve (400 mention_unknown otherwise); the
 * original must be one the writer sees and may repost. Its images must be the writer's waiting uploads (400
 * media_unknown otherwise, and nothing is written). One transaction: the post, its images, the request for
 * its link's preview, and `post.created`.
 */
export async function createPost(db: Db, actor: Actor, input: PostCreate): Promise<number> {
  checkPostImageCount(input.images);
  return inTransaction(db, async (tx) => {
    const links = await resolveTextLinks(tx, actor, input.text);
    let original: { id: number; authorId: number } | null = null;
    if (input.repostOf !== undefined) {
      // Held until commit (the shared post, then its original, the order deletePost takes them in): the
      // original cannot go while its repost count moves.
      const shared = await postFacts(tx, actor.id, input.repostOf, 'write');
      const root = !shared || shared.repostOf === null ? shared : await postFacts(tx, actor.id, shared.repostOf, 'write');
      const refusal = repostRefusal(actor, shared, root);
      if (refusal) throw refusal;
      original = { id: root!.id, authorId: root!.author.id };
    }
    const [created] = await tx
      .insert(posts)
      .values({ authorId: actor.id, text: input.text, visibility: input.visibility, repostOf: original?.id ?? null })
      .returning({ id: posts.id });
    const post = created!;
    await writeLinks(tx, actor.id, post, links);
    await attachToPost(tx, actor.id, post.id, input.images ?? []);
    await requestLinkPreview(tx, post.id, input.text);
    if (original) await tx.update(posts).set({ repostCount: sql`${posts.repostCount} + 1` }).where(eq(posts.id, original.id));
    await recordEvent(tx, {
      kind: 'post.created',
      actorId: actor.id,
      subjectId: original?.authorId ?? null,
      data: { postId: post.id, visibility: input.visibility, repostOf: original?.id ?? null, mentioned: links.mentioned },
    });
    return post.id;
  });
}

/** The author edits their post's text: mentions and topics are resolved again, and it shows "edited" from now on. */
export async function editPost(db: Db, actor: Actor, postId: number, text: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    const refusal = postAuthorRefusal(actor, await postFacts(tx, actor.id, postId, 'write'));
    if (refusal) throw refusal;
    const links = await resolveTextLinks(tx, actor, text);
    const [post] = await tx.update(posts).set({ text, editedAt: sql`now()` }).where(eq(posts.id, postId)).returning({ id: posts.id });
    await tx.delete(postMentions).where(eq(postMentions.postId, postId));
    await tx.delete(postTopics).where(eq(postTopics.postId, postId));
    await writeLinks(tx, actor.id, post!, links);
    await requestLinkPreview(tx, postId, text);
    await recordEvent(tx, { kind: 'post.edited', actorId: actor.id, subjectId: null, data: { postId, mentioned: links.mentioned } });
  });
}

/**
 * The author deletes their post: its row goes, and with it (the foreign keys cascade) its text, mentions,
 * topics, comments, reactions, images and link preview. Reposts of it stay, and say the original is gone.
 */
export async function deletePost(db: Db, actor: Actor, postId: number): Promise<void> {
  await inTransaction(db, async (tx) => {
    const facts = await postFacts(tx, actor.id, postId, 'update');
    const refusal = postAuthorRefusal(actor, facts);
    if (refusal) throw refusal;
    await deletePostRow(tx, facts!);
    await recordEvent(tx, { kind: 'post.deleted', actorId: actor.id, subjectId: null, data: { postId } });
  });
}

/**
 * Deletes a post locked for update (postFacts 'update'), with what cascades from it, and gives its original
 * back the repost. Shared by its author's delete and an operator's removal (commands/moderation/remove-content.ts).
 */
export async function deletePostRow(tx: Tx, facts: Pick<PostFacts, 'id' | 'repostOf' | 'author'>): Promise<void> {
  await tx.delete(posts).where(and(eq(posts.id, facts.id), eq(posts.authorId, facts.author.id)));
  if (facts.repostOf !== null) {
    await tx
      .update(posts)
      .set({ repostCount: sql`GREATEST(0, ${posts.repostCount} - 1)` })
      .where(eq(posts.id, facts.repostOf));
  }
}

async function writeLinks(tx: Tx, authorId: number, post: { id: number }, links: TextLinks): Promise<void> {
  if (links.mentioned.length) {
    await tx.insert(postMentions).values(links.mentioned.map((memberId, position) => ({ postId: post.id, authorId, memberId, position })));
  }
  if (links.topics.length) {
    // The post's own created_at, to the microsecond (a Date would keep milliseconds): topic pages page by it.
    await tx.execute(sql`INSERT INTO post_topics (post_id, topic, author_id, created_at)
      SELECT p.id, t.topic, p.author_id, p.created_at FROM posts p, unnest(${textArray(links.topics)}::text[]) AS t(topic) WHERE p.id = ${post.id}`);
  }
}
