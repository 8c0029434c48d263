/**
 * The server-sent event streams open in this process, by member: what live updates are written to.
 * A member may have a few tabs open; past MAX_PER_MEMBER the oldest stream is closed, so a script opening
 * streams in a loop holds a bounded number of sockets.
 */
import { Gauge, type Registry } from 'prom-client';

/** One update for a member's open pages: a type and ids, never text (the page reloads what it shows). */
export interface LiveMessage {
  /** The outbox event it comes from: the stream's event id. */
  id: number;
  type: LiveMessageType;
  data: Record<string, number | string>;
}

/** What changed, as the web's live hook (web/hooks/useLiveUpdates.ts) reacts to it. */
export type LiveMessageType = 'invitation' | 'network' | 'notification' | 'message' | 'post';

export interface LiveStream {
  write(message: LiveMessage): void;
  close(): void;
}

const MAX_PER_MEMBER = 10;

export class LiveStreams {
  private readonly byMember = new Map<number, LiveStream[]>();
  private readonly open: Gauge;

  constructor(metrics: Registry) {
    this.open = new Gauge({ name: 'rapport_live_streams', help: 'Server-sent event streams open in this process', registers: [metrics] });
  }

  /** Adds a member's stream; the returned function removes it (when the connection ends). */
  add(memberId: number, stream: LiveStream): () => void {
    const list = this.byMember.get(memberId) ?? [];
    list.push(stream);
    this.byMember.set(memberId, list);
    this.open.inc();
    if (list.length > MAX_PER_MEMBER) list[0]?.close();
    return () => {
      const current = this.byMember.get(memberId);
      const at = current?.indexOf(stream) ?? -1;
      if (!current || at < 0) return;
      current.splice(at, 1);
      if (current.length === 0) this.byMember.delete(memberId);
      this.open.dec();
    };
  }

  /** Writes a message to every stream the member has open here; nothing if they have none. */
  send(memberId: number, message: LiveMessage): void {
    for (const stream of this.byMember.get(memberId) ?? []) stream.write(message);
  }

  /** Whether the member has a stream open here (so work for nobody can be skipped). */
  has(memberId: number): boolean {
    return this.byMember.has(memberId);
  }

  /** How many members have a stream open here. */
  memberCount(): number {
    return this.byMember.size;
  }

  /** The members with a stream open here. */
  members(): Iterable<number> {
    return this.byMember.keys();
  }

  count(): number {
    let n = 0;
    for (const list of this.byMember.values()) n += list.length;
    return n;
  }

  closeAll(): void {
    for (const list of [...this.byMember.values()]) for (const stream of [...list]) stream.close();
  }
}
