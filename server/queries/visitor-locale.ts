import { eq } from 'drizzle-orm';
import { type Locale, LOCALES } from '../../common/locales.ts';
import type { LocaleView } from '../../common/schemas/locale.ts';
import type { DbOrTx } from '../db/connection.ts';
import { members } from '../db/schema.ts';
import { resolveLocale } from '../http/locale.ts';

/**
 * The language to show a visitor: a signed-in member's own setting first, else their browser's
 * Accept-Language, else the community's DEFAULT_LOCALE; with the member's setting and the community's
 * default given apart, so the web can put a visitor's explicit choice between them.
 */
export async function visitorLocale(
  db: DbOrTx,
  visitor: { memberId: number | undefined; acceptLanguage: string | string[] | undefined; defaultLocale: Locale },
): Promise<LocaleView> {
  const [member] = visitor.memberId === undefined ? [] : await db.select({ locale: members.locale }).from(members).where(eq(members.id, visitor.memberId));
  const memberLocale = member?.locale ?? null;
  const { defaultLocale } = visitor;
  return {
    locale: resolveLocale({ memberLocale, acceptLanguage: visitor.acceptLanguage, defaultLocale }),
    defaultLocale,
    memberLocale,
    supported: [...LOCALES],
  };
}
