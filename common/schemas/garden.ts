import { z } from 'zod';
import { egoMapCluster } from './ego-map.ts';
import { GAP_DIMENSIONS, GARDEN_DIMENSIONS } from '../garden.ts';
import { CAREER_STAGES } from '../limits.ts';

export const gardenDimension = z.enum(GARDEN_DIMENSIONS);

/** `?dimension=` narrows the answer to one dimension; an unknown one is a 400 (validation_failed). */
export const gardenQuery = z.strictObject({ dimension: gardenDimension.optional() });

const gardenCount = z.object({
  /** The grouped value (lower-cased text, a code, an organisation's slug); null for "other" and "unknown". */
  value: z.string().nullable(),
  /** The most common spelling, the organisation's name, or the code (careerStage, ageBand: words them). */
  label: z.string(),
  count: z.number().int(),
  kind: z.enum(['value', 'other', 'unknown']),
});

export const gardenDimensionView = z.object({
  name: gardenDimension,
  counts: z.array(gardenCount),
  known: z.number().int(),
  unknown: z.number().int(),
  blau: z.number().nullable(),
  shannon: z.number().nullable(),
  baseline: z.object({ percentile: z.number().int(), median: z.number().nullable(), members: z.number().int() }).nullable(),
});

const careerStage = z.enum(CAREER_STAGES);
const widen = z.union([
  z.strictObject({ careerStage }),
  z.strictObject({ notIndustry: z.string() }),
  z.strictObject({ notFunction: z.string() }),
  z.strictObject({ notLocation: z.string() }),
]);

export const gardenGap = z.discriminatedUnion('code', [
  z.object({ code: z.literal('garden.no_career_stage'), params: z.object({ stage: careerStage }), widen }),
  z.object({ code: z.literal('garden.all_in_one'), params: z.object({ dimension: z.enum(GAP_DIMENSIONS), value: z.string(), count: z.number().int() }), widen }),
  z.object({ code: z.literal('garden.mostly_one'), params: z.object({ dimension: z.enum(GAP_DIMENSIONS), value: z.string(), percent: z.number().int() }), widen }),
]);

/** A community among the member's connections (server/garden/ego-structure.ts), as the ego map names it. */
export const gardenCluster = egoMapCluster;
/** A connection whose ties reach into other clusters than their own: who joins the member's circles. */
export const gardenBridge = z.object({
  handle: z.string(),
  name: z.string(),
  cluster: z.number().int().nullable(),
  /** The other clusters (ids) their ties reach. */
  reaches: z.array(z.number().int()),
});
export type GardenCluster = z.infer<typeof gardenCluster>;
export type GardenBridge = z.infer<typeof gardenBridge>;

export const gardenView = z.object({
  connections: z.number().int(),
  dimensions: z.array(gardenDimensionView),
  /** Communities among the member's connections, largest first, and who bridges them (strongest first, at most 20). */
  clusters: z.array(gardenCluster),
  bridges: z.array(gardenBridge),
  /** Burt's brokerage measures of the member's ego network (docs/garden: effective size and constraint). */
  effectiveSize: z.number(),
  constraint: z.number(),
  gaps: z.array(gardenGap),
});
export type GardenView = z.infer<typeof gardenView>;
export type GardenDimensionView = z.infer<typeof gardenDimensionView>;
export type GardenGap = z.infer<typeof gardenGap>;
