import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { AdminOrganisation } from '../../../common/schemas/organisations.ts';
import { adminApi } from '../../api/admin.ts';
import { errorMessage } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/**
 * Merges one organisation into another after the operator picks the target and confirms: the members
 * move, each keeps the spelling they typed, the old page and name lead to the target, and the audit log
 * records it. It cannot be undone from here, so the dialog says what will happen first.
 */
export function MergeOrganisationDialog({ from, onClose }: { from: AdminOrganisation | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const [into, setInto] = useState<string | null>(null);
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const candidates = useQuery({
    queryKey: keys.adminOrganisationTargets(debounced),
    queryFn: () => adminApi.organisations(debounced),
    enabled: from !== null,
    placeholderData: keepPreviousData,
  });
  const options = (candidates.data?.items ?? [])
    .filter((o) => o.id !== from?.id)
    .map((o) => ({ value: String(o.id), label: `${o.name} (${plural(o.members, 'member')})` }));

  const close = () => {
    setSearch('');
    setInto(null);
    merge.reset();
    onClose();
  };
  const merge = useMutation({
    mutationFn: (target: number) => adminApi.mergeOrganisation(from!.id, target),
    onSuccess: (result) => {
      notifications.show({
        color: 'teal',
        message: (
          <>
            <bdi>{result.from.name}</bdi> merged into <bdi>{result.into.name}</bdi>: {plural(result.members, 'member')} moved.
          </>
        ),
      });
      void queryClient.invalidateQueries({ queryKey: ['admin'] });
      void queryClient.invalidateQueries({ queryKey: ['organisation'] });
      close();
    },
  });

  return (
    <Modal
      opened={from !== null}
      onClose={close}
      title={
        <>
          Merge <bdi>{from?.name}</bdi> into another organisation
        </>
      }
      centered
    >
      <Stack>
        <Text size="sm">
          Its {plural(from?.members ?? 0, 'member')} move to the organisation you choose. Each keeps the name they typed on their
          profile; its page and its name lead to the other from now on. The merge is recorded in the audit log and cannot be undone
          here.
        </Text>
        <Select
          label="Merge into"
          placeholder="Search organisations"
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          data={options}
          filter={({ options: all }) => all}
          value={into}
          onChange={setInto}
          nothingFoundMessage={candidates.isFetching ? 'Searching…' : 'No other organisation matches'}
          error={merge.error ? errorMessage(merge.error) : null}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button color="red" disabled={into === null} loading={merge.isPending} onClick={() => into && merge.mutate(Number(into))}>
            Merge organisations
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
