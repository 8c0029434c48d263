import { Anchor, Button, Stack, Table, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { AdminOrganisation } from '../../../common/schemas/organisations.ts';
import { adminApi } from '../../api/admin.ts';
import { keys } from '../../api/keys.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { EmptyState, ErrorState, PageLoader } from '../../components/PageState.tsx';
import { usePagedQuery } from '../../hooks/usePagedQuery.ts';
import { MergeOrganisationDialog } from './MergeOrganisationDialog.tsx';

/**
 * Organisations by name, for finding duplicates that matching keeps apart on purpose ("Acme Corp" and
 * "Acme Corp.": a symbol is part of a name) and merging one into the other. Listed alphabetically by
 * matching key, so near-duplicates sit next to each other.
 */
export function OrganisationsPanel() {
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const [merging, setMerging] = useState<AdminOrganisation | null>(null);
  const query = usePagedQuery(keys.adminOrganisations(debounced), (cursor) => adminApi.organisations(debounced, cursor));
  const rows = query.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="md">
      <TextInput
        label="Find organisations"
        description="Part of a name; names spelt nearly the same are found too."
        leftSection={<IconSearch size={16} aria-hidden />}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        maw={420}
      />
      {query.isPending ? (
        <PageLoader label="Loading organisations…" />
      ) : query.error ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title="No organisations found">
          {debounced ? (
            <>
              No organisation matches {"'"}
              <bdi>{debounced}</bdi>
              {"'."}
            </>
          ) : (
            'No member has listed an organisation yet.'
          )}
        </EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="sm" striped aria-label="Organisations">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Members</Table.Th>
                <Table.Th>Action</Table.Th>
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
                  <Table.Td>{o.kind}</Table.Td>
                  <Table.Td>{o.members}</Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="light" onClick={() => setMerging(o)} aria-label={`Merge ${o.name} into another organisation`}>
                      Merge…
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
