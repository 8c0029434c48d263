import { MantineProvider } from '@mantine/core';
import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { PostText } from './PostText.tsx';

// Plain createElement: the unit suite runs *.test.ts files.
const render = (text: string, mentions: string[] = []) =>
  renderToStaticMarkup(h(MantineProvider, null, h(MemoryRouter, null, h(PostText, { text, mentions: mentions.map((handle) => ({ handle })) }))));

/** The links of the markup, as [href, text]. */
const links = (html: string) => Array.from(html.matchAll(/<a [^>]*href="([^"]*)"[^>]*>([^<]*)<\/a>/g), (m) => [m[1], m[2]]);

describe('PostText', () => {
  it('links the mentions the server resolved to their profile and every topic to its page', () => {
    const html = render('Thanks @ana-ruiz and @nobody for #TypeScript tips', ['ana-ruiz']);
    expect(links(html)).toEqual([
      ['/in/ana-ruiz', '@ana-ruiz'],
      ['/topics/typescript', '#TypeScript'],
    ]);
    // An unresolved handle (unknown, or blocked) stays plain text.
    expect(html).toContain(' and @nobody for ');
  });

  it('keeps its own direction and line breaks', () => {
    const html = render('שלום\nsecond line');
    expect(html).toMatch(/<p [^>]*dir="auto"/);
    expect(html).toContain('white-space:pre-wrap');
    expect(html).toContain('שלום\nsecond line');
  });

  it('shows markup a member typed as text, never as elements', () => {
    const html = render('<img src=x onerror=alert(1)> #safe <a href="javascript:alert(1)">x</a>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; ');
    expect(html).toContain('&lt;a href=&quot;javascript:alert(1)&quot;&gt;x&lt;/a&gt;');
    expect(links(html)).toEqual([['/topics/safe', '#safe']]);
  });

  it('puts a topic in any script into its path encoded', () => {
    expect(links(render('#città'))).toEqual([['/topics/citt%C3%A0', '#città']]);
  });
});
