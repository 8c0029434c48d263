/**
 * A small reader of a server-sent event stream over fetch, for tests and benchmarks: it parses `event:`,
 * `id:` and `data:` lines and waits for the next event of a type.
 */
export interface ReceivedEvent {
  id: string | null;
  event: string;
  data: unknown;
}

export interface EventStreamReader {
  /** The next event of this type (earlier ones of other types are skipped), or a rejection after timeoutMs. */
  next(type: string, timeoutMs?: number): Promise<ReceivedEvent>;
  /** Every event up to and including the next one of this type, in order. */
  upTo(type: string, timeoutMs?: number): Promise<ReceivedEvent[]>;
  /** The `id:` of the newest event parsed so far (what EventSource would send as `Last-Event-ID`), or null. */
  lastId(): string | null;
  /**
   * Reads on in the background until the stream ends (or is closed), keeping every event parsed, those
   * already queued included; `ended` resolves then. Use instead of next(), not beside it.
   */
  drain(): { events: ReceivedEvent[]; ended: Promise<void> };
  close(): void;
}

export async function readEventStream(url: string, headers: Record<string, string>): Promise<EventStreamReader> {
  const abort = new AbortController();
  const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
  if (res.status !== 200 || !res.body) throw new Error(`event stream answered ${res.status}`);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  const queue: ReceivedEvent[] = [];
  let buffer = '';
  let lastId: string | null = null;
  // One read at a time; a read still waiting when next() times out is taken up by the next call.
  let inflight: Promise<void> | null = null;

  const parse = (block: string): ReceivedEvent | null => {
    let event = 'message';
    let id: string | null = null;
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('id: ')) id = line.slice(4);
      else if (line.startsWith('data: ')) data.push(line.slice(6));
    }
    return data.length > 0 ? { id, event, data: JSON.parse(data.join('\n')) as unknown } : null;
  };

  const fill = async (): Promise<void> => {
    const { value, done } = await reader.read();
    if (done) throw new Error('event stream ended');
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const parsed = parse(buffer.slice(0, end));
      buffer = buffer.slice(end + 2);
      if (parsed) {
        queue.push(parsed);
        if (parsed.id !== null) lastId = parsed.id;
      }
    }
  };

  const upTo = async (type: string, timeoutMs = 5_000): Promise<ReceivedEvent[]> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const at = queue.findIndex((e) => e.event === type);
      if (at >= 0) return queue.splice(0, at + 1);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${type} event within ${timeoutMs} ms`);
      let timer: NodeJS.Timeout | undefined;
      inflight ??= fill().finally(() => {
        inflight = null;
      });
      // A read cut short by close() rejects with nobody waiting: that is the end, not an error.
      inflight.catch(() => undefined);
      await Promise.race([
        inflight,
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no ${type} event within ${timeoutMs} ms`)), left);
        }),
      ]).finally(() => clearTimeout(timer));
    }
  };

  return {
    next: async (type, timeoutMs) => (await upTo(type, timeoutMs)).at(-1)!,
    upTo,
    lastId: () => lastId,
    drain() {
      const events = queue;
      const ended = (async () => {
        try {
          await inflight;
          for (;;) await fill();
        } catch {
          // The end of the stream, or close(): what came before is kept.
        }
      })();
      return { events, ended };
    },
    close: () => abort.abort(),
  };
}
