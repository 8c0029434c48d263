import { Button, Divider, List, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment } from 'react';
import { errorMessage } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { networkApi } from '../../api/network.ts';
import type { SuggestionView } from '../../api/types.ts';
import { EmptyState, ErrorState, NextSteps, PageLoader } from '../../components/PageState.tsx';
import { PersonActions } from '../../components/PersonActions.tsx';
import { PersonCardItem } from '../../components/PersonCardItem.tsx';
import { useMe } from '../../hooks/useMe.ts';

/** People you may know, each with the reasons it was suggested, so the member can judge before inviting. */
export function SuggestionsTab() {
  const query = useQuery({ queryKey: keys.suggestions, queryFn: () => networkApi.suggestions(20) });
  // The profile editor opens at the most useful missing field; a complete profile needs no nudge.
  const next = useMe().data?.strength.next;
  if (query.isPending) return <PageLoader label="Finding people you may know…" />;
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const items = query.data.items;
  if (items.length === 0) {
    return (
      <EmptyState
        title="No suggestions right now"
        action={
          <NextSteps
            steps={[{ to: '/members', label: 'Browse members' }, ...(next ? [{ to: `/profile/edit#${next.field}`, label: 'Complete your profile' }] : [])]}
          />
        }
      >
        Suggestions come from your connections&rsquo; connections and the organisations on your profile. Meanwhile, browse the members
        and connect with a few people you know, and add your experience so others can find you.
      </EmptyState>
    );
  }
  return (
    <ul aria-label="People you may know" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {items.map((s, i) => (
        <Fragment key={s.person.id}>
          {i > 0 && <Divider component="li" aria-hidden />}
          <li>
            <Suggestion suggestion={s} />
          </li>
        </Fragment>
      ))}
    </ul>
  );
}

function Suggestion({ suggestion }: { suggestion: SuggestionView }) {
  const { person, reasons } = suggestion;
  const queryClient = useQueryClient();
  // The server only ranks a dismissed person lower, so refetching could bring them straight back: drop them
  // from this list instead, and let the next visit rank afresh.
  const dismiss = useMutation({
    mutationFn: () => networkApi.dismissSuggestion(person.handle),
    onSuccess: () =>
      queryClient.setQueryData<{ items: SuggestionView[] }>(keys.suggestions, (old) =>
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
              Why you may know them
            </Text>
            <List size="xs" spacing={2} aria-labelledby={`reasons-${person.id}`}>
              {/* English for now: the codes and parameters are there for the translations to come. */}
              {reasons.map((r) => (
                <List.Item key={r.text}>
                  <bdi>{r.text}</bdi>
                </List.Item>
              ))}
            </List>
          </>
        )
      }
      actions={
        <>
          <PersonActions person={person} context="suggestion" />
          <Button size="xs" variant="subtle" color="gray" loading={dismiss.isPending} onClick={() => dismiss.mutate()} aria-label={`Dismiss ${person.name}`}>
            Dismiss
          </Button>
        </>
      }
    />
  );
}
