import { testI18n } from '../../i18n/test-i18n.ts';
import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, Trans } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../i18n/resources/en/network.ts';
import it_ from '../../i18n/resources/it/network.ts';

const { i18n, ready } = testI18n({ network: { en, it: it_ } });
beforeAll(() => ready);

const render = (lng: string, key: 'invitation.done.accept' | 'howYouMet.invited', values: Record<string, string>) => {
  const t = i18n.getFixedT(lng, 'network');
  // Plain createElement: the unit suite runs *.test.ts files.
  const sentence = h(Trans, { t, i18nKey: key, values, components: { bdi: h('bdi'), time: h('time', null, 'then') } });
  return renderToStaticMarkup(h(I18nextProvider, { i18n }, sentence));
};

describe('sentences with names', () => {
  it('isolates each name in its own <bdi>, in both languages', () => {
    expect(render('en', 'invitation.done.accept', { name: 'Ana Ruiz' })).toBe('You are now connected with <bdi>Ana Ruiz</bdi>.');
    expect(render('it', 'invitation.done.accept', { name: 'Ana Ruiz' })).toBe('Ora <bdi>Ana Ruiz</bdi> è tra i tuoi collegamenti.');
    expect(render('en', 'howYouMet.invited', { from: 'Bo', to: 'Li' })).toBe('<bdi>Bo</bdi> invited <bdi>Li</bdi> <time>then</time>.');
  });

  it('shows a name that looks like markup as text', () => {
    expect(render('en', 'invitation.done.accept', { name: '<img src=x onerror=alert(1)>' })).toBe(
      'You are now connected with <bdi>&lt;img src=x onerror=alert(1)&gt;</bdi>.',
    );
  });
});
