import { Code, Stack, Table, Text } from '@mantine/core';
import { moderationApi, moderationKeys } from '../../api/moderation.ts';
import { usePagedQuery } from '../../hooks/usePagedQuery.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { EmptyState, ErrorState, PageLoader } from '../../components/PageState.tsx';
import { TimeAgo } from '../../components/TimeAgo.tsx';

/** The audit log, newest first: who did what to whom, with the recorded details. */
export function AuditPanel() {
  const query = usePagedQuery(moderationKeys.audit, (cursor) => moderationApi.audit(cursor));
  if (query.isPending) return <PageLoader label="Loading the audit log…" />;
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const entries = query.data.pages.flatMap((p) => p.items);
  if (entries.length === 0) return <EmptyState title="No audit events yet" />;
  return (
    <Stack gap="md">
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing="xs" striped aria-label="Audit log">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>Who</Table.Th>
              <Table.Th>Action</Table.Th>
              <Table.Th>Subject</Table.Th>
              <Table.Th>Details</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>
                  <TimeAgo iso={e.at} />
                </Table.Td>
                <Table.Td>{e.actor ? <bdi>{e.actor.name}</bdi> : <Text span c="dimmed">system</Text>}</Table.Td>
                <Table.Td>
                  <Code>{e.action}</Code>
                </Table.Td>
                <Table.Td>
                  {e.subjectType}
                  {e.subjectId ? ` #${e.subjectId}` : ''}
                </Table.Td>
                <Table.Td>
                  <Text size="xs" style={{ wordBreak: 'break-word' }}>
                    {Object.keys(e.data).length ? JSON.stringify(e.data) : ''}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMore query={query} />
    </Stack>
  );
}
