import { Anchor, Badge, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { adminApi } from '../../api/admin.ts';
import { keys } from '../../api/keys.ts';
import type { AdminMember } from '../../api/types.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { EmptyState, ErrorState, PageLoader } from '../../components/PageState.tsx';
import { useFormat } from '../../i18n/format.ts';
import { LiftRestrictionsDialog } from './LiftRestrictionsDialog.tsx';
import { CAUTION_TEXT } from './MemberEvidence.tsx';
import { RestrictionLabel } from './RestrictionLabel.tsx';
import { type RoleChange, RoleDialog } from './RoleDialog.tsx';
import { SuspendDialog } from './SuspendDialog.tsx';

/** The buttons a row offers: exactly what the server's policy says this operator may do to this member. */
function MemberActions({ member: m, selfId, onSuspend, onRole, onLift }: {
  member: AdminMember;
  selfId: number;
  onSuspend: () => void;
  onRole: (change: RoleChange['change']) => void;
  onLift: () => void;
}) {
  const { t } = useTranslation('admin');
  const self = m.id === selfId;
  if (!Object.values(m.can).some(Boolean)) return null;
  return (
    <Group gap={6} wrap="wrap" role="group" aria-label={t('members.actionsFor', { name: m.name })}>
      {(m.can.suspend || m.can.reinstate) && (
        <Button size="xs" variant="light" color={m.can.suspend ? 'red' : 'teal'} onClick={onSuspend}>
          {m.can.suspend ? t('members.suspend') : t('members.reinstate')}
        </Button>
      )}
      {m.can.liftRestrictions && (
        <Button size="xs" variant="light" color="teal" onClick={onLift}>
          {t('members.liftRestrictions')}
        </Button>
      )}
      {m.can.promote && (
        <Button size="xs" variant="default" onClick={() => onRole('promote')}>
          {t('members.makeOperator')}
        </Button>
      )}
      {m.can.demote && (
        <Button size="xs" variant="default" onClick={() => onRole('demote')}>
          {self ? t('members.stopBeingOperator') : t('members.removeOperator')}
        </Button>
      )}
    </Group>
  );
}

/** Every member, searchable: status and restrictions (with their end), and suspend, lift and operator roles. */
export function MembersPanel({ selfId }: { selfId: number }) {
  const { t } = useTranslation('admin');
  const format = useFormat();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const [suspending, setSuspending] = useState<AdminMember | null>(null);
  const [lifting, setLifting] = useState<AdminMember | null>(null);
  const [roleChange, setRoleChange] = useState<RoleChange | null>(null);
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
        label={t('members.find')}
        placeholder={t('members.findPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        maw={420}
      />
      {query.isPending ? (
        <PageLoader label={t('members.loading')} />
      ) : query.error ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title={t('members.emptyTitle')}>
          {debounced ? (
            <Trans t={t} i18nKey="members.noMatch" values={{ query: debounced }} components={{ bdi: <bdi /> }} />
          ) : (
            t('members.nobodyYet')
          )}
        </EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={820}>
          <Table verticalSpacing="sm" striped aria-label={t('members.table')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('members.columns.name')}</Table.Th>
                <Table.Th>{t('members.columns.email')}</Table.Th>
                <Table.Th>{t('members.columns.role')}</Table.Th>
                <Table.Th>{t('members.columns.status')}</Table.Th>
                <Table.Th>{t('members.columns.joined')}</Table.Th>
                <Table.Th>{t('members.columns.actions')}</Table.Th>
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
                        {t('members.unverified')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{m.role === 'admin' ? t('members.operator') : t('members.member')}</Table.Td>
                  <Table.Td>
                    <Stack gap={4} align="flex-start">
                      <Badge variant="light" color={m.status === 'active' ? 'teal' : 'red'}>
                        {m.status === 'active' ? t('members.active') : t('members.suspended')}
                      </Badge>
                      {m.restrictions.map((r) => (
                        <Text key={r.kind} size="xs" c={CAUTION_TEXT} title={r.reason}>
                          <RestrictionLabel restriction={r} />
                        </Text>
                      ))}
                    </Stack>
                  </Table.Td>
                  <Table.Td>{format.date(m.createdAt)}</Table.Td>
                  <Table.Td>
                    <MemberActions
                      member={m}
                      selfId={selfId}
                      onSuspend={() => setSuspending(m)}
                      onRole={(change) => setRoleChange({ member: m, change })}
                      onLift={() => setLifting(m)}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMore query={query} />
      <SuspendDialog member={suspending} onClose={() => setSuspending(null)} />
      <LiftRestrictionsDialog member={lifting} onClose={() => setLifting(null)} />
      <RoleDialog pending={roleChange} selfId={selfId} onClose={() => setRoleChange(null)} />
    </Stack>
  );
}
