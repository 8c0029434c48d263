import { Anchor, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { AUDIT_ACTIONS, AUDIT_AREAS, type AuditAction, type AuditArea, type AuditEntry, moderationApi, moderationKeys } from '../../api/moderation.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { EmptyState, ErrorState, PageLoader } from '../../components/PageState.tsx';
import { TimeAgo } from '../../components/TimeAgo.tsx';
import { usePagedQuery } from '../../hooks/usePagedQuery.ts';
import { ACTION_LABELS, AREA_LABELS, actionLabel, auditDetails } from './auditWords.ts';

type Filter = AuditAction | AuditArea;

/** "All actions", then each area with "every … action" first and its actions after. */
const FILTER_OPTIONS = [
  { value: '', label: 'All actions' },
  ...AUDIT_AREAS.map((area) => ({
    group: AREA_LABELS[area],
    items: [
      { value: area, label: `All: ${AREA_LABELS[area].toLowerCase()}` },
      ...AUDIT_ACTIONS.filter((a) => a.startsWith(area)).map((a) => ({ value: a, label: ACTION_LABELS[a] })),
    ],
  })),
];
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
  const [filter, setFilter] = useState<Filter | null>(null);
  const query = usePagedQuery(moderationKeys.auditFiltered(filter), (cursor) => moderationApi.audit(cursor, filter));
  const entries = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="md">
      <NativeSelect
        label="Show"
        data={FILTER_OPTIONS}
        value={filter ?? ''}
        onChange={(e) => {
          const v = e.currentTarget.value;
          setFilter(isFilter(v) ? v : null);
        }}
        maw={360}
      />
      {query.isPending ? (
        <PageLoader label="Loading the audit log…" />
      ) : query.error ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : entries.length === 0 ? (
        <EmptyState title={filter ? 'No events of this kind yet' : 'No audit events yet'} />
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="xs" striped aria-label="Audit log">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Who</Table.Th>
                <Table.Th>Action</Table.Th>
                <Table.Th>Member</Table.Th>
                <Table.Th>Details</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>
                    <TimeAgo iso={e.at} />
                  </Table.Td>
                  <Table.Td>{e.actor ? <Person person={e.actor} /> : <Text span size="sm">The platform</Text>}</Table.Td>
                  <Table.Td>{actionLabel(e.action)}</Table.Td>
                  <Table.Td>
                    {e.subject ? (
                      <Person person={e.subject} />
                    ) : e.subjectType === 'member' && e.subjectId ? (
                      <Text span size="sm">
                        A deleted account
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={0}>
                      {auditDetails(e).map((line) => (
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
