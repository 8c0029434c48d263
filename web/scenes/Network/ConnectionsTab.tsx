import { Button, Group, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { keys } from '../../api/keys.ts';
import { type ConnectionSort, networkApi } from '../../api/network.ts';
import { relationshipsApi } from '../../api/relationships.ts';
import type { ConnectionCard } from '../../api/types.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { EmptyState, NextSteps } from '../../components/PageState.tsx';
import { MessageButton } from '../../components/MessageButton.tsx';
import { PersonCardItem } from '../../components/PersonCardItem.tsx';
import { TimeAgo } from '../../components/TimeAgo.tsx';
import { useNetworkMutation } from '../../hooks/useNetworkMutation.ts';
import { usePagedQuery } from '../../hooks/usePagedQuery.ts';
import { HowYouMet } from './HowYouMet.tsx';
import { PagedList } from '../../components/PagedList.tsx';

/** The viewer's 1st-degree connections: filter by name, newest first or A–Z, and remove (after asking). */
export function ConnectionsTab() {
  const { t } = useTranslation('network');
  const [input, setInput] = useState('');
  const [q] = useDebouncedValue(input.trim(), 250);
  const [sort, setSort] = useState<ConnectionSort>('recent');
  const [tag, setTag] = useState<number | null>(null);
  // My relationship tags filter my connections too; the filter shows once I have a tag.
  const tags = useQuery({ queryKey: keys.relationshipTags, queryFn: relationshipsApi.tags }).data?.items ?? [];
  const query = usePagedQuery(keys.connections(q, sort, tag), (cursor) => networkApi.connections(q, sort, cursor, tag));
  const [removing, setRemoving] = useState<ConnectionCard | null>(null);
  const remove = useNetworkMutation((c: ConnectionCard) => networkApi.removeConnection(c.handle), {
    success: (c) => <Trans t={t} i18nKey="connections.removed" values={{ name: c.name }} components={{ bdi: <bdi /> }} />,
  });

  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t('connections.search')}
          placeholder={t('connections.searchPlaceholder')}
          type="search"
          value={input}
          onChange={(e) => setInput(e.currentTarget.value)}
          leftSection={<IconSearch size={16} aria-hidden />}
          style={{ flex: 1, minWidth: 220 }}
        />
        {tags.length > 0 && (
          <Select
            label={t('connections.tagFilter')}
            data={[{ value: '', label: t('connections.allTags') }, ...tags.map((x) => ({ value: String(x.id), label: x.name }))]}
            value={tag ? String(tag) : ''}
            onChange={(v) => setTag(v ? Number(v) : null)}
            allowDeselect={false}
            w={200}
          />
        )}
        <Stack gap={4}>
          <Text size="sm" fw={500} id="connections-sort-label">
            {t('connections.sortBy')}
          </Text>
          <SegmentedControl
            aria-labelledby="connections-sort-label"
            value={sort}
            onChange={(v) => setSort(v as ConnectionSort)}
            data={[
              { value: 'recent', label: t('connections.sortRecent') },
              { value: 'name', label: t('connections.sortName') },
            ]}
          />
        </Stack>
      </Group>
      <PagedList
        query={query}
        label={t('connections.list')}
        loadingLabel={t('connections.loading')}
        empty={
          q ? (
            <EmptyState
              title={t('connections.noMatchTitle')}
              action={<NextSteps steps={[{ to: `/search?q=${encodeURIComponent(q)}`, label: t('connections.searchEveryone', { q }) }]} />}
            >
              {t('connections.noMatchText', { q })}
            </EmptyState>
          ) : (
            <EmptyState
              title={t('connections.emptyTitle')}
              action={
                <NextSteps
                  steps={[
                    { to: '/members', label: t('steps.members') },
                    { to: '/network?tab=suggestions', label: t('steps.suggestions') },
                    { to: '/search', label: t('steps.searchPeople') },
                  ]}
                />
              }
            >
              {t('connections.emptyText')}
            </EmptyState>
          )
        }
        renderItem={(c) => (
          <PersonCardItem
            person={c}
            extra={
              <>
                <Text size="xs" c="dimmed">
                  <TimeAgo iso={c.connectedAt} prefix={t('connections.connectedAgo')} />
                </Text>
                <HowYouMet connection={c} />
              </>
            }
            actions={
              <>
                <MessageButton person={c} size="xs" />
                <Button size="xs" variant="subtle" color="red" onClick={() => setRemoving(c)} aria-label={t('connections.removeLabel', { name: c.name })}>
                  {t('connections.remove')}
                </Button>
              </>
            }
          />
        )}
      />
      <ConfirmDialog
        opened={removing !== null}
        title={
          removing ? (
            <Trans t={t} i18nKey="connections.confirmTitle" values={{ name: removing.name }} components={{ bdi: <bdi /> }} />
          ) : (
            t('connections.confirmTitleNoName')
          )
        }
        confirmLabel={t('connections.confirmAction')}
        danger
        loading={remove.isPending}
        onClose={() => setRemoving(null)}
        onConfirm={() => removing && remove.mutate(removing, { onSuccess: () => setRemoving(null) })}
      >
        <Trans t={t} i18nKey="connections.confirmBody" values={{ name: removing?.name ?? '' }} components={{ bdi: <bdi /> }} />
      </ConfirmDialog>
    </Stack>
  );
}
