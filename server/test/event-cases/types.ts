/**
 * The shape of a case of server/test/events-recorded.test.ts, and what the test lends the cases kept in files
 * of their own (one per area): its app, database, member factory and answer-keeping `status`.
 */
import type { SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import type { EventKind } from '../../events/types.ts';
import type { Member } from '../client.ts';
import type { TestApp } from '../engines.ts';

export interface Expected {
  kind: EventKind;
  actorId: number | null;
  subjectId: number | null;
  data?: Record<string, unknown>;
}

export interface Scenario {
  /** The command, through the API where it has a route; resolves to the status it answered. */
  act: () => Promise<number>;
  /** What the command changes, read back: the same before and after a rolled-back run. */
  state: () => Promise<unknown>;
  /** The events a successful run records (in any order), given what it answered. */
  expected: (answer: unknown) => Expected[];
  /** A row the command writes: its xmin must be the events' transaction. (None for pure deletions.) */
  written?: (answer: unknown) => SQL;
}

export interface Case {
  family: string;
  /** The kind refused at COMMIT in the rolled-back run. */
  refuse: EventKind;
  setup: () => Promise<Scenario>;
}

export interface CaseKit {
  get: () => TestApp;
  db: () => Db;
  /** A new member, named uniquely. */
  member: (name: string) => Promise<Member>;
  /** The status a command answered (keeping its body as the answer the expectations read). */
  status: (res: { statusCode: number; json(): unknown }) => number;
  count: (query: SQL) => Promise<number | undefined>;
}
