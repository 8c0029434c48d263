import { Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { type ReportReason, SCREENING_FORM_LIMITS, screeningApi } from '../api/screening.ts';
import { FormError } from './FormError.tsx';

/** The reasons in the order they are offered. */
const REASONS: readonly ReportReason[] = ['spam', 'fake', 'scam', 'harassment', 'other'];

const BDI = { bdi: <bdi /> };

/** A post, comment or message of the member's, reported with them: the operators see it as it is now, as evidence. */
export interface ReportedContent {
  kind: 'post' | 'comment' | 'message';
  id: number;
}

const CONTENT_FIELD = { post: 'postId', comment: 'commentId', message: 'messageId' } as const;

interface Props {
  person: { handle: string; name: string };
  /** When reporting an invitation they sent, so the operators see the note and its evidence. */
  invitationId?: number;
  /** When reporting one post, comment or message of theirs. */
  content?: ReportedContent;
  opened: boolean;
  onClose: () => void;
}

/**
 * Reports a member (or an invitation, post, comment or message of theirs) to the operators, with a reason
 * and optional details. The member is not told who reported.
 */
export function ReportDialog({ person, invitationId, content, opened, onClose }: Props) {
  const { t } = useTranslation(['people', 'common']);
  const [reason, setReason] = useState<ReportReason | null>(null);
  const [details, setDetails] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: (r: ReportReason) =>
      screeningApi.report({
        member: person.handle,
        reason: r,
        details: details.trim(),
        ...(invitationId ? { invitationId } : {}),
        ...(content ? { [CONTENT_FIELD[content.kind]]: content.id } : {}),
      }),
    onSuccess: () => {
      notifications.show({
        color: 'teal',
        message: <Trans t={t} i18nKey="report.sent" values={{ name: person.name }} components={BDI} />,
      });
      close();
    },
  });
  const close = () => {
    setReason(null);
    setDetails('');
    setReasonError(null);
    send.reset();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason) {
      setReasonError(t('report.chooseReason'));
      return;
    }
    send.mutate(reason);
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={<Trans t={t} i18nKey={content ? 'report.titleContent' : 'report.title'} values={{ name: person.name, kind: content?.kind ?? '' }} components={BDI} />}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            <Trans t={t} i18nKey={content ? 'report.introContent' : 'report.intro'} values={{ name: person.name }} components={BDI} />
          </Text>
          <Radio.Group label={t('report.reason')} required value={reason} onChange={(v) => { setReason(v as ReportReason); setReasonError(null); }} error={reasonError}>
            <Stack gap="xs" mt="xs">
              {REASONS.map((r) => (
                <Radio key={r} value={r} label={t(`report.reasons.${r}`)} />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            label={t('report.details')}
            description={t('report.detailsHint', { length: details.length, max: SCREENING_FORM_LIMITS.reportDetailsMax })}
            value={details}
            onChange={(e) => setDetails(e.currentTarget.value)}
            maxLength={SCREENING_FORM_LIMITS.reportDetailsMax}
            autosize
            minRows={3}
            maxRows={8}
          />
          <FormError error={send.error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" color="red" loading={send.isPending}>
              {t('report.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
