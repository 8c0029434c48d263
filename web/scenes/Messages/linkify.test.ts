import { MantineProvider } from '@mantine/core';
import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { linkify, safeHref } from './linkify.ts';
import { MessageText } from './MessageText.tsx';

const links = (text: string) => linkify(text).flatMap((p) => (p.kind === 'link' ? [[p.text, p.href]] : []));
// Plain createElement: the unit suite runs *.test.ts files.
const render = (text: string) => renderToStaticMarkup(h(MantineProvider, null, h(MessageText, { text })));

describe('linkify', () => {
  it('links http and https addresses, leaving the sentence around them as text', () => {
    const text = 'Slides: https://example.org/talk?id=1#s2 and http://example.com.';
    expect(links(text)).toEqual([
      ['https://example.org/talk?id=1#s2', 'https://example.org/talk?id=1#s2'],
      ['http://example.com', 'http://example.com/'],
    ]);
    expect(linkify(text).map((p) => p.text).join('')).toBe(text);
  });

  it('keeps a closing bracket only when the address opened one, and drops trailing punctuation', () => {
    expect(links('(see https://en.wikipedia.org/wiki/Rome_(city)).')).toEqual([['https://en.wikipedia.org/wiki/Rome_(city)', 'https://en.wikipedia.org/wiki/Rome_(city)']]);
    expect(links('Is it https://example.org/a?! Yes')).toEqual([['https://example.org/a', 'https://example.org/a']]);
  });

  it('never links another scheme, a bare domain, or an address glued to a word', () => {
    for (const text of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)//http://x', 'data:text/html,<b>x</b>', 'www.example.org', 'xhttps://example.org', 'https://', 'ftp://example.org']) {
      expect(links(text), text).toEqual(text === 'JaVaScRiPt:alert(1)//http://x' ? [['http://x', 'http://x/']] : []);
    }
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('https://exa mple.org')).toBeNull();
  });
});

describe('MessageText', () => {
  it('renders markup as text and links with rel="noopener noreferrer nofollow ugc" in a new tab', () => {
    const html = render('<img src=x onerror="alert(1)"> see https://example.org/a"onmouseover="x');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    expect(html).toMatch(/<a [^>]*href="https:\/\/example\.org\/a"[^>]*>/);
    expect(html).toMatch(/rel="noopener noreferrer nofollow ugc"/);
    expect(html).toMatch(/target="_blank"/);
  });
});
