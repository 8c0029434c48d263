/**
 * Many open event streams (`GET /api/v1/events`), one socket each, every event timestamped the moment its
 * bytes are parsed: a push reader (server/test/sse-client.ts pulls, which would time the reader, not the
 * delivery).
 */
import http from 'node:http';

export interface StreamEvent {
  memberId: number;
  type: string;
  data: Record<string, unknown>;
  at: number;
}

export interface OpenStreams {
  count: number;
  /** Events received since opened, by type. */
  received: Map<string, number>;
  onEvent: ((e: StreamEvent) => void) | null;
  close(): void;
}

export async function openStreams(port: number, members: number[], tokens: Map<number, string>, log: (line: string) => void): Promise<OpenStreams> {
  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  const requests: http.ClientRequest[] = [];
  const streams: OpenStreams = {
    count: 0,
    received: new Map(),
    onEvent: null,
    close() {
      for (const r of requests) r.destroy();
      agent.destroy();
    },
  };
  const t0 = performance.now();
  const open = (memberId: number) =>
    new Promise<void>((resolve, reject) => {
      const req = http.get(
        { host: '127.0.0.1', port, path: '/api/v1/events', agent, headers: { accept: 'text/event-stream', authorization: `Bearer ${tokens.get(memberId)!}` } },
        (res) => {
          if (res.statusCode !== 200) {
            reject(new Error(`stream for ${memberId} answered ${res.statusCode}`));
            res.resume();
            return;
          }
          res.setEncoding('utf8');
          let buffer = '';
          let connected = false;
          res.on('data', (chunk: string) => {
            const at = performance.now();
            buffer += chunk;
            let end: number;
            while ((end = buffer.indexOf('\n\n')) >= 0) {
              const block = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              if (!connected && block.includes(': connected')) {
                connected = true;
                streams.count++;
                resolve();
              }
              let type = 'message';
              const data: string[] = [];
              for (const line of block.split('\n')) {
                if (line.startsWith('event: ')) type = line.slice(7);
                else if (line.startsWith('data: ')) data.push(line.slice(6));
              }
              if (data.length === 0) continue;
              streams.received.set(type, (streams.received.get(type) ?? 0) + 1);
              streams.onEvent?.({ memberId, type, data: JSON.parse(data.join('\n')) as Record<string, unknown>, at });
            }
          });
          res.on('close', () => {
            if (!connected) reject(new Error(`stream for ${memberId} closed before it connected`));
          });
        },
      );
      req.on('error', (err) => (streams.count === 0 ? reject(err) : undefined));
      requests.push(req);
    });
  // A few dozen at a time: 1,000 connects at once would measure the accept queue.
  const BATCH = 50;
  for (let i = 0; i < members.length; i += BATCH) await Promise.all(members.slice(i, i + BATCH).map(open));
  log(`  ${streams.count} streams open on :${port} in ${Math.round(performance.now() - t0)} ms`);
  return streams;
}
