import type { Database } from '../../db/connection.ts';
import { OUTREACH_EVENT_KINDS, type OutreachEventKind, recordOutreach } from '../../commands/outreach/record.ts';
import type { Processor } from '../processor.ts';
import type { StoredEvent } from '../types.ts';

/**
 * One person a week (docs/outreach.md): turns the events that reach a person (an invitation with a note, a
 * message after a quiet spell, an introduction request) into the member's outreach, wherever they were sent
 * from, so no command writes outreach itself. Durable (its position is in event_consumers), idempotent.
 */
export class OutreachProcessor implements Processor<OutreachEventKind> {
  readonly name = 'outreach';
  readonly kinds = OUTREACH_EVENT_KINDS;

  constructor(private readonly db: Database['db']) {}

  async handle(event: StoredEvent<OutreachEventKind>): Promise<void> {
    await recordOutreach(this.db, event);
  }
}
