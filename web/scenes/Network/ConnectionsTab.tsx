import { Button, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { keys } from '../../api/keys.ts';
import { type ConnectionSort, networkApi } from '../../api/network.ts';
import type { ConnectionCard } from '../../api/types.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { EmptyState, NextSteps } from '../../components/PageState.tsx';
import { PersonCardItem } from '../../components/PersonCardItem.tsx';
import { TimeAgo } from '../../components/TimeAgo.tsx';
import { useNetworkMutation } from '../../hooks/useNetworkMutation.ts';
import { usePagedQuery } from '../../hooks/usePagedQuery.ts';
import { HowYouMet } from './HowYouMet.tsx';
import { PagedList } from './PagedList.tsx';

/** The viewer's 1st-degree connections: filter by name, newest first or A–Z, and remove (after asking). */
export function ConnectionsTab() {
  const [input, setInput] = useState('');
  const [q] = useDebouncedValue(input.trim(), 250);
  const [sort, setSort] = useState<ConnectionSort>('recent');
  const query = usePagedQuery(keys.connections(q, sort), (cursor) => networkApi.connections(q, sort, cursor));
  const [removing, setRemoving] = useState<ConnectionCard | null>(null);
  const remove = useNetworkMutation((c: ConnectionCard) => networkApi.removeConnection(c.handle), {
    success: (c) => `${c.name} is no longer a connection.`,
  });

  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label="Search connections"
          placeholder="Name or headline"
          type="search"
          value={input}
          onChange={(e) => setInput(e.currentTarget.value)}
          leftSection={<IconSearch size={16} aria-hidden />}
          style={{ flex: 1, minWidth: 220 }}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="connections-sort-label">
            Sort by
          </Text>
          <SegmentedControl
            aria-labelledby="connections-sort-label"
            value={sort}
            onChange={(v) => setSort(v as ConnectionSort)}
            data={[
              { value: 'recent', label: 'Recently added' },
              { value: 'name', label: 'Name' },
            ]}
          />
        </Stack>
      </Group>
      <PagedList
        query={query}
        label="Connections"
        loadingLabel="Loading connections…"
        empty={
          q ? (
            <EmptyState
              title="No matching connections"
              action={<NextSteps steps={[{ to: `/search?q=${encodeURIComponent(q)}`, label: `Search everyone for ‘${q}’` }]} />}
            >
              No connection matches ‘{q}’. Try another spelling, or look beyond your connections.
            </EmptyState>
          ) : (
            <EmptyState
              title="No connections yet"
              action={
                <NextSteps
                  steps={[
                    { to: '/members', label: 'Browse members' },
                    { to: '/network?tab=suggestions', label: 'See people you may know' },
                    { to: '/search', label: 'Search people' },
                  ]}
                />
              }
            >
              Connect with people you know and trust; they appear here. Start with the members you already know.
            </EmptyState>
          )
        }
        renderItem={(c) => (
          <PersonCardItem
            person={c}
            extra={
              <>
                <Text size="xs" c="dimmed">
                  <TimeAgo iso={c.connectedAt} prefix="Connected " />
                </Text>
                <HowYouMet connection={c} />
              </>
            }
            actions={
              <Button size="xs" variant="subtle" color="red" onClick={() => setRemoving(c)} aria-label={`Remove connection with ${c.name}`}>
                Remove
              </Button>
            }
          />
        )}
      />
      <ConfirmDialog
        opened={removing !== null}
        title={`Remove ${removing?.name ?? 'connection'}?`}
        confirmLabel="Remove connection"
        danger
        loading={remove.isPending}
        onClose={() => setRemoving(null)}
        onConfirm={() => removing && remove.mutate(removing, { onSuccess: () => setRemoving(null) })}
      >
        {removing?.name} will no longer be a 1st-degree connection and will not be told.
      </ConfirmDialog>
    </Stack>
  );
}
