/**
 * The languages Rapport ships, shared by the server (emails, the resolver) and the web. Adding one: a
 * resource file per side (server/i18n/, web's), then its code here; docs/i18n.md.
 */
export const LOCALES = ['en', 'it'] as const;
export type Locale = (typeof LOCALES)[number];

export const isLocale = (value: unknown): value is Locale => (LOCALES as readonly unknown[]).includes(value);
