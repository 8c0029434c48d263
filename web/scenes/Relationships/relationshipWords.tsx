import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type LedgerKind, ledgerEntryOf } from '../../../common/ledger.ts';
import { CADENCES, type Cadence, type InteractionKind } from '../../../common/relationships.ts';
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
  // A give or an ask says what passed and which way (common/ledger.ts); the other kinds have words of their own.
  const entry = ledgerEntryOf(last.kind);
  const kind = entry
    ? t(`ledger.entry.${entry.side}`, { subject: t(`ledger.subjects.${entry.subject}`) })
    : t(`last.kinds.${last.kind as Exclude<InteractionKind, LedgerKind>}`);
  return <>{t('last.line', { kind, ago: f.timeAgo(last.at) })}</>;
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
