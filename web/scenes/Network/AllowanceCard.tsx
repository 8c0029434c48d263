import { Alert, Badge, Group, List, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { keys } from '../../api/keys.ts';
import { screeningApi, type AllowanceView } from '../../api/screening.ts';
import { ALLOWANCE_ANCHOR } from '../../components/InviteError.tsx';
import { DateTime } from '../../components/DateTime.tsx';
import { ErrorState } from '../../components/PageState.tsx';
import { TimeAgo } from '../../components/TimeAgo.tsx';
import { useScrollToHash } from '../../hooks/useScrollToHash.ts';
import { useReasonText } from '../../i18n/reasons.ts';
import { asReason } from './reason.ts';

const HEADING_ID = `${ALLOWANCE_ANCHOR}-heading`;

const RESTRICTIONS: Record<string, 'held' | 'limited' | 'invitations'> = { held: 'held', limited: 'limited', invitations: 'invitations' };

/** The trust levels by number (server/screening/allowance.ts, TRUST_LABELS); the server's English label covers any other. */
const TRUST_LEVELS = ['new', 'member', 'trusted'] as const;

/** "+50", "−10", or nothing for a reason that only explains the base. */
const signed = (delta: number) => (delta > 0 ? `+${delta}: ` : delta < 0 ? `−${-delta}: ` : '');

/**
 * The member's weekly invitation allowance: what is left, the trust level behind it, the cap on
 * invitations waiting for an answer, and every reason it differs from the base, so a shrinking
 * allowance is never a mystery.
 */
export function AllowanceCard() {
  const { t } = useTranslation('network');
  const query = useQuery({ queryKey: keys.allowance, queryFn: screeningApi.allowance });
  const ref = useRef<HTMLElement>(null);
  // Arriving from a refused invitation (…#invitation-allowance): bring the explanation into view.
  useScrollToHash(ALLOWANCE_ANCHOR, ref, query.isSuccess);
  return (
    <Paper ref={ref} id={ALLOWANCE_ANCHOR} tabIndex={-1} component="section" aria-labelledby={HEADING_ID} p="md" radius="md" withBorder>
      <Title order={2} fz="h5" id={HEADING_ID} mb="xs">
        {t('allowance.title')}
      </Title>
      {query.isPending ? (
        <Text size="sm" c="dimmed" role="status">
          {t('allowance.loading')}
        </Text>
      ) : query.error ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} title={t('allowance.loadFailed')} />
      ) : (
        <AllowanceDetails allowance={query.data} />
      )}
    </Paper>
  );
}

function AllowanceDetails({ allowance: a }: { allowance: AllowanceView }) {
  const { t } = useTranslation('network');
  const reasonText = useReasonText();
  const left = t('allowance.left', { remaining: a.remaining, weekly: a.weekly });
  const trust = TRUST_LEVELS[a.trustLevel];
  return (
    <Stack gap="xs">
      <Group gap="sm" justify="space-between" wrap="wrap">
        <Text fw={600}>{left}</Text>
        <Badge variant="light" color="gray" radius="sm" style={{ textTransform: 'none' }}>
          {t('allowance.trust', { level: trust ? t(`allowance.trustLevels.${trust}`) : a.trustLabel })}
        </Badge>
      </Group>
      <Progress value={a.weekly ? (a.remaining / a.weekly) * 100 : 0} aria-label={left} size="sm" />
      <Text size="sm">
        {t('allowance.outstanding', { outstanding: a.outstanding, cap: a.outstandingCap })}
        {a.nextFreeAt && (
          <>
            {' · '}
            <TimeAgo iso={a.nextFreeAt} prefix={t('allowance.nextFree')} />
          </>
        )}
      </Text>
      {!a.linksAllowed && (
        <Text size="sm" c="dimmed">
          {t('allowance.noLinks')}
        </Text>
      )}
      <Text size="sm" id="allowance-reasons">
        {a.reasons.length ? t('allowance.baseDiffers', { base: a.base }) : t('allowance.baseUnchanged', { base: a.base })}
      </Text>
      {a.reasons.length > 0 && (
        <List size="sm" spacing={2} aria-labelledby="allowance-reasons">
          {a.reasons.map((r) => (
            <List.Item key={r.code}>
              {signed(r.delta)}
              {reasonText(asReason(r))}
            </List.Item>
          ))}
        </List>
      )}
      {a.restrictions.map((r) => (
        <Alert
          key={r.kind}
          color="red"
          variant="light"
          icon={<IconAlertTriangle aria-hidden />}
          title={t(`allowance.restriction.${RESTRICTIONS[r.kind] ?? 'other'}`)}
        >
          <Text size="sm">
            {r.reason} (<TimeAgo iso={r.since} />
            {r.until && (
              <>
                {'; '}
                <DateTime iso={r.until} prefix={t('allowance.ends')} />
              </>
            )}
            )
          </Text>
        </Alert>
      ))}
    </Stack>
  );
}
