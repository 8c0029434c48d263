import { z } from 'zod';
import { LIMITS } from '../limits.ts';
import { handle, requiredText } from './primitives.ts';

/** A UTC day, YYYY-MM-DD; a date that does not exist (2026-02-30) passes here and is the route's `invalid_range`. */
export const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be YYYY-MM-DD' });

/** `?from=&to=`: the days of growth and the signup weeks of cohorts to show (defaults: the last 90 days). */
export const communityQuery = z.strictObject({ from: isoDay.optional(), to: isoDay.optional() });

/** The longest range one request may ask for: two years of days. */
export const COMMUNITY_RANGE_MAX_DAYS = 731;

export const communityGrowthDay = z.object({
  day: z.string(),
  /** Accounts not deleted, as counted when the day was last computed. */
  members: z.number().int(),
  newMembers: z.number().int(),
  /** Members who posted, commented, reacted, messaged, sent or answered an invitation that day. */
  activeMembers: z.number().int(),
  /** Members active at least once in the 30 days ending that day. */
  monthlyActive: z.number().int(),
  /** activeMembers / monthlyActive; null when nobody was active in the month. */
  dauMau: z.number().nullable(),
  posts: z.number().int(),
  messages: z.number().int(),
  invitationsSent: z.number().int(),
  invitationsAccepted: z.number().int(),
});

export const communityCohort = z.object({
  /** The Monday of the signup week. */
  week: z.string(),
  members: z.number().int(),
  /** Week 0 is the signup week; each entry: how many of the cohort were active in that week after joining. */
  retention: z.array(z.object({ week: z.number().int(), active: z.number().int(), share: z.number() })),
});

export const communityNewcomer = z.object({
  handle: z.string(),
  name: z.string(),
  joinedAt: z.string(),
  connections: z.number().int(),
});

export const communityAnalytics = z.object({
  from: z.string(),
  to: z.string(),
  growth: z.array(communityGrowthDay),
  cohorts: z.array(communityCohort),
  /** Members who joined 2 to 8 weeks ago and have fewer than 3 connections: public profile facts only. */
  newcomers: z.array(communityNewcomer),
  /** When the job last computed the rollups. */
  updatedAt: z.string().nullable(),
});

export type CommunityAnalytics = z.infer<typeof communityAnalytics>;
export type CommunityGrowthDay = z.infer<typeof communityGrowthDay>;
export type CommunityCohort = z.infer<typeof communityCohort>;
export type CommunityNewcomer = z.infer<typeof communityNewcomer>;

/** A welcome post's text, as the operator edited it (room is left for the mention the server may add: "@", a handle of up to 60, a space). */
export const welcomeBody = z.strictObject({ text: requiredText(LIMITS.postMax - 62) });
export const welcomeResult = z.object({ postId: z.number().int(), text: z.string() });

/** "Suggest introductions": the operator may name up to 3 members; without `handles`, the server picks them. */
export const suggestionsBody = z.strictObject({ handles: z.array(handle).min(1).max(3).optional() });
/** Who the newcomer was told to meet, in the order the notification names them. */
export const suggestionsResult = z.object({ people: z.array(z.object({ handle: z.string(), name: z.string() })) });
export type SuggestionsResult = z.infer<typeof suggestionsResult>;
