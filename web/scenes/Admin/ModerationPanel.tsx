import { Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { type ModerationActionName, type ModerationItem, moderationApi, moderationKeys } from '../../api/moderation.ts';
import { usePagedQuery } from '../../hooks/usePagedQuery.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { EmptyState, ErrorState, PageLoader } from '../../components/PageState.tsx';
import { TimeAgo } from '../../components/TimeAgo.tsx';
import { CAUTION_TEXT, MemberEvidence } from './MemberEvidence.tsx';
import { ACTION_LABELS, ModerationActionDialog, type PendingAction } from './ModerationActionDialog.tsx';

const FLAG_TITLES = {
  registration: 'Risky sign-up',
  cluster: 'Sign-up cluster',
  template: 'Template invitations',
  reputation: 'Poor invitation reputation',
  reports: 'Reported by several members',
} as const;

const ACTIONS: ModerationActionName[] = ['dismiss', 'warn', 'restrict', 'suspend'];

function who(item: ModerationItem): string {
  const [first, ...rest] = item.members;
  if (!first) return 'no one';
  return rest.length ? `${first.name} and ${rest.length} other${rest.length > 1 ? 's' : ''}` : first.name;
}

function ItemCard({ item, onAct }: { item: ModerationItem; onAct: (p: PendingAction) => void }) {
  const title = item.type === 'flag' ? FLAG_TITLES[item.kind] : `Report: ${item.reason}`;
  const headingId = `moderation-${item.type}-${item.id}`;
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs">
            <Title order={2} size="h5" id={headingId}>
              {title}
            </Title>
            {item.type === 'flag' && (
              <Badge color={item.score >= 60 ? 'red' : 'orange'} c={item.score >= 60 ? undefined : CAUTION_TEXT} variant="light">
                Risk {item.score}
              </Badge>
            )}
            {item.members.length > 1 && <Badge variant="outline">{item.members.length} accounts</Badge>}
          </Group>
          <Text size="xs" c="dimmed">
            <TimeAgo iso={item.createdAt} />
          </Text>
        </Group>
        {item.type === 'flag' ? (
          <List size="sm" spacing={2} aria-label="Reasons">
            {item.reasons.map((r) => (
              <List.Item key={r.text}>{r.text}</List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm">
            {item.reporter ? (
              <>
                <bdi>{item.reporter.name}</bdi> reported
              </>
            ) : (
              'Reported'
            )}
            {item.invitationId ? ' an invitation from this member' : ' this member'}
            {item.details ? (
              <>
                : “<bdi>{item.details}</bdi>”
              </>
            ) : (
              '.'
            )}
          </Text>
        )}
        <Stack gap="xs">
          {item.members.map((m) => (
            <MemberEvidence key={m.id} member={m} showRelated={!(item.type === 'flag' && item.kind === 'cluster')} />
          ))}
        </Stack>
        <Group gap="xs" role="group" aria-label={`Actions for ${title}`}>
          {ACTIONS.map((action) => (
            <Button
              key={action}
              size="xs"
              variant={action === 'dismiss' ? 'default' : 'light'}
              color={action === 'suspend' ? 'red' : action === 'dismiss' ? undefined : 'orange'}
              c={action === 'warn' || action === 'restrict' ? CAUTION_TEXT : undefined}
              onClick={() => onAct({ type: item.type, id: item.id, action, who: who(item) })}
            >
              {ACTION_LABELS[action]}
            </Button>
          ))}
        </Group>
      </Stack>
    </Card>
  );
}

/** The operators' queue: flagged accounts and reports with their evidence, newest first, and the four actions. */
export function ModerationPanel() {
  const [pending, setPending] = useState<PendingAction | null>(null);
  const query = usePagedQuery(moderationKeys.queue, (cursor) => moderationApi.queue(cursor));
  if (query.isPending) return <PageLoader label="Loading the moderation queue…" />;
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const items = query.data.pages.flatMap((p) => p.items);
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          Flagged accounts and reports waiting for a decision. Every action is recorded in the audit log.
        </Text>
        <Button variant="default" size="xs" loading={query.isRefetching} onClick={() => void query.refetch()}>
          Refresh
        </Button>
      </Group>
      {items.length === 0 ? (
        <EmptyState title="Nothing to review">No flagged accounts or open reports. New ones appear here as they come in.</EmptyState>
      ) : (
        items.map((item) => <ItemCard key={`${item.type}-${item.id}`} item={item} onAct={setPending} />)
      )}
      <LoadMore query={query} />
      <ModerationActionDialog pending={pending} onClose={() => setPending(null)} />
    </Stack>
  );
}
