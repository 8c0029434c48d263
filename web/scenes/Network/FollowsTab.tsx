import { Text } from '@mantine/core';
import { Trans, useTranslation } from 'react-i18next';
import { keys } from '../../api/keys.ts';
import { type FollowDirection, networkApi } from '../../api/network.ts';
import { EmptyState, NextSteps } from '../../components/PageState.tsx';
import { PersonCardItem } from '../../components/PersonCardItem.tsx';
import { RelationshipButton } from '../../components/RelationshipButton.tsx';
import { TimeAgo } from '../../components/TimeAgo.tsx';
import { usePagedQuery } from '../../hooks/usePagedQuery.ts';
import { PagedList } from '../../components/PagedList.tsx';

/** Followers or followees, newest first; following can be undone from here. */
export function FollowsTab({ direction }: { direction: FollowDirection }) {
  const { t } = useTranslation('network');
  const query = usePagedQuery(keys.follows(direction), (cursor) => networkApi.follows(direction, cursor));
  return (
    <PagedList
      query={query}
      label={t(`follows.${direction}.label`)}
      loadingLabel={t(`follows.${direction}.loading`)}
      empty={
        <EmptyState title={t(`follows.${direction}.emptyTitle`)} action={<NextSteps steps={[{ to: '/members', label: t('steps.members') }]} />}>
          {t(`follows.${direction}.empty`)}
        </EmptyState>
      }
      renderItem={(f) => (
        <PersonCardItem
          person={f}
          extra={
            <Text size="xs" c="dimmed">
              <TimeAgo iso={f.followedAt} prefix={t(`follows.${direction}.since`)} />
            </Text>
          }
          actions={
            direction === 'following' ? (
              <RelationshipButton
                change={() => networkApi.unfollow(f.handle)}
                done={<Trans t={t} i18nKey="follows.unfollowed" values={{ name: f.name }} components={{ bdi: <bdi /> }} />}
                label={t('follows.unfollow')}
                accessibleLabel={t('follows.unfollowLabel', { name: f.name })}
              />
            ) : undefined
          }
        />
      )}
    />
  );
}
