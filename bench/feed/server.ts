/**
 * A JSON request with a bearer token to the real server (bench/http-server.ts starts it): the feed
 * benchmark's writes (posts, messages) go through it.
 */
import http from 'node:http';

/** One JSON request with a bearer token; resolves with status, body and milliseconds. */
export function request(
  port: number,
  method: string,
  path: string,
  token: string,
  agent: http.Agent,
  body?: unknown,
): Promise<{ status: number; body: string; ms: number }> {
  const t0 = performance.now();
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path,
        method,
        agent,
        headers: { authorization: `Bearer ${token}`, ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, ms: performance.now() - t0 }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
