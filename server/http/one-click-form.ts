import type { FastifyInstance } from 'fastify';

/**
 * Mail clients send a one-click unsubscribe (RFC 8058) as a form body, `List-Unsubscribe=One-Click`, with
 * no cookie. Registered only in the plugins that serve such links; every other route keeps refusing forms (415).
 */
export function acceptOneClickForm(app: FastifyInstance): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
}
