import { Button, Group, Modal, NativeSelect, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client.ts';
import { type ModerationActionName, moderationApi, moderationKeys } from '../../api/moderation.ts';
import { RequiredReasonField, useRequiredReason } from './RequiredReason.tsx';

export interface PendingAction {
  type: 'flag' | 'report';
  id: number;
  action: ModerationActionName;
  /** Who it applies to, for the confirmation text: "Growth Pro 1 and 7 others". */
  who: string;
}

/** How long a restriction can last, in days; none is until an operator lifts it (the Members tab has Lift restrictions). */
const DURATIONS = [1, 7, 30, 90, 365];

/** Confirms one moderation action; the reason is required and goes to the audit log (and to the member for warn and restrict). */
export function ModerationActionDialog({ pending, onClose }: { pending: PendingAction | null; onClose: () => void }) {
  const { t } = useTranslation(['admin', 'common']);
  const queryClient = useQueryClient();
  const reason = useRequiredReason();
  const [days, setDays] = useState('');
  const act = useMutation({
    mutationFn: (p: PendingAction) => moderationApi.act(p.type, p.id, p.action, reason.value.trim(), p.action === 'restrict' && days ? Number(days) : undefined),
    onSuccess: (result) => {
      notifications.show({ color: 'teal', message: t('moderation.done', { action: t(`moderation.actions.${result.action}`), count: result.members.length }) });
      void queryClient.invalidateQueries({ queryKey: moderationKeys.queue });
      void queryClient.invalidateQueries({ queryKey: moderationKeys.audit });
      void queryClient.invalidateQueries({ queryKey: ['admin', 'members'] });
      close();
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });
  const close = () => {
    reason.reset();
    setDays('');
    onClose();
  };
  const durations = [
    { value: '', label: t('moderation.untilLifted') },
    ...DURATIONS.map((d) => ({
      value: String(d),
      label: d === 365 ? t('moderation.years', { years: 1 }) : t('moderation.days', { days: d }),
    })),
  ];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    reason.touch();
    if (!reason.missing && pending) act.mutate(pending);
  };

  return (
    <Modal opened={pending !== null} onClose={close} title={
        pending ? (
          <Trans
            t={t}
            i18nKey="moderation.dialogTitle"
            values={{ action: t(`moderation.actions.${pending.action}`), who: pending.who }}
            components={{ bdi: <bdi /> }}
          />
        ) : (
          ''
        )
      } centered>
      {pending && (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">{t(`moderation.consequences.${pending.action}`)}</Text>
            <RequiredReasonField
              reason={reason}
              label={t('moderation.reason')}
              description={pending.action === 'warn' || pending.action === 'restrict' ? t('moderation.memberReads') : t('moderation.keptInAudit')}
              missingText={t('moderation.giveReason')}
            />
            {pending.action === 'restrict' && (
              <NativeSelect
                label={t('moderation.howLong')}
                description={t('moderation.howLongHint')}
                data={durations}
                value={days}
                onChange={(e) => setDays(e.currentTarget.value)}
              />
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common:actions.cancel')}
              </Button>
              <Button type="submit" color={pending.action === 'dismiss' ? 'teal' : 'red'} loading={act.isPending}>
                {t(`moderation.actions.${pending.action}`)}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
