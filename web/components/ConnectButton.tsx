import { Button, type ButtonProps } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { InvitationContext } from '../api/types.ts';
import { ConnectDialog } from './ConnectDialog.tsx';

interface Props extends Pick<ButtonProps, 'size' | 'variant'> {
  person: { handle: string; name: string };
  context: InvitationContext;
}

/** "Connect" beside a person in a list; opens the note composer. The name is in the label so a list of them stays distinguishable. */
export function ConnectButton({ person, context, size = 'xs', variant = 'light' }: Props) {
  const [opened, { open, close }] = useDisclosure(false);
  const { t } = useTranslation('people');
  return (
    <>
      <Button size={size} variant={variant} leftSection={<IconUserPlus size={14} aria-hidden />} onClick={open} aria-label={t('connect.actionLabel', { name: person.name })}>
        {t('connect.action')}
      </Button>
      <ConnectDialog person={person} context={context} opened={opened} onClose={close} />
    </>
  );
}
