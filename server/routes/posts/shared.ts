import { z } from 'zod';
import { bigIdParam } from '../../../common/schemas/primitives.ts';
import { type HydratedComment, hydrateComments } from '../../hydration/comments.ts';
import { type HydratedPost, hydratePosts } from '../../hydration/posts.ts';
import { hydrateSocialProof } from '../../hydration/social-proof.ts';
import { notFound } from '../../errors.ts';
import { postOfComment } from '../../queries/posts/facts.ts';
import type { KeysetPage } from '../../http/cursor.ts';
import type { TopPage } from '../../queries/posts/top.ts';
import { presentPost, presentSocialProof } from '../../views/post.ts';
import type { Lens } from '../../viewer/viewer.ts';

export const tags = ['posts'];
export const idParams = z.strictObject({ id: bigIdParam });
export const created = z.object({ id: z.number() });

/** One post the viewer may see, hydrated, or 404 (missing and hidden alike). */
export async function visiblePost(lens: Lens, id: number): Promise<HydratedPost> {
  const [post] = await hydratePosts(lens, [id]);
  if (!post) throw notFound('post');
  return post;
}

/** One comment the viewer may see, hydrated with its post, or 404 (missing and hidden alike). */
export async function visibleComment(lens: Lens, id: number): Promise<{ post: HydratedPost; comment: HydratedComment }> {
  const postId = await postOfComment(lens.db, id);
  const [post] = postId === null ? [] : await hydratePosts(lens, [postId]);
  const comment = post && (await hydrateComments(lens, post.facts, [id])).get(id);
  if (!post || !comment) throw notFound('comment');
  return { post, comment };
}

/** The read spine for a page of posts: the skeleton's ids hydrated in one batch, each presented. */
export async function presentPostPage(lens: Lens, page: KeysetPage<number>) {
  return { items: (await hydratePosts(lens, page.rows)).map((p) => presentPost(lens.actor, p)), nextCursor: page.nextCursor };
}

/** A page of the Top order: presentPostPage, each post with its social proof (null when none). */
export async function presentTopPage(lens: Lens, page: TopPage) {
  const [posts, proofs] = await Promise.all([hydratePosts(lens, page.rows), hydrateSocialProof(lens, page.proof)]);
  return {
    items: posts.map((p) => ({ ...presentPost(lens.actor, p), socialProof: presentSocialProof(lens.actor, proofs.get(p.record.id)) })),
    nextCursor: page.nextCursor,
  };
}

