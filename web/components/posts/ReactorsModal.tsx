import { Divider, Group, Modal, Stack, Tabs, Text } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keys } from '../../api/keys.ts';
import { type ReactionKind, type ReactionSummary, type ReactionTarget, postsApi } from '../../api/posts.ts';
import { usePagedQuery } from '../../hooks/usePagedQuery.ts';
import { LoadMore } from '../LoadMore.tsx';
import { ErrorState, PageLoader } from '../PageState.tsx';
import { PersonCardItem } from '../PersonCardItem.tsx';
import { ReactionIcon } from './ReactionIcon.tsx';
import { kindsByCount } from './reactions.ts';

type Filter = ReactionKind | 'all';

/** "Who reacted": everyone, or one kind, each person with their degree badge and mutual count, a page at a time. */
export function ReactorsModal({ target, summary, onClose }: { target: ReactionTarget; summary: ReactionSummary; onClose: () => void }) {
  const { t } = useTranslation(['feed', 'people']);
  const [filter, setFilter] = useState<Filter>('all');
  const kinds = kindsByCount(summary);
  return (
    <Modal opened onClose={onClose} title={t('reactions.who.title')}>
      <Tabs value={filter} onChange={(v) => v && setFilter(v as Filter)}>
        <Tabs.List aria-label={t('reactions.who.filter')} mb="sm">
          <Tabs.Tab value="all">{t('reactions.who.all', { count: summary.total })}</Tabs.Tab>
          {kinds.map(({ kind, count }) => (
            <Tabs.Tab key={kind} value={kind} leftSection={<ReactionIcon kind={kind} />}>
              {t('reactions.who.kind', { kind: t(`reactions.kinds.${kind}`), count })}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {(['all', ...kinds.map((k) => k.kind)] as Filter[]).map((value) => (
          <Tabs.Panel key={value} value={value}>
            {value === filter && <Reactors target={target} kind={value === 'all' ? null : value} />}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Modal>
  );
}

function Reactors({ target, kind }: { target: ReactionTarget; kind: ReactionKind | null }) {
  const { t } = useTranslation('feed');
  const query = usePagedQuery(keys.reactors(target, kind), (cursor) => postsApi.reactors(target, kind, cursor));
  if (query.isPending) return <PageLoader label={t('reactions.who.loading')} />;
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const people = query.data.pages.flatMap((p) => p.items);
  if (people.length === 0) return <Text size="sm" c="dimmed">{t('reactions.who.empty')}</Text>;
  return (
    <Stack gap="xs">
      <ul aria-label={t('reactions.who.list')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {people.map((person, i) => (
          <Fragment key={person.id}>
            {i > 0 && <Divider component="li" aria-hidden />}
            <li>
              <PersonCardItem
                person={person}
                extra={
                  <Group gap={4} wrap="nowrap">
                    <ReactionIcon kind={person.kind} size={14} />
                    <Text size="xs" c="dimmed">
                      {t('reactions.who.reacted', { kind: t(`reactions.kinds.${person.kind}`) })}
                    </Text>
                  </Group>
                }
              />
            </li>
          </Fragment>
        ))}
      </ul>
      <LoadMore query={query} />
    </Stack>
  );
}
