import { connect } from 'node:net';
import Fastify from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Member, signUp } from '../test/client.ts';
import { describeEachEngine } from '../test/engines.ts';
import { frameworkErrors, registerProblemHandler } from './problem.ts';

/** Sends raw bytes to a listening server and returns everything it writes back before closing. */
function rawRequest(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('utf8')));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
    socket.setTimeout(5000, () => socket.destroy(new Error(`no answer to ${JSON.stringify(bytes.slice(0, 40))}`)));
  });
}

/** The status, headers and problem body of a raw HTTP answer. */
function parseAnswer(answer: string) {
  const [head = '', body = ''] = answer.split('\r\n\r\n');
  const [statusLine = '', ...headerLines] = head.split('\r\n');
  const headers = Object.fromEntries(headerLines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
  return { status: Number(statusLine.split(' ')[1]), headers, body: JSON.parse(body) as { code: string; status: number } };
}

describeEachEngine('every error the server answers is problem+json', (get) => {
  let m: Member;
  beforeAll(async () => {
    m = await signUp(get().app, 'Problem Member');
  });

  const expectProblem = (res: { statusCode: number; headers: Record<string, unknown>; json: () => { code: string } }, status: number, code: string) => {
    expect(res.statusCode).toBe(status);
    expect(String(res.headers['content-type'])).toContain('application/problem+json');
    expect(res.json().code).toBe(code);
    expect(res.headers['cache-control']).toMatch(/no-store/);
  };

  describe("errors the router meets before any route runs (Fastify's frameworkErrors)", () => {
    it('bad percent-encoding in the path', async () => {
      expectProblem(await m.call('GET', '/api/v1/members/%E0%A4%A'), 400, 'invalid_url');
      expectProblem(await m.call('GET', '/api/v1/members/%ED%A0%80/follow'), 400, 'invalid_url');
    });

    it('a path parameter past the router’s length limit', async () => {
      // With the web app built, the router hands such a path to the app's catch-all route instead (a 404
      // not_found); without it, to frameworkErrors (414). Either way: problem+json with a code.
      const res = await m.call('GET', `/api/v1/members/${'a'.repeat(150)}`);
      expect([404, 414]).toContain(res.statusCode);
      expect(String(res.headers['content-type'])).toContain('application/problem+json');
      expect(['not_found', 'uri_too_long']).toContain(res.json().code);
    });
  });

  describe('uploads that are cut short or are not multipart', () => {
    const upload = (contentType: string, payload: string) =>
      get().app.inject({ method: 'PUT', url: '/api/v1/me/photo', headers: { cookie: m.cookie, 'x-csrf-token': m.csrf, 'content-type': contentType }, payload });

    it('a body that ends in the middle of the file', async () => {
      const truncated = '--XB\r\nContent-Disposition: form-data; name="photo"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n';
      expectProblem(await upload('multipart/form-data; boundary=XB', truncated), 400, 'invalid_upload');
    });

    it('multipart without a boundary', async () => {
      expectProblem(await upload('multipart/form-data', '--XB\r\n'), 400, 'invalid_upload');
    });

    it('a form field instead of a file', async () => {
      expectProblem(await upload('multipart/form-data; boundary=XB', '--XB\r\nContent-Disposition: form-data; name="photo"\r\n\r\nhello\r\n--XB--\r\n'), 400, 'invalid_upload');
    });

    it('JSON instead of multipart', async () => {
      expectProblem(await m.call('PUT', '/api/v1/me/photo', { photo: 'x' }), 415, 'multipart_required');
    });

    it('a malformed Content-Type', async () => {
      expectProblem(await upload('/', 'x'), 415, 'unsupported_media_type');
    });
  });

  describe("requests Node's HTTP parser refuses, answered on the socket", () => {
    let port = 0;
    // The suite's app (closed, listener and all, by describeEachEngine) also listens for these.
    beforeAll(async () => {
      await get().app.listen({ port: 0, host: '127.0.0.1' });
      const address = get().app.server.address();
      port = typeof address === 'object' && address ? address.port : 0;
    });

    it.each([
      ['a space in the path', 'GET /api/v1/me and more HTTP/1.1\r\nHost: x\r\n\r\n', 400, 'bad_request'],
      ['a control character in the path', 'GET /api/v1/me\x01 HTTP/1.1\r\nHost: x\r\n\r\n', 400, 'bad_request'],
      ['a header line without a colon', 'GET /api/v1/me HTTP/1.1\r\nHost: x\r\nnot a header\r\n\r\n', 400, 'bad_request'],
      ['headers past the size limit', `GET /api/v1/me HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, 431, 'headers_too_large'],
    ])('%s', async (_what, bytes, status, code) => {
      const answer = parseAnswer(await rawRequest(port, bytes));
      expect(answer.status).toBe(status);
      expect(answer.headers['content-type']).toContain('application/problem+json');
      expect(answer.body).toMatchObject({ status, code });
    });

    it('a raw < in the path reaches the route and is refused by its schema', async () => {
      const answer = parseAnswer(await rawRequest(port, `GET /api/v1/members/<script> HTTP/1.1\r\nHost: x\r\nCookie: ${m.cookie}\r\nConnection: close\r\n\r\n`));
      expect(answer.status).toBe(400);
      expect(answer.headers['content-type']).toContain('application/problem+json');
      expect(answer.body.code).toBe('validation_failed');
    });
  });
});

describe('frameworkErrors on its own', () => {
  it('answers a path parameter past maxParamLength with 414 uri_too_long', async () => {
    const app = Fastify({ frameworkErrors });
    registerProblemHandler(app);
    app.get('/api/v1/members/:handle', async () => ({ ok: true }));
    const res = await app.inject({ url: `/api/v1/members/${'a'.repeat(150)}` });
    expect(res.statusCode).toBe(414);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 414, code: 'uri_too_long' });
    await app.close();
  });
});
