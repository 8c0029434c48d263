import { Anchor, Blockquote, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { IconMessageCircleUp, IconPencil } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LIMITS } from '../../../common/limits.ts';
import { endorsementsApi, type ShownRecommendationView } from '../../api/endorsements.ts';
import type { MemberProfileView } from '../../api/types.ts';
import { DegreeBadge } from '../../components/DegreeBadge.tsx';
import { FormError } from '../../components/FormError.tsx';
import { PersonAvatar } from '../../components/PersonAvatar.tsx';
import { useMe } from '../../hooks/useMe.ts';
import { useNetworkMutation } from '../../hooks/useNetworkMutation.ts';

const BDI = { bdi: <bdi /> };
type Positions = NonNullable<MemberProfileView['experience']>;

/** The recommendations a position shows, each with its author's face, name and degree badge. */
export function PositionRecommendations({ items }: { items: ShownRecommendationView[] }) {
  const { t } = useTranslation('endorsements');
  if (items.length === 0) return null;
  return (
    <Stack gap="xs" mt="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={t('profile.title')}>
      {items.map((r) => (
        <li key={r.id}>
          <Blockquote p="sm" radius="md" color="brand" iconSize={0}>
            <Text size="sm" style={{ whiteSpace: 'pre-line' }} dir="auto">
              {r.text}
            </Text>
            <Group gap="xs" mt="xs" wrap="nowrap">
              <PersonAvatar name={r.author.name} photoUrl={r.author.photoUrl} size="sm" />
              <Anchor component={Link} to={`/in/${r.author.handle}`} size="sm" underline="hover">
                <Trans t={t} i18nKey="profile.by" values={{ name: r.author.name }} components={BDI} />
              </Anchor>
              <DegreeBadge degree={r.author.degree} />
            </Group>
          </Blockquote>
        </li>
      ))}
    </Stack>
  );
}

/** "Ask for a recommendation" and "Recommend …" on a 1st-degree connection's profile. */
export function RecommendationButtons({ profile }: { profile: MemberProfileView }) {
  const { t } = useTranslation('endorsements');
  const [dialog, setDialog] = useState<'ask' | 'write' | null>(null);
  const me = useMe();
  return (
    <Group gap="xs">
      <Button variant="default" size="sm" leftSection={<IconMessageCircleUp size={16} aria-hidden />} onClick={() => setDialog('ask')}>
        {t('profile.ask')}
      </Button>
      <Button variant="default" size="sm" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setDialog('write')}>
        <Trans t={t} i18nKey="profile.write" values={{ name: profile.name }} components={BDI} />
      </Button>
      <RecommendationDialog
        mode="ask"
        opened={dialog === 'ask'}
        onClose={() => setDialog(null)}
        person={profile}
        positions={me.data?.profile.experience ?? []}
      />
      <RecommendationDialog mode="write" opened={dialog === 'write'} onClose={() => setDialog(null)} person={profile} positions={profile.experience ?? []} />
    </Group>
  );
}

interface DialogProps {
  mode: 'ask' | 'write';
  opened: boolean;
  onClose: () => void;
  person: { handle: string; name: string };
  /** Mine when asking, theirs when writing. */
  positions: Positions;
  /** The request a recommendation answers, with its position chosen. */
  request?: { id: number; positionId: number };
}

/** Asking a connection for a recommendation, or writing one for them: a position, and a message or the text. */
export function RecommendationDialog({ mode, opened, onClose, person, positions, request }: DialogProps) {
  const { t } = useTranslation('endorsements');
  const queryClient = useQueryClient();
  const [positionId, setPositionId] = useState<string | null>(request ? String(request.positionId) : null);
  const [text, setText] = useState('');
  const send = useNetworkMutation(
    (v: { positionId: number; text: string }) =>
      mode === 'ask' ? endorsementsApi.askForRecommendation(person.handle, v.positionId, v.text) : endorsementsApi.writeRecommendation(person.handle, v.positionId, v.text, request?.id),
    { success: () => <Trans t={t} i18nKey={`${mode}.sent`} values={{ name: person.name }} components={BDI} />, quietErrors: true },
  );
  const chosen = positionId ?? (positions.length === 1 ? String(positions[0]!.id) : null);
  const close = () => {
    send.reset();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return;
    send.mutate(
      { positionId: Number(chosen), text: text.trim() },
      {
        onSuccess: () => {
          setText('');
          void queryClient.invalidateQueries({ queryKey: ['recommendations'] });
          close();
        },
      },
    );
  };
  const label = (p: Positions[number]) => t('write.positionLabel', { title: p.title, organisation: p.organisationName });
  let body: ReactNode;
  if (positions.length === 0) {
    body =
      mode === 'ask' ? (
        <Stack gap="sm">
          <Text size="sm">{t('ask.noPositions')}</Text>
          <Anchor component={Link} to="/profile/edit#experience">
            {t('ask.addPosition')}
          </Anchor>
        </Stack>
      ) : (
        <Text size="sm">
          <Trans t={t} i18nKey="write.noPositions" values={{ name: person.name }} components={BDI} />
        </Text>
      );
  } else {
    body = (
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Select
            label={t(`${mode}.position`)}
            data={positions.map((p) => ({ value: String(p.id), label: label(p) }))}
            value={chosen}
            onChange={setPositionId}
            disabled={Boolean(request)}
            required
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
          <Textarea
            label={mode === 'ask' ? t('ask.message') : t('write.text')}
            description={mode === 'ask' ? t('ask.messageHint') : <Trans t={t} i18nKey="write.textHint" values={{ name: person.name }} components={BDI} />}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            autosize
            minRows={4}
            maxLength={mode === 'ask' ? LIMITS.recommendationAskMax : LIMITS.recommendationMax}
            required={mode === 'write'}
            data-autofocus
          />
          <FormError error={send.error} />
          <Group justify="flex-end">
            <Button type="submit" loading={send.isPending} disabled={!chosen || (mode === 'write' && !text.trim())}>
              {t(`${mode}.send`)}
            </Button>
          </Group>
        </Stack>
      </form>
    );
  }
  return (
    <Modal opened={opened} onClose={close} title={<Trans t={t} i18nKey={`${mode}.title`} values={{ name: person.name }} components={BDI} />}>
      {body}
    </Modal>
  );
}
