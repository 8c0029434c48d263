import { describe, expect, it } from 'vitest';
import { firstLinkOf } from '../../common/post-text.ts';
import { cleanText, decodePage, readPageMeta } from './meta.ts';

const base = new URL('https://example.com/articles/one');

describe('reading a page preview', () => {
  it('prefers Open Graph, then Twitter card tags, then the title, meta description and canonical link', () => {
    const og = readPageMeta(
      `<html><head><title>Plain</title><meta name="twitter:title" content="Card">
        <meta property="og:title" content="Open &amp; Graph"><meta property="og:description" content="Words">
        <meta property="og:site_name" content="Example"><meta property="og:image" content="/img/a.png">
        <meta property="og:url" content="https://example.com/canonical"></head></html>`,
      base,
    );
    expect(og).toEqual({
      title: 'Open & Graph',
      description: 'Words',
      siteName: 'Example',
      canonicalUrl: 'https://example.com/canonical',
      imageUrl: 'https://example.com/img/a.png',
    });
    const card = readPageMeta(`<title>Plain</title><meta name="twitter:title" content="Card"><meta name="twitter:image" content="https://cdn.example/i.jpg">`, base);
    expect(card.title).toBe('Card');
    expect(card.imageUrl).toBe('https://cdn.example/i.jpg');
    const plain = readPageMeta(`<title> Just   a\ntitle </title><meta name="description" content="Described"><link rel="canonical" href="/c">`, base);
    expect(plain).toMatchObject({ title: 'Just a title', description: 'Described', canonicalUrl: 'https://example.com/c', siteName: null, imageUrl: null });
  });

  it('survives malformed HTML and ignores an SVG title', () => {
    const broken = readPageMeta(
      `<html><head><svg><title>icon</title></svg><meta property="og:title" content="Still found"<meta content="x" property=og:description>
       <title>Unclosed <b>title</p></div></span><script>document.write("<meta property='og:image' content='javascript:alert(1)'>")</script>`,
      base,
    );
    expect(broken.title).toBe('Still found');
    expect(broken.imageUrl).toBeNull();
    expect(readPageMeta('', base).title).toBeNull();
    expect(readPageMeta('<<<>>>\u0000<meta', base).title).toBeNull();
  });

  it('keeps only http(s) URLs', () => {
    for (const image of ['javascript:alert(1)', 'data:image/png;base64,AAAA', 'file:///etc/passwd', 'http://user:pw@example.com/a.png']) {
      expect(readPageMeta(`<meta property="og:image" content="${image}">`, base).imageUrl).toBeNull();
    }
  });

  it('cleans texts to what Rapport stores: no controls or direction overrides, one line, cut with an ellipsis', () => {
    expect(cleanText('a\u0000b\u202Ec\u2066d\n\te\uFFFD', 100)).toBe('a b c d e');
    expect(cleanText('   ', 10)).toBeNull();
    expect(cleanText('x'.repeat(400), 300)).toHaveLength(300);
    expect(cleanText('😀'.repeat(10), 5)).toBe('😀😀😀😀…');
    const long = readPageMeta(`<meta property="og:title" content="${'t'.repeat(1000)}">`, base);
    expect(long.title!.endsWith('…')).toBe(true);
  });

  it('decodes by the charset sent, else the one declared, else UTF-8', () => {
    const latin = Buffer.from([0x3c, 0x74, 0x69, 0x74, 0x6c, 0x65, 0x3e, 0x43, 0x61, 0x66, 0xe9]); // <title>Café in windows-1252
    expect(decodePage(latin, 'windows-1252')).toContain('Café');
    expect(decodePage(Buffer.concat([Buffer.from('<meta charset="iso-8859-1">'), latin]), null)).toContain('Café');
    expect(decodePage(Buffer.from('<title>Caffè</title>'), 'no-such-charset')).toContain('Caffè');
  });
});

describe('the first link of a post', () => {
  it.each([
    ['Read https://example.com/a.', 'https://example.com/a'],
    ['(see https://en.wikipedia.org/wiki/Foo_(bar)) ok', 'https://en.wikipedia.org/wiki/Foo_(bar)'],
    ['(see https://example.com/x)', 'https://example.com/x'],
    ['two: http://one.example and https://two.example', 'http://one.example'],
    ['no link here, only example.com', null],
    ['http:// alone', null],
    ['mailto:ana@example.com', null],
    ['ftp://example.com/file', null],
    [`https://example.com/${'a'.repeat(600)} then https://ok.example`, 'https://ok.example'],
  ])('%s → %s', (text, expected) => {
    expect(firstLinkOf(text)).toBe(expected);
  });
});
