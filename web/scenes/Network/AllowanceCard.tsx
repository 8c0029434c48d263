import { Alert, Badge, Group, List, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { keys } from '../../api/keys.ts';
import { screeningApi, type AllowanceView } from '../../api/screening.ts';
import { ALLOWANCE_ANCHOR } from '../../components/InviteError.tsx';
import { DateTime } from '../../components/DateTime.tsx';
import { ErrorState } from '../../components/PageState.tsx';
import { TimeAgo } from '../../components/TimeAgo.tsx';
import { useScrollToHash } from '../../hooks/useScrollToHash.ts';

const HEADING_ID = `${ALLOWANCE_ANCHOR}-heading`;

const RESTRICTIONS: Record<string, string> = {
  held: 'Waiting for review by the operators',
  limited: 'Limited while the account is new',
  invitations: 'Invitations restricted by an operator',
};

/** "+50", "−10", or nothing for a reason that only explains the base. */
const signed = (delta: number) => (delta > 0 ? `+${delta}: ` : delta < 0 ? `−${-delta}: ` : '');

/**
 * The member's weekly invitation allowance: what is left, the trust level behind it, the cap on
 * invitations waiting for an answer, and every reason it differs from the base, so a shrinking
 * allowance is never a mystery.
 */
export function AllowanceCard() {
  const query = useQuery({ queryKey: keys.allowance, queryFn: screeningApi.allowance });
  const ref = useRef<HTMLElement>(null);
  // Arriving from a refused invitation (…#invitation-allowance): bring the explanation into view.
  useScrollToHash(ALLOWANCE_ANCHOR, ref, query.isSuccess);
  return (
    <Paper ref={ref} id={ALLOWANCE_ANCHOR} tabIndex={-1} component="section" aria-labelledby={HEADING_ID} p="md" radius="md" withBorder>
      <Title order={2} fz="h5" id={HEADING_ID} mb="xs">
        Your invitation allowance
      </Title>
      {query.isPending ? (
        <Text size="sm" c="dimmed" role="status">
          Loading your allowance…
        </Text>
      ) : query.error ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} title="Could not load your allowance" />
      ) : (
        <AllowanceDetails allowance={query.data} />
      )}
    </Paper>
  );
}

function AllowanceDetails({ allowance: a }: { allowance: AllowanceView }) {
  const left = `${a.remaining} of ${a.weekly} invitations left this week`;
  return (
    <Stack gap="xs">
      <Group gap="sm" justify="space-between" wrap="wrap">
        <Text fw={600}>{left}</Text>
        <Badge variant="light" color="gray" radius="sm" style={{ textTransform: 'none' }}>
          Trust level: {a.trustLabel}
        </Badge>
      </Group>
      <Progress value={a.weekly ? (a.remaining / a.weekly) * 100 : 0} aria-label={left} size="sm" />
      <Text size="sm">
        {a.outstanding} of at most {a.outstandingCap} invitations waiting for an answer
        {a.nextFreeAt && (
          <>
            {' · '}
            <TimeAgo iso={a.nextFreeAt} prefix="next invitation frees up " />
          </>
        )}
      </Text>
      {!a.linksAllowed && (
        <Text size="sm" c="dimmed">
          Links in invitation notes are allowed once your account has some history.
        </Text>
      )}
      <Text size="sm" id="allowance-reasons">
        The base is {a.base} a week{a.reasons.length ? '. Why yours differs:' : ', and nothing has changed it.'}
      </Text>
      {a.reasons.length > 0 && (
        <List size="sm" spacing={2} aria-labelledby="allowance-reasons">
          {a.reasons.map((r) => (
            <List.Item key={r.code}>
              {signed(r.delta)}
              {r.text}
            </List.Item>
          ))}
        </List>
      )}
      {a.restrictions.map((r) => (
        <Alert key={r.kind} color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={RESTRICTIONS[r.kind] ?? 'Restricted'}>
          <Text size="sm">
            {r.reason} (<TimeAgo iso={r.since} />
            {r.until && (
              <>
                {'; '}
                <DateTime iso={r.until} prefix="ends " />
              </>
            )}
            )
          </Text>
        </Alert>
      ))}
    </Stack>
  );
}
