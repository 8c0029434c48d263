/**
 * Reported content: a post, comment or message as its reporter may see it, snapshotted for the report
 * (its text, ids and times); and for the moderation queue, what became of reported items since.
 */
import { sql } from 'drizzle-orm';
import type { ContentKind } from '../../common/moderation.ts';
import type { ReportedContent } from '../../common/schemas/screening.ts';
import type { Actor } from '../auth/actor.ts';
import { type DbOrTx, rows } from '../db/connection.ts';
import { canSeeComment, canSeePost } from '../policies/posts.ts';
import { commentFacts, postFacts } from './posts/facts.ts';

export interface Reportable {
  authorId: number;
  snapshot: ReportedContent;
}

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

/**
 * The item with its author and snapshot, when the reporter may see it; null otherwise (missing, hidden from
 * them, across a block, or a message of a conversation they are not in), so a report reveals nothing.
 */
export async function reportableContent(db: DbOrTx, reporter: Actor, kind: ContentKind, id: number): Promise<Reportable | null> {
  switch (kind) {
    case 'post': {
      const facts = await postFacts(db, reporter.id, id);
      if (!facts || !canSeePost(reporter, facts)) return null;
      const [p] = await rows<{ text: string; createdAt: Date | string; editedAt: Date | string | null }>(
        db,
        sql`SELECT text, created_at AS "createdAt", edited_at AS "editedAt" FROM posts WHERE id = ${id}`,
      );
      if (!p) return null;
      return { authorId: facts.author.id, snapshot: snapshot('post', id, p, { postId: id }) };
    }
    case 'comment': {
      const facts = await commentFacts(db, reporter.id, id);
      if (!facts || !canSeeComment(reporter, facts)) return null;
      const [c] = await rows<{ text: string; createdAt: Date | string; editedAt: Date | string | null }>(
        db,
        sql`SELECT text, created_at AS "createdAt", edited_at AS "editedAt" FROM comments WHERE id = ${id}`,
      );
      if (!c) return null;
      return { authorId: facts.author.id, snapshot: snapshot('comment', id, c, { postId: facts.postId }) };
    }
    case 'message': {
      // As the reporter's own list of messages shows it (queries/messages/messages.ts): delivered to them and
      // not deleted for them, from an active sender with no block either way, not removed.
      const [m] = await rows<{ senderId: number; conversationId: string | number; text: string; link: string | null; createdAt: Date | string }>(
        db,
        sql`SELECT m.sender_id AS "senderId", m.conversation_id AS "conversationId", m.text, m.link_url AS link, m.created_at AS "createdAt"
              FROM messages m
              JOIN conversation_members cm ON cm.conversation_id = m.conversation_id AND cm.member_id = ${reporter.id}
              JOIN members s ON s.id = m.sender_id
             WHERE m.id = ${id} AND m.removed_at IS NULL AND m.sender_id <> ${reporter.id}
               AND cm.folder <> 'dropped' AND m.id > coalesce(cm.cleared_before_message_id, 0) AND s.status = 'active'
               AND NOT EXISTS (SELECT 1 FROM blocks b WHERE (b.blocker_id = ${reporter.id} AND b.blocked_id = m.sender_id)
                                                        OR (b.blocker_id = m.sender_id AND b.blocked_id = ${reporter.id}))`,
      );
      if (!m) return null;
      return {
        authorId: m.senderId,
        snapshot: snapshot('message', id, { ...m, editedAt: null }, { conversationId: Number(m.conversationId), link: m.link }),
      };
    }
  }
}

function snapshot(
  kind: ContentKind,
  id: number,
  row: { text: string; createdAt: Date | string; editedAt: Date | string | null },
  extra: { postId?: number; conversationId?: number; link?: string | null },
): ReportedContent {
  return {
    kind,
    id,
    text: row.text,
    createdAt: iso(row.createdAt)!,
    editedAt: iso(row.editedAt),
    postId: extra.postId ?? null,
    conversationId: extra.conversationId ?? null,
    link: extra.link ?? null,
  };
}

export type ContentNow = 'as_reported' | 'edited' | 'gone';

/**
 * What became of reported items since: still as reported, edited by their author (a later edit time), or
 * gone (deleted, or removed by the moderators). Keyed `kind:id`; one statement for a page of reports.
 */
export async function contentNow(db: DbOrTx, items: readonly ReportedContent[]): Promise<Map<string, ContentNow>> {
  const out = new Map<string, ContentNow>();
  if (items.length === 0) return out;
  const ids = (kind: ContentKind) => items.filter((i) => i.kind === kind).map((i) => i.id);
  const list = (values: number[]) => (values.length ? sql.join(values.map((v) => sql`${v}`), sql`, `) : sql`NULL`);
  const found = await rows<{ kind: ContentKind; id: string | number; editedAt: Date | string | null }>(
    db,
    sql`SELECT 'post' AS kind, id, edited_at AS "editedAt" FROM posts WHERE id IN (${list(ids('post'))})
        UNION ALL SELECT 'comment', id, edited_at FROM comments WHERE id IN (${list(ids('comment'))})
        UNION ALL SELECT 'message', id, NULL FROM messages WHERE id IN (${list(ids('message'))}) AND removed_at IS NULL`,
  );
  const current = new Map(found.map((r) => [`${r.kind}:${Number(r.id)}`, iso(r.editedAt)]));
  for (const item of items) {
    const key = `${item.kind}:${item.id}`;
    if (!current.has(key)) out.set(key, 'gone');
    else out.set(key, current.get(key) !== item.editedAt ? 'edited' : 'as_reported');
  }
  return out;
}
