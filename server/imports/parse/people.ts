/** Normalising the parts of a person every source shares: names, emails, phones, URLs, and a person's key. */
import type { ImportedPerson } from '../records.ts';

export function cleanText(value: string | undefined): string | undefined {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text ? text : undefined;
}

export function joinName(...parts: (string | undefined)[]): string {
  return parts.map((p) => cleanText(p)).filter(Boolean).join(' ');
}

/**
 * A LinkedIn profile URL as `https://www.linkedin.com/in/<slug>` (lower-case slug, no query, fragment or
 * trailing slash; country subdomains and http accepted); any other URL is returned trimmed, or null when it
 * is not a URL at all.
 */
export function normaliseUrl(raw: string): string | null {
  const text = raw.trim();
  if (text === '') return null;
  const linkedin = /^(?:https?:\/\/)?(?:[a-z]{2,3}\.|www\.)?linkedin\.com\/in\/([^/?#\s]+)/i.exec(text);
  if (linkedin) {
    let slug = linkedin[1]!;
    try {
      slug = decodeURIComponent(slug);
    } catch {
      // A stray % is part of the slug as written.
    }
    return `https://www.linkedin.com/in/${slug.toLowerCase()}`;
  }
  if (/^https?:\/\/\S+$/i.test(text)) return text;
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)+(\/\S*)?$/i.test(text)) return `https://${text}`;
  return null;
}

export function isLinkedInProfile(url: string): boolean {
  return url.startsWith('https://www.linkedin.com/in/');
}

export function normaliseEmail(raw: string): string | null {
  const text = raw.trim().replace(/^mailto:/i, '').toLowerCase();
  return /^[^\s@]+@[^\s@]+$/.test(text) ? text : null;
}

export function normalisePhone(raw: string): string | null {
  const text = raw.trim().replace(/^tel:/i, '').replace(/\s+/g, ' ');
  return /\d/.test(text) ? text : null;
}

export function unique<T>(values: (T | null | undefined)[]): T[] {
  return [...new Set(values.filter((v): v is T => v !== null && v !== undefined))];
}

/**
 * Who a row is, for spotting the same person twice in one file: their LinkedIn profile, else their first email,
 * else their name and organisation (two Maria Rossis at different firms are two people).
 */
export function personKey(person: ImportedPerson): string {
  const profile = person.urls.find(isLinkedInProfile);
  if (profile) return `url:${profile}`;
  if (person.emails[0]) return `email:${person.emails[0]}`;
  return `name:${person.name.toLowerCase()}|${(person.organisation ?? '').toLowerCase()}`;
}

/** Drops empty optional fields so records compare and serialise cleanly. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as T;
}
