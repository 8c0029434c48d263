/**
 * Parses a URL's query string the way browsers do (WHATWG URLSearchParams): a percent-encoding that is not
 * UTF-8, such as `%ED%A0%80` (an encoded surrogate), decodes to U+FFFD, which the query-text schema refuses
 * with a 400. Fastify's default parser keeps such a value verbatim instead, so it would be searched for as
 * the literal text "%ED%A0%80". A repeated key gives an array, as with the default parser, and the strict
 * query schemas refuse it where one value is expected.
 */
export function parseQueryString(query: string): Record<string, string | string[]> {
  // No prototype: a key such as "__proto__" or "constructor" is just an (unknown, refused) parameter.
  const parsed: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  for (const [key, value] of new URLSearchParams(query)) {
    const previous = parsed[key];
    if (previous === undefined) parsed[key] = value;
    else if (Array.isArray(previous)) previous.push(value);
    else parsed[key] = [previous, value];
  }
  return parsed;
}
