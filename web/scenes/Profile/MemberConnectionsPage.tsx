import { Anchor, Paper, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { directoryApi } from '../../api/directory.ts';
import { keys } from '../../api/keys.ts';
import { networkApi } from '../../api/network.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, ErrorState, NextSteps, PageLoader } from '../../components/PageState.tsx';
import { PersonCardItem } from '../../components/PersonCardItem.tsx';
import { usePagedQuery } from '../../hooks/usePagedQuery.ts';
import { PagedList } from '../../components/PagedList.tsx';

/** Another member's connections, when their "Who can see my connections" setting lets the viewer look. */
export function MemberConnectionsPage() {
  const { t } = useTranslation('profile');
  const { handle = '' } = useParams();
  const member = useQuery({ queryKey: keys.member(handle), queryFn: () => directoryApi.member(handle) });
  const list = usePagedQuery(keys.memberConnections(handle), (cursor) => networkApi.memberConnections(handle, cursor));
  const name = member.data?.name ?? t('connections.member');
  const bdi = { bdi: <bdi /> };

  if (member.isPending) return <PageLoader />;
  if (member.error instanceof ApiError && member.error.status === 404) {
    return (
      <EmptyState title={t('page.unavailable')} headingLevel={1}>
        {t('page.unavailableHint')}
      </EmptyState>
    );
  }
  if (member.error) return <ErrorState error={member.error} onRetry={() => void member.refetch()} />;
  const isPrivate = list.error instanceof ApiError && list.error.status === 403;
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('connections.title', { name })}
        description={
          <Anchor component={Link} to={`/in/${handle}`}>
            <Trans t={t} i18nKey="connections.back" values={{ name }} components={bdi} />
          </Anchor>
        }
      />
      <Paper p="md" radius="md">
        {isPrivate ? (
          <EmptyState
            title={t('connections.privateTitle')}
            action={<NextSteps steps={[{ to: `/in/${handle}`, label: t('connections.backPlain', { name }) }]} />}
          >
            <Trans t={t} i18nKey="connections.privateBody" values={{ name }} components={bdi} />
          </EmptyState>
        ) : (
          <PagedList
            query={list}
            label={t('connections.title', { name })}
            loadingLabel={t('connections.loading')}
            empty={
              <EmptyState title={t('connections.emptyTitle')} action={<NextSteps steps={[{ to: '/members', label: t('connections.browseMembers') }]} />}>
                <Trans t={t} i18nKey="connections.emptyBody" values={{ name }} components={bdi} />
              </EmptyState>
            }
            renderItem={(c) => <PersonCardItem person={c} />}
          />
        )}
      </Paper>
    </Stack>
  );
}
