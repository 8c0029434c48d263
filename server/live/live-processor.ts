/**
 * Hands committed events to the members' open streams: this process's events through the dispatcher, and
 * other processes' through their announcements (events/remote.ts). Live only: a processor with no saved
 * position, since a page that reconnects reloads what it shows, and handling is a few map look-ups.
 */
import type { Processor } from '../events/processor.ts';
import type { StoredEvent } from '../events/types.ts';
import { LIVE_KINDS, liveMessagesFor } from './routing.ts';
import type { LiveStreams } from './streams.ts';

export class LiveUpdatesProcessor implements Processor {
  readonly name = 'live-updates';
  readonly kinds = LIVE_KINDS;

  constructor(private readonly streams: LiveStreams) {}

  handle(event: StoredEvent): void {
    for (const { memberId, message } of liveMessagesFor(event)) this.streams.send(memberId, message);
  }
}
