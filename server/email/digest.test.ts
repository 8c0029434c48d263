import { describe, expect, it } from 'vitest';
import { digestMessage, EXCERPT_CHARS, excerpt } from './digest.ts';

const content = {
  name: 'Ana <b>&</b>',
  posts: [{ authorName: 'Bo "Quotes"', text: '<script>alert(1)</script> hello', reactions: 2, comments: 0, link: 'https://r.example/posts/1?a=1&b=2' }],
  invitations: { count: 3, link: 'https://r.example/network' },
  people: [{ name: 'Cy <i>', reason: null, link: 'https://r.example/in/cy' }],
  homeLink: 'https://r.example/',
  unsubscribeLink: 'https://r.example/unsubscribe?token=un_x&kind=digest',
};

describe('the digest email', () => {
  it('quotes a post briefly, on one line, cut at a word', () => {
    expect(excerpt('short\n\ntext')).toBe('short text');
    const long = `${'word '.repeat(60)}end`;
    const cut = excerpt(long);
    expect([...cut].length).toBeLessThanOrEqual(EXCERPT_CHARS + 1);
    expect(cut).toMatch(/word…$/);
  });

  it('escapes everything it interpolates in the HTML part and keeps the text part as written', () => {
    const m = digestMessage('en', content);
    expect(m.html).not.toMatch(/<script>|<b>&|<i>/);
    expect(m.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(m.html).toContain('href="https://r.example/posts/1?a=1&amp;b=2"');
    expect(m.text).toContain('Bo "Quotes": “<script>alert(1)</script> hello”');
    expect(m.text).toContain('2 reactions · 0 comments');
    expect(m.text).toContain('3 invitations are waiting for your answer.');
    expect(m.text).toContain('- Cy <i>\n  https://r.example/in/cy');
  });

  it('words it in Italian with plurals, and leaves out what there is none of', () => {
    const m = digestMessage('it', { ...content, posts: [], people: [], invitations: { count: 1, link: 'https://r.example/network' } });
    expect(m.subject).toBe('La tua settimana su Rapport');
    expect(m.text).toContain('1 invito aspetta la tua risposta.');
    expect(m.text).not.toContain('I post più seguiti');
    expect(m.text).not.toContain('Persone che potresti conoscere');
    expect(m.text).toContain('https://r.example/unsubscribe?token=un_x&kind=digest');
  });
});
