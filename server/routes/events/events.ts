import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CursorStream, type Missed, parseCursor } from '../../live/cursor.ts';
import { viewerOf } from '../../viewer/request.ts';

/** A comment line this often keeps proxies and browsers from closing an idle stream. */
const HEARTBEAT_MS = 25_000;

/**
 * `GET /api/v1/events`: the signed-in member's live updates as server-sent events (text/event-stream).
 * Each event names what changed (`invitation`, `network`, …) with ids; the page reloads it through the API,
 * so privacy is decided there, once. The stream starts with `retry:` so a dropped connection comes back in
 * a few seconds. Each event's `id:` is the stream's cursor in the events outbox (live/cursor.ts); a client
 * that reconnects with it as `Last-Event-ID`, to this process or any other, is first sent what it missed
 * (live/replay.ts), each event once, or `resync` when that is too far back (the page then reloads). `ready`
 * says the stream is live and carries the cursor, so a stream with nothing to say yet can resume too.
 */
export const eventRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.get(
    '/events',
    { schema: { tags: ['live'], summary: 'Live updates for the signed-in member (server-sent events)', produces: ['text/event-stream'] } },
    async (request, reply) => {
      const memberId = viewerOf(request).actor.id;
      const from = parseCursor(request.headers['last-event-id'] as string | undefined);
      const raw = reply.raw;
      reply.hijack();
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        // Proxies such as nginx would otherwise hold the stream back in their buffers.
        'x-accel-buffering': 'no',
      });
      // A replay may still be read when the client goes: nothing is written to a closed response.
      const write = (text: string) => {
        if (!raw.writableEnded && !raw.destroyed) raw.write(text);
      };
      write('retry: 3000\n: connected\n\n');

      const heartbeat = setInterval(() => write(': keep-alive\n\n'), HEARTBEAT_MS);
      heartbeat.unref();
      // Registered before the replay is read, so whatever commits meanwhile is held, not lost.
      const stream = new CursorStream({ write, end: () => raw.end() }, ctx.liveReplay.floor, from);
      const remove = ctx.live.add(memberId, stream);
      raw.on('close', () => {
        clearInterval(heartbeat);
        remove();
      });
      if (!from) return stream.ready();
      const missed = await ctx.liveReplay.missed(memberId, from).catch((err: unknown): Missed => {
        request.log.warn({ err }, 'replaying a live stream from the outbox failed; the page reloads instead');
        return 'resync';
      });
      stream.resume(missed);
      stream.ready();
    },
  );
};
