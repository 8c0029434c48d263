/**
 * How an imported person is recognised again: the keys that make re-importing idempotent (a contact's
 * dedupe key) and that match contacts to community members (profile URLs, emails, name + organisation).
 */
import { createHash } from 'node:crypto';
import { matchKey, organisationKey } from '../../common/text.ts';

/**
 * A profile URL reduced to what identifies it: no scheme, no `www.`, no query, fragment or trailing slash,
 * lower-cased, and a LinkedIn profile always as `linkedin.com/in/<slug>` (national subdomains like
 * `it.linkedin.com` and percent-encoded slugs included). Null for what is no http(s) URL.
 */
export function urlKey(raw: string): string | null {
  let value = raw.trim();
  if (!value) return null;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) value = `https://${value}`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  let path = url.pathname.replace(/\/+$/, '');
  try {
    path = decodeURIComponent(path);
  } catch {
    // A stray % stays as it is.
  }
  if (/(^|\.)linkedin\.com$/.test(host)) {
    const slug = /^\/(?:in|pub)\/([^/]+)/i.exec(path)?.[1];
    if (slug) return `linkedin.com/in/${slug.toLowerCase()}`;
    return `linkedin.com${path.toLowerCase()}`;
  }
  return `${host}${path.toLowerCase()}`;
}

export const isLinkedInKey = (key: string) => key.startsWith('linkedin.com/in/');

/** A name for comparison: case, accents, punctuation and spacing dropped. */
export const nameKey = (name: string) => matchKey(name);

/** An organisation for comparison, as organisations are grouped (case, accents, spacing). */
export const orgKey = (organisation: string) => organisationKey(organisation);

export const emailKey = (email: string) => email.trim().toLowerCase();

/**
 * The contact's identity within a member's contacts: the LinkedIn profile, else the first email, else the
 * name with the organisation. Prefixed, so an email can never collide with a URL.
 */
export function contactDedupeKey(person: { name: string; emails: readonly string[]; urls: readonly string[]; organisation?: string | undefined }): string {
  const linkedIn = person.urls.map(urlKey).find((k): k is string => k !== null && isLinkedInKey(k));
  if (linkedIn) return `url:${linkedIn}`;
  const email = person.emails.map(emailKey).find((e) => e.includes('@'));
  if (email) return `email:${email}`;
  return `name:${nameKey(person.name)}|${orgKey(person.organisation ?? '')}`;
}

/** A short stable digest, for the dedupe keys of notes and history (whose identity is their content). */
export function digest(...parts: (string | null | undefined)[]): string {
  return createHash('sha256')
    .update(parts.map((p) => p ?? '').join('\u0000'))
    .digest('base64url')
    .slice(0, 22);
}
