import { ActionIcon, Anchor, Button, Group, Paper, Select, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ADMIRE_NOTE_MAX, ADMIRE_STAGES, type AdmireStage, stageMoveAllowed } from '../../../common/admire.ts';
import { type AdmireEntry, admireApi } from '../../api/admire.ts';
import { errorMessage } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import type { PersonCard } from '../../api/types.ts';
import { ConnectDialog } from '../../components/ConnectDialog.tsx';
import { DateTime } from '../../components/DateTime.tsx';
import { DegreeBadge } from '../../components/DegreeBadge.tsx';
import { PersonAvatar } from '../../components/PersonAvatar.tsx';
import { useFormat } from '../../i18n/format.ts';
import { AskIntroductionDialog } from '../Profile/AskIntroductionDialog.tsx';

type Reach = NonNullable<AdmireEntry['member']>;

/** One entry: who (or which organisation), how to reach them, and where it stands in the pipeline. */
export function AdmireEntryItem({ entry }: { entry: AdmireEntry }) {
  const { t } = useTranslation('admire');
  const client = useQueryClient();
  const name = entry.member?.person.name ?? entry.organisation?.name ?? t('entry.gone');
  const remove = useMutation({
    mutationFn: () => admireApi.remove(entry.id),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.admire }),
  });
  const headingId = `admire-entry-${entry.id}`;
  return (
    <Paper component="article" aria-labelledby={headingId} p="md" radius="md" withBorder>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Group gap="sm" wrap="nowrap">
            {entry.member && <PersonAvatar name={entry.member.person.name} photoUrl={entry.member.person.photoUrl} size={40} />}
            <Stack gap={0}>
              <Group gap={6}>
                <Title order={3} fz="md" id={headingId}>
                  {entry.member ? (
                    <Anchor component={Link} to={`/in/${entry.member.person.handle}`} dir="auto">
                      {name}
                    </Anchor>
                  ) : entry.organisation ? (
                    <Anchor component={Link} to={`/org/${entry.organisation.slug}`} dir="auto">
                      {name}
                    </Anchor>
                  ) : (
                    name
                  )}
                </Title>
                {entry.member && <DegreeBadge degree={entry.member.person.degree} showOutOfNetwork />}
              </Group>
              {entry.member?.person.headline && (
                <Text size="sm" c="dimmed" dir="auto">
                  {entry.member.person.headline}
                </Text>
              )}
              {entry.note && (
                <Text size="sm" dir="auto">
                  {entry.note}
                </Text>
              )}
            </Stack>
          </Group>
          <Tooltip label={t('entry.remove')}>
            <ActionIcon variant="subtle" color="gray" aria-label={t('entry.removeLabel', { name })} loading={remove.isPending} onClick={() => remove.mutate()}>
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Group>
        {entry.member && <ReachOf reach={entry.member} stage={entry.stage} />}
        {entry.organisation && (
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              {t('entry.people')}
            </Text>
            {entry.organisation.people.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('entry.nobodyThere')}
              </Text>
            ) : (
              entry.organisation.people.map((reach) => (
                <Group key={reach.person.id} gap="xs" align="flex-start" wrap="nowrap">
                  <Anchor component={Link} to={`/in/${reach.person.handle}`} size="sm" fw={600} dir="auto">
                    {reach.person.name}
                  </Anchor>
                  <DegreeBadge degree={reach.person.degree} />
                  <ReachOf reach={reach} stage="identified" compact />
                </Group>
              ))
            )}
          </Stack>
        )}
        <Pipeline entry={entry} />
      </Stack>
    </Paper>
  );
}

