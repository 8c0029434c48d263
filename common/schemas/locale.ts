import { z } from 'zod';
import { LOCALES } from '../locales.ts';

/** A language Rapport ships (common/locales.ts); anything else is refused with 400. */
export const locale = z.enum(LOCALES);

export const localeView = z.object({
  /** The language to show this visitor: the member's setting, else their browser's, else the community's. */
  locale,
  /** The community's language (DEFAULT_LOCALE). */
  defaultLocale: locale,
  /** The member's own setting; null when signed out or not chosen. */
  memberLocale: locale.nullable(),
  supported: z.array(locale),
});
export type LocaleView = z.infer<typeof localeView>;
