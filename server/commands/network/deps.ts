import type { NetworkLimits } from '../../config.ts';
import type { Db } from '../../db/connection.ts';
import type { GraphService } from '../../graph/service.ts';

/** What network commands need: the database, the graph to update after commit, and the limits. */
export interface NetworkDeps {
  db: Db;
  graph: GraphService;
  limits: NetworkLimits;
}
