/**
 * The ego map's API contract (GET /api/v1/me/garden/map): the signed-in member's connections, clustered,
 * with the ties among them and Burt's brokerage measures. Shared by the server and the web client.
 */
import { z } from 'zod';

export const egoMapNode = z.object({
  handle: z.string(),
  name: z.string(),
  /** Index into `clusters`, or null for a connection in no cluster (tied to none of the others). */
  cluster: z.number().int().nullable(),
  bridge: z.boolean(),
});

export const egoMapCluster = z.object({
  id: z.number().int(),
  /** Members of the cluster in the whole network (the drawing may show fewer: see `truncated`). */
  size: z.number().int(),
  label: z.object({ kind: z.enum(['organisation', 'industry']), value: z.string() }).optional(),
});

export const egoMapView = z.object({
  nodes: z.array(egoMapNode),
  /** Ties among the shown connections, as index pairs into `nodes`. */
  edges: z.array(z.tuple([z.number().int(), z.number().int()])),
  clusters: z.array(egoMapCluster),
  /** Handles of the connections that bridge clusters, strongest first (all of them, shown or not). */
  bridges: z.array(z.string()),
  effectiveSize: z.number(),
  constraint: z.number(),
  /** All connections in the network, and whether `nodes`/`edges` had to be cut to stay drawable. */
  total: z.number().int(),
  truncated: z.boolean(),
});

export type EgoMapView = z.infer<typeof egoMapView>;
