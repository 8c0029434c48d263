import { Anchor, Badge, Blockquote, Button, Checkbox, Group, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LIMITS } from '../../../common/limits.ts';
import { errorMessage } from '../../api/client.ts';
import { introductionsApi, type IntroductionStep, type IntroductionView } from '../../api/introductions.ts';
import { keys } from '../../api/keys.ts';
import { PersonAvatar } from '../../components/PersonAvatar.tsx';
import { useFormat } from '../../i18n/format.ts';

const BDI = { bdi: <bdi /> };
// The theme's own colour for what is still open (its light badge meets contrast; Mantine's blue does not).
const STATUS_COLOURS = { open: 'brand', accepted: 'teal', declined: 'gray', expired: 'gray' } as const;

/** One introduction: who asks whom through whom, the blurb and notes the reader may see, each step's status, and the reader's actions. */
export function IntroductionItem({ introduction: i }: { introduction: IntroductionView }) {
  const { t } = useTranslation('introductions');
  const format = useFormat();
  const headingId = `introduction-${i.id}`;
  return (
    <Stack gap="sm" py="md" aria-labelledby={headingId} component="article">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          <PersonAvatar name={(i.role === 'requester' ? i.target : i.requester).name} photoUrl={(i.role === 'requester' ? i.target : i.requester).photoUrl} size={44} />
          <Text fw={600} id={headingId}>
            <Trans t={t} i18nKey={`headline.${i.role}`} values={{ requester: i.requester.name, target: i.target.name }} components={BDI} />
          </Text>
        </Group>
        <Badge variant="light" color={STATUS_COLOURS[i.status]}>
          {t(`status.${i.status}`)}
        </Badge>
      </Group>
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          <Trans t={t} i18nKey="blurb" values={{ name: i.requester.name }} components={BDI} />
        </Text>
        <Blockquote p="sm" style={{ whiteSpace: 'pre-wrap' }} dir="auto">
          {i.blurb}
        </Blockquote>
      </Stack>
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {t('steps')}
        </Text>
        <Stack component="ol" gap={6} style={{ margin: 0, paddingInlineStart: '1.25rem' }}>
          {i.steps.map((s) => (
            <li key={s.person.id}>
              <Text size="sm">
                <Trans t={t} i18nKey={`step.${s.status}`} values={{ name: s.person.name }} components={BDI} />
              </Text>
              {s.note && (
                <Text size="sm" c="dimmed" dir="auto">
                  <Trans t={t} i18nKey="note" values={{ name: s.person.name }} components={BDI} />: {s.note}
                </Text>
              )}
              {s.reason && (
                <Text size="sm" c="dimmed" dir="auto">
                  <Trans t={t} i18nKey="reason" values={{ name: s.person.name }} components={BDI} />: {s.reason}
                </Text>
              )}
              {s.dontKnow && (
                <Text size="sm" c="dimmed">
                  {t('dontKnowMarked')}
                </Text>
              )}
            </li>
          ))}
        </Stack>
      </Stack>
      {i.status === 'open' && (
        <Text size="xs" c="dimmed">
          {t('expires', { date: format.date(i.expiresAt) })}
        </Text>
      )}
      <StepActions introduction={i} />
    </Stack>
  );
}

function StepActions({ introduction: i }: { introduction: IntroductionView }) {
  const { t } = useTranslation('introductions');
  const client = useQueryClient();
  const [open, setOpen] = useState<'forward' | 'decline' | null>(null);
  const [text, setText] = useState('');
  const [dontKnow, setDontKnow] = useState(false);
  const step = useMutation({
    mutationFn: (action: IntroductionStep) =>
      action === 'forward'
        ? introductionsApi.forward(i.id, text.trim())
        : action === 'decline'
          ? introductionsApi.decline(i.id, text.trim(), dontKnow)
          : action === 'accept'
            ? introductionsApi.accept(i.id)
            : introductionsApi.leave(i.id),
    onSuccess: async (_, action) => {
      notifications.show({ color: 'teal', message: t(`done.${action}`) });
      setOpen(null);
      setText('');
      await client.invalidateQueries({ queryKey: keys.introductions });
    },
  });
  const mine = i.steps.findIndex((s) => s.status === 'waiting');
  const next = i.steps[mine + 1]?.person ?? null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (open) step.mutate(open);
  };

  const error = step.error && (
    <Text size="sm" c="red" role="alert">
      {errorMessage(step.error)}
    </Text>
  );
  if (open) {
    const label =
      open === 'forward' ? (
        <Trans t={t} i18nKey="actions.forwardNote" values={{ name: next?.name ?? '' }} components={BDI} />
      ) : (
        <Trans t={t} i18nKey="actions.declineReason" values={{ name: i.requester.name }} components={BDI} />
      );
    return (
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Textarea
            label={label}
            description={t('actions.length', { length: text.length, max: LIMITS.introductionNoteMax })}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            maxLength={LIMITS.introductionNoteMax}
            autosize
            minRows={2}
            maxRows={6}
            data-autofocus
            autoFocus
          />
          {open === 'decline' && <Checkbox label={t('actions.dontKnow')} checked={dontKnow} onChange={(e) => setDontKnow(e.currentTarget.checked)} />}
          {error}
          <Group gap="sm" justify="flex-end">
            <Button variant="default" onClick={() => setOpen(null)}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={step.isPending} color={open === 'decline' ? 'gray' : undefined}>
              {open === 'forward' ? <Trans t={t} i18nKey="actions.forwardTo" values={{ name: next?.name ?? '' }} components={BDI} /> : t('actions.decline')}
            </Button>
          </Group>
        </Stack>
      </form>
    );
  }
  const { abilities } = i;
  if (!abilities.forward && !abilities.accept && !abilities.decline && !abilities.leave && i.conversationId === null) return null;
  return (
    <Stack gap="xs">
      <Group gap="sm" wrap="wrap">
        {abilities.forward && <Button onClick={() => setOpen('forward')}>{t('actions.forward')}</Button>}
        {abilities.accept && (
          <Button onClick={() => step.mutate('accept')} loading={step.isPending}>
            {t('actions.accept')}
          </Button>
        )}
        {abilities.decline && (
          <Button variant="default" onClick={() => setOpen('decline')}>
            {t('actions.decline')}
          </Button>
        )}
        {i.conversationId !== null && (
          <Anchor component={Link} to={`/messages/${i.conversationId}`} size="sm">
            {t('actions.openConversation')}
          </Anchor>
        )}
        {abilities.leave && (
          <Button variant="subtle" size="compact-sm" onClick={() => step.mutate('leave')} loading={step.isPending}>
            {t('actions.leave')}
          </Button>
        )}
      </Group>
      {error}
    </Stack>
  );
}
