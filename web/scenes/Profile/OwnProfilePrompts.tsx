import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { MemberProfileView } from '../../api/types.ts';
import { EmptyState } from '../../components/PageState.tsx';

/** A profile section the member has not filled in, with where in the editor to fill it. */
interface Missing {
  /** The editor section's id: /profile/edit#experience scrolls to it and focuses its first field. */
  field: string;
  label: string;
}

/** What the member's own profile lacks, in the order that most helps others find and judge them. */
export function missingSections(p: MemberProfileView): Missing[] {
  const missing: Missing[] = [];
  if (!p.headline) missing.push({ field: 'headline', label: 'Add a headline' });
  if (!p.experience?.length) missing.push({ field: 'experience', label: 'Add your experience' });
  if (!p.education?.length) missing.push({ field: 'education', label: 'Add your education' });
  if (!p.about) missing.push({ field: 'about', label: 'Write your About' });
  if (!p.skills?.length) missing.push({ field: 'skills', label: 'Add your skills' });
  if (!p.location) missing.push({ field: 'location', label: 'Add your location' });
  if (!p.offers?.length) missing.push({ field: 'offers', label: 'Say what you can help with' });
  if (!p.asks?.length) missing.push({ field: 'asks', label: 'Say what you’re looking for' });
  return missing;
}

function EditLinks({ missing }: { missing: Missing[] }) {
  return (
    <Group gap="xs" justify="center">
      {missing.map((m, i) => (
        <Button
          key={m.field}
          component={Link}
          to={`/profile/edit#${m.field}`}
          size="xs"
          variant={i === 0 ? 'light' : 'default'}
          leftSection={<IconPlus size={14} aria-hidden />}
        >
          {m.label}
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
  const missing = missingSections(profile).filter((m) => ['experience', 'education', 'about'].includes(m.field));
  return (
    <Paper radius="md">
      <EmptyState title="Your profile has no details yet" action={<EditLinks missing={missing} />}>
        Add your experience, education and a short About. Members decide whether to connect from what they read here, and search finds you
        by it.
      </EmptyState>
    </Paper>
  );
}

/** On the member's own profile: the parts still missing, each a link into the editor. Nothing once it is complete. */
export function CompleteYourProfile({ profile, skip = [] }: { profile: MemberProfileView; skip?: string[] }) {
  const missing = missingSections(profile).filter((m) => !skip.includes(m.field));
  if (missing.length === 0) return null;
  return (
    <Paper component="section" aria-labelledby="complete-profile-heading" p={{ base: 'md', sm: 'lg' }} radius="md">
      <Stack gap="xs">
        <Title order={2} fz="h4" id="complete-profile-heading">
          Complete your profile
        </Title>
        <Text size="sm" c="dimmed">
          Only you see this. Each part you add helps members find you and know who you are.
        </Text>
        <Group gap="xs">
          {missing.map((m) => (
            <Button key={m.field} component={Link} to={`/profile/edit#${m.field}`} size="xs" variant="default" leftSection={<IconPlus size={14} aria-hidden />}>
              {m.label}
            </Button>
          ))}
        </Group>
      </Stack>
    </Paper>
  );
}
