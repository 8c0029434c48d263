import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  opened: boolean;
  title: ReactNode;
  children: ReactNode;
  confirmLabel: string;
  /** Destructive actions (remove, block) get a red confirm button. */
  danger?: boolean;
  loading?: boolean;
  /**
   * Give focus back to what opened the dialog when it closes (the default). Off when confirming removes that
   * very thing (deleting a post from its menu) and the caller moves focus somewhere that remains.
   */
  returnFocus?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

/** Asks before a change that is hard to undo; Cancel has focus first so Enter never destroys by accident. */
export function ConfirmDialog({ opened, title, children, confirmLabel, danger = false, loading = false, returnFocus = true, onConfirm, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} returnFocus={returnFocus}>
      <Stack gap="md">
        <Text size="sm">{children}</Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('actions.cancel')}
          </Button>
          <Button color={danger ? 'red' : undefined} loading={loading} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
