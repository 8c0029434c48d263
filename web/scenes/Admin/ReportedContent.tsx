import { Anchor, Badge, Blockquote, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ModerationItem } from '../../api/moderation.ts';
import { useFormat } from '../../i18n/format.ts';
import { CAUTION_TEXT } from './MemberEvidence.tsx';

export type ReportedContentView = NonNullable<Extract<ModerationItem, { type: 'report' }>['content']>;

const NOW_COLORS = { as_reported: 'gray', edited: 'orange', gone: 'gray' } as const;

/**
 * The post, comment or message a report is about, as it was when reported (the report's own copy, so it
 * survives an edit or a deletion), what became of it since, a link to where it is (a message lives in a
 * private conversation, which operators do not open), and Remove while it is still there.
 */
export function ReportedContent({ content, onRemove }: { content: ReportedContentView; onRemove: () => void }) {
  const { t } = useTranslation('admin');
  const format = useFormat();
  const label = t('moderation.content.label', { kind: content.kind });
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-label={label}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text size="sm" fw={600}>
            {label}
          </Text>
          <Badge
            variant="light"
            color={NOW_COLORS[content.now]}
            c={content.now === 'edited' ? CAUTION_TEXT : undefined}
          >
            {t(`moderation.content.now.${content.now}`)}
          </Badge>
        </Group>
        <Blockquote p="xs" radius="sm" color="gray" styles={{ root: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } }} dir="auto">
          {content.text}
        </Blockquote>
        {content.link && (
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {t('moderation.content.link', { url: content.link })}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          <Trans
            t={t}
            i18nKey="moderation.content.written"
            values={{ date: format.dateTime(content.createdAt) }}
            components={{ time: <time dateTime={content.createdAt} /> }}
          />
          {content.editedAt && (
            <>
              {' · '}
              <Trans
                t={t}
                i18nKey="moderation.content.edited"
                values={{ date: format.dateTime(content.editedAt) }}
                components={{ time: <time dateTime={content.editedAt} /> }}
              />
            </>
          )}
        </Text>
        <Group justify="space-between" wrap="wrap" gap="xs">
          {content.postId !== null ? (
            content.now !== 'gone' && (
              <Anchor component={Link} to={`/posts/${content.postId}`} size="sm">
                {t('moderation.content.open', { kind: content.kind })}
              </Anchor>
            )
          ) : (
            <Text size="xs" c="dimmed">
              {t('moderation.content.private')}
            </Text>
          )}
          {content.now !== 'gone' && (
            <Button size="xs" variant="light" color="red" leftSection={<IconTrash size={14} aria-hidden />} onClick={onRemove}>
              {t('moderation.content.remove', { kind: content.kind })}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
