import { beforeAll, expect, it } from 'vitest';
import { LIMITS } from '../../common/limits.ts';
import { type Member, STRONG_PASSWORD, signUp } from './client.ts';
import { describeEachEngine } from './engines.ts';

const RLO = '\u202E';
const PDF = '\u202C';
const RLM = '\u200F';

/**
 * Names that spoof or vanish: every text a member writes refuses direction overrides and lone surrogates,
 * names need something visible, and what is stored is NFC. The field-by-field rules are unit-tested in
 * common/text.test.ts; this checks that each route applies them.
 */
describeEachEngine('display text', (get) => {
  let ana: Member;
  let ben: Member;
  beforeAll(async () => {
    ana = await signUp(get().app, 'Ana Text');
    ben = await signUp(get().app, 'Ben Text');
  });

  const signup = (name: string, headers: Record<string, string> = {}) =>
    get().app.inject({
      method: 'POST',
      url: '/api/v1/auth/signup',
      headers,
      payload: { email: `t${Math.random().toString(36).slice(2)}@example.com`, password: STRONG_PASSWORD, name },
    });

  type FieldError = { path: string; message: string; code: string; params?: Record<string, unknown> };
  const fieldErrors = (res: { statusCode: number; json: () => unknown }): FieldError[] => {
    expect(res.statusCode).toBe(400);
    const body = res.json() as { code: string; errors: FieldError[] };
    expect(body.code).toBe('validation_failed');
    return body.errors;
  };
  /** Refused with the field's message matching, and the rule's stable code (common/text.ts TextProblem). */
  const expectRefused = (res: { statusCode: number; json: () => unknown }, path: string, message: RegExp, code = expect.stringMatching(/^text_/)) => {
    expect(fieldErrors(res)).toContainEqual(expect.objectContaining({ path, message: expect.stringMatching(message), code }));
  };

  it('refuses a sign-up name with a direction override, saying why', async () => {
    expectRefused(await signup(`Ana${RLO}tcennoc ot${PDF}`), 'body.name', /^must not contain characters that change the direction of text$/, 'text_direction');
    expectRefused(await signup(`\u2067Ana\u2069`), 'body.name', /direction/);
    expectRefused(await signup(`Ana${RLM}`), 'body.name', /direction/);
  });

  it('refuses an invisible name made of zero-width or combining characters', async () => {
    for (const name of ['\u200B\u200B\u200B', '\u200D', '\u2060\uFEFF', '\u0301\u0301', '\u3164']) {
      expectRefused(await signup(name), 'body.name', /^must contain visible characters$/, 'text_invisible');
    }
    expectRefused(await get().app.inject({ method: 'PATCH', url: '/api/v1/me/profile', headers: { cookie: ana.cookie, 'x-csrf-token': ana.csrf }, payload: { name: '\u200B' } }), 'body.name', /visible/);
  });

  it('refuses a lone surrogate sent as a JSON escape', async () => {
    const res = await get().app.inject({
      method: 'POST',
      url: '/api/v1/auth/signup',
      headers: { 'content-type': 'application/json' },
      payload: `{"email":"surrogate@example.com","password":"${STRONG_PASSWORD}","name":"Ana \\ud800"}`,
    });
    expectRefused(res, 'body.name', /Unicode/);
    expectRefused(await ana.call('PATCH', '/api/v1/me/profile', { about: 'x\uDC00' }), 'body.about', /Unicode/);
  });

  it('says why in the reader’s language, with the same stable code', async () => {
    const italian = { 'accept-language': 'it-IT,it;q=0.9' };
    expect(fieldErrors(await signup(`Ana${RLO}tcennoc ot${PDF}`, italian))).toEqual([
      { path: 'body.name', code: 'text_direction', message: 'non deve contenere caratteri che cambiano la direzione del testo' },
    ]);
    expect(fieldErrors(await signup('\u200B\u200B', italian))).toEqual([{ path: 'body.name', code: 'text_invisible', message: 'deve contenere caratteri visibili' }]);
    expect(fieldErrors(await signup('Ana \ud800', italian))).toEqual([{ path: 'body.name', code: 'text_unicode', message: 'deve essere un testo Unicode valido' }]);
    // A member's own setting wins over the browser's, as for every problem.
    expect((await ben.call('PATCH', '/api/v1/me/profile', { locale: 'it' })).statusCode).toBe(200);
    expectRefused(await ben.call('PATCH', '/api/v1/me/profile', { location: 'Oslo\nBergen' }), 'body.location', /^deve stare su una sola riga/, 'text_one_line');
    expectRefused(await ben.call('PATCH', '/api/v1/me/profile', { about: 'x\u0007' }), 'body.about', /^non deve contenere caratteri di controllo$/, 'text_control');
    expectRefused(await ben.call('PATCH', '/api/v1/me/profile', { headline: `Z${'\u0300'.repeat(20)}` }), 'body.headline', /segni diacritici/, 'text_marks');
    expect((await ben.call('PATCH', '/api/v1/me/profile', { locale: null })).statusCode).toBe(200);
  });

  it('counts the limit on what is stored, and says it with the limit in either language', async () => {
    // U+FB2C is one character sent and three stored (NFC): 40 of them fit the limit of 100 only as sent.
    const lengthening = '\uFB2C'.repeat(40);
    const tooLong = { path: 'body.name', code: 'too_big', params: { origin: 'string', maximum: LIMITS.nameMax } };
    expect(fieldErrors(await signup(lengthening))).toEqual([{ ...tooLong, message: `must be at most ${LIMITS.nameMax} characters` }]);
    expect(fieldErrors(await signup(lengthening, { 'accept-language': 'it' }))).toEqual([{ ...tooLong, message: `deve contenere al massimo ${LIMITS.nameMax} caratteri` }]);
    expect(fieldErrors(await signup('x'.repeat(LIMITS.nameMax + 1), { 'accept-language': 'it' }))).toEqual([
      { ...tooLong, message: `deve contenere al massimo ${LIMITS.nameMax} caratteri` },
    ]);
  });

  it('stores names in NFC, so a decomposed accent equals the composed one', async () => {
    const res = await signup('Zoe\u0308 Nguye\u0302\u0303n');
    expect(res.statusCode).toBe(201);
    const handle = res.json<{ handle: string }>().handle;
    const profile = (await ana.call('GET', `/api/v1/members/${handle}`)).json<{ name: string }>();
    expect(profile.name).toBe('Zoë Nguyễn');
    expect(profile.name).toBe(profile.name.normalize('NFC'));
  });

  it('applies the rules to every profile text, with direction marks kept only in free text', async () => {
    const patch = (body: unknown) => ana.call('PATCH', '/api/v1/me/profile', body);
    expectRefused(await patch({ name: `Ana${RLO}x` }), 'body.name', /direction/);
    expectRefused(await patch({ headline: `CEO${RLM}` }), 'body.headline', /direction/);
    expectRefused(await patch({ location: 'Oslo\nBergen' }), 'body.location', /one line/);
    expectRefused(await patch({ about: `Hello ${RLO}dlrow` }), 'body.about', /direction/);
    expectRefused(await patch({ skills: ['Go', '\u200B'] }), 'body.skills.1', /visible/);
    expectRefused(
      await patch({ experience: [{ organisation: `Acme${RLO}`, title: 'Engineer', startDate: '2020-01' }] }),
      'body.experience.0.organisation',
      /direction/,
    );
    expectRefused(await patch({ education: [{ school: '\u200B\u200C' }] }), 'body.education.0.school', /visible/);
    expectRefused(await patch({ links: [{ label: `\u2066x`, url: 'https://example.com' }] }), 'body.links.0.label', /direction/);
    // Free text may keep the implicit marks a writer of mixed right-to-left prose needs.
    const ok = await patch({ about: `שלום${RLM} (hello), and line two\nhere` });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().profile.about).toBe(`שלום${RLM} (hello), and line two\nhere`);
  });

  it('applies the rules to token names, invitation notes, thread messages and reports', async () => {
    expectRefused(await ana.call('POST', '/api/v1/me/tokens', { name: `ci${RLO}` }), 'body.name', /direction/);
    expectRefused(await ana.call('POST', '/api/v1/me/tokens', { name: '\u200B' }), 'body.name', /visible/);
    expectRefused(await ana.call('POST', '/api/v1/invitations', { to: ben.handle, note: `Hi ${RLO}emoc` }), 'body.note', /direction/);
    expectRefused(await ana.call('POST', '/api/v1/invitations/1/messages', { body: '\u200B\u200B' }), 'body.body', /visible/);
    expectRefused(await ana.call('POST', '/api/v1/invitations/1/messages', { body: `x${RLO}` }), 'body.body', /direction/);
    expectRefused(await ana.call('POST', '/api/v1/reports', { member: ben.handle, reason: 'spam', details: `\u2068x` }), 'body.details', /direction/);
  });
});
