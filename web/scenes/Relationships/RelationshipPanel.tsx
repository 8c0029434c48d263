import { Anchor, Badge, Button, Group, MultiSelect, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { type RelationshipPatch, type RelationshipView, relationshipsApi } from '../../api/relationships.ts';
import { FormError } from '../../components/FormError.tsx';
import { ErrorState, PageLoader } from '../../components/PageState.tsx';
import { useFormat } from '../../i18n/format.ts';
import { LogInteractionButton } from './LogInteraction.tsx';
import { NotesTimeline } from './NotesTimeline.tsx';
import { PersonLedger } from './PersonLedger.tsx';
import { LastInteraction, TagBadges, toCadence, useCadenceOptions } from './relationshipWords.tsx';
import { NewTagButton } from './TagManager.tsx';

/**
 * "Your relationship" on a person's profile: my private card (how we met, tags, cadence, last interaction,
 * strength, notes, logging a meeting). Shown to me alone; nothing shows where the server keeps no card
 * for the pair (not a connection and never in touch).
 */
export function RelationshipPanel({ handle, name }: { handle: string; name: string }) {
  const { t } = useTranslation('relationships');
  const query = useQuery({ queryKey: keys.relationship(handle), queryFn: () => relationshipsApi.card(handle), retry: false });
  if (query.error instanceof ApiError && (query.error.status === 403 || query.error.status === 404 || query.error.status === 400)) return null;
  return (
    <Paper p="md" radius="md" withBorder component="section" aria-labelledby="relationship-title">
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={2} fz="h3" id="relationship-title">
            {t('panel.title')}
          </Title>
          <Group gap={4} c="dimmed">
            <IconLock size={14} aria-hidden />
            <Text size="xs">{t('privateHint')}</Text>
          </Group>
        </Stack>
        {query.isPending ? (
          <PageLoader label={t('panel.loading')} />
        ) : query.error ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <CardBody card={query.data} handle={handle} name={name} />
        )}
      </Stack>
    </Paper>
  );
}

function useUpdate(handle: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: RelationshipPatch) => relationshipsApi.update(handle, patch),
    onSuccess: (card) => {
      client.setQueryData(keys.relationship(handle), card);
      void client.invalidateQueries({ queryKey: keys.relationships });
    },
  });
}

function CardBody({ card, handle, name }: { card: RelationshipView; handle: string; name: string }) {
  const { t } = useTranslation('relationships');
  const f = useFormat();
  const update = useUpdate(handle);
  const cadenceOptions = useCadenceOptions();
  const tags = useQuery({ queryKey: keys.relationshipTags, queryFn: relationshipsApi.tags });
  return (
    <Stack gap="md">
      <HowWeMet card={card} handle={handle} />
      <Stack gap={4}>
        <MultiSelect
          label={t('tags.label')}
          placeholder={card.tags.length ? undefined : t('tags.placeholder')}
          data={(tags.data?.items ?? []).map((tag) => ({ value: String(tag.id), label: tag.name }))}
          value={card.tags.map((tag) => String(tag.id))}
          onChange={(ids) => update.mutate({ tags: ids.map(Number) })}
          searchable
          clearable
          nothingFoundMessage={t('tags.none')}
        />
        <TagBadges tags={card.tags} />
        <NewTagButton onCreated={(tag) => update.mutate({ tags: [...card.tags.map((x) => x.id), tag.id] })} />
      </Stack>
      <Stack gap={4}>
        <Select
          label={t('cadence.label')}
          data={cadenceOptions}
          value={card.cadence ?? ''}
          onChange={(v) => update.mutate({ cadence: toCadence(v) })}
          allowDeselect={false}
        />
        {!card.cadence && card.effectiveCadence && (
          <Text size="xs" c="dimmed">
            {t('cadence.fromTag', { cadence: t(`cadence.values.${card.effectiveCadence}`) })}
          </Text>
        )}
        {card.dueAt && (
          <Text size="xs" c="dimmed">
            {card.snoozedUntil && Date.parse(card.snoozedUntil) >= Date.parse(card.dueAt) ? t('cadence.snoozed', { date: f.date(card.snoozedUntil) }) : t('cadence.due', { date: f.date(card.dueAt) })}
          </Text>
        )}
      </Stack>
      <FormError error={update.error} />
      <Stack gap={2}>
        <Text size="sm" fw={600}>
          {t('last.label')}
        </Text>
        <Text size="sm">
          <LastInteraction last={card.lastInteraction} />
        </Text>
      </Stack>
      <Stack gap={2}>
        <Group gap="xs">
          <Text size="sm" fw={600}>
            {t('strength.label')}
          </Text>
          <Badge variant="dot" color={card.strength.level === 'strong' ? 'teal' : card.strength.level === 'moderate' ? 'blue' : 'gray'}>
            {t(`strength.levels.${card.strength.level}`)}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {card.strength.reasons.map((r) => t(`strength.reasons.${r.code}`, r.params)).join(' · ')}
        </Text>
      </Stack>
      <LogInteractionButton handle={handle} name={name} />
      <PersonLedger handle={handle} name={name} />
      <NotesTimeline handle={handle} />
      <Anchor component={Link} to="/relationships" size="sm">
        {t('list.title')}
      </Anchor>
    </Stack>
  );
}

