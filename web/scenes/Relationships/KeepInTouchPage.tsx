import { Button, Group, Paper, Select, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { keys } from '../../api/keys.ts';
import { type RelationshipItem, type RelationshipPatch, relationshipsApi } from '../../api/relationships.ts';
import { MessageButton } from '../../components/MessageButton.tsx';
import { PagedList } from '../../components/PagedList.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, NextSteps } from '../../components/PageState.tsx';
import { PersonCardItem } from '../../components/PersonCardItem.tsx';
import { usePagedQuery } from '../../hooks/usePagedQuery.ts';
import { useFormat } from '../../i18n/format.ts';
import { LogInteractionButton } from './LogInteraction.tsx';
import { LastInteraction, TagBadges, toCadence, useCadenceOptions } from './relationshipWords.tsx';

/**
 * Keep in touch: the people due a word by their cadence, the longest waiting first, each with one-click
 * actions (message, log a meeting, snooze a week, change the cadence). Any interaction takes them off.
 */
export function KeepInTouchPage() {
  const { t } = useTranslation(['relationships', 'people']);
  const query = usePagedQuery(keys.keepInTouch, relationshipsApi.keepInTouch);
  return (
    <>
      <PageHeader title={t('keepInTouch.title')} description={t('keepInTouch.description')} />
      <Paper p="md" radius="md">
        <PagedList
          query={query}
          label={t('keepInTouch.list')}
          loadingLabel={t('keepInTouch.loading')}
          empty={
            <EmptyState
              title={t('keepInTouch.empty.title')}
              action={
                <NextSteps
                  steps={[
                    { to: '/relationships', label: t('keepInTouch.empty.people') },
                    { to: '/network?tab=connections', label: t('keepInTouch.empty.network') },
                  ]}
                />
              }
            >
              {t('keepInTouch.empty.body')}
            </EmptyState>
          }
          renderItem={(p) => <DuePerson person={p} />}
        />
      </Paper>
    </>
  );
}

function DuePerson({ person: p }: { person: RelationshipItem }) {
  const { t } = useTranslation('relationships');
  const f = useFormat();
  const client = useQueryClient();
  const cadenceOptions = useCadenceOptions();
  const update = useMutation({
    mutationFn: (patch: RelationshipPatch) => relationshipsApi.update(p.handle, patch),
    onSuccess: (_card, patch) => {
      void client.invalidateQueries({ queryKey: keys.relationships });
      if (patch.snoozeDays) notifications.show({ color: 'teal', message: t('keepInTouch.snoozed') });
    },
  });
  return (
    <PersonCardItem
      person={p}
      extra={
        <>
          <TagBadges tags={p.tags} />
          {p.dueAt && (
            <Text size="xs" c="red.8">
              {t('keepInTouch.due', { date: f.date(p.dueAt) })}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            <LastInteraction last={p.lastInteraction} />
          </Text>
        </>
      }
      actions={
        <Group gap="xs" wrap="wrap">
          <MessageButton person={p} size="xs" />
          <LogInteractionButton handle={p.handle} name={p.name} label={t('keepInTouch.logMeeting')} size="xs" />
          <Button size="xs" variant="default" onClick={() => update.mutate({ snoozeDays: 7 })} loading={update.isPending} aria-label={t('keepInTouch.snoozeLabel', { name: p.name })}>
            {t('keepInTouch.snooze')}
          </Button>
          <Select
            size="xs"
            aria-label={t('keepInTouch.cadenceLabel', { name: p.name })}
            data={cadenceOptions}
            value={p.effectiveCadence ?? ''}
            onChange={(v) => update.mutate({ cadence: toCadence(v) })}
            allowDeselect={false}
            w={150}
          />
        </Group>
      }
    />
  );
}
