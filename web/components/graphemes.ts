/** Splits text into user-perceived characters, so an emoji, a flag or a letter with its accents stays whole. */
export function graphemes(text: string): string[] {
  if (typeof Intl.Segmenter === 'function') {
    return Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text), (s) => s.segment);
  }
  // Older browsers: at least never split a surrogate pair.
  return Array.from(text);
}

/** The text cut to at most `max` characters with an ellipsis, never through an emoji or an accented letter. */
export function shorten(text: string, max: number): string {
  const all = graphemes(text);
  return all.length > max ? `${all.slice(0, max).join('')}…` : text;
}
