import { Button, Group, Paper, Select, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { keys } from '../../api/keys.ts';
import { relationshipsApi } from '../../api/relationships.ts';
import { PagedList } from '../../components/PagedList.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, NextSteps } from '../../components/PageState.tsx';
import { PersonCardItem } from '../../components/PersonCardItem.tsx';
import { usePagedQuery } from '../../hooks/usePagedQuery.ts';
import { LastInteraction, TagBadges } from './relationshipWords.tsx';

/** Everyone I keep a card on (notes, tags, a cadence), by name, filterable by one of my tags (?tag=). Mine alone. */
export function RelationshipsPage() {
  const { t } = useTranslation(['relationships', 'people']);
  const [params, setParams] = useSearchParams();
  const tag = Number(params.get('tag')) || null;
  const tags = useQuery({ queryKey: keys.relationshipTags, queryFn: relationshipsApi.tags });
  const query = usePagedQuery(keys.relationshipList(tag), (cursor) => relationshipsApi.list(tag, cursor));
  return (
    <>
      <PageHeader
        title={t('list.title')}
        description={t('list.description')}
        actions={
          <Button component={Link} to="/keep-in-touch" variant="default">
            {t('list.keepInTouch')}
          </Button>
        }
      />
      <Paper p="md" radius="md">
        <Group mb="sm">
          <Select
            label={t('list.filter')}
            data={[{ value: '', label: t('list.allTags') }, ...(tags.data?.items ?? []).map((x) => ({ value: String(x.id), label: x.name }))]}
            value={tag ? String(tag) : ''}
            onChange={(v) => setParams(v ? { tag: v } : {}, { replace: true })}
            allowDeselect={false}
            w={{ base: '100%', xs: 280 }}
          />
        </Group>
        <PagedList
          query={query}
          label={t('list.label')}
          loadingLabel={t('list.loading')}
          empty={
            tag ? (
              <Text c="dimmed">{t('list.emptyTag')}</Text>
            ) : (
              <EmptyState title={t('list.empty.title')} action={<NextSteps steps={[{ to: '/network?tab=connections', label: t('list.empty.action') }]} />}>
                {t('list.empty.body')}
              </EmptyState>
            )
          }
          renderItem={(p) => (
            <PersonCardItem
              person={p}
              extra={
                <>
                  <TagBadges tags={p.tags} />
                  <Text size="xs" c="dimmed">
                    <LastInteraction last={p.lastInteraction} />
                  </Text>
                </>
              }
            />
          )}
        />
      </Paper>
    </>
  );
}
