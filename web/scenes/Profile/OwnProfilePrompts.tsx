import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MemberProfileView } from '../../api/types.ts';
import { EmptyState } from '../../components/PageState.tsx';

/**
 * A profile section the member has not filled in, named by the editor section's id:
 * /profile/edit#experience scrolls to it and focuses its first field.
 */
type Missing = 'headline' | 'experience' | 'education' | 'about' | 'skills' | 'location' | 'offers' | 'asks';

/** What the member's own profile lacks, in the order that most helps others find and judge them. */
export function missingSections(p: MemberProfileView): Missing[] {
  const missing: Missing[] = [];
  if (!p.headline) missing.push('headline');
  if (!p.experience?.length) missing.push('experience');
  if (!p.education?.length) missing.push('education');
  if (!p.about) missing.push('about');
  if (!p.skills?.length) missing.push('skills');
  if (!p.location) missing.push('location');
  if (!p.offers?.length) missing.push('offers');
  if (!p.asks?.length) missing.push('asks');
  return missing;
}

function EditLinks({ missing }: { missing: Missing[] }) {
  const { t } = useTranslation('profile');
  return (
    <Group gap="xs" justify="center">
      {missing.map((field, i) => (
        <Button
          key={field}
          component={Link}
          to={`/profile/edit#${field}`}
          size="xs"
          variant={i === 0 ? 'light' : 'default'}
          leftSection={<IconPlus size={14} aria-hidden />}
        >
          {t(`prompts.missing.${field}`)}
        </Button>
      ))}
    </Group>
  );
}

/**
 * The member's own profile with nothing under the header yet: spoken to them, in the second person,
 * with a way into each part of the editor (others see "has not added details yet").
 */
export function OwnEmptyProfile({ profile }: { profile: MemberProfileView }) {
  const { t } = useTranslation('profile');
  const missing = missingSections(profile).filter((field) => ['experience', 'education', 'about'].includes(field));
  return (
    <Paper radius="md">
      <EmptyState title={t('prompts.emptyTitle')} action={<EditLinks missing={missing} />}>
        {t('prompts.emptyBody')}
      </EmptyState>
    </Paper>
  );
}

/** On the member's own profile: the parts still missing, each a link into the editor. Nothing once it is complete. */
export function CompleteYourProfile({ profile, skip = [] }: { profile: MemberProfileView; skip?: string[] }) {
  const { t } = useTranslation('profile');
  const missing = missingSections(profile).filter((field) => !skip.includes(field));
  if (missing.length === 0) return null;
  return (
    <Paper component="section" aria-labelledby="complete-profile-heading" p={{ base: 'md', sm: 'lg' }} radius="md">
      <Stack gap="xs">
        <Title order={2} fz="h4" id="complete-profile-heading">
          {t('prompts.completeTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('prompts.completeBody')}
        </Text>
        <Group gap="xs">
          {missing.map((field) => (
            <Button key={field} component={Link} to={`/profile/edit#${field}`} size="xs" variant="default" leftSection={<IconPlus size={14} aria-hidden />}>
              {t(`prompts.missing.${field}`)}
            </Button>
          ))}
        </Group>
      </Stack>
    </Paper>
  );
}
