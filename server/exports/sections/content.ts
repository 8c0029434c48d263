/**
 * The export's conversation sections: my posts, comments and reactions, and the conversations I am in with
 * their messages (as I see them: from the ones I deleted for myself on, removed messages without their text).
 */
import { sql } from 'drizzle-orm';
import { concat, type ExportSection, PAGE, paged } from './section.ts';

const ts = (column: string) => sql.raw(`to_json(${column})#>>'{}'`);

export const postsSection: ExportSection = {
  kind: 'table',
  name: 'posts',
  about: 'Your posts, oldest first.',
  fields: {
    id: 'The post\'s id (comments.csv and reactions.csv refer to it).',
    text: 'What you wrote.',
    visibility: 'Who could see it.',
    repostOf: 'For a repost: the id of the post you shared.',
    createdAt: 'When you posted it.',
    editedAt: 'When you last edited it.',
    comments: 'How many comments it has.',
    reposts: 'How many times it was reposted.',
    reactions: 'How many reactions of each kind it has.',
  },
  rows: (ctx) =>
    paged(
      ctx,
      (after) => sql`SELECT id::float8 AS k, id::float8 AS id, text, visibility, repost_of::float8 AS "repostOf", ${ts('created_at')} AS "createdAt",
                            ${ts('edited_at')} AS "editedAt", comment_count AS comments, repost_count AS reposts, reaction_counts AS reactions
                       FROM posts WHERE author_id = ${ctx.memberId} AND id > ${after} ORDER BY id LIMIT ${PAGE}`,
    ),
};

export const commentsSection: ExportSection = {
  kind: 'table',
  name: 'comments',
  about: 'Your comments, on your posts and on others\' (the posts themselves are not included unless they are yours).',
  fields: {
    id: 'The comment\'s id.',
    postId: 'The post it is on.',
    postAuthor: 'The handle of the post\'s author.',
    parentId: 'For a reply: the comment it answers.',
    text: 'What you wrote.',
    createdAt: 'When you wrote it.',
    editedAt: 'When you last edited it.',
  },
  rows: (ctx) =>
    paged(
      ctx,
      (after) => sql`SELECT c.id::float8 AS k, c.id::float8 AS id, c.post_id::float8 AS "postId", m.handle AS "postAuthor", c.parent_id::float8 AS "parentId",
                            c.text, ${ts('c.created_at')} AS "createdAt", ${ts('c.edited_at')} AS "editedAt"
                       FROM comments c JOIN posts po ON po.id = c.post_id JOIN members m ON m.id = po.author_id
                      WHERE c.author_id = ${ctx.memberId} AND c.id > ${after} ORDER BY c.id LIMIT ${PAGE}`,
    ),
};

export const reactionsSection: ExportSection = {
  kind: 'table',
  name: 'reactions',
  about: 'Your reactions to posts and comments.',
  fields: { on: '"post" or "comment".', id: 'The post\'s or comment\'s id.', kind: 'The reaction.', at: 'When you reacted.' },
  rows: (ctx) =>
    concat(
      paged(
        ctx,
        (after) => sql`SELECT post_id::float8 AS k, 'post' AS "on", post_id::float8 AS id, kind, ${ts('created_at')} AS at
                         FROM post_reactions WHERE member_id = ${ctx.memberId} AND post_id > ${after} ORDER BY post_id LIMIT ${PAGE}`,
      ),
      paged(
        ctx,
        (after) => sql`SELECT comment_id::float8 AS k, 'comment' AS "on", comment_id::float8 AS id, kind, ${ts('created_at')} AS at
                         FROM comment_reactions WHERE member_id = ${ctx.memberId} AND comment_id > ${after} ORDER BY comment_id LIMIT ${PAGE}`,
      ),
    ),
};

export const conversationsSection: ExportSection = {
  kind: 'table',
  name: 'conversations',
  about: 'The conversations you are in (messages.csv holds their messages).',
  fields: {
    id: 'The conversation\'s id.',
    kind: '"direct" (one to one) or "group".',
    members: 'The handles of the others in it.',
    folder: 'Where it is for you: inbox or requests.',
    archived: 'Whether you archived it.',
    muted: 'Whether you muted it.',
    joinedAt: 'When you joined it.',
  },
  rows: (ctx) =>
    paged(
      ctx,
      (after) => sql`SELECT cm.conversation_id::float8 AS k, cm.conversation_id::float8 AS id, c.kind,
                            (SELECT array_agg(m.handle ORDER BY m.handle) FROM conversation_members o JOIN members m ON m.id = o.member_id
                              WHERE o.conversation_id = cm.conversation_id AND o.member_id <> ${ctx.memberId}) AS members,
                            cm.folder, cm.archived, cm.muted, ${ts('cm.joined_at')} AS "joinedAt"
                       FROM conversation_members cm JOIN conversations c ON c.id = cm.conversation_id
                      WHERE cm.member_id = ${ctx.memberId} AND cm.folder <> 'dropped' AND cm.conversation_id > ${after}
                      ORDER BY cm.conversation_id LIMIT ${PAGE}`,
    ),
};

export const messagesSection: ExportSection = {
  kind: 'table',
  name: 'messages',
  about: 'The messages of your conversations, as you see them: not those you deleted for yourself; a message an operator removed keeps no text.',
  fields: {
    conversationId: 'The conversation (conversations.csv).',
    id: 'The message\'s id.',
    from: 'The sender\'s handle.',
    fromName: 'The sender\'s name.',
    text: 'The message.',
    link: 'The link it carried, if any.',
    sentAt: 'When it was sent.',
    removed: 'Whether an operator removed it.',
  },
  rows: (ctx) =>
    paged(
      ctx,
      (after) => sql`SELECT m.id::float8 AS k, m.conversation_id::float8 AS "conversationId", m.id::float8 AS id, s.handle AS "from", sp.name AS "fromName",
                            CASE WHEN m.removed_at IS NULL THEN m.text END AS text, CASE WHEN m.removed_at IS NULL THEN m.link_url END AS link,
                            ${ts('m.created_at')} AS "sentAt", m.removed_at IS NOT NULL AS removed
                       FROM conversation_members cm
                       JOIN messages m ON m.conversation_id = cm.conversation_id AND m.id > coalesce(cm.cleared_before_message_id, 0)
                       JOIN members s ON s.id = m.sender_id JOIN profiles sp ON sp.member_id = s.id
                      WHERE cm.member_id = ${ctx.memberId} AND cm.folder <> 'dropped' AND m.id > ${after}
                      ORDER BY m.id LIMIT ${PAGE}`,
    ),
};
