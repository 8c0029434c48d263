import { graphemes } from './graphemes.ts';

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * The initials on an avatar without a photo: the first letter of the first and last words ("Ana María
 * Ruiz" → "AR"), the first two characters of a one-word name ("李伟"). Taken by grapheme, never by UTF-16
 * unit, so a name that starts with an emoji does not give half a surrogate pair ("�Z"); words that start
 * with no letter or digit (an emoji, a bracket) are passed over while another word has one.
 */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  const firsts = words.map((w) => graphemes(w).find((g) => LETTER_OR_DIGIT.test(g)) ?? null);
  const lettered = firsts.filter((g): g is string => g !== null);
  let picked: string[];
  if (lettered.length >= 2) picked = [lettered[0]!, lettered[lettered.length - 1]!];
  else if (lettered.length === 1) {
    const word = words[firsts.indexOf(lettered[0]!)]!;
    const letters = graphemes(word).filter((g) => LETTER_OR_DIGIT.test(g));
    picked = words.length === 1 ? letters.slice(0, 2) : [lettered[0]!];
  } else picked = graphemes(name.trim()).slice(0, 1);
  return picked.join('').toLocaleUpperCase();
}
