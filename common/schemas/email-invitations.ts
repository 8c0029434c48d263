/**
 * Inviting someone who is not a member to join, by email (issue 14): one address at a time, with a note,
 * within the sender's weekly invitation allowance; the email's link lets its reader refuse all further
 * invitations to that address.
 */
import { z } from 'zod';
import { LIMITS } from '../limits.ts';
import { email, requiredText, text } from './primitives.ts';

export const emailInvitationCreate = z.strictObject({
  email,
  /** What the sender says: shown in the email, under their name. */
  note: requiredText(LIMITS.invitationNoteMax),
  /** How the sender addresses them ("Hi Ada"); optional. */
  name: text(LIMITS.nameMax).optional(),
});
export type EmailInvitationCreate = z.infer<typeof emailInvitationCreate>;

export const EMAIL_INVITATION_STATUSES = ['sent', 'joined', 'opted_out'] as const;

export const emailInvitationView = z.object({
  id: z.number().int(),
  email: z.string(),
  note: z.string(),
  status: z.enum(EMAIL_INVITATION_STATUSES),
  createdAt: z.string(),
});
export type EmailInvitationView = z.infer<typeof emailInvitationView>;
export const emailInvitationList = z.object({ items: z.array(emailInvitationView) });

/** The shape newSecret('ei', 24) gives; anything else is refused before the database is asked. */
export const emailInvitationToken = z.string().regex(/^ei_[\w-]{32}$/, { message: 'must be an invitation link token' });
export const emailInvitationTokenQuery = z.strictObject({ token: emailInvitationToken });

/** What the link's reader sees: who invited them, and whether they have already said "no more". */
export const emailInvitationLinkView = z.object({
  inviter: z.string(),
  optedOut: z.boolean(),
});
