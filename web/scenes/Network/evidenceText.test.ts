import { describe, expect, it } from 'vitest';
import { accountAgeText, degreeText, historyText, noteLabel, sharedFacts } from './evidenceText.ts';

describe('the evidence card in words', () => {
  it('labels the note: personal, template with its count, stock, too short, or none', () => {
    expect(noteLabel({ kind: 'stock', similarNotes: 0 })).toBe('Stock note — the standard invitation text');
    expect(noteLabel({ kind: 'short', similarNotes: 0 })).toBe('Note too short to say anything');
    expect(noteLabel({ kind: 'personal', similarNotes: 0 })).toBe('Personal note');
    expect(noteLabel({ kind: 'template', similarNotes: 14 })).toBe('Template note — nearly identical to 14 others');
    expect(noteLabel({ kind: 'template', similarNotes: 1 })).toBe('Template note — nearly identical to 1 other');
    expect(noteLabel({ kind: 'none', similarNotes: 0 })).toBe('No note');
  });

  it('says when there is not enough history instead of showing a rate from a handful of answers', () => {
    expect(historyText({ sent: 3, accepted: 1, dontKnow: 0, acceptanceRate: null, dontKnowRate: null })).toMatch(/^Not enough history/);
    expect(historyText({ sent: 20, accepted: 16, dontKnow: 1, acceptanceRate: 0.8, dontKnowRate: 0.05 })).toBe(
      '80% accepted · 5% answered “I don’t know this person” (of 20 invitations in 90 days)',
    );
  });

  it('writes shared history with its years, and degree and age in words', () => {
    expect(
      sharedFacts({
        organisations: [{ name: 'Acme', fromYear: 2019, toYear: 2021 }],
        schools: [{ name: 'TU Delft', fromYear: 2012, toYear: null }],
        place: 'Rotterdam',
        industry: null,
      }),
    ).toEqual(['Both at Acme (2019–2021)', 'Both studied at TU Delft (2012–now)', 'Both in Rotterdam']);
    expect(degreeText(null)).toBe('Outside your network');
    expect(degreeText(3)).toBe('3rd degree: two introductions away');
    expect(accountAgeText(0.4)).toBe('created today');
    expect(accountAgeText(400)).toBe('13 months old');
    expect(accountAgeText(800)).toBe('2 years old');
  });
});
