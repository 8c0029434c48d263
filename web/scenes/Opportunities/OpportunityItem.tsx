import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OpportunityView } from '../../api/opportunities.ts';
import { PersonCardItem } from '../../components/PersonCardItem.tsx';
import { useFormat } from '../../i18n/format.ts';
import { howItBegan } from './origin-words.ts';

/** One logged opportunity: what it was, its value, and each person with how that relationship began. */
export function OpportunityItem({ opportunity: o, onRemove, removing }: { opportunity: OpportunityView; onRemove: () => void; removing: boolean }) {
  const { t } = useTranslation('opportunities');
  const f = useFormat();
  return (
    <Stack gap="xs" component="article" aria-labelledby={`opportunity-${o.id}`}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Badge variant="light">{t(`kinds.${o.kind}`)}</Badge>
            <Text fw={600} id={`opportunity-${o.id}`} dir="auto">
              {o.title}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            {f.date(o.createdAt)}
            {o.value !== null && ` · ${t('list.value', { value: o.value })}`}
          </Text>
        </Stack>
        <Button variant="subtle" color="red" size="xs" onClick={onRemove} loading={removing} aria-label={t('list.removeLabel', { title: o.title })}>
          {t('list.remove')}
        </Button>
      </Group>
      {o.people.map((p) => (
        <PersonCardItem
          key={p.id}
          person={p}
          extra={
            <Text size="sm" c="teal.9">
              {howItBegan(t, p.origin).join(' · ')}
            </Text>
          }
        />
      ))}
    </Stack>
  );
}
