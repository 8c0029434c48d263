import { Anchor, Button, Stack, Table, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AdminOrganisation } from '../../../common/schemas/organisations.ts';
import { adminApi } from '../../api/admin.ts';
import { keys } from '../../api/keys.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { EmptyState, ErrorState, PageLoader } from '../../components/PageState.tsx';
import { usePagedQuery } from '../../hooks/usePagedQuery.ts';
import { useFormat } from '../../i18n/format.ts';
import { MergeOrganisationDialog } from './MergeOrganisationDialog.tsx';

/**
 * Organisations by name, for finding duplicates that matching keeps apart on purpose ("Acme Corp" and
 * "Acme Corp.": a symbol is part of a name) and merging one into the other. Listed alphabetically by
 * matching key, so near-duplicates sit next to each other.
 */
export function OrganisationsPanel() {
  const { t } = useTranslation('admin');
  const format = useFormat();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const [merging, setMerging] = useState<AdminOrganisation | null>(null);
  const query = usePagedQuery(keys.adminOrganisations(debounced), (cursor) => adminApi.organisations(debounced, cursor));
  const rows = query.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="md">
      <TextInput
        label={t('organisations.find')}
        description={t('organisations.findHint')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        maw={420}
      />
      {query.isPending ? (
        <PageLoader label={t('organisations.loading')} />
      ) : query.error ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title={t('organisations.emptyTitle')}>
          {debounced ? (
            <Trans t={t} i18nKey="organisations.noMatch" values={{ query: debounced }} components={{ bdi: <bdi /> }} />
          ) : (
            t('organisations.noneYet')
          )}
        </EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="sm" striped aria-label={t('organisations.table')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('organisations.columns.name')}</Table.Th>
                <Table.Th>{t('organisations.columns.kind')}</Table.Th>
                <Table.Th>{t('organisations.columns.members')}</Table.Th>
                <Table.Th>{t('organisations.columns.action')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/org/${o.slug}`} underline="hover" dir="auto">
                      {o.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t(`organisations.kinds.${o.kind}`)}</Table.Td>
                  <Table.Td>{format.number(o.members)}</Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="light" onClick={() => setMerging(o)} aria-label={t('organisations.mergeLabel', { name: o.name })}>
                      {t('organisations.merge')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMore query={query} />
      <MergeOrganisationDialog from={merging} onClose={() => setMerging(null)} />
    </Stack>
  );
}
