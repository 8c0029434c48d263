import { Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { LIMITS } from '../../../common/limits.ts';
import { type ContactFilter, contactsApi } from '../../api/contacts.ts';
import { FilteredListPage } from '../../components/FilteredListPage.tsx';
import { usePagedQuery } from '../../hooks/usePagedQuery.ts';
import { ContactItem } from './ContactItem.tsx';
import { contactKeys } from './contactWords.ts';

const FILTERS: ContactFilter[] = ['all', 'matched', 'unmatched'];
const isFilter = (v: string | null): v is ContactFilter => FILTERS.includes(v as ContactFilter);

/**
 * My contacts (issue 14): the people I imported, private to me, searchable and filtered by whether they are
 * here. The search and filter live in the address (?q=&show=) so a reload or Back keeps them.
 */
export function ContactsPage() {
  const { t } = useTranslation('contacts');
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const show = params.get('show');
  const matched: ContactFilter = isFilter(show) ? show : 'all';
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const query = usePagedQuery(contactKeys.list(debounced, matched), (cursor) => contactsApi.list(debounced, matched, cursor));
  const update = (change: { q?: string; show?: ContactFilter }) => {
    const next = { q, show: matched, ...change };
    setParams({ ...(next.q ? { q: next.q } : {}), ...(next.show !== 'all' ? { show: next.show } : {}) }, { replace: true });
  };

  return (
    <FilteredListPage
      title={t('page.title')}
      description={t('page.description')}
      action={{ to: '/settings/import', label: t('page.import') }}
      filters={
        <>
          <TextInput
            type="search"
            label={t('filter.search')}
            placeholder={t('filter.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={q}
            maxLength={LIMITS.searchQueryMax}
            onChange={(e) => update({ q: e.currentTarget.value })}
            w={{ base: '100%', xs: 280 }}
          />
          <Select
            label={t('filter.label')}
            data={FILTERS.map((f) => ({ value: f, label: t(`filter.${f}`) }))}
            value={matched}
            onChange={(v) => update({ show: isFilter(v) ? v : 'all' })}
            allowDeselect={false}
            w={{ base: '100%', xs: 240 }}
          />
        </>
      }
      filtered={debounced !== '' || matched !== 'all'}
      noResults={t('list.noResults')}
      empty={{ title: t('list.empty.title'), body: t('list.empty.body'), action: { to: '/settings/import', label: t('list.empty.action') } }}
      query={query}
      label={t('list.label')}
      loadingLabel={t('list.loading')}
      renderItem={(c) => <ContactItem contact={c} />}
    />
  );
}
