import { describe, expect, it } from 'vitest';
import { noteSignature, similarity } from './minhash.ts';

const PITCH = 'I help growing teams like yours cut their cloud bill by forty percent in ninety days. Can we book a call this week to see if it fits?';

describe('MinHash note signatures', () => {
  it('sees a pasted pitch with a different name or a changed word as nearly identical', () => {
    const a = noteSignature(`Hi Ana, ${PITCH}`, ['Ana Ruiz'])!;
    const b = noteSignature(`Hi Ben, ${PITCH}`, ['Ben Okafor'])!;
    const c = noteSignature(`Hello Chen! ${PITCH.replace('forty', 'thirty')}`, ['Chen Li'])!;
    expect(similarity(a, b)).toBe(1);
    expect(similarity(a, c)).toBeGreaterThan(0.6);
  });

  it('tells personal notes apart', () => {
    const a = noteSignature('We met at the Lisbon product meetup last week, I enjoyed your talk on onboarding flows.')!;
    const b = noteSignature('Loved your post about hiring junior engineers; we did something similar at Acme in 2019.')!;
    expect(similarity(a, b)).toBeLessThan(0.2);
  });

  it('has no signature for an empty note, and is deterministic', () => {
    expect(noteSignature('  ...  ')).toBeNull();
    expect(noteSignature('hello there friend')).toEqual(noteSignature('Hello, there — friend!'));
    for (const v of noteSignature(PITCH)!) expect(v).toBe(v | 0);
  });
});
