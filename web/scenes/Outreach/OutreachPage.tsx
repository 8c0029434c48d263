import { Badge, Button, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WEEKLY_GOAL_MAX, WEEKLY_GOAL_MIN } from '../../../common/outreach.ts';
import { keys } from '../../api/keys.ts';
import { type OutreachSuggestion, type OutreachView, outreachApi } from '../../api/outreach.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, ErrorState, PageLoader } from '../../components/PageState.tsx';
import { PersonCardItem } from '../../components/PersonCardItem.tsx';
import { OutreachComposer } from './OutreachComposer.tsx';
import { YearView } from './YearView.tsx';

/**
 * One person a week (docs/outreach.md): the weekly goal and how this week stands, the streak, the year in 52
 * squares (and as a table), and the week's three suggestions, each with its reason and "Reach out".
 */
export function OutreachPage() {
  const { t } = useTranslation('outreach');
  const query = useQuery({ queryKey: keys.outreach, queryFn: outreachApi.get });
  const [composing, setComposing] = useState<OutreachSuggestion | null>(null);
  if (query.isPending) return <PageLoader label={t('loading')} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const view = query.data;
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <Stack gap="md">
        <Progress view={view} />
        <Paper p="md" radius="md" withBorder component="section" aria-labelledby="outreach-suggestions">
          <Title order={2} size="h4" id="outreach-suggestions" mb="sm">
            {t('suggestions.title')}
          </Title>
          {view.suggestions.length === 0 ? (
            <EmptyState title={t('suggestions.title')} headingLevel={3}>
              {t('suggestions.empty')}
            </EmptyState>
          ) : (
            <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {view.suggestions.map((s) => (
                <li key={s.reason.code}>
                  <Suggestion suggestion={s} onReachOut={() => setComposing(s)} />
                </li>
              ))}
            </Stack>
          )}
        </Paper>
        <YearView weeks={view.year} />
      </Stack>
      {composing && <OutreachComposer suggestion={composing} onClose={() => setComposing(null)} />}
    </>
  );
}

function Progress({ view }: { view: OutreachView }) {
  const { t } = useTranslation('outreach');
  const client = useQueryClient();
  const [goal, setGoal] = useState<number | string>(view.weeklyGoal);
  const save = useMutation({
    mutationFn: (weeklyGoal: number) => outreachApi.setGoal(weeklyGoal),
    onSuccess: (next) => {
      client.setQueryData(keys.outreach, next);
      notifications.show({ color: 'teal', message: t('goal.saved') });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (typeof goal === 'number') save.mutate(goal);
  };
  return (
    <Paper p="md" radius="md" withBorder component="section" aria-labelledby="outreach-goal">
      <Title order={2} size="h4" id="outreach-goal" mb="sm">
        {t('goal.title')}
      </Title>
      <Group align="flex-end" justify="space-between" wrap="wrap" gap="md">
        <form onSubmit={submit} noValidate>
          <Group align="flex-end" gap="sm">
            <NumberInput
              label={t('goal.label')}
              description={t('goal.hint', { max: WEEKLY_GOAL_MAX })}
              min={WEEKLY_GOAL_MIN}
              max={WEEKLY_GOAL_MAX}
              clampBehavior="strict"
              allowDecimal={false}
              value={goal}
              onChange={setGoal}
              w={280}
            />
            <Button type="submit" loading={save.isPending} disabled={typeof goal !== 'number'}>
              {t('goal.save')}
            </Button>
          </Group>
        </form>
        <Stack gap={4} align="flex-end">
          <Text fw={700} size="lg" data-testid="outreach-this-week">
            {t('progress.thisWeek', { count: view.thisWeek.count, goal: view.weeklyGoal })}
          </Text>
          {view.thisWeek.met && (
            <Text size="sm" c="teal.9">
              {t('progress.met')}
            </Text>
          )}
          <Badge variant="light" color="teal" size="lg" data-testid="outreach-streak">
            {t('progress.streak', { count: view.streak })}
          </Badge>
        </Stack>
      </Group>
    </Paper>
  );
}

function Suggestion({ suggestion: s, onReachOut }: { suggestion: OutreachSuggestion; onReachOut: () => void }) {
  const { t } = useTranslation('outreach');
  const p = s.reason.params;
  const reason =
    s.reason.code === 'dormant_tie'
      ? t('suggestions.reasons.dormant_tie', { weeks: Number(p.weeks ?? 0), cadenceDays: Number(p.cadenceDays ?? 0) })
      : s.reason.code === 'diverse_weak_tie'
        ? t('suggestions.reasons.diverse_weak_tie', { dimension: String(p.dimension ?? ''), value: String(p.value ?? ''), mutualCount: Number(p.mutualCount ?? 0) })
        : t('suggestions.reasons.admired');
  return (
    <PersonCardItem
      person={s.person}
      extra={
        <Text size="sm" c="dimmed" data-testid="outreach-reason" data-reason={s.reason.code}>
          {reason}
        </Text>
      }
      actions={
        s.reached ? (
          <Badge color="teal" variant="light">
            {t('suggestions.reached')}
          </Badge>
        ) : (
          <Button size="xs" onClick={onReachOut} aria-label={t('suggestions.reachOutLabel', { name: s.person.name })}>
            {t('suggestions.reachOut')}
          </Button>
        )
      }
    />
  );
}
