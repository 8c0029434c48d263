/** Admin → Community: the community's clusters, the members who bridge them, and its density over time (issue 15). */
import { z } from 'zod';

export const communityStructureDay = z.object({
  /** YYYY-MM-DD (UTC). */
  day: z.string(),
  members: z.number().int(),
  connections: z.number().int(),
  /** Share of all possible connections among active members that exist: 2E / (N (N − 1)). */
  density: z.number(),
  clusters: z.number().int(),
  modularity: z.number(),
});

export const communityCluster = z.object({
  /** 0 is the largest. */
  id: z.number().int(),
  size: z.number().int(),
  /** The most common current organisation, industry or place among its members; null when no value is shared. */
  label: z.object({ kind: z.enum(['organisation', 'industry', 'place']), value: z.string() }).nullable(),
});

export const communityBridge = z.object({
  handle: z.string(),
  name: z.string(),
  /** The clusters (ids) their ties reach, at least two. */
  clusters: z.array(z.number().int()),
  /** Participation coefficient 1 − Σ (k_c / k)²: higher when their ties spread evenly over more clusters. */
  score: z.number(),
});

export const communityStructureView = z.object({
  /** When the latest run was computed (ISO 8601), null before any. */
  computedAt: z.string().nullable(),
  /** One point per day, oldest first (at most a year). */
  days: z.array(communityStructureDay),
  clusters: z.array(communityCluster),
  /** Strongest first, at most 50; only active members the operator has no block with. */
  bridges: z.array(communityBridge),
});
export type CommunityStructureView = z.infer<typeof communityStructureView>;
