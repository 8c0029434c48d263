import { ActionIcon, Menu } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconBan, IconDots, IconFlag, IconLockOpen, IconStar } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Trans, useTranslation } from 'react-i18next';
import { admireApi } from '../../api/admire.ts';
import { errorMessage } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { networkApi } from '../../api/network.ts';
import { BlockDialog } from '../../components/BlockDialog.tsx';
import { ReportDialog } from '../../components/ReportDialog.tsx';
import { useNetworkMutation } from '../../hooks/useNetworkMutation.ts';

/** Rare, weighty actions live behind "More" so they are not clicked by accident; blocking asks first. */
export function ProfileMoreMenu({ person, blocked }: { person: { handle: string; name: string }; blocked: boolean }) {
  const { t } = useTranslation(['profile', 'admire']);
  const [confirming, { open, close }] = useDisclosure(false);
  const [reporting, report] = useDisclosure(false);
  const named = { values: { name: person.name }, components: { bdi: <bdi /> } };
  const unblock = useNetworkMutation(() => networkApi.unblock(person.handle), {
    success: () => <Trans t={t} i18nKey="actions.unblocked" {...named} />,
  });
  const client = useQueryClient();
  // "Admire": onto the private admire list (issue 15); a second time says it is already there.
  const admire = useMutation({
    mutationFn: () => admireApi.add({ member: person.handle }, ''),
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: t('admire:add.added', { name: person.name }) });
      await client.invalidateQueries({ queryKey: keys.admire });
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });
  return (
    <>
      <Menu position="bottom-end" withArrow>
        <Menu.Target>
          <ActionIcon variant="default" size="lg" aria-label={t('actions.more', { name: person.name })}>
            <IconDots size={18} aria-hidden />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {!blocked && (
            <Menu.Item leftSection={<IconStar size={16} aria-hidden />} onClick={() => admire.mutate()}>
              {t('admire:profileAction')}
            </Menu.Item>
          )}
          <Menu.Item leftSection={<IconFlag size={16} aria-hidden />} onClick={report.open}>
            <Trans t={t} i18nKey="actions.report" {...named} />
          </Menu.Item>
          {blocked ? (
            <Menu.Item leftSection={<IconLockOpen size={16} aria-hidden />} onClick={() => unblock.mutate(undefined)}>
              <Trans t={t} i18nKey="actions.unblock" {...named} />
            </Menu.Item>
          ) : (
            <Menu.Item color="red" leftSection={<IconBan size={16} aria-hidden />} onClick={open}>
              <Trans t={t} i18nKey="actions.block" {...named} />
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      <BlockDialog person={person} opened={confirming} onClose={close} />
      <ReportDialog person={person} opened={reporting} onClose={report.close} />
    </>
  );
}