function HowWeMet({ card, handle }: { card: RelationshipView; handle: string }) {
  const { t } = useTranslation('relationships');
  const f = useFormat();
  const update = useUpdate(handle);
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState('');
  const [date, setDate] = useState('');
  const h = card.howWeMet;
  const captured = h.context
    ? h.context === 'comment' && h.comment?.postAuthor
      ? null
      : t(`howWeMet.contexts.${h.context as 'profile'}`, { defaultValue: h.context })
    : t('howWeMet.none');
  const line = h.edited ? h.edited.text : captured;
  const when = h.edited ? h.edited.at : h.at;
  const save = () =>
    update.mutate({ howWeMet: { text, date: date || null } }, { onSuccess: () => setEditing(false) });
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t('howWeMet.title')}
      </Text>
      {editing ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <Stack gap="xs">
            <TextInput label={t('howWeMet.textLabel')} value={text} onChange={(e) => setText(e.currentTarget.value)} required maxLength={300} data-autofocus />
            <TextInput type="date" label={t('howWeMet.dateLabel')} value={date} onChange={(e) => setDate(e.currentTarget.value)} />
            <FormError error={update.error} />
            <Group gap="xs">
              <Button type="submit" size="xs" loading={update.isPending}>
                {t('howWeMet.save')}
              </Button>
              <Button size="xs" variant="default" onClick={() => setEditing(false)}>
                {t('howWeMet.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <>
          <Text size="sm">
            {line === null ? (
              <Trans t={t} i18nKey="howWeMet.commentOnPost" values={{ name: h.comment?.postAuthor?.name ?? '' }} components={{ bdi: <bdi /> }} />
            ) : when ? (
              t('howWeMet.since', { how: line, date: f.date(when) })
            ) : (
              line
            )}
          </Text>
          {h.via && (
            <Text size="sm">
              <Trans t={t} i18nKey="howWeMet.via" values={{ name: h.via.name }} components={{ bdi: <bdi /> }} />
            </Text>
          )}
          <Group gap="xs">
            <Button
              size="compact-xs"
              variant="subtle"
              aria-label={t('howWeMet.editLabel')}
              onClick={() => {
                setText(h.edited?.text ?? '');
                setDate(h.edited?.at ?? '');
                setEditing(true);
              }}
            >
              {t('howWeMet.edit')}
            </Button>
            {h.edited && (
              <Button size="compact-xs" variant="subtle" onClick={() => update.mutate({ howWeMet: null })}>
                {t('howWeMet.reset')}
              </Button>
            )}
          </Group>
        </>
      )}
    </Stack>
  );
}
