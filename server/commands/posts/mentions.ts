import { mentionedHandles, topicsOf } from '../../../common/post-text.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Tx } from '../../db/connection.ts';
import { mentionRefusal } from '../../policies/posts.ts';
import { mentionFacts } from '../../queries/posts/facts.ts';

/** What a text links: the members it mentions (ids, in order of first mention) and its topics. */
export interface TextLinks {
  mentioned: number[];
  topics: string[];
}

/**
 * Resolves a post's or comment's @mentions for its writer, in their transaction: every handle must be a
 * member they may mention (mentionRefusal: unknown, suspended or blocked either way is 400 mention_unknown,
 * naming the handle), so nothing is written when one is not.
 */
export async function resolveTextLinks(tx: Tx, actor: Actor, text: string): Promise<TextLinks> {
  const facts = await mentionFacts(tx, actor.id, mentionedHandles(text));
  const refusal = mentionRefusal(actor, facts);
  if (refusal) throw refusal;
  return { mentioned: facts.map((m) => m.id!), topics: topicsOf(text) };
}
