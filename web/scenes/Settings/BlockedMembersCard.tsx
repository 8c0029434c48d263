import { Divider, Paper, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Fragment } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { keys } from '../../api/keys.ts';
import { networkApi } from '../../api/network.ts';
import type { BlockedCard } from '../../api/types.ts';
import { ErrorState, PageLoader } from '../../components/PageState.tsx';
import { PersonCardItem } from '../../components/PersonCardItem.tsx';
import { RelationshipButton } from '../../components/RelationshipButton.tsx';
import { useFormat } from '../../i18n/format.ts';

/** Members the viewer blocked. Blocked members cannot be found in search, so this is the one place to unblock them. */
export function BlockedMembersCard() {
  const { t } = useTranslation('settings');
  const query = useQuery({ queryKey: keys.blocks, queryFn: networkApi.blocks });
  return (
    <Paper p="lg" radius="md" component="section" aria-labelledby="blocked-heading">
      <Title order={2} fz="h4" id="blocked-heading" mb={4}>
        {t('blocked.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('blocked.intro')}
      </Text>
      {query.isPending ? (
        <PageLoader label={t('blocked.loading')} />
      ) : query.error ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <Text size="sm">{t('blocked.none')}</Text>
      ) : (
        <ul aria-label={t('blocked.list')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {query.data.items.map((b, i) => (
            <Fragment key={b.id}>
              {i > 0 && <Divider component="li" aria-hidden />}
              <li>
                <BlockedMember member={b} />
              </li>
            </Fragment>
          ))}
        </ul>
      )}
    </Paper>
  );
}

function BlockedMember({ member }: { member: BlockedCard }) {
  const { t } = useTranslation('settings');
  const format = useFormat();
  return (
    <PersonCardItem
      person={member}
      extra={
        <Text size="xs" c="dimmed">
          {/* One message around the relative time (not a prefix glued to it), so each language orders its own words. */}
          <time dateTime={member.blockedAt} title={format.dateTime(member.blockedAt)}>
            {t('blocked.blockedAgo', { time: format.timeAgo(member.blockedAt) })}
          </time>
        </Text>
      }
      actions={
        <RelationshipButton
          change={() => networkApi.unblock(member.handle)}
          done={<Trans t={t} i18nKey="blocked.unblocked" values={{ name: member.name }} components={{ bdi: <bdi /> }} />}
          label={t('blocked.unblock')}
          accessibleLabel={t('blocked.unblockLabel', { name: member.name })}
        />
      }
    />
  );
}
