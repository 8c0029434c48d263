import { Accordion, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { adminApi } from '../../api/admin.ts';
import { keys } from '../../api/keys.ts';
import { usePagedQuery } from '../../hooks/usePagedQuery.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { EmptyState, ErrorState, PageLoader } from '../../components/PageState.tsx';
import { useFormat } from '../../i18n/format.ts';

/** The outbox's statuses (email_outbox.status); one this version does not know shows as its code. */
const STATUSES = ['pending', 'sent', 'dev_outbox', 'failed'] as const;
const isStatus = (s: string): s is (typeof STATUSES)[number] => (STATUSES as readonly string[]).includes(s);

/** Emails the instance queued or sent; in development this is where verification and reset links land. */
export function OutboxPanel() {
  const { t } = useTranslation('admin');
  const format = useFormat();
  const query = usePagedQuery(keys.outbox, (cursor) => adminApi.outbox(cursor));
  if (query.isPending) return <PageLoader label={t('outbox.loading')} />;
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const emails = query.data.pages.flatMap((p) => p.items);
  if (emails.length === 0) return <EmptyState title={t('outbox.emptyTitle')}>{t('outbox.emptyBody')}</EmptyState>;
  return (
    <Stack gap="md">
      <Group justify="flex-end">
        <Button variant="default" size="xs" loading={query.isRefetching} onClick={() => void query.refetch()}>
          {t('page.refresh')}
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
                    {t('outbox.toAt', { to: e.to, date: format.dateTime(e.createdAt) })}
                  </Text>
                </Stack>
                <Badge variant="light" color={e.status === 'sent' ? 'teal' : 'gray'}>
                  {isStatus(e.status) ? t(`outbox.statuses.${e.status}`) : e.status}
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
