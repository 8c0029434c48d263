import { connect } from 'node:net';
import Fastify from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Member, signUp } from '../test/client.ts';
import { describeEachEngine } from '../test/engines.ts';
import { DEADLINE_MESSAGE } from '../db/deadline-client.ts';
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
      expect(answer.headers['content-language']).toBe('en');
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

describe("the server's own troubles: a full disk, a slow database", () => {
  const errno = (code: string, message = code) => Object.assign(new Error(message), { code });
  const cases: [string, Error, number, string][] = [
    ['a full disk', errno('ENOSPC', 'ENOSPC: no space left on device, write'), 507, 'storage_full'],
    ['a disk quota', errno('EDQUOT'), 507, 'storage_full'],
    ["PostgreSQL's statement_timeout", errno('57014', 'canceling statement due to statement timeout'), 503, 'database_timeout'],
    ['no pooled connection in time', new Error('timeout exceeded when trying to connect'), 503, 'database_timeout'],
    ['no new connection in time', new Error('Connection terminated due to connection timeout'), 503, 'database_timeout'],
    ["the deadline client's give-up, wrapped as Drizzle does", new Error('Failed query: select 1', { cause: new Error(DEADLINE_MESSAGE) }), 503, 'database_timeout'],
  ];
  for (const [what, error, status, code] of cases) {
    it(`answers ${what} with ${status} ${code}`, async () => {
      const app = Fastify();
      registerProblemHandler(app);
      app.get('/fails', async () => {
        throw error;
      });
      const res = await app.inject({ url: '/fails', headers: { 'accept-language': 'it' } });
      expect(res.statusCode).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ status, code });
      expect(res.headers['content-language']).toBe('it');
      if (status === 503) expect(res.headers['retry-after']).toBe('5');
      await app.close();
    });
  }
});

describeEachEngine("a problem's detail is in the reader's language; its code, status and English title are not", (get) => {
  let english: Member;
  let italian: Member;
  beforeAll(async () => {
    english = await signUp(get().app, 'Problem English');
    italian = await signUp(get().app, 'Problem Italian');
    expect((await italian.call('PATCH', '/api/v1/me/profile', { locale: 'it' })).statusCode).toBe(200);
  });

  const as = (m: Member, method: 'GET' | 'PUT' | 'PATCH', url: string, headers: Record<string, string> = {}, payload?: object) =>
    get().app.inject({ method, url, headers: { cookie: m.cookie, 'x-csrf-token': m.csrf, ...headers }, ...(payload ? { payload } : {}) });

  it('a member whose setting is Italian reads Italian, whatever their browser asks for', async () => {
    const res = await as(italian, 'GET', '/api/v1/members/no-such-member', { 'accept-language': 'en' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'not_found', key: 'not_found.member', title: 'Member not found.', detail: 'Membro non trovato.' });
    // The web shows `detail` as it is only when it is showing the language the header names.
    expect(res.headers['content-language']).toBe('it');

    const self = await as(italian, 'PUT', `/api/v1/members/${italian.handle}/follow`);
    expect(self.statusCode).toBe(400);
    expect(self.json()).toMatchObject({ code: 'follow_self', title: 'You cannot follow yourself.', detail: 'Non puoi seguire te stesso.' });
  });

  it('a member without a setting reads the language of Accept-Language, else the community default', async () => {
    const it_ = await as(english, 'PUT', `/api/v1/members/${english.handle}/follow`, { 'accept-language': 'it-IT,it;q=0.9,en;q=0.5' });
    expect(it_.json()).toMatchObject({ status: 400, code: 'follow_self', detail: 'Non puoi seguire te stesso.' });
    expect(it_.headers['content-language']).toBe('it');
    const en = await as(english, 'PUT', `/api/v1/members/${english.handle}/follow`);
    expect(en.json()).toMatchObject({ status: 400, code: 'follow_self', detail: 'You cannot follow yourself.' });
    expect(en.headers['content-language']).toBe('en');
  });

  it('parameters travel with the detail, and a visitor reads the language of Accept-Language', async () => {
    const res = await as(english, 'GET', '/api/v1/nowhere', { 'accept-language': 'it' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({
      code: 'not_found',
      key: 'not_found.route',
      params: { method: 'GET', path: '/api/v1/nowhere' },
      title: 'No route for GET /api/v1/nowhere.',
      detail: 'Nessun percorso per GET /api/v1/nowhere.',
    });
    const signIn = await get().app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'accept-language': 'it' },
      payload: { email: 'nobody@example.com', password: 'not the password at all' },
    });
    expect(signIn.statusCode).toBe(401);
    expect(signIn.json()).toMatchObject({ code: 'invalid_credentials', detail: 'L’indirizzo email o la password non sono corretti.' });
  });

  it('field errors carry a stable code and a message in the reader language', async () => {
    const res = await as(italian, 'PATCH', '/api/v1/me/profile', {}, { headline: 'x'.repeat(5000), colour: 'red' });
    expect(res.statusCode).toBe(400);
    const body = res.json() as { code: string; detail: string; errors: { path: string; code: string; message: string }[] };
    expect(body.code).toBe('validation_failed');
    expect(body.detail).toBe('Alcuni campi non sono validi.');
    expect(body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'body.colour', code: 'unrecognized_keys', message: 'campo sconosciuto: colour' }),
      ]),
    );
    const english_ = await as(english, 'PATCH', '/api/v1/me/profile', {}, { colour: 'red' });
    expect(english_.json().errors).toEqual([expect.objectContaining({ path: 'body.colour', code: 'unrecognized_keys', message: 'unknown field: colour' })]);
  });

  it("a schema's own field codes are worded from the catalogue in both languages", async () => {
    const experience = [{ organisation: 'Acme', title: 'Engineer', startDate: '2021-04', endDate: '2020-01' }];
    const it_ = await as(italian, 'PATCH', '/api/v1/me/profile', {}, { experience });
    expect(it_.json().errors).toEqual([
      { path: 'body.experience.0.endDate', code: 'end_before_start', message: 'non può essere precedente alla data di inizio' },
    ]);
    const en = await as(english, 'PATCH', '/api/v1/me/profile', {}, { experience });
    expect(en.json().errors).toEqual([{ path: 'body.experience.0.endDate', code: 'end_before_start', message: 'must not be before the start date' }]);
    const rule = await as(italian, 'PUT', '/api/v1/me/screening', {}, { mode: 'selective', whoCanInvite: 'everyone', rules: [{ when: {}, then: 'accept' }], otherwise: 'inbox' });
    expect(rule.json().errors).toEqual([{ path: 'body.rules.0.when', code: 'rule_without_condition', message: 'una regola deve avere almeno una condizione' }]);
  });
});
