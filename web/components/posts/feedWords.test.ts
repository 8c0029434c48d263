import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, Trans } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../i18n/resources/en/feed.ts';
import it_ from '../../i18n/resources/it/feed.ts';
import { testI18n } from '../../i18n/test-i18n.ts';
import { proofWords } from './SocialProof.tsx';

const { i18n, ready } = testI18n({ feed: { en, it: it_ } });
beforeAll(() => ready);

const say = (lng: string, key: string, values: Record<string, unknown>) => (i18n.getFixedT(lng, 'feed') as unknown as (k: string, v: object) => string)(key, values);

const sentence = (lng: string, key: `post.proof.${'reacted' | 'commented' | 'both'}` | 'post.reposted', values: Record<string, unknown>) =>
  renderToStaticMarkup(h(I18nextProvider, { i18n }, h(Trans, { t: i18n.getFixedT(lng, 'feed'), i18nKey: key, values, components: { bdi: h('bdi') } })));

describe('the feed’s words', () => {
  it('counts comments and reactions with the language’s plurals', () => {
    expect([1, 14].map((count) => say('en', 'post.comments', { count }))).toEqual(['1 comment', '14 comments']);
    expect([1, 14].map((count) => say('it', 'post.comments', { count }))).toEqual(['1 commento', '14 commenti']);
    expect(say('it', 'reactions.byKind', { kind: 'Consiglia', count: 1200 })).toBe('Consiglia: 1200');
    expect(say('en', 'reactions.countLabel', { count: 1 })).toBe('1 reaction: see who reacted');
  });

  it('formats the character count as a number of the language', () => {
    expect(say('en', 'composer.count', { length: 1234, max: 3000 })).toBe('1,234/3,000 characters');
    // Italian groups thousands from five digits on (CLDR's minimum grouping): 3000, but 12.345.
    expect(say('it', 'composer.count', { length: 12345, max: 3000 })).toBe('12.345/3000 caratteri');
    expect(say('it', 'composer.tooLong', { count: 1 })).toBe('1 carattere oltre il limite');
  });

  it('says who from the network engaged, and how, each name in its own <bdi>', () => {
    const card = (name: string) => ({ id: 1, handle: 'h', name, headline: '', location: null, photoUrl: null, degree: 1 as const, mutualCount: 0 });
    const words = (names: string[], total: number) => proofWords({ people: names.map(card), total, action: 'reacted' });
    expect(sentence('en', 'post.proof.reacted', words(['Ana Ruiz'], 1))).toBe('<bdi>Ana Ruiz</bdi> reacted');
    expect(sentence('en', 'post.proof.reacted', words(['Ana Ruiz'], 4))).toBe('<bdi>Ana Ruiz</bdi> and 3 others from your network reacted');
    expect(sentence('en', 'post.proof.commented', words(['Ana Ruiz', 'Li Wei'], 2))).toBe('<bdi>Ana Ruiz</bdi> and <bdi>Li Wei</bdi> commented');
    expect(sentence('en', 'post.proof.both', words(['Ana Ruiz', 'Li Wei'], 3))).toBe('<bdi>Ana Ruiz</bdi>, <bdi>Li Wei</bdi> and 1 other from your network reacted or commented');
    expect(sentence('en', 'post.proof.both', words(['Ana Ruiz'], 1))).toBe('<bdi>Ana Ruiz</bdi> reacted and commented');
    expect(sentence('it', 'post.proof.reacted', words(['Ana Ruiz'], 1))).toBe('<bdi>Ana Ruiz</bdi> ha reagito');
    expect(sentence('it', 'post.proof.reacted', words(['Ana Ruiz'], 2))).toBe('<bdi>Ana Ruiz</bdi> e un’altra persona della tua rete hanno reagito');
    expect(sentence('it', 'post.proof.commented', words(['سارا', 'Li Wei'], 14))).toBe('<bdi>سارا</bdi>, <bdi>Li Wei</bdi> e altre 12 persone della tua rete hanno commentato');
  });

  it('offers the new posts with the language’s plurals', () => {
    expect([1, 3].map((count) => say('en', 'home.newPosts', { count }))).toEqual(['Show 1 new post', 'Show 3 new posts']);
    expect([1, 3].map((count) => say('it', 'home.newPosts', { count }))).toEqual(['Mostra 1 nuovo post', 'Mostra 3 nuovi post']);
  });

  it('shows a name that looks like markup as text', () => {
    expect(sentence('en', 'post.reposted', { name: '<img src=x onerror=alert(1)>' })).toBe('<bdi>&lt;img src=x onerror=alert(1)&gt;</bdi> reposted this');
  });

  it('words images with the language’s plurals', () => {
    expect(say('en', 'post.images.label', { count: 1, name: 'Ana' })).toBe('1 image in the post by Ana');
    expect(say('it', 'post.images.label', { count: 3, name: 'Ana' })).toBe('3 immagini nel post di Ana');
    expect(say('en', 'composer.images.dropped', { count: 2, max: 4 })).toBe('2 images were not added: a post can have at most 4.');
    expect(say('it', 'composer.images.dropped', { count: 1, max: 4 })).toBe('1 immagine non è stata aggiunta: un post può averne al massimo 4.');
    expect(say('it', 'composer.images.hint', { max: 4, megabytes: 10 })).toBe('Fino a 4 immagini: JPEG, PNG, WebP o GIF, 10 MB ciascuna.');
  });
});
