/**
 * The weekly digest's email (docs/notifications.md, "Weekly digest"): the top posts from the member's
 * network, their pending invitations and a few people they may know, in their language, with the one-click
 * unsubscribe of the digest in the footer (and as List-Unsubscribe, set by the caller). Plain text first;
 * the HTML part escapes everything it interpolates.
 */
import type { Locale } from '../../common/locales.ts';
import { emailText } from '../i18n/i18n.ts';

export interface DigestContent {
  name: string;
  posts: { authorName: string; text: string; reactions: number; comments: number; link: string }[];
  invitations: { count: number; link: string };
  people: { name: string; reason: string | null; link: string }[];
  homeLink: string;
  unsubscribeLink: string;
}

/** How much of a post's text the digest quotes. */
export const EXCERPT_CHARS = 140;

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The first EXCERPT_CHARS characters of a text on one line, cut at a word where it can be, with an ellipsis. */
export function excerpt(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const chars = [...line];
  if (chars.length <= EXCERPT_CHARS) return line;
  const cut = chars.slice(0, EXCERPT_CHARS).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > EXCERPT_CHARS / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export function digestMessage(locale: Locale, content: DigestContent): { subject: string; text: string; html: string } {
  const t = (field: Parameters<typeof emailText<'digest'>>[2], values: Record<string, string | number> = {}) => emailText(locale, 'digest', field, values);
  const text: string[] = [t('greeting', { name: content.name }), '', t('intro')];
  const html: string[] = [`<p>${escapeHtml(t('greeting', { name: content.name }))}</p>`, `<p>${escapeHtml(t('intro'))}</p>`];

  if (content.posts.length > 0) {
    text.push('', t('postsHeading'));
    html.push(`<h2 style="font-size:16px">${escapeHtml(t('postsHeading'))}</h2><ul>`);
    for (const p of content.posts) {
      const line = t('post', { author: p.authorName, excerpt: excerpt(p.text) });
      const stats = t('postStats', { reactions: p.reactions, comments: p.comments });
      text.push(`- ${line}`, `  ${stats}`, `  ${p.link}`);
      html.push(`<li><a href="${escapeHtml(p.link)}">${escapeHtml(line)}</a><br><span style="color:#666">${escapeHtml(stats)}</span></li>`);
    }
    html.push('</ul>');
  }
  if (content.invitations.count > 0) {
    const line = t('invitations', { count: content.invitations.count });
    text.push('', line, content.invitations.link);
    html.push(`<p>${escapeHtml(line)} <a href="${escapeHtml(content.invitations.link)}">${escapeHtml(t('invitationsAction'))}</a></p>`);
  }
  if (content.people.length > 0) {
    text.push('', t('peopleHeading'));
    html.push(`<h2 style="font-size:16px">${escapeHtml(t('peopleHeading'))}</h2><ul>`);
    for (const p of content.people) {
      text.push(`- ${p.name}${p.reason ? ` (${p.reason})` : ''}`, `  ${p.link}`);
      html.push(`<li><a href="${escapeHtml(p.link)}">${escapeHtml(p.name)}</a>${p.reason ? ` <span style="color:#666">${escapeHtml(p.reason)}</span>` : ''}</li>`);
    }
    html.push('</ul>');
  }
  const footer = t('footer', { unsubscribe: content.unsubscribeLink });
  text.push('', content.homeLink, '', footer, '');
  html.push(`<p><a href="${escapeHtml(content.homeLink)}">${escapeHtml(t('action'))}</a></p>`, `<p style="color:#666">${escapeHtml(footer)}</p>`);
  return { subject: t('subject'), text: text.join('\n'), html: html.join('') };
}
