import type { Config } from './config.ts';
import type { Database, Db } from './db/connection.ts';
import type { LoginThrottle } from './auth/login-throttle.ts';
import type { EmailDelivery } from './jobs/email-delivery.ts';
import type { GraphService } from './graph/service.ts';

/** What every route handler can reach: built once in buildApp and decorated onto the Fastify instance. */
export interface AppContext {
  config: Config;
  database: Database;
  db: Db;
  loginThrottle: LoginThrottle;
  email: EmailDelivery;
  /** The in-memory connection graph, kept in step with the tables after every commit. */
  graph: GraphService;
}
