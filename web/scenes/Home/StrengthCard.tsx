import { Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { ProfileStrength } from '../../api/types.ts';

/** Profile strength with the single most useful next step. */
export function StrengthCard({ strength }: { strength: ProfileStrength }) {
  return (
    <Paper p="lg" radius="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} fz="h4">
            Profile strength
          </Title>
          <Text fw={600} c="brand.8">
            {strength.level}
          </Text>
        </Group>
        <Progress value={strength.score} size="lg" radius="xl" aria-label={`Profile strength ${strength.score}%`} />
        {strength.next ? (
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Text size="sm">
              Next: <strong>{strength.next.text}</strong>
            </Text>
            <Button
              component={Link}
              to={`/profile/edit#${strength.next.field}`}
              variant="light"
              size="xs"
              rightSection={<IconArrowRight size={14} aria-hidden />}
            >
              Improve profile
            </Button>
          </Group>
        ) : (
          <Text size="sm">Your profile is complete. Members can find you by every detail you shared.</Text>
        )}
      </Stack>
    </Paper>
  );
}
