import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { LiveMessage } from '../../live/streams.ts';
import { viewerOf } from '../../viewer/request.ts';

/** A comment line this often keeps proxies and browsers from closing an idle stream. */
const HEARTBEAT_MS = 25_000;

/**
 * `GET /api/v1/events`: the signed-in member's live updates as server-sent events (text/event-stream).
 * Each event names what changed (`invitation`, `network`, …) with ids; the page reloads it through the API,
 * so privacy is decided there, once. The stream starts with `retry:` so a dropped connection comes back in
 * a few seconds; the page reloads what it shows on reconnecting, so nothing missed in between is lost.
 */
export const eventRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.get(
    '/events',
    { schema: { tags: ['live'], summary: 'Live updates for the signed-in member (server-sent events)', produces: ['text/event-stream'] } },
    (request, reply) => {
      const memberId = viewerOf(request).actor.id;
      const raw = reply.raw;
      reply.hijack();
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        // Proxies such as nginx would otherwise hold the stream back in their buffers.
        'x-accel-buffering': 'no',
      });
      raw.write('retry: 3000\n: connected\n\n');

      const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
      heartbeat.unref();
      const remove = ctx.live.add(memberId, {
        write: (message: LiveMessage) => raw.write(`id: ${message.id}\nevent: ${message.type}\ndata: ${JSON.stringify(message.data)}\n\n`),
        close: () => raw.end(),
      });
      raw.on('close', () => {
        clearInterval(heartbeat);
        remove();
      });
    },
  );
};
