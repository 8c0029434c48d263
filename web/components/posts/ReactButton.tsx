import { ActionIcon, Button, Group, Popover } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ReactionKind, ReactionSummary, ReactionTarget } from '../../api/posts.ts';
import { ReactionIcon } from './ReactionIcon.tsx';
import { REACTION_KINDS, toggledReaction } from './reactions.ts';
import { useReaction } from './usePostMutations.ts';

interface Props {
  target: ReactionTarget;
  summary: ReactionSummary;
  /** The author's name, in the labels, so the buttons of a list of posts stay distinguishable. */
  authorName: string;
  size?: 'xs' | 'compact-sm';
}

/**
 * React in LinkedIn's manner: a click likes (or takes back whatever the viewer gave), and the chevron beside
 * it opens the five kinds, each a toggle button (aria-pressed) reachable by Tab, Escape closing it and
 * returning focus to the chevron.
 */
export function ReactButton({ target, summary, authorName, size = 'xs' }: Props) {
  const { t } = useTranslation('feed');
  const [opened, { close, toggle }] = useDisclosure(false);
  const react = useReaction(target);
  const mine = summary.mine;
  const shownKind: ReactionKind = mine ?? 'like';
  const label = (kind: ReactionKind) =>
    t(target.type === 'post' ? 'reactions.buttonLabel' : 'reactions.commentButtonLabel', { kind: t(`reactions.kinds.${kind}`), name: authorName });
  const choose = (kind: ReactionKind) => {
    react.mutate(mine === kind ? null : kind);
    close();
  };
  return (
    <Group gap={0} wrap="nowrap">
      <Button
        size={size}
        variant={mine ? 'light' : 'subtle'}
        color={mine ? 'brand' : 'gray'}
        leftSection={<ReactionIcon kind={shownKind} />}
        aria-pressed={mine !== null}
        aria-label={label(shownKind)}
        onClick={() => react.mutate(toggledReaction(mine))}
      >
        {t(`reactions.kinds.${shownKind}`)}
      </Button>
      <Popover opened={opened} onChange={(o) => !o && close()} position="top-start" trapFocus returnFocus withArrow shadow="md">
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            color="gray"
            size={size === 'xs' ? 30 : 26}
            onClick={toggle}
            aria-label={t(target.type === 'post' ? 'reactions.chooseLabel' : 'reactions.chooseCommentLabel', { name: authorName })}
          >
            <IconChevronUp size={16} aria-hidden />
          </ActionIcon>
        </Popover.Target>
        {/* Named by its target (Mantine's aria-labelledby): "Choose a reaction to the post by Ana Ruiz". */}
        <Popover.Dropdown p={6}>
          <Group gap={4} wrap="wrap" maw={320}>
            {REACTION_KINDS.map((kind) => (
              <Button
                key={kind}
                size="compact-sm"
                variant={mine === kind ? 'light' : 'subtle'}
                color={mine === kind ? 'brand' : 'dark'}
                leftSection={<ReactionIcon kind={kind} />}
                aria-pressed={mine === kind}
                onClick={() => choose(kind)}
                data-autofocus={kind === shownKind || undefined}
              >
                {t(`reactions.kinds.${kind}`)}
              </Button>
            ))}
          </Group>
        </Popover.Dropdown>
      </Popover>
    </Group>
  );
}
