import { SOCIAL_PROOF_NAMED, type SocialProofAction } from '../../common/posts.ts';
import { canSee } from '../policies/people.ts';
import type { ProofSkeleton } from '../queries/posts/top-rank.ts';
import type { Lens } from '../viewer/viewer.ts';
import { type HydratedPerson, hydratePeople } from './people.ts';

/** A post's social proof for one viewer: the people to name (at most SOCIAL_PROOF_NAMED), and how many in all. */
export interface HydratedProof {
  people: HydratedPerson[];
  total: number;
  action: SocialProofAction;
}

/**
 * Hydrates the social proof of a page of posts in one batch (hydratePeople: suspended members and both
 * sides of a block are left out) and names, in the skeleton's order, only people the viewer may see
 * (canSee). Social proof is best-effort: a post whose people all drop out here gets none.
 */
export async function hydrateSocialProof(lens: Lens, proofs: ReadonlyMap<number, ProofSkeleton>): Promise<Map<number, HydratedProof>> {
  const ids = [...new Set([...proofs.values()].flatMap((p) => p.memberIds))];
  const people = new Map((await hydratePeople(lens, ids)).map((p) => [p.record.id, p]));
  const out = new Map<number, HydratedProof>();
  for (const [postId, s] of proofs) {
    const named = s.memberIds
      .flatMap((id) => {
        const p = people.get(id);
        return p && canSee(lens.actor, p.facts) ? [p] : [];
      })
      .slice(0, SOCIAL_PROOF_NAMED);
    if (named.length > 0) out.set(postId, { people: named, total: Math.max(s.total, named.length), action: s.action });
  }
  return out;
}
