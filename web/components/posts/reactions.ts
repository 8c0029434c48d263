import { REACTION_KINDS, type ReactionKind } from '../../../common/posts.ts';
import type { ReactionSummary } from '../../../common/schemas/posts.ts';

export { REACTION_KINDS };

/**
 * The summary as it will be once the viewer's reaction is `next` (null: taken back): their old kind loses
 * one, the new one gains one, and the total changes only when they start or stop reacting. Used for the
 * optimistic update; the server's answer (or a refetch) replaces it.
 */
export function applyReaction(summary: ReactionSummary, next: ReactionKind | null): ReactionSummary {
  if (summary.mine === next) return summary;
  const byKind: Partial<Record<ReactionKind, number>> = { ...summary.byKind };
  if (summary.mine) byKind[summary.mine] = Math.max(0, (byKind[summary.mine] ?? 0) - 1);
  if (next) byKind[next] = (byKind[next] ?? 0) + 1;
  const total = Math.max(0, summary.total + (next ? 1 : 0) - (summary.mine ? 1 : 0));
  return { total, byKind: byKind as Record<ReactionKind, number>, mine: next };
}

/** What a click on the main React button does: take back any reaction, else like. */
export const toggledReaction = (mine: ReactionKind | null): ReactionKind | null => (mine ? null : 'like');

/** The kinds that have reactions, most first; ties keep LinkedIn's order (like, celebrate, support, insightful, funny). */
export function kindsByCount(summary: ReactionSummary): { kind: ReactionKind; count: number }[] {
  return REACTION_KINDS.map((kind) => ({ kind, count: summary.byKind[kind] ?? 0 }))
    .filter((k) => k.count > 0)
    .sort((a, b) => b.count - a.count);
}
