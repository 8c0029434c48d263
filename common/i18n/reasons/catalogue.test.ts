import { describe, expect, it } from 'vitest';
import { type ReasonCode, renderReason } from '../../reasons.ts';
import { renderReasonIn } from './catalogue.ts';
import { REASON_SAMPLES } from './samples.ts';

const samples = Object.entries(REASON_SAMPLES).flatMap(([code, list]) =>
  (list as [Record<string, string | number | string[]>, string, string][]).map(([params, en, it]) => ({ code, params, en, it })),
);
const render = (language: 'en' | 'it', code: string, params: Record<string, string | number | string[]>) =>
  renderReasonIn(language, { code, params, text: '(not worded)' });

describe('the reasons catalogue', () => {
  it.each(samples)('words $code $params in English as the server does, and in Italian', ({ code, params, en, it: italian }) => {
    expect(render('en', code, params)).toBe(en);
    expect(renderReason(code as ReasonCode, params as never)).toBe(en);
    expect(render('it', code, params)).toBe(italian);
  });

  it('leaves no ICU syntax in any Italian rendering', () => {
    for (const { params, it: italian } of samples) {
      // Braces a member typed (an operator's reason) are theirs to keep.
      const own = Object.values(params).filter((v): v is string => typeof v === 'string');
      const rest = own.reduce((text, value) => text.split(value).join(''), italian);
      expect(rest, italian).not.toMatch(/[{}#]|\bundefined\b|\bNaN\b/);
    }
  });

  it('counts 1 and 14 with the right plural in both languages', () => {
    expect(render('it', 'risk.mutuals', { count: 1 })).toBe('1 collegamento in comune');
    expect(render('it', 'risk.mutuals', { count: 14 })).toBe('14 collegamenti in comune');
    expect(render('en', 'risk.mutuals', { count: 1 })).toBe('1 mutual connection');
    expect(render('en', 'risk.mutuals', { count: 14 })).toBe('14 mutual connections');
    expect(render('it', 'risk.young_account', { days: 1 })).toBe('L’account esiste da 1 giorno');
    expect(render('it', 'notice.invitations_restricted', { days: 14, reason: 'Spam' })).toContain('per 14 giorni:');
  });

  it('joins names the way each language does, counting the others when there are more than the names', () => {
    expect(render('en', 'suggestion.mutual_connections', { count: 2, names: ['Ana', 'Li'] })).toBe('2 mutual connections: Ana and Li');
    expect(render('it', 'suggestion.mutual_connections', { count: 2, names: ['Ana', 'Li'] })).toBe('2 collegamenti in comune: Ana e Li');
    expect(render('en', 'suggestion.mutual_connections', { count: 14, names: ['Ana', 'Li'] })).toBe('14 mutual connections: Ana, Li and 12 others');
    expect(render('it', 'suggestion.mutual_connections', { count: 14, names: ['Ana', 'Li'] })).toBe('14 collegamenti in comune: Ana, Li e altri 12');
    expect(render('it', 'suggestion.mutual_connections', { count: 3, names: ['Ana', 'Li'] })).toBe('3 collegamenti in comune: Ana, Li e un altro');
    expect(render('en', 'notice.restrictions_lifted', { kinds: ['held', 'limited', 'invitations'], reason: 'ok' })).toBe(
      'An operator lifted the review hold on your account, the limits on new accounts and the restriction on your invitations. Reason: ok',
    );
    expect(render('it', 'cluster.similar_names', { examples: ['Ana1', 'Ana2', 'Ana3'] })).toBe('I loro nomi seguono uno stesso schema, per esempio «Ana1», «Ana2» e «Ana3».');
  });

  it('gives the fallback text for a code it does not know, a list item, or parameters its message cannot take', () => {
    expect(render('it', 'notice.from_the_future', { message: 'Hello' })).toBe('(not worded)');
    expect(render('it', 'toString', {})).toBe('(not worded)');
    expect(render('en', 'risk.constructor', {})).toBe('(not worded)');
    expect(render('en', 'words.quoted', { text: 'x' })).toBe('(not worded)');
    expect(render('it', 'risk.young_account', {})).toBe('(not worded)');
  });

  it('keeps years as written, never grouped as numbers', () => {
    expect(render('it', 'suggestion.same_school', { school: 'Bocconi', fromYear: 2019, toYear: 2021 })).toBe('Ha studiato presso Bocconi come te, 2019–2021');
  });
});
