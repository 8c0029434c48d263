import { Anchor, Badge, Group, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBriefcase, IconExternalLink, IconSchool } from '@tabler/icons-react';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MemberProfileView } from '../../api/types.ts';
import { formatYears, useDateRange } from './format.ts';

/**
 * Badges hold member-written words (skills, industry) on one clipped line; a long one wraps instead,
 * so it is read whole rather than cut off on a phone.
 */
export const WRAPPING_BADGE = { root: { height: 'auto', maxWidth: '100%' }, label: { whiteSpace: 'normal' as const } };

export function ProfileSection({ title, children }: { title: ReactNode; children: ReactNode }) {
  // Not derived from the title: a translated title may have no ASCII letters (the pseudo-locale's), and
  // then every section's id was "profile--", so each region took the first one's name.
  const id = `profile-${useId()}`;
  return (
    <Paper component="section" aria-labelledby={id} p={{ base: 'md', sm: 'lg' }} radius="md">
      <Title order={2} fz="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

export function AboutSection({ about }: { about: string }) {
  const { t } = useTranslation('profile');
  return (
    <ProfileSection title={t('sections.about')}>
      <Text style={{ whiteSpace: 'pre-line' }} dir="auto">
        {about}
      </Text>
    </ProfileSection>
  );
}

export function ExperienceList({ items, below }: { items: NonNullable<MemberProfileView['experience']>; below?: (positionId: number) => ReactNode }) {
  const { t } = useTranslation('profile');
  const dateRange = useDateRange();
  return (
    <ProfileSection title={t('sections.experience')}>
      <Stack gap="md">
        {items.map((e) => (
          <Group key={e.id} align="flex-start" wrap="nowrap" gap="md">
            <ThemeIcon variant="light" size={40} radius="md" aria-hidden>
              <IconBriefcase size={20} />
            </ThemeIcon>
            <Stack gap={2}>
              <Text fw={600} dir="auto">
                {e.title}
              </Text>
              {/* The member's own spelling; the link leads to the organisation it belongs to. */}
              <Anchor component={Link} to={`/org/${e.organisation.slug}`} underline="hover" size="sm" dir="auto">
                {e.organisationName}
              </Anchor>
              <Text size="xs" c="dimmed">
                {dateRange(e.startDate, e.endDate)}
              </Text>
              {e.description && (
                <Text size="sm" mt={4} style={{ whiteSpace: 'pre-line' }} dir="auto">
                  {e.description}
                </Text>
              )}
              {below?.(e.id)}
            </Stack>
          </Group>
        ))}
      </Stack>
    </ProfileSection>
  );
}

export function EducationList({ items }: { items: NonNullable<MemberProfileView['education']> }) {
  const { t } = useTranslation('profile');
  return (
    <ProfileSection title={t('sections.education')}>
      <Stack gap="md">
        {items.map((e, i) => (
          <Group key={i} align="flex-start" wrap="nowrap" gap="md">
            <ThemeIcon variant="light" color="teal" size={40} radius="md" aria-hidden>
              <IconSchool size={20} />
            </ThemeIcon>
            <Stack gap={2}>
              <Anchor component={Link} to={`/org/${e.school.slug}`} underline="hover" fw={600} dir="auto">
                {e.schoolName}
              </Anchor>
              {e.degree && (
                <Text size="sm" dir="auto">
                  {e.degree}
                </Text>
              )}
              <Text size="xs" c="dimmed">
                {formatYears(e.startYear, e.endYear)}
              </Text>
            </Stack>
          </Group>
        ))}
      </Stack>
    </ProfileSection>
  );
}

export function SkillsList({ skills }: { skills: string[] }) {
  const { t } = useTranslation('profile');
  return (
    <ProfileSection title={t('sections.skills')}>
      <Group gap="xs">
        {skills.map((s) => (
          <Badge key={s} variant="light" radius="sm" size="lg" tt="none" fw={500} styles={WRAPPING_BADGE} dir="auto">
            {s}
          </Badge>
        ))}
      </Group>
    </ProfileSection>
  );
}

export function TextList({ title, items }: { title: string; items: string[] }) {
  return (
    <ProfileSection title={title}>
      <List spacing={4} size="sm">
        {items.map((s, i) => (
          <List.Item key={i} dir="auto">
            {s}
          </List.Item>
        ))}
      </List>
    </ProfileSection>
  );
}

export function LinksList({ links }: { links: { label: string; url: string }[] }) {
  const { t } = useTranslation('profile');
  return (
    <ProfileSection title={t('sections.links')}>
      <Stack gap={6}>
        {links.map((l, i) => (
          <Anchor key={i} href={l.url} underline="hover" target="_blank" rel="noopener noreferrer nofollow" size="sm">
            <Group gap={4} component="span" wrap="nowrap">
              <bdi>{l.label}</bdi>
              <IconExternalLink size={14} aria-label={t('sections.opensInNewTab')} />
            </Group>
          </Anchor>
        ))}
      </Stack>
    </ProfileSection>
  );
}
