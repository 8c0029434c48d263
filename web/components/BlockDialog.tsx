import { Trans, useTranslation } from 'react-i18next';
import { networkApi } from '../api/network.ts';
import { useNetworkMutation } from '../hooks/useNetworkMutation.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';

const BDI = { bdi: <bdi /> };

interface Props {
  person: { handle: string; name: string };
  opened: boolean;
  onClose: () => void;
  /** After the block is saved (before onClose), e.g. to leave a conversation that the block now hides. */
  onBlocked?: () => void;
}

/** Blocking is one click and one confirmation, from a profile or straight from an invitation. */
export function BlockDialog({ person, opened, onClose, onBlocked }: Props) {
  const { t } = useTranslation('people');
  const name = { name: person.name };
  const block = useNetworkMutation(() => networkApi.block(person.handle), {
    success: () => <Trans t={t} i18nKey="block.blocked" values={name} components={BDI} />,
  });
  return (
    <ConfirmDialog
      opened={opened}
      title={<Trans t={t} i18nKey="block.title" values={name} components={BDI} />}
      confirmLabel={t('block.confirm')}
      danger
      loading={block.isPending}
      onClose={onClose}
      onConfirm={() =>
        block.mutate(undefined, {
          onSuccess: () => {
            onBlocked?.();
            onClose();
          },
        })
      }
    >
      <Trans t={t} i18nKey="block.body" values={name} components={BDI} />
    </ConfirmDialog>
  );
}
