/**
 * Who may keep a relationship card on whom: a member, on their connections and on the people they have
 * interacted with (or kept a card on before), never on themselves, and never across a block (either way),
 * which answers as if the person did not exist, like every person route.
 */
export interface CardFacts {
  self: boolean;
  blocked: boolean;
  /** Connected, interacted, or a card kept already. */
  related: boolean;
}

export type CardRefusal = 'relationship_self' | 'not_found' | 'no_relationship';

export function cardRefusal(f: CardFacts): CardRefusal | null {
  if (f.self) return 'relationship_self';
  if (f.blocked) return 'not_found';
  if (!f.related) return 'no_relationship';
  return null;
}
