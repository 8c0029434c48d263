import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { icuFormat } from '../i18n/icu-format.ts';
import { i18n } from '../i18n/i18n.ts';
import enCommon from '../i18n/resources/en/common.ts';
import enErrors from '../i18n/resources/en/errors.ts';
import itCommon from '../i18n/resources/it/common.ts';
import itErrors from '../i18n/resources/it/errors.ts';
import { ApiError, api } from './client.ts';

// The web's instance sets <html lang> on every change of language.
beforeAll(() => {
  vi.stubGlobal('document', { documentElement: { lang: '' } });
  return i18n.use(icuFormat).init({
    lng: 'it',
    resources: { en: { common: enCommon, errors: enErrors }, it: { common: itCommon, errors: itErrors } },
    ns: ['common'],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
  });
});
// Test files share modules and globals (vitest.config.ts, isolate: false): the stub goes with this file.
afterAll(() => {
  vi.unstubAllGlobals();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await i18n.changeLanguage('it');
});

it('keeps a code of the catalogue and calls any other unknown_error, keeping the message', () => {
  expect(new ApiError(409, { code: 'invitation_pending', title: 'You have already invited this member.' }).code).toBe('invitation_pending');
  const stranger = new ApiError(418, { code: 'teapot', title: 'Short and stout.' });
  expect(stranger.code).toBe('unknown_error');
  expect(stranger.message).toBe('Short and stout.');
  expect(new ApiError(0, {}, 'network_error').code).toBe('network_error');
});

describe('the words of an error', () => {
  const followSelf = (language: string | null) =>
    new ApiError(400, { code: 'follow_self', key: 'follow_self', title: 'You cannot follow yourself.', detail: 'Non puoi seguire te stesso.' }, 'unknown_error', language);

  it("are the server's detail when it is in the language shown, with no errors namespace needed", () => {
    expect(followSelf('it').needsErrorsNamespace).toBe(false);
    expect(followSelf('it').text).toBe('Non puoi seguire te stesso.');
  });

  it('come from the errors namespace by key and parameters when the detail is in another language, or its language is unknown', async () => {
    expect(followSelf(null).needsErrorsNamespace).toBe(true);
    await i18n.changeLanguage('en');
    expect(followSelf('it').needsErrorsNamespace).toBe(true);
    expect(followSelf('it').text).toBe('You cannot follow yourself.');
    const route = new ApiError(404, { code: 'not_found', key: 'not_found.route', params: { method: 'GET', path: '/x' }, detail: 'Nessun percorso per GET /x.' }, 'unknown_error', 'it');
    expect(route.text).toBe('No route for GET /x.');
  });

  it('are the web’s own (common) when the server was not reached or sent no code', () => {
    expect(new ApiError(0, { title: 'Could not reach the server.' }, 'network_error').text).toBe('Impossibile raggiungere il server. Controlla la connessione e riprova.');
    expect(new ApiError(502, { title: 'Bad Gateway' }, 'unknown_error', 'it').text).toBe('Si è verificato un errore.');
    expect(new ApiError(0, {}, 'network_error').needsErrorsNamespace).toBe(false);
  });
});

describe('api()', () => {
  const answer = (language: string) =>
    vi
      .spyOn(globalThis, 'fetch')
      .mockResolvedValue(new Response(JSON.stringify({ code: 'follow_self', key: 'follow_self', detail: 'Non puoi seguire te stesso.' }), { status: 400, headers: { 'content-language': language } }));

  it('loads the errors namespace on a failure only when the server’s words are not in the language shown', async () => {
    const load = vi.spyOn(i18n, 'loadNamespaces');
    answer('it');
    await expect(api('PUT', '/members/me/follow')).rejects.toMatchObject({ text: 'Non puoi seguire te stesso.' });
    expect(load).not.toHaveBeenCalled();
    await i18n.changeLanguage('en');
    answer('it');
    await expect(api('PUT', '/members/me/follow')).rejects.toMatchObject({ text: 'You cannot follow yourself.' });
    expect(load).toHaveBeenCalledWith('errors');
  });
});
