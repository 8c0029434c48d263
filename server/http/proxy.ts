import type { FastifyBaseLogger, FastifyServerOptions } from 'fastify';
import type { Config } from '../config.ts';
import { servedOverHttps } from './security-headers.ts';

/**
 * TRUST_PROXY as Fastify's `trustProxy` option. A hop count becomes a function that believes only the
 * last `hops` addresses of the chain (the socket's, then X-Forwarded-For from the right): each proxy in
 * front appends the address it saw, so the entry after them is the real client, whatever the client wrote
 * further left. (Fastify itself now treats a bare number as "trust nothing", so the count is spelt out.)
 */
export function trustProxyOption(config: Config): FastifyServerOptions['trustProxy'] {
  const trust = config.trustProxy;
  if (typeof trust === 'number') {
    const hops = trust;
    return hops > 0 ? (_address: string, hop: number) => hop < hops : false;
  }
  return trust;
}

/** Start-up warnings for proxy set-ups that would let clients choose their own address, or hide it. */
export function warnAboutProxySetup(log: FastifyBaseLogger, config: Config): void {
  if (typeof config.trustProxy === 'number' && config.host !== '127.0.0.1' && config.host !== '::1' && config.host !== 'localhost') {
    log.warn(
      `TRUST_PROXY=${config.trustProxy} believes X-Forwarded-For from whoever connects, and HOST=${config.host} lets clients connect without the proxy: ` +
        'one that does can choose its own address. Bind HOST=127.0.0.1 when the proxy runs on this machine, or set TRUST_PROXY to the proxy\'s address.',
    );
  }
  if (servedOverHttps(config) && config.trustProxy === false) {
    log.warn(
      'PUBLIC_URL is https, so Rapport runs behind a TLS proxy, but TRUST_PROXY is false: every client will appear to come from the proxy. ' +
        'Set TRUST_PROXY to the number of proxies in front (usually 1) or to their addresses.',
    );
  }
}
