/**
 * Reading a page's preview from its Open Graph and Twitter card tags (with the page's <title>, meta
 * description and canonical link as fallbacks), with htmlparser2: a tolerant streaming parser that only
 * parses, so fetching stays with previews/fetch.ts. Every text from the page is cleaned to what a display
 * text may hold (no controls, no direction overrides, NFC, one line) and cut to a length; URLs must be
 * http(s), made absolute against the page's own URL.
 */
import { Parser } from 'htmlparser2';

export interface PageMeta {
  title: string | null;
  description: string | null;
  siteName: string | null;
  canonicalUrl: string | null;
  imageUrl: string | null;
}

export const META_LIMITS = { title: 300, description: 600, siteName: 120, url: 2000 } as const;

/** Controls, line and paragraph separators, direction embeddings, overrides, isolates and marks, lone surrogates. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\uFFFD]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A remote text as Rapport stores it: safe characters, one line, at most `max` characters (cut on a character, with an ellipsis). */
export function cleanText(raw: string | undefined, max: number): string | null {
  if (raw === undefined) return null;
  const text = raw.normalize('NFC').replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
  if (!text) return null;
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/** An http(s) URL, absolute against `base`, or null. */
export function cleanUrl(raw: string | undefined, base: URL): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw.trim(), base);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) return null;
    return url.href.length <= META_LIMITS.url ? url.href : null;
  } catch {
    return null;
  }
}

/** The charset a page declares in its first bytes (<meta charset> or http-equiv), if any. */
export function declaredCharset(head: Buffer): string | null {
  const text = head.subarray(0, 2048).toString('latin1');
  return text.match(/<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i)?.[1] ?? null;
}

/** The page's text: by the charset the server sent, else the one the page declares, else UTF-8. */
export function decodePage(body: Buffer, charset: string | null): string {
  for (const label of [charset, declaredCharset(body), 'utf-8']) {
    if (!label) continue;
    try {
      return new TextDecoder(label).decode(body);
    } catch {
      // An unknown label: try the next.
    }
  }
  return body.toString('utf8');
}

/** The preview fields of an HTML page (any HTML, however broken: the parser recovers as browsers do). */
export function readPageMeta(html: string, pageUrl: URL): PageMeta {
  const props = new Map<string, string>();
  let title: string | undefined;
  let canonical: string | undefined;
  let inTitle = false;
  let titleText = '';
  let svgDepth = 0;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'svg') svgDepth++;
        if (name === 'title' && svgDepth === 0 && title === undefined) {
          inTitle = true;
          titleText = '';
        }
        if (name === 'meta') {
          const key = (attrs.property ?? attrs.name ?? '').trim().toLowerCase();
          const content = attrs.content;
          // The first of each wins, as Open Graph readers do.
          if (key && content !== undefined && !props.has(key)) props.set(key, content);
        }
        if (name === 'link' && canonical === undefined && (attrs.rel ?? '').toLowerCase().split(/\s+/).includes('canonical') && attrs.href) {
          canonical = attrs.href;
        }
      },
      ontext(text) {
        if (inTitle) titleText += text;
      },
      onclosetag(name) {
        if (name === 'svg' && svgDepth > 0) svgDepth--;
        if (name === 'title' && inTitle) {
          inTitle = false;
          title = titleText;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  const first = (...keys: string[]) => keys.map((k) => props.get(k)).find((v) => v !== undefined && v.trim() !== '');
  return {
    title: cleanText(first('og:title', 'twitter:title') ?? title, META_LIMITS.title),
    description: cleanText(first('og:description', 'twitter:description', 'description'), META_LIMITS.description),
    siteName: cleanText(first('og:site_name', 'application-name'), META_LIMITS.siteName),
    canonicalUrl: cleanUrl(canonical ?? first('og:url'), pageUrl),
    imageUrl: cleanUrl(first('og:image:secure_url', 'og:image', 'og:image:url', 'twitter:image', 'twitter:image:src'), pageUrl),
  };
}
