import type { Db } from '../../db/connection.ts';
import type { GraphService } from '../../graph/service.ts';

/** What message commands need: the database, and the graph for each recipient's degree to the sender. */
export interface MessageDeps {
  db: Db;
  graph: GraphService;
}
