import { describe, expect, it } from 'vitest';
import { classifyNote, noteKindOf } from './note-kind.ts';

const names = ['Daniel Reeves', 'Anna Lindqvist'];

describe('the kind of a note', () => {
  it('calls an empty note none', () => {
    expect(classifyNote('', names)).toBe('none');
    expect(classifyNote('   \n ', names)).toBe('none');
  });

  it('calls junk too short to say anything: punctuation, a number, a greeting, emoji, a name', () => {
    for (const note of ['-1', '.', '...', 'hi', 'Hi!', 'Hello Anna', 'hey there', '👍', '🙂🙏🚀', 'Anna?', 'ok', 'thanks', 'Ciao Anna!', '你好']) {
      expect({ note, kind: classifyNote(note, names) }).toEqual({ note, kind: 'short' });
    }
  });

  it("recognises LinkedIn's stock invitation and its translations", () => {
    const stock = [
      "I'd like to add you to my professional network on LinkedIn.",
      "I'd like to add you to my professional network on LinkedIn.\n- Daniel Reeves",
      'Hi Anna, I’d like to add you to my professional network.',
      'I would like to add you to my professional network',
      "I'd like to join your LinkedIn network.",
      'Hi, I would like to join your network.',
      "Let's connect!",
      'Hi Anna, I would like to connect with you. Thanks!',
      'Please accept my invitation to connect.',
      "Hi Anna, I'd like to add you to my professional network. Let's connect and grow together!",
      'Vorrei aggiungerti alla mia rete professionale su LinkedIn',
      'Vorrei aggiungerti alla mia rete professionale su LinkedIn.',
      'Ich möchte Sie gerne zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen.',
      "J'aimerais vous inviter à rejoindre mon réseau professionnel en ligne.",
      'Me gustaría añadirte a mi red profesional de LinkedIn.',
      'Gostaria de adicioná-lo à minha rede profissional no LinkedIn.',
      'Ik wil je graag toevoegen aan mijn professionele netwerk op LinkedIn.',
    ];
    for (const note of stock) expect({ note, kind: classifyNote(note, names) }).toEqual({ note, kind: 'stock' });
  });

  it('calls a note personal when it says something beyond the stock phrases', () => {
    const personal = [
      'Met at PyCon',
      'Great talk at the Berlin meetup yesterday, Anna. I would love to hear more about your migration to Postgres.',
      "I'd like to add you to my professional network. We met at the Lisbon product meetup last week.",
      'Anna, we overlapped at Verity in 2019 and I never properly said hello.',
      'Ciao Anna, ci siamo conosciuti al workshop di Milano. Vorrei restare in contatto!',
      '很高兴在北京的会议上认识你',
      'Hi Anna, a former Acme colleague here. Looking forward to connecting.',
    ];
    for (const note of personal) expect({ note, kind: classifyNote(note, names) }).toEqual({ note, kind: 'personal' });
  });

  it('labels copies of a written note as a template, but never an empty or one-word one', () => {
    expect(noteKindOf('personal', 2)).toBe('template');
    expect(noteKindOf('stock', 5)).toBe('template');
    expect(noteKindOf('personal', 1)).toBe('personal');
    expect(noteKindOf('short', 9)).toBe('short');
    expect(noteKindOf('none', 9)).toBe('none');
  });
});
