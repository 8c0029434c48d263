import type { FastifyRequest } from 'fastify';

/**
 * What a request's log line says about it. Fastify's default logs the whole URL, and links from emails carry
 * secrets in their query (a password-reset or verification token, an unsubscribe signature), so the query's
 * values are masked and only its keys kept: enough to tell requests apart, nothing to replay.
 */
export function maskedUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const keys = url
    .slice(at + 1)
    .split('&')
    .filter(Boolean)
    .map((pair) => `${pair.split('=')[0]}=…`);
  return `${url.slice(0, at)}?${keys.join('&')}`;
}

export const logSerializers = {
  req(request: FastifyRequest) {
    return { method: request.method, url: maskedUrl(request.url), host: request.host, remoteAddress: request.ip, remotePort: request.socket?.remotePort };
  },
};
