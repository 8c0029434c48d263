import { describe, expect, it } from 'vitest';
import { matchKey, slugify } from './text.ts';

describe('matchKey', () => {
  it('ignores case, accents and spacing', () => {
    expect(matchKey('  Société   Générale ')).toBe('societe generale');
    expect(matchKey('ACME-Corp.')).toBe(matchKey('acme corp'));
    expect(matchKey('Łódź')).not.toBe('');
  });
});

describe('slugify', () => {
  it('makes URL-safe handles and falls back when nothing Latin is left', () => {
    expect(slugify('Siobhán Ní Bhriain')).toBe('siobhan-ni-bhriain');
    expect(slugify('李伟')).toBe('member');
    expect(slugify('a'.repeat(80))).toHaveLength(40);
    expect(slugify('Jean-Luc  Picard!')).toMatch(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/);
  });
});
