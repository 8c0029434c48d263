import { markAdmiredConnected } from '../../commands/admire/entries.ts';
import type { Db } from '../../db/connection.ts';
import type { Processor } from '../processor.ts';
import type { StoredEvent } from '../types.ts';

/**
 * When two members connect, each one's admire list entry for the other (issue 15) moves to `connected`.
 * Durable (its position is kept in event_consumers), so a connection made while the process was down is
 * replayed at start-up; the update is idempotent, so handling an event twice changes nothing.
 */
export class AdmireConnectedProcessor implements Processor<'connection.made'> {
  readonly name = 'admire-connected';
  readonly kinds = ['connection.made'] as const;

  constructor(private readonly db: Db) {}

  async handle(event: StoredEvent<'connection.made'>): Promise<void> {
    await markAdmiredConnected(this.db, event.actorId, event.subjectId, event.createdAt);
  }
}
