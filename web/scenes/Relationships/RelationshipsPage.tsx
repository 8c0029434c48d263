import { Select, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { keys } from '../../api/keys.ts';
import { relationshipsApi } from '../../api/relationships.ts';
import { FilteredListPage } from '../../components/FilteredListPage.tsx';
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
    <FilteredListPage
      title={t('list.title')}
      description={t('list.description')}
      action={{ to: '/keep-in-touch', label: t('list.keepInTouch') }}
      filters={
        <Select
          label={t('list.filter')}
          data={[{ value: '', label: t('list.allTags') }, ...(tags.data?.items ?? []).map((x) => ({ value: String(x.id), label: x.name }))]}
          value={tag ? String(tag) : ''}
          onChange={(v) => setParams(v ? { tag: v } : {}, { replace: true })}
          allowDeselect={false}
          w={{ base: '100%', xs: 280 }}
        />
      }
      filtered={tag !== null}
      noResults={t('list.emptyTag')}
      empty={{ title: t('list.empty.title'), body: t('list.empty.body'), action: { to: '/network?tab=connections', label: t('list.empty.action') } }}
      query={query}
      label={t('list.label')}
      loadingLabel={t('list.loading')}
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
  );
}
