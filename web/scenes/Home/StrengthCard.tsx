import { Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReasonCode } from '../../../common/reasons.ts';
import type { ProfileStrength } from '../../api/types.ts';
import { useReasonText } from '../../i18n/reasons.ts';

/** Profile strength with the single most useful next step. */
export function StrengthCard({ strength }: { strength: ProfileStrength }) {
  const { t } = useTranslation('home');
  const reasonText = useReasonText();
  // The wire schema types a tip's code as a string; the server sends only `strength.*` codes here.
  const tip = strength.next ? reasonText({ ...strength.next, code: strength.next.code as ReasonCode }) : null;
  return (
    <Paper p="lg" radius="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} fz="h4">
            {t('strength.title')}
          </Title>
          <Text fw={600} c="brand.8">
            {t(`strength.levels.${strength.level}`)}
          </Text>
        </Group>
        <Progress value={strength.score} size="lg" radius="xl" aria-label={t('strength.progress', { score: strength.score })} />
        {strength.next ? (
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Text size="sm">
              <Trans t={t} i18nKey="strength.next" values={{ tip }} components={{ strong: <strong /> }} />
            </Text>
            <Button
              component={Link}
              to={`/profile/edit#${strength.next.field}`}
              variant="light"
              size="xs"
              rightSection={<IconArrowRight size={14} aria-hidden />}
            >
              {t('strength.improve')}
            </Button>
          </Group>
        ) : (
          <Text size="sm">{t('strength.complete')}</Text>
        )}
      </Stack>
    </Paper>
  );
}
