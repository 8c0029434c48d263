import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { keys } from '../../api/keys.ts';
import { type NotificationView, notificationsApi } from '../../api/notifications.ts';
import { PagedList } from '../../components/PagedList.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, NextSteps } from '../../components/PageState.tsx';
import { PersonActions } from '../../components/PersonActions.tsx';
import { PersonAvatar } from '../../components/PersonAvatar.tsx';
import { PersonCardItem } from '../../components/PersonCardItem.tsx';
import { TimeAgo } from '../../components/TimeAgo.tsx';
import { usePagedQuery } from '../../hooks/usePagedQuery.ts';

/**
 * Notifications, newest first, grouped as the server groups them. What is unread is marked as such while
 * the page shows it, and marked read on the server once seen (up to the newest shown, so what arrives
 * meanwhile stays unread).
 */
export function NotificationsPage() {
  const { t } = useTranslation(['notifications', 'people']);
  const client = useQueryClient();
  const query = usePagedQuery(keys.notifications, notificationsApi.list);
  const newest = query.data?.pages[0]?.items[0];
  const markRead = useMutation({
    mutationFn: notificationsApi.markRead,
    onSuccess: () => void client.invalidateQueries({ queryKey: keys.notificationsUnread }),
  });
  const { mutate } = markRead;
  const unreadShown = newest !== undefined && query.data!.pages.some((p) => p.items.some((n) => n.unread));
  useEffect(() => {
    if (unreadShown && newest) mutate(newest.id);
  }, [mutate, newest, unreadShown]);

  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <Paper p="md" radius="md">
        <PagedList
          query={query}
          label={t('list')}
          loadingLabel={t('loading')}
          empty={
            <EmptyState title={t('empty.title')} action={<NextSteps steps={[{ to: '/network', label: t('empty.action') }]} />}>
              {t('empty.body')}
            </EmptyState>
          }
          renderItem={(n) => <NotificationItem notification={n} />}
        />
      </Paper>
    </>
  );
}

function NotificationItem({ notification: n }: { notification: NotificationView }) {
  const { t, i18n } = useTranslation('notifications');
  const actor = n.actors[0];
  const to = linkOf(n);
  // "Ana, Ben and Cy" in the reader's language, for a suggestion of people to meet.
  const people = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(n.people.map((p) => p.name));
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start" py="sm">
      {actor && <PersonAvatar name={actor.name} photoUrl={actor.photoUrl} size={44} />}
      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
        <Text size="sm" fw={n.unread ? 600 : 400}>
          <Trans
            t={t}
            i18nKey={`kinds.${n.kind}`}
            values={{
              name: actor?.name ?? '',
              others: Math.max(n.actorCount - 1, 0),
              item: n.subject.commentId === undefined ? 'post' : 'comment',
              count: n.subject.count ?? 0,
              people,
            }}
            components={{ bdi: <bdi /> }}
          />
        </Text>
        <Group gap="xs">
          <Text size="xs" c="dimmed">
            <TimeAgo iso={n.createdAt} />
          </Text>
          {n.unread && (
            <Badge size="xs" variant="light">
              {t('unread')}
            </Badge>
          )}
        </Group>
        {n.people.length > 0 && (
          // Each person suggested, linked to their profile, with Connect (the invitation and its note) one click away.
          <Stack gap={0} mt="xs" role="list" aria-label={t('suggestedPeople')}>
            {n.people.map((p) => (
              <div role="listitem" key={p.id}>
                <PersonCardItem person={p} actions={<PersonActions person={p} context="suggestion" />} />
              </div>
            ))}
          </Stack>
        )}
      </Stack>
      <Anchor component={Link} to={to} size="sm">
        {t(`open.${n.kind}`)}
      </Anchor>
    </Group>
  );
}

/** Where a notification leads: the post it is about, the invitations, or the person. */
function linkOf(n: NotificationView): string {
  if (n.subject.introductionId !== undefined) return '/introductions';
  if (n.subject.postId !== undefined) return `/posts/${n.subject.postId}`;
  if (n.kind === 'invitation_received') return '/network';
  if (n.kind === 'keep_in_touch') return '/keep-in-touch';
  if (n.kind === 'export_ready') return '/settings#your-data';
  if (n.kind === 'recommendation_requested') return '/recommendations?box=requests';
  if (n.kind === 'recommendation_written') return '/recommendations?box=received';
  if (n.kind === 'recommendation_approved') return '/recommendations?box=written';
  if (n.kind === 'introductions_suggested') return '/network?tab=suggestions';
  const actor = n.actors[0];
  return actor ? `/in/${actor.handle}` : '/network';
}
