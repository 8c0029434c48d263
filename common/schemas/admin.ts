import { z } from 'zod';
import { LIMITS } from '../limits.ts';
import { cursor, pageLimit, queryText, text } from './primitives.ts';

export const adminMembersQuery = z.strictObject({
  q: queryText(LIMITS.searchQueryMax).optional(),
  cursor,
  limit: pageLimit,
});

export const adminMember = z.object({
  id: z.number(),
  handle: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(['member', 'admin']),
  status: z.enum(['active', 'suspended']),
  emailVerified: z.boolean(),
  createdAt: z.string(),
});

export const suspendBody = z.strictObject({ reason: text(500).default('') });

export const outboxEmail = z.object({
  id: z.number(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  status: z.string(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
