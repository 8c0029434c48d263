import { Group, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { ReactionSummary, ReactionTarget } from '../../api/posts.ts';
import { useFormat } from '../../i18n/format.ts';
import { ReactionIcon } from './ReactionIcon.tsx';
import { ReactorsModal } from './ReactorsModal.tsx';
import { kindsByCount } from './reactions.ts';

/**
 * A post's or comment's reactions: the first three kinds by count (icons) and the total, as a button that
 * opens "who reacted". Its label says how many; its tooltip names each kind with its count.
 */
export function ReactionCounts({ summary, target }: { summary: ReactionSummary; target: ReactionTarget }) {
  const { t } = useTranslation('feed');
  const format = useFormat();
  const [opened, { open, close }] = useDisclosure(false);
  if (summary.total === 0) return null;
  const kinds = kindsByCount(summary);
  const spoken = format.list(kinds.map(({ kind, count }) => t('reactions.byKind', { kind: t(`reactions.kinds.${kind}`), count })));
  return (
    <>
      <UnstyledButton onClick={open} aria-label={t('reactions.countLabel', { count: summary.total })} title={spoken} style={{ minHeight: 24, minWidth: 24, borderRadius: 4 }}>
        <Group gap={4} wrap="nowrap" component="span">
          <Group gap={0} wrap="nowrap" component="span">
            {kinds.slice(0, 3).map(({ kind }) => (
              <ReactionIcon key={kind} kind={kind} size={16} />
            ))}
          </Group>
          <Text size="sm" c="dimmed" component="span">
            {format.number(summary.total)}
          </Text>
        </Group>
      </UnstyledButton>
      {opened && <ReactorsModal target={target} summary={summary} onClose={close} />}
    </>
  );
}
