import { ActionIcon, Menu } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBan, IconDots, IconFlag, IconLockOpen } from '@tabler/icons-react';
import { Trans, useTranslation } from 'react-i18next';
import { networkApi } from '../../api/network.ts';
import { BlockDialog } from '../../components/BlockDialog.tsx';
import { ReportDialog } from '../../components/ReportDialog.tsx';
import { useNetworkMutation } from '../../hooks/useNetworkMutation.ts';

/** Rare, weighty actions live behind "More" so they are not clicked by accident; blocking asks first. */
export function ProfileMoreMenu({ person, blocked }: { person: { handle: string; name: string }; blocked: boolean }) {
  const { t } = useTranslation('profile');
  const [confirming, { open, close }] = useDisclosure(false);
  const [reporting, report] = useDisclosure(false);
  const named = { values: { name: person.name }, components: { bdi: <bdi /> } };
  const unblock = useNetworkMutation(() => networkApi.unblock(person.handle), {
    success: () => <Trans t={t} i18nKey="actions.unblocked" {...named} />,
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
