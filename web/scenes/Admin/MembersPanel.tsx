import { Anchor, Badge, Button, Group, Stack, Table, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { adminApi } from '../../api/admin.ts';
import { keys } from '../../api/keys.ts';
import type { AdminMember } from '../../api/types.ts';
import { EmptyState, ErrorState, PageLoader } from '../../components/PageState.tsx';
import { SuspendDialog } from './SuspendDialog.tsx';

/** Every member, searchable, with suspend and reinstate. */
export function MembersPanel({ selfId }: { selfId: number }) {
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const [target, setTarget] = useState<AdminMember | null>(null);
  const query = useInfiniteQuery({
    queryKey: keys.adminMembers(debounced),
    queryFn: ({ pageParam }) => adminApi.members(debounced, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = query.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="md">
      <TextInput
        label="Find a member"
        placeholder="Name, handle or email"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        maw={420}
      />
      {query.isPending ? (
        <PageLoader label="Loading members…" />
      ) : query.error ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title="No members found">
          {debounced ? (
            <>
              No one matches {"'"}
              <bdi>{debounced}</bdi>
              {"'."}
            </>
          ) : (
            'Nobody has joined yet.'
          )}
        </EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="sm" striped aria-label="Members">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Email</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Joined</Table.Th>
                <Table.Th>Action</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/in/${m.handle}`} underline="hover" dir="auto">
                      {m.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {m.email}
                    {!m.emailVerified && (
                      <Badge ml="xs" size="xs" variant="outline" color="gray">
                        unverified
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{m.role}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={m.status === 'active' ? 'teal' : 'red'}>
                      {m.status}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{new Date(m.createdAt).toLocaleDateString()}</Table.Td>
                  <Table.Td>
                    {m.id !== selfId && m.role !== 'admin' && (
                      <Button
                        size="xs"
                        variant="light"
                        color={m.status === 'active' ? 'red' : 'teal'}
                        onClick={() => setTarget(m)}
                        aria-label={`${m.status === 'active' ? 'Suspend' : 'Reinstate'} ${m.name}`}
                      >
                        {m.status === 'active' ? 'Suspend' : 'Reinstate'}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {query.hasNextPage && (
        <Group justify="center">
          <Button variant="default" loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
            Load more
          </Button>
        </Group>
      )}
      <SuspendDialog member={target} onClose={() => setTarget(null)} />
    </Stack>
  );
}
