/**
 * Finding @mentions and #topics in a post or comment, the same way on the server (which resolves and stores
 * them) and in the web (which links the ones the server resolved). A mention is `@` and a handle
 * (common/schemas/primitives.ts); a topic is `#` and letters, digits or underscores in any script, kept
 * lower-case. Either must start the text or follow a character that is not a letter, digit, `@`, `#` or
 * `/`, so an email address or a URL fragment is neither.
 */
import { LIMITS } from './limits.ts';

const MENTION = /(?<![\p{L}\p{N}_@#/.-])@([a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?)(?![a-z0-9-])/gu;
const TOPIC = /(?<![\p{L}\p{N}_@#/&])#([\p{L}\p{N}_]{1,60})(?![\p{L}\p{N}_])/gu;

/** The captured name of a match; both patterns always capture it. */
const nameOf = (m: RegExpExecArray): string => m[1] ?? '';

const distinct = (values: Iterable<string>, max: number): string[] => [...new Set(values)].slice(0, max);

/** The handles a text mentions, in order of first appearance, at most LIMITS.mentionsMax. */
export const mentionedHandles = (text: string): string[] =>
  distinct(
    Array.from(text.matchAll(MENTION), nameOf),
    LIMITS.mentionsMax,
  );

/** The topics a text names, lower-cased (locale-free), in order of first appearance, at most LIMITS.topicsMax. */
export const topicsOf = (text: string): string[] =>
  distinct(
    Array.from(text.matchAll(TOPIC), (m) => nameOf(m).toLowerCase()),
    LIMITS.topicsMax,
  );

/** A piece of a text as a client renders it: plain text, a mention (by handle) or a topic. */
export type TextPiece = { kind: 'text'; text: string } | { kind: 'mention'; text: string; handle: string } | { kind: 'topic'; text: string; topic: string };

/**
 * The text cut into pieces, linking only the mentions in `resolved` (what the server stored) and every topic.
 * Everything else stays plain text, so nothing a member typed becomes markup.
 */
export function textPieces(text: string, resolved: ReadonlySet<string>): TextPiece[] {
  type Mark = { at: number; raw: string } & ({ kind: 'mention'; handle: string } | { kind: 'topic'; topic: string });
  const marks: Mark[] = [
    ...Array.from(text.matchAll(MENTION), (m): Mark => ({ at: m.index, raw: m[0], kind: 'mention', handle: nameOf(m) })),
    ...Array.from(text.matchAll(TOPIC), (m): Mark => ({ at: m.index, raw: m[0], kind: 'topic', topic: nameOf(m).toLowerCase() })),
  ].sort((a, b) => a.at - b.at);
  const pieces: TextPiece[] = [];
  let from = 0;
  for (const mark of marks) {
    if (mark.kind === 'mention' && !resolved.has(mark.handle)) continue;
    if (mark.at > from) pieces.push({ kind: 'text', text: text.slice(from, mark.at) });
    pieces.push(mark.kind === 'mention' ? { kind: 'mention', text: mark.raw, handle: mark.handle } : { kind: 'topic', text: mark.raw, topic: mark.topic });
    from = mark.at + mark.raw.length;
  }
  if (from < text.length) pieces.push({ kind: 'text', text: text.slice(from) });
  return pieces;
}

/** An http(s) URL in running text: up to white space or a character that cannot be in one unescaped. */
const LINK = /(?<![\p{L}\p{N}_@])https?:\/\/[^\s<>"'`\u00A0]+/giu;
/** Punctuation that ends a sentence rather than the URL ("see https://example.com."). */
const TRAILING = /[.,:;!?'"*_~]+$/;

/**
 * The first http(s) URL of a text, as written (its trailing sentence punctuation, and a closing bracket
 * that no opening one in the URL matches, left out), or null. The server previews this one link.
 */
export function firstLinkOf(text: string): string | null {
  for (const match of text.matchAll(LINK)) {
    let url = match[0];
    for (;;) {
      const before = url;
      url = url.replace(TRAILING, '');
      for (const [open, close] of [['(', ')'], ['[', ']'], ['{', '}']] as const) {
        if (url.endsWith(close) && url.split(open).length < url.split(close).length) url = url.slice(0, -1);
      }
      if (url === before) break;
    }
    if (url.length > LIMITS.urlMax) continue;
    try {
      const parsed = new URL(url);
      if (parsed.hostname) return url;
    } catch {
      // Not a URL after all ("http://" alone): look further.
    }
  }
  return null;
}
