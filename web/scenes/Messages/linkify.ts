/**
 * Finding web addresses in a message's text, so they can be shown as links: only http and https (never
 * javascript:, data: or a bare "www."), each checked by the URL parser. Everything else stays text.
 */

export type MessagePiece = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

/** A scheme, then everything up to a space or a character that cannot be in a URL typed in prose. */
const ADDRESS = /(?<![\p{L}\p{N}_])https?:\/\/[^\s<>"`{}|\\^]+/giu;
/** Punctuation that ends a sentence rather than an address ("see https://a.example/x."). */
const TRAILING = /[.,;:!?'’”*_]+$/u;

/** A closing bracket belongs to the address only when the address opened one ("…/Rome_(city)"). */
function trimEnd(raw: string): string {
  let s = raw.replace(TRAILING, '');
  for (const [open, close] of [['(', ')'], ['[', ']']] as const) {
    while (s.endsWith(close) && s.split(close).length > s.split(open).length) s = s.slice(0, -1).replace(TRAILING, '');
  }
  return s;
}

/** The address as a link's href, or null when the URL parser refuses it or it is not http(s). */
export function safeHref(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!url.hostname) return null;
  return url.href;
}

/** The text cut into plain pieces and links, in order; joined back, the pieces' texts are the text itself. */
export function linkify(text: string): MessagePiece[] {
  const pieces: MessagePiece[] = [];
  let from = 0;
  for (const match of text.matchAll(ADDRESS)) {
    const raw = trimEnd(match[0]);
    const href = safeHref(raw);
    if (!href) continue;
    if (match.index > from) pieces.push({ kind: 'text', text: text.slice(from, match.index) });
    pieces.push({ kind: 'link', text: raw, href });
    from = match.index + raw.length;
  }
  if (from < text.length) pieces.push({ kind: 'text', text: text.slice(from) });
  return pieces;
}

/** What every link a member wrote carries: no access to this page, no referrer, and no endorsement. */
export const MEMBER_LINK_REL = 'noopener noreferrer nofollow ugc';
