import { Anchor, Avatar, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconLock, IconUserOff, IconUsers, IconWorld } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PostVisibility } from '../../api/posts.ts';
import type { PersonCard } from '../../api/types.ts';
import { useFormat } from '../../i18n/format.ts';
import { DegreeBadge } from '../DegreeBadge.tsx';
import { PersonAvatar } from '../PersonAvatar.tsx';
import { TimeAgo } from '../TimeAgo.tsx';

const VISIBILITY_ICONS = { members: IconWorld, connections: IconLock, followers: IconUsers } as const;

/** Who can see a post, as an icon with its words for screen readers and on hover. */
export function VisibilityIcon({ visibility }: { visibility: PostVisibility }) {
  const { t } = useTranslation('feed');
  const Icon = VISIBILITY_ICONS[visibility];
  const label = t(`visibility.shown.${visibility}`);
  return (
    <Tooltip label={label}>
      <span role="img" aria-label={label} style={{ display: 'inline-flex' }}>
        <Icon size={14} aria-hidden />
      </span>
    </Tooltip>
  );
}

const Dot = () => (
  <Text size="xs" component="span" aria-hidden>
    ·
  </Text>
);

interface Props {
  author: PersonCard;
  createdAt: string;
  editedAt: string | null;
  visibility?: PostVisibility;
  /** Comments show a smaller avatar and leave out the mutual count. */
  compact?: boolean;
  /** On the right of the name line: the actions menu. */
  actions?: ReactNode;
}

/**
 * The head of a post or comment: avatar, linked name, degree, headline, mutual connections, when (the full
 * date on hover), an "edited" mark and, for posts, who can see it.
 */
export function AuthorLine({ author, createdAt, editedAt, visibility, compact = false, actions }: Props) {
  const { t } = useTranslation('feed');
  const format = useFormat();
  return (
    <Group align="flex-start" gap="sm" wrap="nowrap">
      <PersonAvatar name={author.name} photoUrl={author.photoUrl} size={compact ? 36 : 48} />
      <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
        <Group gap={6} wrap="nowrap" align="baseline" justify="space-between">
          <Group gap={6} wrap="wrap" align="baseline" style={{ minWidth: 0 }}>
            <Anchor component={Link} to={`/in/${author.handle}`} underline="hover" fw={600} c="inherit" size="sm" dir="auto" style={{ overflowWrap: 'anywhere' }}>
              {author.name}
            </Anchor>
            <DegreeBadge degree={author.degree} />
          </Group>
          {actions}
        </Group>
        {author.headline && (
          <Text size="xs" c="dimmed" lineClamp={1} dir="auto">
            {author.headline}
          </Text>
        )}
        <Group gap={6} wrap="wrap" c="dimmed">
          <Text size="xs" component="span">
            <TimeAgo iso={createdAt} />
          </Text>
          {editedAt && (
            <>
              <Dot />
              <Text size="xs" component="span" title={t('post.editedAt', { date: format.dateTime(editedAt) })}>
                {t('post.edited')}
              </Text>
            </>
          )}
          {visibility && (
            <>
              <Dot />
              <VisibilityIcon visibility={visibility} />
            </>
          )}
          {!compact && author.mutualCount ? (
            <>
              <Dot />
              <Text size="xs" component="span">
                {t('post.mutuals', { count: author.mutualCount })}
              </Text>
            </>
          ) : null}
        </Group>
      </Stack>
    </Group>
  );
}

/**
 * The head of a tombstone: the author deleted their account, so there is nobody to name or link to, only
 * "Deleted member" and when they wrote (the thread's order still reads by time).
 */
export function DeletedAuthorLine({ createdAt, actions }: { createdAt: string; actions?: ReactNode }) {
  const { t } = useTranslation('feed');
  return (
    <Group align="flex-start" gap="sm" wrap="nowrap">
      <Avatar size={36} color="gray" variant="light" aria-hidden>
        <IconUserOff size={18} />
      </Avatar>
      <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
        <Group gap={6} wrap="nowrap" align="baseline" justify="space-between">
          <Text size="sm" fw={600} c="dimmed">
            {t('comments.tombstone.author')}
          </Text>
          {actions}
        </Group>
        <Text size="xs" c="dimmed" component="span">
          <TimeAgo iso={createdAt} />
        </Text>
      </Stack>
    </Group>
  );
}
