import { describe, expect, it } from 'vitest';
import { mentionedHandles, textPieces, topicsOf } from './post-text.ts';

describe('post text', () => {
  it('finds mentions by handle, once each, and not inside emails or URLs', () => {
    expect(mentionedHandles('Thanks @ana-ruiz and @li, @ana-ruiz again')).toEqual(['ana-ruiz', 'li']);
    expect(mentionedHandles('write to bo@example.com or see https://x.test/@bo')).toEqual([]);
    expect(mentionedHandles('(@bo) and @Bo and @-x')).toEqual(['bo']);
  });

  it('finds topics in any script, lower-cased, not inside URLs or entities', () => {
    expect(topicsOf('#Startup tips #città #startup')).toEqual(['startup', 'città']);
    expect(topicsOf('see https://x.test/page#anchor and a&#39;b and C#')).toEqual([]);
  });

  it('caps how many it keeps', () => {
    const many = Array.from({ length: 30 }, (_, i) => `#t${i} @m${i}`).join(' ');
    expect(topicsOf(many)).toHaveLength(10);
    expect(mentionedHandles(many)).toHaveLength(20);
  });

  it('links only resolved mentions and keeps every other character as text', () => {
    const text = 'Hi @ana and @ghost, <b>#Go</b>!';
    const pieces = textPieces(text, new Set(['ana']));
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    expect(pieces.filter((p) => p.kind !== 'text')).toEqual([
      { kind: 'mention', text: '@ana', handle: 'ana' },
      { kind: 'topic', text: '#Go', topic: 'go' },
    ]);
  });
});
