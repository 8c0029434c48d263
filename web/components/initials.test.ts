import { describe, expect, it } from 'vitest';
import { shorten } from './graphemes.ts';
import { initials } from './initials.ts';

/** True when the string holds a high or low surrogate without its partner. */
const brokenSurrogate = (s: string) => /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

describe('initials', () => {
  it('takes the first letters of the first and last words', () => {
    expect(initials('Ana María Ruiz')).toBe('AR');
    expect(initials('  zoë   nguyễn ')).toBe('ZN');
    expect(initials('Jean-Luc Picard')).toBe('JP');
  });

  it('never splits an emoji, a flag or a decomposed accent', () => {
    expect(initials('🦄 Zara Lee')).toBe('ZL');
    expect(initials('👩‍💻 Zoë')).toBe('Z');
    expect(initials('🇮🇹🇮🇹')).toBe('🇮🇹');
    expect(initials('😀')).toBe('😀');
    expect(initials('E\u0301mile Zola')).toBe('E\u0301Z');
    for (const name of ['🦄 Zara', '😀😀', '𝒜lice 𝒵', '🇮🇹 Italia', '👩‍💻']) {
      expect(brokenSurrogate(initials(name)), name).toBe(false);
    }
  });

  it('passes over words without a letter, and keeps one-word names to two characters', () => {
    expect(initials('(Ana) Ruiz')).toBe('AR');
    expect(initials('李伟')).toBe('李伟');
    expect(initials('Madonna')).toBe('MA');
    expect(initials('محمد علي')).toBe('مع');
  });
});

describe('shorten', () => {
  it('cuts by grapheme, so an emoji at the cut stays whole', () => {
    const note = `${'a'.repeat(79)}😀 and more`;
    expect(note.slice(0, 80)).toMatch(/\uD83D$/);
    expect(shorten(note, 80)).toBe(`${'a'.repeat(79)}😀…`);
    expect(brokenSurrogate(shorten(note, 80))).toBe(false);
    expect(shorten('short', 80)).toBe('short');
  });
});
