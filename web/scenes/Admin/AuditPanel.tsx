import { Anchor, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AUDIT_ACTIONS, AUDIT_AREAS, type AuditAction, type AuditArea, type AuditEntry, moderationApi, moderationKeys } from '../../api/moderation.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { EmptyState, ErrorState, PageLoader } from '../../components/PageState.tsx';
import { TimeAgo } from '../../components/TimeAgo.tsx';
import { usePagedQuery } from '../../hooks/usePagedQuery.ts';
import { useAuditWords } from './auditWords.ts';

type Filter = AuditAction | AuditArea;
const FILTERS = new Set<string>([...AUDIT_ACTIONS, ...AUDIT_AREAS]);
const isFilter = (v: string): v is Filter => FILTERS.has(v);

function Person({ person }: { person: AuditEntry['actor'] }) {
  if (!person) return null;
  return (
    <Anchor component={Link} to={`/in/${person.handle}`} size="sm">
      <bdi>{person.name}</bdi>
    </Anchor>
  );
}

/** The audit log, newest first: who did what to whom, in words, filtered by action. */
export function AuditPanel() {
  const { t } = useTranslation('admin');
  const words = useAuditWords();
  const [filter, setFilter] = useState<Filter | null>(null);
  const query = usePagedQuery(moderationKeys.auditFiltered(filter), (cursor) => moderationApi.audit(cursor, filter));
  const entries = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="md">
      <NativeSelect
        label={t('audit.show')}
        data={words.filterOptions}
        value={filter ?? ''}
        onChange={(e) => {
          const v = e.currentTarget.value;
          setFilter(isFilter(v) ? v : null);
        }}
        maw={360}
      />
      {query.isPending ? (
        <PageLoader label={t('audit.loading')} />
      ) : query.error ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : entries.length === 0 ? (
        <EmptyState title={filter ? t('audit.emptyFiltered') : t('audit.empty')} />
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="xs" striped aria-label={t('audit.table')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('audit.columns.when')}</Table.Th>
                <Table.Th>{t('audit.columns.who')}</Table.Th>
                <Table.Th>{t('audit.columns.action')}</Table.Th>
                <Table.Th>{t('audit.columns.member')}</Table.Th>
                <Table.Th>{t('audit.columns.details')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>
                    <TimeAgo iso={e.at} />
                  </Table.Td>
                  <Table.Td>{e.actor ? <Person person={e.actor} /> : <Text span size="sm">{t('audit.platform')}</Text>}</Table.Td>
                  <Table.Td>{words.actionLabel(e.action)}</Table.Td>
                  <Table.Td>
                    {e.subject ? (
                      <Person person={e.subject} />
                    ) : e.subjectType === 'member' && e.subjectId ? (
                      <Text span size="sm">
                        {t('audit.deletedAccount')}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={0}>
                      {words.details(e).map((line) => (
                        <Text key={line} size="xs" style={{ overflowWrap: 'anywhere' }}>
                          {line}
                        </Text>
                      ))}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMore query={query} />
    </Stack>
  );
}
