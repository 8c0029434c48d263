import { Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import type { ReasonCode } from '../../../common/reasons.ts';
import { Trans, useTranslation } from 'react-i18next';
import { type ModerationActionName, type ModerationItem, moderationApi, moderationKeys } from '../../api/moderation.ts';
import { usePagedQuery } from '../../hooks/usePagedQuery.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { EmptyState, ErrorState, PageLoader } from '../../components/PageState.tsx';
import { TimeAgo } from '../../components/TimeAgo.tsx';
import { useReasonText } from '../../i18n/reasons.ts';
import { CAUTION_TEXT, MemberEvidence } from './MemberEvidence.tsx';
import { ModerationActionDialog, type PendingAction } from './ModerationActionDialog.tsx';
import { type PendingRemoval, RemoveContentDialog } from './RemoveContentDialog.tsx';
import { ReportedContent } from './ReportedContent.tsx';

const ACTIONS: ModerationActionName[] = ['dismiss', 'warn', 'restrict', 'suspend'];

/** Who an action applies to, for its confirmation: "Growth Pro 1 and 7 others". */
function who(item: ModerationItem, t: TFunction<'admin'>): string {
  const [first, ...rest] = item.members;
  if (!first) return t('moderation.noOne');
  return rest.length ? t('moderation.who', { name: first.name, others: rest.length }) : first.name;
}

/** What a report says, as one sentence: who reported (when known), what, and their words (when given). */
function reportKey(item: Extract<ModerationItem, { type: 'report' }>) {
  const what = item.content?.kind ?? (item.invitationId ? 'invitation' : 'member');
  const by = item.reporter ? 'By' : '';
  const details = item.details ? 'Details' : '';
  return `moderation.report.${what}${by}${details}` as const;
}

function ItemCard({ item, onAct, onRemove }: { item: ModerationItem; onAct: (p: PendingAction) => void; onRemove: (p: PendingRemoval) => void }) {
  const { t } = useTranslation('admin');
  const reasonText = useReasonText();
  const title =
    item.type === 'flag' ? t(`moderation.flagTitles.${item.kind}`) : t('moderation.reportTitle', { reason: t(`reportReasons.${item.reason}`) });
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
                {t('moderation.risk', { score: item.score })}
              </Badge>
            )}
            {item.members.length > 1 && <Badge variant="outline">{t('moderation.accounts', { count: item.members.length })}</Badge>}
          </Group>
          <Text size="xs" c="dimmed">
            <TimeAgo iso={item.createdAt} />
          </Text>
        </Group>
        {item.type === 'flag' ? (
          <List size="sm" spacing={2} aria-label={t('moderation.reasons')}>
            {item.reasons.map((r) => (
              <List.Item key={r.text}>{reasonText({ ...r, code: r.code as ReasonCode })}</List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm">
            <Trans
              t={t}
              i18nKey={reportKey(item)}
              values={{ name: item.reporter?.name ?? '', details: item.details }}
              components={{ bdi: <bdi /> }}
            />
          </Text>
        )}
        {item.type === 'report' && item.content && (
          <ReportedContent
            content={item.content}
            onRemove={() => item.content && onRemove({ kind: item.content.kind, id: item.content.id, author: item.members[0]?.name ?? '' })}
          />
        )}
        <Stack gap="xs">
          {item.members.map((m) => (
            <MemberEvidence key={m.id} member={m} showRelated={!(item.type === 'flag' && item.kind === 'cluster')} />
          ))}
        </Stack>
        <Group gap="xs" role="group" aria-label={t('moderation.actionsFor', { title })}>
          {ACTIONS.map((action) => (
            <Button
              key={action}
              size="xs"
              variant={action === 'dismiss' ? 'default' : 'light'}
              color={action === 'suspend' ? 'red' : action === 'dismiss' ? undefined : 'orange'}
              c={action === 'warn' || action === 'restrict' ? CAUTION_TEXT : undefined}
              onClick={() => onAct({ type: item.type, id: item.id, action, who: who(item, t) })}
            >
              {t(`moderation.actions.${action}`)}
            </Button>
          ))}
        </Group>
      </Stack>
    </Card>
  );
}

/** The operators' queue: flagged accounts and reports with their evidence (reported content too), newest first, the four actions, and Remove. */
export function ModerationPanel() {
  const { t } = useTranslation('admin');
  const [pending, setPending] = useState<PendingAction | null>(null);
  const [removal, setRemoval] = useState<PendingRemoval | null>(null);
  const query = usePagedQuery(moderationKeys.queue, (cursor) => moderationApi.queue(cursor));
  if (query.isPending) return <PageLoader label={t('moderation.loading')} />;
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const items = query.data.pages.flatMap((p) => p.items);
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('moderation.intro')}
        </Text>
        <Button variant="default" size="xs" loading={query.isRefetching} onClick={() => void query.refetch()}>
          {t('page.refresh')}
        </Button>
      </Group>
      {items.length === 0 ? (
        <EmptyState title={t('moderation.emptyTitle')}>{t('moderation.emptyBody')}</EmptyState>
      ) : (
        items.map((item) => <ItemCard key={`${item.type}-${item.id}`} item={item} onAct={setPending} onRemove={setRemoval} />)
      )}
      <LoadMore query={query} />
      <ModerationActionDialog pending={pending} onClose={() => setPending(null)} />
      <RemoveContentDialog pending={removal} onClose={() => setRemoval(null)} />
    </Stack>
  );
}
