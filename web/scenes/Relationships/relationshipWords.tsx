import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CADENCES, type Cadence } from '../../../common/relationships.ts';
import type { RelationshipView, TagView } from '../../api/relationships.ts';
import { useFormat } from '../../i18n/format.ts';

/** The cadence choices for a Select, "No reminder" first. */
export function useCadenceOptions() {
  const { t } = useTranslation('relationships');
  return [{ value: '', label: t('cadence.none') }, ...CADENCES.map((c) => ({ value: c, label: t(`cadence.values.${c}`) }))];
}

export const toCadence = (value: string | null): Cadence | null => (value ? (value as Cadence) : null);

/** "You sent a message, 3 days ago", or that there was none. */
export function LastInteraction({ last }: { last: RelationshipView['lastInteraction'] }) {
  const { t } = useTranslation('relationships');
  const f = useFormat();
  if (!last) return <>{t('last.none')}</>;
  return <>{t('last.line', { kind: t(`last.kinds.${last.kind}`), ago: f.timeAgo(last.at) })}</>;
}

/** A member's tags as coloured badges (the colour is decoration: the name says it). */
export function TagBadges({ tags }: { tags: TagView[] }) {
  if (tags.length === 0) return null;
  return (
    <Group gap={4} wrap="wrap">
      {tags.map((tag) => (
        <Badge key={tag.id} color={tag.colour} variant="dot" size="md" style={{ textTransform: 'none' }}>
          {tag.name}
        </Badge>
      ))}
    </Group>
  );
}
