import { testI18n } from '../../i18n/test-i18n.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../i18n/resources/en/network.ts';
import it_ from '../../i18n/resources/it/network.ts';
import { accountAgeText, degreeText, historyText, noteLabel, sharedFacts } from './evidenceText.ts';

const { i18n, ready } = testI18n({ network: { en, it: it_ } });
beforeAll(() => ready);
const t = (lng = 'en') => i18n.getFixedT(lng, 'network');

describe('the evidence card in words', () => {
  it('labels the note: personal, template with its count, stock, too short, or none', () => {
    expect(noteLabel(t(), { kind: 'stock', similarNotes: 0 })).toBe('Stock note — the standard invitation text');
    expect(noteLabel(t(), { kind: 'short', similarNotes: 0 })).toBe('Note too short to say anything');
    expect(noteLabel(t(), { kind: 'personal', similarNotes: 0 })).toBe('Personal note');
    expect(noteLabel(t(), { kind: 'template', similarNotes: 14 })).toBe('Template note — nearly identical to 14 others');
    expect(noteLabel(t(), { kind: 'template', similarNotes: 1 })).toBe('Template note — nearly identical to 1 other');
    expect(noteLabel(t(), { kind: 'none', similarNotes: 0 })).toBe('No note');
  });

  it('says when there is not enough history instead of showing a rate from a handful of answers', () => {
    expect(historyText(t(), { sent: 3, accepted: 1, dontKnow: 0, acceptanceRate: null, dontKnowRate: null })).toMatch(/^Not enough history/);
    expect(historyText(t(), { sent: 20, accepted: 16, dontKnow: 1, acceptanceRate: 0.8, dontKnowRate: 0.05 })).toBe(
      '80% accepted · 5% answered “I don’t know this person” (of 20 invitations in 90 days)',
    );
  });

  it('writes shared history with its years, and degree and age in words', () => {
    expect(
      sharedFacts(t(), {
        organisations: [{ name: 'Acme', fromYear: 2019, toYear: 2021 }],
        schools: [{ name: 'TU Delft', fromYear: 2012, toYear: null }],
        place: 'Rotterdam',
        industry: null,
      }),
    ).toEqual(['Both at Acme (2019–2021)', 'Both studied at TU Delft (2012–now)', 'Both in Rotterdam']);
    expect(degreeText(t(), null)).toBe('Outside your network');
    expect(degreeText(t(), 3)).toBe('3rd degree: two introductions away');
    expect(accountAgeText(t(), 0.4)).toBe('created today');
    expect(accountAgeText(t(), 400)).toBe('13 months old');
    expect(accountAgeText(t(), 800)).toBe('2 years old');
  });

  it('speaks Italian with Italian plurals and numbers', () => {
    expect(noteLabel(t('it'), { kind: 'template', similarNotes: 1 })).toBe('Messaggio ripetuto: quasi identico a un altro');
    expect(accountAgeText(t('it'), 1)).toBe('creato 1 giorno fa');
    expect(historyText(t('it'), { sent: 1, accepted: 1, dontKnow: 0, acceptanceRate: 1, dontKnowRate: 0 })).toBe(
      '100% accettati · 0% con risposta “Non conosco questa persona” (su 1 invito in 90 giorni)',
    );
    expect(sharedFacts(t('it'), { organisations: [], schools: [{ name: 'Bocconi', fromYear: 2012, toYear: null }], place: null, industry: null })).toEqual([
      'Stessa scuola: Bocconi (2012–oggi)',
    ]);
  });
});
