/**
 * The one way the server fetches a URL a member wrote (link previews and their images), guarded against
 * server-side request forgery (docs/feed.md, "Link previews"):
 *
 * - http and https only, no credentials in the URL;
 * - every address the host resolves to must be public (previews/address.ts), and the connection goes to
 *   an address so checked: the lookup that checks is the lookup the socket uses, so a DNS answer that
 *   changes between a check and the connection (DNS rebinding) cannot reach anything else; a host given
 *   as an address literal is checked as it is (Node does not look those up);
 * - redirects are followed by hand, at most `maxRedirects`, each new URL checked the same way;
 * - one deadline for the whole fetch, redirects included; a cap on the bytes read (the response is cut off
 *   there, decompressed bytes counted), and only the content types the caller accepts.
 *
 * `allowPrivate` lifts the address rule, for tests that serve pages on 127.0.0.1 (LINK_PREVIEW_ALLOW_PRIVATE).
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { isPublicAddress, literalAddress } from './address.ts';

export interface FetchLimits {
  /** Connect to loopback, private and other non-global addresses too (tests only). */
  allowPrivate: boolean;
  /** The whole fetch, redirects included. */
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /**
   * Replaces the address rule itself (tests: allow 127.0.0.1 alone, to show that a redirect from there to
   * another non-public address is checked again and refused).
   */
  addressAllowed?: (address: string) => boolean;
}

/** The rule a fetch applies to each address it would connect to. */
function addressRule(limits: FetchLimits): (address: string) => boolean {
  return limits.addressAllowed ?? (limits.allowPrivate ? () => true : isPublicAddress);
}

/** Why a fetch gave nothing; stored for operators, never shown to members. */
export type FetchFailure =
  | 'invalid_url'
  | 'scheme'
  | 'credentials'
  | 'address'
  | 'dns'
  | 'timeout'
  | 'too_large'
  | 'too_many_redirects'
  | 'status'
  | 'server_error'
  | 'content_type'
  | 'encoding'
  | 'network';

export class FetchRefused extends Error {
  constructor(readonly code: FetchFailure) {
    super(`fetch refused: ${code}`);
  }
}

/** Failures worth another attempt later: the site may answer then. */
export const RETRYABLE: ReadonlySet<FetchFailure> = new Set(['timeout', 'dns', 'server_error', 'network']);

export interface Fetched {
  /** Where the body came from, after redirects. */
  url: URL;
  /** The media type, lower-cased, without parameters ('' when none was sent). */
  mediaType: string;
  /** The charset parameter of Content-Type, if any. */
  charset: string | null;
  body: Buffer;
  /** The body was longer than maxBytes and was cut off there (only with overflow 'truncate'). */
  truncated: boolean;
}

export interface FetchOptions {
  limits: FetchLimits;
  /** Whether a response's media type is wanted; anything else is refused before its body is read. */
  accept: (mediaType: string) => boolean;
  /** Past maxBytes: keep what was read (a page's head is at its start) or refuse (an image cut short is no image). */
  overflow: 'truncate' | 'fail';
  userAgent: string;
  /** Stops the fetch early (the worker stopping). */
  signal?: AbortSignal;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** The error our lookup reports for an address it refuses. */
const REFUSED_ADDRESS = 'ERAPPORT_ADDRESS';

/**
 * Checks each address a name resolves to, and hands the socket only checked ones: one lookup both decides
 * and connects, so there is no second answer to swap in.
 */
function guardedLookup(allowed: (address: string) => boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { all: true, verbatim: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      if (addresses.length === 0 || addresses.some((a) => !allowed(a.address))) {
        return callback(Object.assign(new Error(`${hostname} resolves to an address that is not public`), { code: REFUSED_ADDRESS }), '', 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0]!;
      callback(null, first.address, first.family);
    });
  };
}

/** The URL, if a fetch may be attempted at all: scheme, credentials and a literal address's range. */
function checkUrl(raw: string | URL, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new FetchRefused('invalid_url');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchRefused('scheme');
  if (url.username || url.password) throw new FetchRefused('credentials');
  if (!url.hostname) throw new FetchRefused('invalid_url');
  return url;
}

