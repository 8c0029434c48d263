import { Anchor, Button, Divider, List, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { errorMessage } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { networkApi, SUGGESTION_FILTERS, type SuggestionFilter } from '../../api/network.ts';
import type { SuggestionView } from '../../api/types.ts';
import { EmptyState, ErrorState, NextSteps, PageLoader } from '../../components/PageState.tsx';
import { PersonActions } from '../../components/PersonActions.tsx';
import { PersonCardItem } from '../../components/PersonCardItem.tsx';
import { useMe } from '../../hooks/useMe.ts';
import { useReasonText } from '../../i18n/reasons.ts';
import { asReason } from './reason.ts';

/** People you may know, each with the reasons it was suggested, so the member can judge before inviting. */
export function SuggestionsTab() {
  const { t } = useTranslation('network');
  // The garden's "widen this gap" links open this tab with a filter in the address (?careerStage=early).
  const [params] = useSearchParams();
  const filter = Object.fromEntries(SUGGESTION_FILTERS.flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : []))) as SuggestionFilter;
  const filtered = Object.keys(filter).length > 0;
  const queryKey = filtered ? [...keys.suggestions, filter] : keys.suggestions;
  const query = useQuery({ queryKey, queryFn: () => networkApi.suggestions(20, filter) });
  // The profile editor opens at the most useful missing field; a complete profile needs no nudge.
  const next = useMe().data?.strength.next;
  if (query.isPending) return <PageLoader label={t('suggestions.loading')} />;
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const items = query.data.items;
  const filterNote = filtered && (
    <Text size="sm" c="dimmed" mb="sm">
      {t('suggestions.filtered')}{' '}
      <Anchor component={Link} to="/network?tab=suggestions">
        {t('suggestions.clearFilter')}
      </Anchor>
    </Text>
  );
  if (items.length === 0) {
    return (
      <>
      {filterNote}
      <EmptyState
        title={t('suggestions.emptyTitle')}
        action={
          <NextSteps
            steps={[
              { to: '/members', label: t('steps.members') },
              ...(next ? [{ to: `/profile/edit#${next.field}`, label: t('steps.completeProfile') }] : []),
            ]}
          />
        }
      >
        {t('suggestions.emptyText')}
      </EmptyState>
      </>
    );
  }
  return (
    <>
    {filterNote}
    <ul aria-label={t('suggestions.list')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {items.map((s, i) => (
        <Fragment key={s.person.id}>
          {i > 0 && <Divider component="li" aria-hidden />}
          <li>
            <Suggestion suggestion={s} queryKey={queryKey} />
          </li>
        </Fragment>
      ))}
    </ul>
    </>
  );
}

function Suggestion({ suggestion, queryKey }: { suggestion: SuggestionView; queryKey: readonly unknown[] }) {
  const { t } = useTranslation('network');
  const reasonText = useReasonText();
  const { person, reasons } = suggestion;
  const queryClient = useQueryClient();
  // The server only ranks a dismissed person lower, so refetching could bring them straight back: drop them
  // from this list instead, and let the next visit rank afresh.
  const dismiss = useMutation({
    mutationFn: () => networkApi.dismissSuggestion(person.handle),
    onSuccess: () =>
      queryClient.setQueryData<{ items: SuggestionView[] }>(queryKey, (old) =>
        old ? { items: old.items.filter((s) => s.person.id !== person.id) } : old,
      ),
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });
  return (
    <PersonCardItem
      person={person}
      extra={
        reasons.length > 0 && (
          <>
            <Text size="xs" fw={600} mt={4} id={`reasons-${person.id}`}>
              {t('suggestions.why')}
            </Text>
            <List size="xs" spacing={2} aria-labelledby={`reasons-${person.id}`}>
              {reasons.map((r) => (
                <List.Item key={r.text}>
                  <bdi>{reasonText(asReason(r))}</bdi>
                </List.Item>
              ))}
            </List>
          </>
        )
      }
      actions={
        <>
          <PersonActions person={person} context="suggestion" />
          <Button
            size="xs"
            variant="subtle"
            color="gray"
            loading={dismiss.isPending}
            onClick={() => dismiss.mutate()}
            aria-label={t('suggestions.dismissLabel', { name: person.name })}
          >
            {t('suggestions.dismiss')}
          </Button>
        </>
      }
    />
  );
}
