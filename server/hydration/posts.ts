import { sql } from 'drizzle-orm';
import type { PostVisibility, ReactionKind } from '../../common/schemas/posts.ts';
import { rows } from '../db/connection.ts';
import type { ReactionCounts } from '../db/tables/posts.ts';
import { intArray } from '../graph/sql.ts';
import { type AuthorFacts, canSeePost, type PostFacts } from '../policies/posts.ts';
import type { Lens } from '../viewer/viewer.ts';
import { type HydratedPerson, hydratePeople } from './people.ts';

/** A post as stored, with the viewer's own reaction and the members its text mentions (in order). */
export interface PostRecord {
  id: number;
  authorId: number;
  text: string;
  visibility: PostVisibility;
  repostOf: number | null;
  createdAt: Date;
  editedAt: Date | null;
  commentCount: number;
  repostCount: number;
  reactionCounts: ReactionCounts;
  mine: ReactionKind | null;
  mentionIds: number[];
  /** Its images in order. */
  images: PostImageRecord[];
  /** Its link's preview, when fetched (status ready). */
  preview: LinkPreviewRecord | null;
}

export interface PostImageRecord {
  id: number;
  alt: string;
  width: number;
  height: number;
}

export interface LinkPreviewRecord {
  url: string;
  canonicalUrl: string | null;
  title: string;
  description: string | null;
  siteName: string | null;
  image: { etag: string; width: number; height: number } | null;
}

/** A post hydrated for one viewer, who may see it. */
export interface HydratedPost {
  record: PostRecord;
  author: HydratedPerson;
  facts: PostFacts;
  /** The members it mentions whom the viewer may see, in the text's order. */
  mentions: HydratedPerson[];
  /** A repost's original: null when it is gone or the viewer may not see it; undefined for an original. */
  original?: HydratedPost | null;
}

interface PostRow {
  id: string | number;
  authorId: number;
  text: string;
  visibility: PostVisibility;
  repostOf: string | number | null;
  createdAt: Date | string;
  editedAt: Date | string | null;
  commentCount: number;
  repostCount: number;
  reactionCounts: ReactionCounts | string;
  mine: ReactionKind | null;
  mentionIds: number[] | null;
  images: PostImageRecord[] | string | null;
  preview: (Omit<LinkPreviewRecord, 'image'> & { imageEtag: string | null; imageWidth: number | null; imageHeight: number | null }) | string | null;
}

/** A hydrated person's facts as the post rules need them (hydratePeople leaves out anyone across a block from them). */
export function authorFactsOf(p: HydratedPerson): AuthorFacts {
  return {
    id: p.record.id,
    status: p.record.status,
    block: p.facts.block,
    connected: p.relation.connection === 'connected',
    following: p.relation.following,
  };
}

const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

/**
 * Hydrates posts for the viewer, in the order of `ids`, keeping only those the viewer may see
 * (canSeePost). One statement loads the posts and the originals they repost, with the viewer's own
 * reaction and the mentioned members' ids; one hydratePeople loads every author and mentioned member with
 * the viewer's relation to them (so the rules see connected and following) and the graph's degree and
 * mutual count. The same statement reads each post's images and its link preview. The cost is the same for
 * a page of 2 as of 20.
 *
 * A plain repost (no text of its own) whose original is gone or hidden is left out: it would show nothing.
 */
export async function hydratePosts(lens: Lens, ids: readonly number[]): Promise<HydratedPost[]> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return [];
  const found = await rows<PostRow>(
    lens.db,
    sql`WITH page AS (SELECT p.* FROM posts p WHERE p.id = ANY(${intArray(wanted)}::bigint[])),
             wanted AS (SELECT * FROM page
                        UNION ALL
                        SELECT o.* FROM posts o WHERE o.id IN (SELECT repost_of FROM page) AND o.id NOT IN (SELECT id FROM page))
        SELECT w.id, w.author_id AS "authorId", w.text, w.visibility, w.repost_of AS "repostOf", w.created_at AS "createdAt",
               w.edited_at AS "editedAt", w.comment_count AS "commentCount", w.repost_count AS "repostCount",
               w.reaction_counts AS "reactionCounts",
               (SELECT r.kind FROM post_reactions r WHERE r.post_id = w.id AND r.member_id = ${lens.actor.id}) AS mine,
               ARRAY(SELECT pm.member_id FROM post_mentions pm WHERE pm.post_id = w.id ORDER BY pm.position) AS "mentionIds",
               (SELECT json_agg(json_build_object('id', md.id, 'alt', md.alt, 'width', md.width, 'height', md.height) ORDER BY md.position)
                  FROM media md WHERE md.post_id = w.id) AS images,
               (SELECT json_build_object('url', lp.url, 'canonicalUrl', lp.canonical_url, 'title', lp.title, 'description', lp.description,
                                         'siteName', lp.site_name, 'imageEtag', lp.image_etag, 'imageWidth', lp.image_width, 'imageHeight', lp.image_height)
                  FROM post_link_previews lp WHERE lp.post_id = w.id AND lp.status = 'ready') AS preview
          FROM wanted w`,
  );
  const records = new Map(found.map((r) => [Number(r.id), toRecord(r)]));
  const people = new Map(
    (await hydratePeople(lens, [...records.values()].flatMap((r) => [r.authorId, ...r.mentionIds]), { relations: true })).map((p) => [p.record.id, p]),
  );

  const visible = (id: number): Omit<HydratedPost, 'original'> | null => {
    const record = records.get(id);
    const author = record && people.get(record.authorId);
    if (!record || !author) return null;
    const facts: PostFacts = { id, visibility: record.visibility, repostOf: record.repostOf, author: authorFactsOf(author) };
    if (!canSeePost(lens.actor, facts)) return null;
    const mentions = record.mentionIds.flatMap((m) => people.get(m) ?? []);
    return { record, author, facts, mentions };
  };

  return ids.flatMap((id) => {
    const post = visible(id);
    if (!post) return [];
    if (post.record.repostOf === null) return [post];
    const original = visible(post.record.repostOf);
    if (!original && post.record.text === '') return [];
    return [{ ...post, original }];
  });
}

function toRecord(r: PostRow): PostRecord {
  return {
    id: Number(r.id),
    authorId: r.authorId,
    text: r.text,
    visibility: r.visibility,
    repostOf: r.repostOf === null ? null : Number(r.repostOf),
    createdAt: new Date(r.createdAt),
    editedAt: r.editedAt === null ? null : new Date(r.editedAt),
    commentCount: r.commentCount,
    repostCount: r.repostCount,
    reactionCounts: json(r.reactionCounts),
    mine: r.mine,
    mentionIds: r.mentionIds ?? [],
    images: (r.images === null ? [] : json(r.images)).map((i) => ({ ...i, id: Number(i.id) })),
    preview: previewOf(r.preview === null ? null : json(r.preview)),
  };
}

function previewOf(p: Exclude<PostRow['preview'], string>): LinkPreviewRecord | null {
  if (!p) return null;
  const { imageEtag, imageWidth, imageHeight, ...rest } = p;
  return { ...rest, image: imageEtag && imageWidth && imageHeight ? { etag: imageEtag, width: imageWidth, height: imageHeight } : null };
}
