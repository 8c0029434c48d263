import type { TFunction } from 'i18next';
import type { RelationshipOriginView } from '../../api/opportunities.ts';

const SURFACES = ['profile', 'search', 'suggestion', 'directory', 'network'] as const;
const SOURCES = ['linkedin', 'vcard', 'csv', 'rapport'] as const;
const isOneOf = <T extends string>(list: readonly T[], v: string | null): v is T => v !== null && (list as readonly string[]).includes(v);

/**
 * How a relationship began, in words: the way it started ("connected through an introduction by Bo",
 * "imported from LinkedIn"), and what else the report counts it for (an open invitation, posts before
 * connecting), then the degree when it began. Each phrase is its own message, so each language words it.
 */
export function howItBegan(t: TFunction<'opportunities'>, o: RelationshipOriginView): string[] {
  const phrases: string[] = [];
  if (!o.connected) phrases.push(t('origin.notConnected'));
  else if (o.context === 'introduction') phrases.push(o.introducedBy ? t('origin.introducedBy', { name: o.introducedBy.name }) : t('origin.introduction'));
  else if (o.context === 'comment') phrases.push(t('origin.comment'));
  else if (o.context !== 'import') phrases.push(t(`origin.context.${isOneOf(SURFACES, o.context) ? o.context : 'other'}`));
  if (o.context === 'import' || o.importedFrom !== null) phrases.push(t(`origin.imported.${isOneOf(SOURCES, o.importedFrom) ? o.importedFrom : 'other'}`));
  if (o.openInvitation) phrases.push(t('origin.openInvitation'));
  if (o.viaPosts) phrases.push(t('origin.viaPosts'));
  if (o.connected) phrases.push(t(`origin.degreeThen.${o.degreeAtStart}`));
  return phrases;
}
