import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderReasonWith } from '../../common/i18n/reasons/render.ts';
import { REASON_SAMPLES } from '../../common/i18n/reasons/samples.ts';
import { renderReason, type ReasonCode } from '../../common/reasons.ts';
import { icuFormat } from './icu-format.ts';
import { reasonsFormatter } from './reasons.ts';
import en from './resources/en/reasons.ts';
import italian from './resources/it/reasons.ts';

/** The web's i18next set up as web/i18n/i18n.ts sets it up, with the `reasons` namespace in both languages. */
const instance = i18next.createInstance();
beforeAll(() =>
  instance.use(icuFormat).init({
    lng: 'en',
    fallbackLng: 'en',
    resources: { en: { reasons: en }, it: { reasons: italian } },
    interpolation: { escapeValue: false },
    initAsync: false,
  }),
);

const samples = Object.entries(REASON_SAMPLES).flatMap(([code, list]) =>
  (list as [Record<string, string | number | string[]>, string, string][]).map(([params, english, it]) => ({ code, params, english, it })),
);
const render = (language: 'en' | 'it', code: string, params: Record<string, string | number | string[]>, text = '(server text)') =>
  renderReasonWith(reasonsFormatter(instance, language), language, { code, params, text });

describe('reasons on the web', () => {
  it.each(samples)('words $code $params as the server does in English, and in Italian', ({ code, params, english, it: inItalian }) => {
    expect(render('en', code, params)).toBe(renderReason(code as ReasonCode, params as never));
    expect(render('en', code, params)).toBe(english);
    expect(render('it', code, params)).toBe(inItalian);
  });

  it('shows the server’s text for a code it does not know, or parameters its message cannot take', () => {
    expect(render('it', 'notice.from_the_future', { message: 'Hello' }, 'Hello')).toBe('Hello');
    expect(render('it', 'toString', {}, 'toString')).toBe('toString');
    expect(render('it', 'risk.young_account', {}, 'The account is 3 days old')).toBe('The account is 3 days old');
  });

  it('names mutual connections as each language does', () => {
    expect(render('it', 'suggestion.mutual_connections', { count: 14, names: ['Ana', 'Li'] })).toBe('14 collegamenti in comune: Ana, Li e altri 12');
    expect(render('it', 'suggestion.mutual_connections', { count: 2, names: ['Ana', 'Li'] })).toBe('2 collegamenti in comune: Ana e Li');
    expect(render('en', 'suggestion.mutual_connections', { count: 1, names: ['Ana'] })).toBe('1 mutual connection: Ana');
  });
});
