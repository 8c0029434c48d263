import { createRequire } from 'node:module';

// The maintained lists ship as JSON arrays; createRequire reads them without import attributes.
const require = createRequire(import.meta.url);
const EXACT = new Set<string>(require('disposable-email-domains') as string[]);
/** Domains whose every subdomain is disposable too (the package's wildcard list). */
const WILDCARD = new Set<string>(require('disposable-email-domains/wildcard.json') as string[]);

/**
 * The disposable-mail domain behind an email address, or null: the domain itself or any parent domain
 * on the list, so "x.mailinator.com" counts as "mailinator.com".
 */
export function disposableDomain(email: string): string | null {
  const domain = emailDomain(email);
  const labels = domain.split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    const candidate = labels.slice(i).join('.');
    if (EXACT.has(candidate) || WILDCARD.has(candidate)) return candidate;
  }
  return null;
}

/** The lowercased domain part of an address (everything after the last "@"). */
export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}
