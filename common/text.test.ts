import { describe, expect, it } from 'vitest';
import { hasVisibleCharacters, matchKey, normaliseText, organisationKey, slugify, TEXT_PROBLEM_ENGLISH, textProblem, textProblemCode } from './text.ts';

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

describe('textProblem', () => {
  it('accepts ordinary names in any script', () => {
    for (const name of ['Ana Ruiz', 'Siobhán Ní Bhriain', '李伟', 'محمد علي', 'שרה כהן', '👩‍💻 Zoë', 'Nguyễn Văn An', 'བསྒྲུབས']) {
      expect(textProblem(name, { line: true, required: true }), name).toBeNull();
    }
  });

  it('refuses direction overrides, embeddings and isolates everywhere', () => {
    for (const c of ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']) {
      expect(textProblem(`Ana${c}tcennoc`, { line: true })).toMatch(/direction/);
      expect(textProblem(`About me ${c}x`)).toMatch(/direction/);
    }
  });

  it('lets free text keep the implicit direction marks that one-line texts refuse', () => {
    for (const c of ['\u200E', '\u200F', '\u061C']) {
      expect(textProblem(`שלום${c} (Hello)`)).toBeNull();
      expect(textProblem(`Ana${c}`, { line: true })).toMatch(/direction/);
    }
  });

  it('refuses lone surrogates in any text', () => {
    expect(textProblem('a\uD800b')).toMatch(/Unicode/);
    expect(textProblem('a\uDC00')).toMatch(/Unicode/);
    expect(textProblem('\uDC00\uD800')).toMatch(/Unicode/);
    expect(textProblem('😀')).toBeNull();
  });

  it('refuses control characters, and line breaks in one-line texts', () => {
    expect(textProblem('a\u0000b')).toMatch(/control/);
    expect(textProblem('a\u001bb')).toMatch(/control/);
    expect(textProblem('a\u009bb')).toMatch(/control/);
    expect(textProblem('line one\nline two')).toBeNull();
    expect(textProblem('Ana\nRuiz', { line: true })).toMatch(/one line/);
    expect(textProblem('Ana\u2028Ruiz', { line: true })).toMatch(/one line/);
  });

  it('requires visible characters in required texts', () => {
    for (const blank of ['   ', '\u200B\u200B', '\u200C\u200D', '\u2060', '\uFEFF', '\u0301\u0301', '\u3164', '\u2800', '\u00AD', '\u3000']) {
      expect(textProblem(blank, { line: true, required: true }), JSON.stringify(blank)).toMatch(/^must (not be empty|contain visible characters)$/);
      expect(hasVisibleCharacters(blank)).toBe(false);
    }
    expect(textProblem('\u200B\u200B', { line: true, required: true })).toBe('must contain visible characters');
    expect(textProblem('  ', { line: true, required: true })).toBe('must not be empty');
    expect(textProblem('\u200BAna', { line: true, required: true })).toBeNull();
  });

  it('refuses a pile of combining marks in one-line texts', () => {
    expect(textProblem(`Z${'\u0300'.repeat(20)}algo`, { line: true })).toMatch(/combining/);
    expect(textProblem('Nguyễn', { line: true })).toBeNull();
  });

  it('refuses the replacement character only where the encoding must be strict', () => {
    expect(textProblem('a\uFFFDb', { strictEncoding: true })).toMatch(/UTF-8/);
    expect(textProblem('a\uFFFDb')).toBeNull();
  });
});

describe('normaliseText', () => {
  it('composes to NFC and trims', () => {
    expect(normaliseText(' Zoe\u0308 ')).toBe('Zoë');
    expect(normaliseText('Zoe\u0308')).toHaveLength(3);
  });
});

describe('textProblemCode', () => {
  it('names each problem by a stable code, which textProblem words in English for the API', () => {
    expect(textProblemCode('Ana\u202Etcennoc', { line: true })).toBe('direction');
    expect(textProblemCode('Ana\nRuiz', { line: true })).toBe('oneLine');
    expect(textProblemCode('\u200B', { line: true, required: true })).toBe('invisible');
    expect(textProblemCode('Ana Ruiz', { line: true, required: true })).toBeNull();
    expect(textProblem('Ana\u202Etcennoc', { line: true })).toBe(TEXT_PROBLEM_ENGLISH.direction);
  });
});
