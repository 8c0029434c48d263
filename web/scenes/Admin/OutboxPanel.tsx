import { Accordion, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { adminApi } from '../../api/admin.ts';
import { keys } from '../../api/keys.ts';
import { usePagedQuery } from '../../hooks/usePagedQuery.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { EmptyState, ErrorState, PageLoader } from '../../components/PageState.tsx';

/** Emails the instance queued or sent; in development this is where verification and reset links land. */
export function OutboxPanel() {
  const query = usePagedQuery(keys.outbox, (cursor) => adminApi.outbox(cursor));
  if (query.isPending) return <PageLoader label="Loading outbox…" />;
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const emails = query.data.pages.flatMap((p) => p.items);
  if (emails.length === 0) return <EmptyState title="The outbox is empty">No emails have been sent yet.</EmptyState>;
  return (
    <Stack gap="md">
      <Group justify="flex-end">
        <Button variant="default" size="xs" loading={query.isRefetching} onClick={() => void query.refetch()}>
          Refresh
        </Button>
      </Group>
      <Accordion variant="separated">
        {emails.map((e) => (
          <Accordion.Item key={e.id} value={String(e.id)}>
            <Accordion.Control>
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Stack gap={0}>
                  <Text fw={600} size="sm">
                    {e.subject}
                  </Text>
                  <Text size="xs" c="dimmed">
                    To {e.to} · {new Date(e.createdAt).toLocaleString()}
                  </Text>
                </Stack>
                <Badge variant="light" color={e.status === 'sent' ? 'teal' : 'gray'}>
                  {e.status}
                </Badge>
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              <Text size="sm" component="pre" style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', margin: 0 }}>
                {e.text}
              </Text>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
      <LoadMore query={query} />
    </Stack>
  );
}
