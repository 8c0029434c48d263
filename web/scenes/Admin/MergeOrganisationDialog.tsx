import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { AdminOrganisation } from '../../../common/schemas/organisations.ts';
import { adminApi } from '../../api/admin.ts';
import { errorMessage } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';

/**
 * Merges one organisation into another after the operator picks the target and confirms: the members
 * move, each keeps the spelling they typed, the old page and name lead to the target, and the audit log
 * records it. It cannot be undone from here, so the dialog says what will happen first.
 */
export function MergeOrganisationDialog({ from, onClose }: { from: AdminOrganisation | null; onClose: () => void }) {
  const { t } = useTranslation(['admin', 'common']);
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
    .map((o) => ({ value: String(o.id), label: t('merge.option', { name: o.name, count: o.members }) }));

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
          <Trans
            t={t}
            i18nKey="merge.done"
            values={{ from: result.from.name, into: result.into.name, count: result.members }}
            components={{ bdi: <bdi /> }}
          />
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
      title={<Trans t={t} i18nKey="merge.title" values={{ name: from?.name ?? '' }} components={{ bdi: <bdi /> }} />}
      centered
    >
      <Stack>
        <Text size="sm">{t('merge.body', { count: from?.members ?? 0 })}</Text>
        <Select
          label={t('merge.into')}
          placeholder={t('merge.search')}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          data={options}
          filter={({ options: all }) => all}
          value={into}
          onChange={setInto}
          nothingFoundMessage={candidates.isFetching ? t('merge.searching') : t('merge.nothingFound')}
          error={merge.error ? errorMessage(merge.error) : null}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common:actions.cancel')}
          </Button>
          <Button color="red" disabled={into === null} loading={merge.isPending} onClick={() => into && merge.mutate(Number(into))}>
            {t('merge.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