function failureOf(err: unknown, signal: AbortSignal): FetchRefused {
  if (err instanceof FetchRefused) return err;
  if (signal.aborted) return new FetchRefused('timeout');
  const code = (err as { code?: unknown } | null)?.code;
  if (code === REFUSED_ADDRESS) return new FetchRefused('address');
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ENODATA') return new FetchRefused('dns');
  if (typeof code === 'string' && (code.startsWith('Z_') || code.includes('BROTLI'))) return new FetchRefused('encoding');
  return new FetchRefused('network');
}

/** One request, no redirects followed; the response's body is not read yet. */
function requestOnce(url: URL, options: FetchOptions, signal: AbortSignal): Promise<IncomingMessage> {
  const literal = literalAddress(url.hostname);
  const allowed = addressRule(options.limits);
  if (literal !== null && !allowed(literal)) return Promise.reject(new FetchRefused('address'));
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: 'GET',
        agent: false,
        lookup: guardedLookup(allowed),
        signal,
        headers: {
          'user-agent': options.userAgent,
          accept: 'text/html,application/xhtml+xml;q=0.9,image/*;q=0.8,*/*;q=0.1',
          'accept-encoding': 'gzip, deflate, br',
        },
      },
      resolve,
    );
    req.on('error', reject);
    req.end();
  });
}

function decoded(res: IncomingMessage): Readable {
  const encoding = (res.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding === 'identity' || encoding === '') return res;
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? zlib.createGunzip()
      : encoding === 'deflate'
        ? zlib.createInflate()
        : encoding === 'br'
          ? zlib.createBrotliDecompress()
          : null;
  if (!decoder) throw new FetchRefused('encoding');
  res.on('error', (err) => decoder.destroy(err));
  return res.pipe(decoder);
}

/** Reads at most maxBytes of the (decoded) body, then stops reading and closes the connection. */
async function readCapped(res: IncomingMessage, options: FetchOptions): Promise<{ body: Buffer; truncated: boolean }> {
  const max = options.limits.maxBytes;
  const declared = Number(res.headers['content-length']);
  if (options.overflow === 'fail' && Number.isFinite(declared) && declared > max) {
    res.destroy();
    throw new FetchRefused('too_large');
  }
  const stream = decoded(res);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const buf = chunk as Buffer;
      if (size + buf.length > max) {
        if (options.overflow === 'fail') throw new FetchRefused('too_large');
        chunks.push(buf.subarray(0, max - size));
        size = max;
        return { body: Buffer.concat(chunks, size), truncated: true };
      }
      chunks.push(buf);
      size += buf.length;
    }
  } finally {
    // Whatever is left is never read: the connection goes.
    res.destroy();
    if (stream !== res) stream.destroy();
  }
  return { body: Buffer.concat(chunks, size), truncated: false };
}

function contentType(res: IncomingMessage): { mediaType: string; charset: string | null } {
  const header = res.headers['content-type'] ?? '';
  const [type = '', ...params] = header.split(';');
  const charset = params.map((p) => p.trim().match(/^charset\s*=\s*"?([^";]+)"?$/i)?.[1]).find((c) => c !== undefined) ?? null;
  return { mediaType: type.trim().toLowerCase(), charset };
}

/** Fetches `raw` under the rules above; throws FetchRefused with why it gave nothing. */
export async function guardedFetch(raw: string, options: FetchOptions): Promise<Fetched> {
  const deadline = AbortSignal.timeout(options.limits.timeoutMs);
  const signal = options.signal ? AbortSignal.any([deadline, options.signal]) : deadline;
  let url = checkUrl(raw);
  try {
    for (let redirects = 0; ; redirects++) {
      const res = await requestOnce(url, options, signal);
      const status = res.statusCode ?? 0;
      if (REDIRECTS.has(status)) {
        res.destroy();
        const location = res.headers.location;
        if (!location) throw new FetchRefused('status');
        if (redirects >= options.limits.maxRedirects) throw new FetchRefused('too_many_redirects');
        url = checkUrl(location, url);
        continue;
      }
      if (status < 200 || status > 299) {
        res.destroy();
        throw new FetchRefused(status >= 500 || status === 429 ? 'server_error' : 'status');
      }
      const { mediaType, charset } = contentType(res);
      if (!options.accept(mediaType)) {
        res.destroy();
        throw new FetchRefused('content_type');
      }
      const { body, truncated } = await readCapped(res, options);
      return { url, mediaType, charset, body, truncated };
    }
  } catch (err) {
    throw failureOf(err, signal);
  }
}
