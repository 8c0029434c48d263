import { Anchor, Badge, Button, Group, Modal, Stack, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconCheck, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { endorsementsApi, type SkillEndorsementView } from '../../api/endorsements.ts';
import type { PersonCard } from '../../api/types.ts';
import { DEGREE_KEYS, DegreeBadge } from '../../components/DegreeBadge.tsx';
import { keys } from '../../api/keys.ts';
import { PagedList } from '../../components/PagedList.tsx';
import { EmptyState } from '../../components/PageState.tsx';
import { PersonAvatar } from '../../components/PersonAvatar.tsx';
import { PersonCardItem } from '../../components/PersonCardItem.tsx';
import { useNetworkMutation } from '../../hooks/useNetworkMutation.ts';
import { usePagedQuery } from '../../hooks/usePagedQuery.ts';
import { ProfileSection, WRAPPING_BADGE } from './ProfileSections.tsx';

interface Props {
  handle: string;
  skills: SkillEndorsementView[];
  /** Whether the viewer is a 1st-degree connection who may endorse (the server's answer). */
  canEndorse: boolean;
}

/** Skills with their endorsement counts, the first endorsers' faces, "See all", and Endorse for 1st-degree viewers. */
export function SkillEndorsements({ handle, skills, canEndorse }: Props) {
  const { t } = useTranslation(['endorsements', 'profile', 'people']);
  const [open, setOpen] = useState<string | null>(null);
  // The name and the viewer's degree to them, as a screen reader hears a face ("Ana Rossi, 1st-degree connection").
  const faceLabel = (p: PersonCard) => {
    const key = p.degree ? DEGREE_KEYS[p.degree] : undefined;
    return key ? `${p.name}, ${t(`people:degree.${key}.long`)}` : p.name;
  };
  return (
    <ProfileSection title={t('profile:sections.skills')}>
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {skills.map((s) => (
          <Stack key={s.skill} component="li" gap={4}>
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Badge variant="light" radius="sm" size="lg" tt="none" fw={500} styles={WRAPPING_BADGE} dir="auto">
                {s.skill}
              </Badge>
              {canEndorse && <EndorseToggle handle={handle} skill={s} />}
            </Group>
            <Group gap="xs" wrap="nowrap">
              {s.endorsers.length > 0 && (
                <Tooltip.Group>
                  <Group component="ul" gap={4} wrap="nowrap" aria-label={t('skills.endorsersLabel')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                    {s.endorsers.map((p) => (
                      <li key={p.id}>
                        <Tooltip
                          withArrow
                          label={
                            <Group gap={4} wrap="nowrap">
                              <bdi>{p.name}</bdi>
                              <DegreeBadge degree={p.degree} />
                            </Group>
                          }
                        >
                          <Anchor component={Link} to={`/in/${p.handle}`} display="block">
                            <PersonAvatar name={p.name} photoUrl={p.photoUrl} size="sm" />
                            <VisuallyHidden>{faceLabel(p)}</VisuallyHidden>
                          </Anchor>
                        </Tooltip>
                      </li>
                    ))}
                  </Group>
                </Tooltip.Group>
              )}
              <Text size="sm" c="dimmed">
                {t('skills.count', { count: s.count })}
              </Text>
              {s.count > 0 && (
                <Anchor component="button" type="button" size="sm" onClick={() => setOpen(s.skill)} aria-label={t('skills.seeAllLabel', { skill: s.skill })}>
                  {t('skills.seeAll')}
                </Anchor>
              )}
            </Group>
          </Stack>
        ))}
      </Stack>
      <Modal opened={open !== null} onClose={() => setOpen(null)} title={open ? t('skills.endorsersTitle', { skill: open }) : ''}>
        {open && <EndorserList handle={handle} skill={open} />}
      </Modal>
    </ProfileSection>
  );
}

function EndorseToggle({ handle, skill }: { handle: string; skill: SkillEndorsementView }) {
  const { t } = useTranslation('endorsements');
  const toggle = useNetworkMutation((on: boolean) => (on ? endorsementsApi.endorse(handle, skill.skill) : endorsementsApi.unendorse(handle, skill.skill)));
  const pressed = skill.endorsedByMe;
  return (
    <Button
      size="compact-sm"
      variant={pressed ? 'light' : 'default'}
      aria-pressed={pressed}
      aria-label={t('skills.endorseLabel', { skill: skill.skill })}
      leftSection={pressed ? <IconCheck size={14} aria-hidden /> : <IconPlus size={14} aria-hidden />}
      loading={toggle.isPending}
      onClick={() => toggle.mutate(!pressed)}
    >
      {t('skills.endorse')}
    </Button>
  );
}

function EndorserList({ handle, skill }: { handle: string; skill: string }) {
  const { t } = useTranslation('endorsements');
  const query = usePagedQuery([...keys.member(handle), 'endorsers', skill], (cursor) => endorsementsApi.endorsers(handle, skill, cursor));
  return (
    <PagedList
      query={query}
      label={t('skills.endorsersTitle', { skill })}
      loadingLabel={t('skills.loadingEndorsers')}
      empty={<EmptyState title={t('skills.noEndorsers')} />}
      renderItem={(p) => <PersonCardItem person={p} />}
    />
  );
}
