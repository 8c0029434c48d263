import { z } from 'zod';

/**
 * What the viewer may do with one person, decided on the server by the policies (server/policies/people.ts)
 * so that the web shows exactly the actions the API would accept, and never recomputes a rule.
 */
export const personAbilities = z.object({
  /** Send an invitation to connect. */
  canConnect: z.boolean(),
  /** Accept (or ignore) the invitation they sent the viewer. */
  canAccept: z.boolean(),
  /** Withdraw the invitation the viewer sent them. */
  canWithdraw: z.boolean(),
  canFollow: z.boolean(),
  canUnfollow: z.boolean(),
  /**
   * Start a conversation (POST /conversations): active, not the viewer, no block either way. It says nothing of
   * where the message would land (their inbox, Requests or nowhere), which the sender is never told.
   */
  canMessage: z.boolean(),
  canBlock: z.boolean(),
  canUnblock: z.boolean(),
  /** List their connections. */
  canSeeConnections: z.boolean(),
  /** See their whole profile rather than name, headline and photo. */
  canSeeFullProfile: z.boolean(),
  canReport: z.boolean(),
});
export type PersonAbilities = z.infer<typeof personAbilities>;
