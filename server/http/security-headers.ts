import helmet from 'helmet';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';

/** Whether members reach this instance over https, as PUBLIC_URL says (directly or through a TLS proxy). */
export function servedOverHttps(config: Config): boolean {
  return new URL(config.publicUrl).protocol === 'https:';
}

/**
 * Content-Security-Policy and the other security headers, following how the instance is really served.
 * Over https: HSTS and `upgrade-insecure-requests`. Over plain http (a LAN, a test box) neither: they would
 * make the browser fetch every script over https, which nothing answers, and the page would stay blank on
 * every machine but `localhost` (which browsers exempt).
 *
 * helmet itself, built once: @fastify/helmet called `helmet(options)` again on every request, parsing the
 * policy each time (7 % of the CPU of a bare JSON route under load, bench:graph's CPU profile).
 */
export function registerSecurityHeaders(app: FastifyInstance, config: Config): void {
  const https = servedOverHttps(config);
  const applyHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // blob: the composer shows a picked image from the member's own file before it has uploaded.
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        // helmet adds it by default; null removes it.
        upgradeInsecureRequests: https ? [] : null,
      },
    },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
  app.addHook('onRequest', (request, reply, done) => {
    applyHeaders(request.raw, reply.raw, (err?: unknown) => done(err instanceof Error ? err : undefined));
  });
}
