import type { Db } from '../../db/connection.ts';
import type { GraphService } from '../../graph/service.ts';

/** What message commands need: the database, and the graph for each recipient's degree to the sender. */
export interface MessageDeps {
  db: Db;
  graph: GraphService;
}

/** The image a message's input attaches (`imageId` with its `imageAlt`), if any. */
export function imageOf(input: { imageId?: number | undefined; imageAlt?: string | undefined }): { id: number; alt: string } | undefined {
  return input.imageId === undefined ? undefined : { id: input.imageId, alt: input.imageAlt ?? '' };
}
