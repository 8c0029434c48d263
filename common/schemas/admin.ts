import { z } from 'zod';
import { LIMITS } from '../limits.ts';
import { RESTRICTION_KINDS } from '../moderation.ts';
import { cursor, pageLimit, queryText, requiredText, text } from './primitives.ts';

export const adminMembersQuery = z.strictObject({
  q: queryText(LIMITS.searchQueryMax).optional(),
  cursor,
  limit: pageLimit,
});


/** An active restriction as operators and the restricted member see it; `until` is null when it lasts until lifted. */
export const restrictionView = z.object({
  kind: z.enum(RESTRICTION_KINDS),
  reason: z.string(),
  since: z.string(),
  until: z.string().nullable(),
});
export type RestrictionView = z.infer<typeof restrictionView>;

export const adminMember = z.object({
  id: z.number(),
  handle: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(['member', 'admin']),
  status: z.enum(['active', 'suspended', 'deleted']),
  emailVerified: z.boolean(),
  createdAt: z.string(),
  restrictions: z.array(restrictionView),
  /** What the signed-in operator may do to this member, decided by the policy layer. */
  can: z.object({
    suspend: z.boolean(),
    reinstate: z.boolean(),
    promote: z.boolean(),
    demote: z.boolean(),
    liftRestrictions: z.boolean(),
  }),
});

export const suspendBody = z.strictObject({ reason: text(500).default('') });

/** Making a member an operator, or an operator a member again; the reason goes to the audit log. */
export const roleChangeBody = z.strictObject({ reason: text(500).default('') });
export const roleChangeResult = z.object({ handle: z.string(), role: z.enum(['member', 'admin']) });

/** Lifting a member's restrictions: all active ones, or only one kind; the member is told, with the reason. */
export const liftRestrictionsBody = z.strictObject({
  reason: requiredText(LIMITS.descriptionMax),
  kind: z.enum(RESTRICTION_KINDS).optional(),
});
export const liftRestrictionsResult = z.object({ handle: z.string(), lifted: z.array(z.enum(RESTRICTION_KINDS)) });

export const outboxEmail = z.object({
  id: z.number(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  status: z.string(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
