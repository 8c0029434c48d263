import { topicsOf } from '../../common/post-text.ts';
import { type PostView, REACTION_KINDS, type ReactionKind, type ReactionSummary } from '../../common/schemas/posts.ts';
import type { Actor } from '../auth/actor.ts';
import type { ReactionCounts } from '../db/tables/posts.ts';
import type { HydratedPerson } from '../hydration/people.ts';
import type { HydratedPost } from '../hydration/posts.ts';
import type { HydratedProof } from '../hydration/social-proof.ts';
import { postAbilities } from '../policies/posts.ts';
import { mediaUrl, previewImageUrl } from './media.ts';
import { presentPersonCard } from './person-card.ts';

/** Counts of every kind (0 for none), their total, and the viewer's own. */
export function presentReactions(counts: ReactionCounts, mine: ReactionKind | null): ReactionSummary {
  const byKind = Object.fromEntries(REACTION_KINDS.map((k) => [k, Math.max(0, counts[k] ?? 0)])) as Record<ReactionKind, number>;
  return { total: Object.values(byKind).reduce((a, b) => a + b, 0), byKind, mine };
}

/** Mentions as a text shows them: the members the viewer may see, by handle and name. */
export const presentMentions = (people: readonly HydratedPerson[]) => people.map((p) => ({ handle: p.record.handle, name: p.record.name }));

type PostFields = Omit<PostView, 'repostOf' | 'socialProof'>;

function presentFields(actor: Actor, p: HydratedPost): PostFields {
  const r = p.record;
  return {
    id: r.id,
    // Stored as written; clients render it as text, linking only `mentions` and `topics` (common/post-text.ts).
    text: r.text,
    visibility: r.visibility,
    author: presentPersonCard(actor, p.author),
    createdAt: r.createdAt.toISOString(),
    editedAt: r.editedAt?.toISOString() ?? null,
    mentions: presentMentions(p.mentions),
    topics: topicsOf(r.text),
    reactions: presentReactions(r.reactionCounts, r.mine),
    commentCount: r.commentCount,
    repostCount: r.repostCount,
    abilities: postAbilities(actor, p.facts, p.original === undefined ? null : (p.original?.facts ?? null)),
    images: r.images.map((i) => ({ id: i.id, url: mediaUrl(i.id), alt: i.alt, width: i.width, height: i.height })),
    linkPreview: r.preview && {
      url: r.preview.url,
      canonicalUrl: r.preview.canonicalUrl,
      title: r.preview.title,
      description: r.preview.description,
      siteName: r.preview.siteName,
      image: r.preview.image && { url: previewImageUrl(r.id, r.preview.image.etag), width: r.preview.image.width, height: r.preview.image.height },
    },
  };
}

/** A post as the viewer sees it; a repost with its original (null when gone or hidden). */
export function presentPost(actor: Actor, p: HydratedPost): PostView {
  return {
    ...presentFields(actor, p),
    ...(p.original === undefined ? {} : { repostOf: p.original ? presentFields(actor, p.original) : null }),
  };
}

/** A post's social proof in the Top order ("Ana and 3 others from your network reacted"), or null for none. */
export function presentSocialProof(actor: Actor, proof: HydratedProof | undefined): NonNullable<PostView['socialProof']> | null {
  if (!proof) return null;
  return { people: proof.people.map((p) => presentPersonCard(actor, p)), total: proof.total, action: proof.action };
}
