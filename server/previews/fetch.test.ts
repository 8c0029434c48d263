import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytesPage, ogPage, type PageServer, startPageServer } from '../test/http-pages.ts';
import { isPublicAddress } from './address.ts';
import { type FetchLimits, type FetchOptions, FetchRefused, guardedFetch } from './fetch.ts';

const LIMITS: FetchLimits = { allowPrivate: true, timeoutMs: 2_000, maxBytes: 64 * 1024, maxRedirects: 3 };
const html = (type: string) => type === 'text/html';
const options = (limits: Partial<FetchLimits> = {}, more: Partial<FetchOptions> = {}): FetchOptions => ({
  limits: { ...LIMITS, ...limits },
  accept: html,
  overflow: 'truncate',
  userAgent: 'RapportTest',
  ...more,
});

async function refusal(url: string, opts: FetchOptions): Promise<string> {
  try {
    await guardedFetch(url, opts);
  } catch (err) {
    if (err instanceof FetchRefused) return err.code;
    throw err;
  }
  throw new Error(`${url} was fetched`);
}

describe('which addresses are public', () => {
  it.each([
    ['127.0.0.1', false],
    ['127.255.0.9', false],
    ['10.1.2.3', false],
    ['172.16.0.1', false],
    ['192.168.1.1', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['255.255.255.255', false],
    ['224.0.0.1', false],
    ['192.0.2.1', false],
    ['198.18.0.1', false],
    ['::1', false],
    ['::', false],
    ['fe80::1', false],
    ['fc00::1', false],
    ['fd12:3456::1', false],
    ['ff02::1', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:10.0.0.1', false],
    ['64:ff9b::a00:1', false],
    ['2002:7f00:1::', false],
    ['2001:db8::1', false],
    ['::127.0.0.1', false],
    ['not an address', false],
    ['93.184.215.14', true],
    ['8.8.8.8', true],
    ['::ffff:8.8.8.8', true],
    ['2606:4700:4700::1111', true],
  ])('%s is public: %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});

describe('the guarded fetcher against real servers on 127.0.0.1', () => {
  let site: PageServer;
  let closedEarly = false;
  let sentBytes = 0;
  beforeAll(async () => {
    site = await startPageServer({
      '/page': ogPage({ title: 'A page', description: 'About it' }),
      '/json': bytesPage('application/json', '{"a":1}'),
      '/gzip': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
        res.end(gzipSync('<title>Zipped</title>' + ' '.repeat(1024 * 1024)));
      },
      '/slow': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<html><head>');
        // Never ends: the deadline must.
      },
      '/slow-headers': () => {
        // Never answers at all.
      },
      '/huge': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        const chunk = Buffer.alloc(16 * 1024, 'a');
        const pump = () => {
          while (sentBytes < 50 * 1024 * 1024) {
            sentBytes += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end();
        };
        res.on('close', () => {
          closedEarly = sentBytes < 50 * 1024 * 1024;
        });
        pump();
      },
      '/loop': (_req, res) => res.writeHead(302, { location: '/loop' }).end(),
      '/hop1': (_req, res) => res.writeHead(301, { location: '/hop2' }).end(),
      '/hop2': (_req, res) => res.writeHead(307, { location: '/page' }).end(),
      '/to-ipv6-loopback': (_req, res) => res.writeHead(302, { location: `http://[::1]:${site.port}/page` }).end(),
      '/to-other-loopback': (_req, res) => res.writeHead(302, { location: `http://127.0.0.2:${site.port}/page` }).end(),
      '/to-metadata': (_req, res) => res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
      '/to-file': (_req, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end(),
      '/broken': (_req, res) => res.writeHead(500).end(),
    });
  });
  afterAll(() => site.close());

  it('fetches a page with the private setting on', async () => {
    const got = await guardedFetch(`${site.origin}/page`, options());
    expect(got.mediaType).toBe('text/html');
    expect(got.charset).toBe('utf-8');
    expect(got.body.toString()).toContain('og:title');
  });

  it('refuses loopback, private and every other non-public address without it, in every spelling, before connecting', async () => {
    const before = site.hits.get('/page') ?? 0;
    const port = site.port;
    for (const url of [
      `http://127.0.0.1:${port}/page`,
      `http://localhost:${port}/page`,
      `http://[::1]:${port}/page`,
      `http://[::ffff:127.0.0.1]:${port}/page`,
      `http://0.0.0.0:${port}/page`,
      `http://0:${port}/page`,
      `http://2130706433:${port}/page`,
      `http://0x7f.0.0.1:${port}/page`,
      `http://0177.0.0.1:${port}/page`,
      `http://127.1:${port}/page`,
      'http://10.0.0.1/',
      'http://192.168.0.1/',
      'http://169.254.169.254/latest/meta-data/',
      'http://[fe80::1]/',
      'http://[fd00::1]/',
      'http://100.64.0.1/',
    ]) {
      expect(await refusal(url, options({ allowPrivate: false })), url).toBe('address');
    }
    expect(site.hits.get('/page') ?? 0).toBe(before);
  });

  it('refuses other schemes and credentials', async () => {
    expect(await refusal('file:///etc/passwd', options())).toBe('scheme');
    expect(await refusal('ftp://example.com/', options())).toBe('scheme');
    expect(await refusal('javascript:alert(1)', options())).toBe('scheme');
    expect(await refusal(`http://user:pass@127.0.0.1:${site.port}/page`, options())).toBe('credentials');
    expect(await refusal('http://', options())).toBe('invalid_url');
  });

  it('follows a few redirects, checking each hop, and stops a loop', async () => {
    const got = await guardedFetch(`${site.origin}/hop1`, options());
    expect(got.url.pathname).toBe('/page');
    const before = site.hits.get('/loop') ?? 0;
    expect(await refusal(`${site.origin}/loop`, options())).toBe('too_many_redirects');
    expect((site.hits.get('/loop') ?? 0) - before).toBe(LIMITS.maxRedirects + 1);
    expect(await refusal(`${site.origin}/hop1`, options({ maxRedirects: 1 }))).toBe('too_many_redirects');
    expect(await refusal(`${site.origin}/to-file`, options())).toBe('scheme');
  });

  it('checks a redirect to a private address again: allowed 127.0.0.1 alone, the next hop is refused', async () => {
    const only = { addressAllowed: (a: string) => a === '127.0.0.1' };
    expect((await guardedFetch(`${site.origin}/page`, options(only))).mediaType).toBe('text/html');
    expect(await refusal(`${site.origin}/to-ipv6-loopback`, options(only))).toBe('address');
    expect(await refusal(`${site.origin}/to-other-loopback`, options(only))).toBe('address');
    expect(await refusal(`${site.origin}/to-metadata`, options(only))).toBe('address');
  });

  it('gives up at the deadline on a server that stalls, before or after its headers', async () => {
    const started = Date.now();
    expect(await refusal(`${site.origin}/slow`, options({ timeoutMs: 300 }))).toBe('timeout');
    expect(await refusal(`${site.origin}/slow-headers`, options({ timeoutMs: 300 }))).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('stops reading a huge body at the cap and closes the connection', async () => {
    const got = await guardedFetch(`${site.origin}/huge`, options());
    expect(got.truncated).toBe(true);
    expect(got.body.length).toBe(LIMITS.maxBytes);
    await expect.poll(() => closedEarly).toBe(true);
    expect(sentBytes).toBeLessThan(50 * 1024 * 1024);
    expect(await refusal(`${site.origin}/huge`, options({}, { overflow: 'fail' }))).toBe('too_large');
  });

  it('caps the decompressed size of a compressed body', async () => {
    const got = await guardedFetch(`${site.origin}/gzip`, options());
    expect(got.body.toString()).toContain('<title>Zipped</title>');
    expect(got.body.length).toBe(LIMITS.maxBytes);
  });

  it('refuses a type it was not asked for, and a failing server', async () => {
    expect(await refusal(`${site.origin}/json`, options())).toBe('content_type');
    expect(await refusal(`${site.origin}/broken`, options())).toBe('server_error');
    expect(await refusal(`${site.origin}/missing`, options())).toBe('status');
  });
});
