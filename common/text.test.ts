import { describe, expect, it } from 'vitest';
import { hasVisibleCharacters, matchKey, normaliseText, organisationKey, slugify, textProblemCode } from './text.ts';

describe('matchKey', () => {
  it('ignores case, accents and spacing', () => {
    expect(matchKey('  Société   Générale ')).toBe('societe generale');
    expect(matchKey('ACME-Corp.')).toBe(matchKey('acme corp'));
    expect(matchKey('Łódź')).not.toBe('');
  });
});

describe('organisationKey', () => {
  it('ignores case, accents, spacing and invisible characters', () => {
    expect(organisationKey('ÁCME  Corp')).toBe(organisationKey('acme corp'));
    expect(organisationKey('  Société\tGénérale ')).toBe('societe generale');
    expect(organisationKey('Acme\u200BCorp')).toBe(organisationKey('AcmeCorp'));
    // Composed and decomposed accents are one name.
    expect(organisationKey('Ca\u0301diz Labs')).toBe(organisationKey('Cádiz Labs'));
  });

  it('keeps symbols, so names that differ only in them stay apart', () => {
    expect(organisationKey('C++ Users Italy')).not.toBe(organisationKey('C# Users Italy'));
    expect(organisationKey('AT&T')).not.toBe(organisationKey('AT T'));
    expect(organisationKey('Yahoo!')).not.toBe(organisationKey('Yahoo'));
    expect(organisationKey('C++ Users Italy')).toBe('c++ users italy');
  });

  it('keeps the marks that change a word outside Latin, Greek and Cyrillic', () => {
    expect(organisationKey('मिल')).not.toBe(organisationKey('मील'));
    expect(organisationKey('Ἀθῆναι')).toBe(organisationKey('αθηναι'));
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

describe('textProblemCode', () => {
  it('accepts ordinary names in any script', () => {
    for (const name of ['Ana Ruiz', 'Siobhán Ní Bhriain', '李伟', 'محمد علي', 'שרה כהן', '👩‍💻 Zoë', 'Nguyễn Văn An', 'བསྒྲུབས']) {
      expect(textProblemCode(name, { line: true, required: true }), name).toBeNull();
    }
  });

  it('refuses direction overrides, embeddings and isolates everywhere', () => {
    for (const c of ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']) {
      expect(textProblemCode(`Ana${c}tcennoc`, { line: true })).toBe('text_direction');
      expect(textProblemCode(`About me ${c}x`)).toBe('text_direction');
    }
  });

  it('lets free text keep the implicit direction marks that one-line texts refuse', () => {
    for (const c of ['\u200E', '\u200F', '\u061C']) {
      expect(textProblemCode(`שלום${c} (Hello)`)).toBeNull();
      expect(textProblemCode(`Ana${c}`, { line: true })).toBe('text_direction');
    }
  });

  it('refuses lone surrogates in any text', () => {
    expect(textProblemCode('a\uD800b')).toBe('text_unicode');
    expect(textProblemCode('a\uDC00')).toBe('text_unicode');
    expect(textProblemCode('\uDC00\uD800')).toBe('text_unicode');
    expect(textProblemCode('😀')).toBeNull();
  });

  it('refuses control characters, and line breaks in one-line texts', () => {
    expect(textProblemCode('a\u0000b')).toBe('text_control');
    expect(textProblemCode('a\u001bb')).toBe('text_control');
    expect(textProblemCode('a\u009bb')).toBe('text_control');
    expect(textProblemCode('line one\nline two')).toBeNull();
    expect(textProblemCode('Ana\nRuiz', { line: true })).toBe('text_one_line');
    expect(textProblemCode('Ana\u2028Ruiz', { line: true })).toBe('text_one_line');
  });

  it('requires visible characters in required texts', () => {
    for (const blank of ['   ', '\u200B\u200B', '\u200C\u200D', '\u2060', '\uFEFF', '\u0301\u0301', '\u3164', '\u2800', '\u00AD', '\u3000']) {
      expect(textProblemCode(blank, { line: true, required: true }), JSON.stringify(blank)).toMatch(/^text_(empty|invisible)$/);
      expect(hasVisibleCharacters(blank)).toBe(false);
    }
    expect(textProblemCode('\u200B\u200B', { line: true, required: true })).toBe('text_invisible');
    expect(textProblemCode('  ', { line: true, required: true })).toBe('text_empty');
    expect(textProblemCode('\u200BAna', { line: true, required: true })).toBeNull();
  });

  it('refuses a pile of combining marks in one-line texts', () => {
    expect(textProblemCode(`Z${'\u0300'.repeat(20)}algo`, { line: true })).toBe('text_marks');
    expect(textProblemCode('Nguyễn', { line: true })).toBeNull();
  });

  it('refuses the replacement character only where the encoding must be strict', () => {
    expect(textProblemCode('a\uFFFDb', { strictEncoding: true })).toBe('text_utf8');
    expect(textProblemCode('a\uFFFDb')).toBeNull();
  });
});

describe('normaliseText', () => {
  it('composes to NFC and trims', () => {
    expect(normaliseText(' Zoe\u0308 ')).toBe('Zoë');
    expect(normaliseText('Zoe\u0308')).toHaveLength(3);
  });
});
