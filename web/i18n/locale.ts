/** The client's decision of which shipped language to show (the list itself is common/locales.ts). */
import { isLocale, type Locale, LOCALES } from '../../common/locales.ts';

export { isLocale, LOCALES, type Locale };
export const DEFAULT_LOCALE: Locale = 'en';

/** Each language named in itself, so a visitor finds theirs whatever the page is showing. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', it: 'Italiano' };

const STORAGE_KEY = 'rapport.locale';

/**
 * A language for testing only (docs/i18n.md, "Checks"): English with accented, padded words
 * (web/i18n/pseudo.ts), to spot untranslated or clipped text. Never offered in a switch, never a member's
 * setting, never matched from the browser: only set by hand (or by the e2e run) in localStorage
 * `rapport.locale`.
 */
export const PSEUDO_LOCALE = 'en-XA';
/** A language the client can show: a shipped one or the pseudo-locale. */
export type ClientLocale = Locale | typeof PSEUDO_LOCALE;
const isClientLocale = (value: unknown): value is ClientLocale => isLocale(value) || value === PSEUDO_LOCALE;

/** A BCP 47 tag ("it-IT", "en-GB", "IT") to a shipped language by its primary subtag; null when not shipped. */
export function matchLocale(tag: string | null | undefined): Locale | null {
  const primary = tag?.trim().split(/[-_]/)[0]?.toLowerCase();
  return isLocale(primary) ? primary : null;
}

/**
 * The member's saved setting when signed in, else the visitor's choice from the header switch (or the
 * pseudo-locale set by hand), else the first browser language we ship, else the community's default
 * (DEFAULT_LOCALE on the server), else English. Malformed or unknown values fall through to the next source.
 */
export function pickLocale(sources: { member?: unknown; stored?: unknown; browser?: readonly string[]; community?: unknown }): ClientLocale {
  if (isLocale(sources.member)) return sources.member;
  if (isClientLocale(sources.stored)) return sources.stored;
  for (const tag of sources.browser ?? []) {
    const match = matchLocale(tag);
    if (match) return match;
  }
  return isLocale(sources.community) ? sources.community : DEFAULT_LOCALE;
}

/**
 * What the server decided for this page (server/http/web-app.ts writes it on <html> before any script
 * runs): the signed-in member's setting and the community's default. Reading it at start means a member
 * who chose Italian sees Italian from the first paint on a new device, without waiting for /me.
 */
export function serverLocaleHints(root: { dataset: DOMStringMap }): { member: string | undefined; community: string | undefined } {
  return { member: root.dataset.memberLocale || undefined, community: root.dataset.defaultLocale || undefined };
}

/** The header switch's saved choice; storage may be unavailable (private modes, blocked cookies). */
export function storedLocale(): ClientLocale | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isClientLocale(value) ? value : null;
  } catch {
    return null;
  }
}

export function storeLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not persisted: the choice still holds for this page.
  }
}
