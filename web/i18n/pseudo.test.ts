import IntlMessageFormat from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { accent, pseudoMessage, pseudoResources } from './pseudo.ts';

/** Formats a message the way i18next-icu does (tags left as text). */
const format = (message: string, values: Record<string, unknown> = {}) =>
  String(new IntlMessageFormat(message, 'en', undefined, { ignoreTag: true }).format(values));

describe('the pseudo-locale', () => {
  it('accents every letter, brackets the message and pads it by about 40%', () => {
    expect(pseudoMessage('Sign in')).toBe('[Šîĝñ îñ ~~~]');
    const long = format(pseudoMessage('Build relationships that matter in your community.'));
    expect(long).toMatch(/^\[Ɓûîļð ŕéļáţîöñšĥîþš ţĥáţ ɱáţţéŕ îñ ýöûŕ çöɱɱûñîţý\. ~+\]$/);
    expect(long.length / 'Build relationships that matter in your community.'.length).toBeGreaterThanOrEqual(1.4);
    expect(long).not.toMatch(/[A-Za-z]/);
  });

  it('leaves arguments, numbers and <Trans> placeholders intact', () => {
    expect(format(pseudoMessage('Account menu for {name}'), { name: 'Anna Rossi' })).toMatch(/^\[Áççöûñţ ɱéñû ƒöŕ Anna Rossi ~+\]$/);
    expect(format(pseudoMessage('At least {min} characters'), { min: 12 })).toContain(' 12 ');
    expect(pseudoMessage('Read <0>the rules</0> or <strong>{name}</strong>')).toContain('<0>ţĥé ŕûļéš</0>');
    expect(pseudoMessage('Read <0>the rules</0> or <strong>{name}</strong>')).toContain('<strong>{name}</strong>');
  });

  it('leaves the product name as it is, so a label naming it still contains what is shown', () => {
    expect(format(pseudoMessage('Rapport home'))).toMatch(/^\[Rapport ĥöɱé ~+\]$/);
    expect(accent('Sign in · Rapport')).toBe('Šîĝñ îñ · Rapport');
    expect(accent('Rapporteur')).toBe('Ŕáþþöŕţéûŕ');
  });

  it('transforms the branches of plurals and selects, keeping # and the selectors', () => {
    const message = pseudoMessage('{count, plural, one {# pending invitation} other {# pending invitations}}');
    expect(format(message, { count: 1 })).toBe('[1 þéñðîñĝ îñṽîţáţîöñ ~~~~~~~~]');
    expect(format(message, { count: 1200 })).toMatch(/^\[1,200 þéñðîñĝ îñṽîţáţîöñš ~+\]$/);
    const select = pseudoMessage('{kind, select, person {Person} other {Team}}');
    expect(format(select, { kind: 'person' })).toMatch(/^\[Þéŕšöñ ~+\]$/);
  });

  it('keeps ICU escapes and apostrophes valid', () => {
    expect(format(pseudoMessage("It's '{'literal'}' text"))).toMatch(/^\[Îţ'š \{ļîţéŕáļ\} ţéẋţ ~+\]$/);
    expect(format(pseudoMessage("'#' in {n, plural, other {'#' # '{x}'}}"), { n: 3 })).toMatch(/^\['#' îñ # 3 \{ẋ\} ~+\]$/);
    expect(format(pseudoMessage("{n, selectordinal, one {#st} other {#th}} {d, date, short} {v, number, ::percent}"), { n: 2, d: 0, v: 0.5 })).toMatch(
      /^\[2ţĥ .+ 50% ~+\]$/,
    );
  });

  it('maps a namespace, keys unchanged, and leaves empty and broken messages alone', () => {
    expect(pseudoResources({ a: 'Save', b: { c: '' }, d: '{broken' })).toEqual({ a: '[Šáṽé ~~]', b: { c: '' }, d: '{broken' });
    expect(accent('Zz <br/> Aa')).toBe('Žž <br/> Áá');
    // The product's name is never translated, so the logo's visible "Rapport" stays within its spoken name.
    expect(pseudoMessage('Rapport home')).toBe('[Rapport ĥöɱé ~~~~~]');
  });
});