/** The best paths as names, with one-click "Ask for an introduction" (2nd/3rd degree) or "Connect". */
function ReachOf({ reach, stage, compact = false }: { reach: Reach; stage: AdmireStage; compact?: boolean }) {
  const { t } = useTranslation('admire');
  const format = useFormat();
  const [asking, setAsking] = useState(false);
  const [connecting, setConnecting] = useState(false);
  const { person, paths } = reach;
  if (person.degree === 1) return compact ? null : <Text size="sm" c="dimmed">{t('entry.direct')}</Text>;
  return (
    <Stack gap={4}>
      {paths.length === 0 ? (
        !compact && (
          <Text size="sm" c="dimmed">
            {t('entry.noPath')}
          </Text>
        )
      ) : (
        <Stack gap={2} component="ol" aria-label={t('entry.paths')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {paths.map((via, i) => (
            <Text component="li" key={via.map((p) => p.id).join('-') || i} size="sm">
              {t('entry.through', { names: format.list(via.map((p) => p.name)) })}
            </Text>
          ))}
        </Stack>
      )}
      <Group gap="xs">
        {paths.length > 0 && (
          <Button size="xs" variant="light" onClick={() => setAsking(true)} aria-label={t('entry.askIntroductionLabel', { name: person.name })}>
            {t('entry.askIntroduction')}
          </Button>
        )}
        {stage !== 'connected' && person.degree !== 1 && !compact && (
          <ConnectLink person={person} opened={connecting} onOpen={() => setConnecting(true)} onClose={() => setConnecting(false)} />
        )}
      </Group>
      {/* The dialog takes each path as [viewer, …introducers, person] and reads only the introducers and the person. */}
      <AskIntroductionDialog person={person} paths={paths.map((via) => [person, ...via, person])} opened={asking} onClose={() => setAsking(false)} />
    </Stack>
  );
}

function ConnectLink({ person, opened, onOpen, onClose }: { person: PersonCard; opened: boolean; onOpen: () => void; onClose: () => void }) {
  const { t } = useTranslation('people');
  return (
    <>
      <Button size="xs" variant="default" onClick={onOpen} aria-label={t('connect.actionLabel', { name: person.name })}>
        {t('connect.action')}
      </Button>
      <ConnectDialog person={person} context="profile" opened={opened} onClose={onClose} />
    </>
  );
}

/** The stage as a select (only the current stage and those ahead: the pipeline never moves back), a note, and the history. */
function Pipeline({ entry }: { entry: AdmireEntry }) {
  const { t } = useTranslation('admire');
  const client = useQueryClient();
  const [stage, setStage] = useState<AdmireStage>(entry.stage);
  const [note, setNote] = useState('');
  const save = useMutation({
    mutationFn: () => admireApi.update(entry.id, { ...(stage !== entry.stage ? { stage } : {}), ...(note.trim() ? { note: note.trim() } : {}) }),
    onSuccess: async () => {
      setNote('');
      await client.invalidateQueries({ queryKey: keys.admire });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const history = entry.history.slice().reverse();
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label={t('stage.label')}
            value={stage}
            onChange={(v) => v && setStage(v as AdmireStage)}
            data={ADMIRE_STAGES.filter((s) => stageMoveAllowed(entry.stage, s)).map((s) => ({ value: s, label: t(`stage.${s}`) }))}
            allowDeselect={false}
            w={180}
          />
          <TextInput label={t('stage.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={ADMIRE_NOTE_MAX} style={{ flex: 1, minWidth: 200 }} />
          <Button type="submit" variant="light" loading={save.isPending} disabled={stage === entry.stage && note.trim() === ''}>
            {t('stage.save')}
          </Button>
        </Group>
        {save.error && (
          <Text size="sm" c="red" role="alert">
            {errorMessage(save.error)}
          </Text>
        )}
        {history.length > 0 && (
          <Stack gap={2} component="ol" aria-label={t('stage.history')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {history.map((h, i) => (
              <Text component="li" key={`${h.at}-${i}`} size="xs" c="dimmed">
                <DateTime iso={h.at} /> · {t(`stage.${h.stage}`)}
                {h.note && <> · <span dir="auto">{h.note}</span></>}
              </Text>
            ))}
          </Stack>
        )}
      </Stack>
    </form>
  );
}
