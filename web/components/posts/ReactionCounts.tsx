import { Group, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { ReactionSummary } from '../../api/posts.ts';
import { useFormat } from '../../i18n/format.ts';
import { ReactionIcon } from './ReactionIcon.tsx';
import { ReactorsModal } from './ReactorsModal.tsx';
import { kindsByCount } from './reactions.ts';

/** The first three kinds by count, their icons overlapping, then the total. */
function Summary({ summary }: { summary: ReactionSummary }) {
  const format = useFormat();
  return (
    <Group gap={4} wrap="nowrap" component="span">
      <Group gap={0} wrap="nowrap" component="span" aria-hidden>
        {kindsByCount(summary)
          .slice(0, 3)
          .map(({ kind }) => (
            <ReactionIcon key={kind} kind={kind} size={16} />
          ))}
      </Group>
      <Text size="sm" c="dimmed" component="span">
        {format.number(summary.total)}
      </Text>
    </Group>
  );
}

/**
 * A post's reactions: which kinds and how many, as a button opening "who reacted". A comment has no list of
 * who reacted, so its counts are only words (the kinds each named for screen readers).
 */
export function ReactionCounts({ summary, postId }: { summary: ReactionSummary; postId?: number }) {
  const { t } = useTranslation('feed');
  const format = useFormat();
  const [opened, { open, close }] = useDisclosure(false);
  if (summary.total === 0) return null;
  const spoken = format.list(kindsByCount(summary).map(({ kind, count }) => t('reactions.byKind', { kind: t(`reactions.kinds.${kind}`), count })));
  if (postId === undefined) {
    return (
      <Text component="span" size="sm" title={spoken}>
        <span aria-hidden>
          <Summary summary={summary} />
        </span>
        <VisuallyHidden>{t('reactions.summary', { count: summary.total, kinds: spoken })}</VisuallyHidden>
      </Text>
    );
  }
  return (
    <>
      <UnstyledButton onClick={open} aria-label={t('reactions.countLabel', { count: summary.total })} title={spoken} style={{ minHeight: 24, borderRadius: 4 }}>
        <Summary summary={summary} />
      </UnstyledButton>
      {opened && <ReactorsModal postId={postId} summary={summary} onClose={close} />}
    </>
  );
}
