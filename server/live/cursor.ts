/**
 * Where a member's stream stands in the events outbox, as the `id:` of every server-sent event, so that a
 * client reconnecting with `Last-Event-ID` (EventSource sends it by itself), to this process or any other,
 * gets what it missed and nothing twice.
 *
 * Why not the last event's id alone: event ids come from a sequence at insert time and transactions commit
 * in any order (events/change-marks.ts), so a stream may be handed event 12 before event 11 commits, and
 * "everything after 12" would lose 11. The cursor is therefore `base` (every event up to it that concerns
 * the member has been written to the stream, or will never commit) and the ids above `base` written too:
 * `1200` or `1200.1203.1207`. `base` follows the live processor's safe position (the outbox follower's floor
 * on a server), which passes an event only once it is handled, so the list above it stays short: events
 * committed out of order during a sweep.
 */
import type { LiveMessage, LiveStream } from './streams.ts';

export interface Cursor {
  base: number;
  /** Ids above base already written, ascending. */
  above: number[];
}

/** Ids above the base carried in a cursor; past this, the oldest are left out (replayed twice, never lost). */
const MAX_ABOVE = 64;

/** The `id:` text of a cursor. */
export function formatCursor(cursor: Cursor): string {
  return [cursor.base, ...cursor.above.slice(-MAX_ABOVE)].join('.');
}

/** A `Last-Event-ID` header read back, or null when it is not one of ours (then the stream starts afresh). */
export function parseCursor(text: string | undefined): Cursor | null {
  if (!text || text.length > 20 * (MAX_ABOVE + 1) || !/^\d{1,15}(\.\d{1,15})*$/.test(text)) return null;
  const [base, ...rest] = text.split('.').map(Number) as [number, ...number[]];
  const above = [...new Set(rest.filter((id) => id > base))].sort((x, y) => x - y).slice(-MAX_ABOVE);
  return { base, above };
}

/** What a stream is written to: the HTTP response, in the route. */
export interface EventSink {
  write(text: string): void;
  end(): void;
}

/** What the stream learns of the outbox: the replay of missed events, or that they are too far back. */
export type Missed = LiveMessage[] | 'resync';

/**
 * One open stream that writes each message once, with the cursor as its id. A stream that resumes from a
 * cursor holds live messages back until the replay of what it missed is written (`resume`), then writes
 * the held ones it has not written already: the replay reads the outbox after the stream was registered,
 * so between the two nothing is missed, and the ids written say what would come twice.
 */
export class CursorStream implements LiveStream {
  private base: number;
  /**
   * Ids above the base written to, with the types written for each: one event may tell a member two
   * things (an invitation and the bell). `all`: listed in the cursor resumed from, so written in full.
   */
  private readonly written = new Map<number, Set<string> | 'all'>();
  private held: LiveMessage[] | null;
  /** The processor's safe position when the stream was registered: where a stream told to resync starts. */
  private readonly registeredAt: number;

  constructor(
    private readonly sink: EventSink,
    /** The live processor's safe position: every event up to it is handled (written to open streams) or never commits. */
    private readonly floor: () => number,
    from: Cursor | null,
  ) {
    this.registeredAt = floor();
    this.base = from?.base ?? this.registeredAt;
    for (const id of from?.above ?? []) this.written.set(id, 'all');
    this.held = from ? [] : null;
  }

  /** The cursor a client would resume from now. */
  cursor(): Cursor {
    return { base: this.base, above: [...this.written.keys()].sort((x, y) => x - y) };
  }

  write(message: LiveMessage): void {
    if (this.held) this.held.push(message);
    else this.emit(message, true);
  }

  close(): void {
    this.sink.end();
  }

  /**
   * `ready`: the stream is live, and here is its cursor. Sent at the start, after any replay, so that even
   * a stream that has had nothing to say reconnects with a `Last-Event-ID` (EventSource sends one only
   * after an event with an id) and is replayed what happened while it was away.
   */
  ready(): void {
    this.sink.write(`id: ${formatCursor(this.cursor())}\nevent: ready\ndata: {}\n\n`);
  }

  /**
   * Writes what the stream missed, then what arrived meanwhile, and goes live. `resync`: too much was
   * missed to replay (or the cursor is from elsewhere); the page reloads everything, and the stream
   * starts where it was registered.
   */
  resume(missed: Missed): void {
    const held = this.held ?? [];
    if (missed === 'resync') {
      this.base = this.registeredAt;
      this.written.clear();
      this.sink.write(`id: ${formatCursor(this.cursor())}\nevent: resync\ndata: {}\n\n`);
    } else {
      for (const message of missed) this.emit(message, false);
    }
    for (const message of held) this.emit(message, false);
    this.held = null;
    this.advance();
  }

  /**
   * Writes a message unless it was written already: at or below the base (a processor retrying from the
   * outbox hands over again), or listed above it with its type.
   */
  private emit(message: LiveMessage, live: boolean): void {
    const types = this.written.get(message.id) ?? new Set<string>();
    if (message.id <= this.base || types === 'all' || types.has(message.type)) return;
    types.add(message.type);
    this.written.set(message.id, types);
    if (live) this.advance();
    this.sink.write(`id: ${formatCursor(this.cursor())}\nevent: ${message.type}\ndata: ${JSON.stringify(message.data)}\n\n`);
  }

  /**
   * Moves the base up to the processor's safe position. Sound only once the stream is live: from its
   * registration every handled event reached it, and the replay covered everything committed before.
   * During a handler the event being handled is above the safe position, so it stays listed.
   */
  private advance(): void {
    const floor = this.floor();
    if (floor <= this.base) return;
    this.base = floor;
    for (const id of this.written.keys()) if (id <= floor) this.written.delete(id);
  }
}
