import { Alert, Grid, Stack } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconBan, IconLock } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Trans, useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { directoryApi } from '../../api/directory.ts';
import { keys } from '../../api/keys.ts';
import { EmptyState, ErrorState, NextSteps, PageLoader } from '../../components/PageState.tsx';
import { ActivitySection } from './ActivitySection.tsx';
import { HowConnected } from './HowConnected.tsx';
import { RelationshipPanel } from '../Relationships/RelationshipPanel.tsx';
import { CompleteYourProfile, OwnEmptyProfile, missingSections } from './OwnProfilePrompts.tsx';
import { ProfileHeader } from './ProfileHeader.tsx';
import { AboutSection, EducationList, ExperienceList, LinksList, ProfileSection, SkillsList, TextList } from './ProfileSections.tsx';
import { PositionRecommendations, RecommendationButtons } from './Recommendations.tsx';
import { SkillEndorsements } from './SkillEndorsements.tsx';

export function ProfilePage() {
  // people names the career stages in the header and feed words the activity: asked for here, the namespaces load at once.
  const { t } = useTranslation(['profile', 'people', 'feed', 'endorsements']);
  const { handle = '' } = useParams();
  const query = useQuery({ queryKey: keys.member(handle), queryFn: () => directoryApi.member(handle) });
  const unavailable = query.error instanceof ApiError && query.error.status === 404;
  useDocumentTitle(`${query.data ? query.data.name : unavailable ? t('page.unavailableDocumentTitle') : t('page.documentTitle')} · Rapport`);

  if (query.isPending) return <PageLoader label={t('page.loading')} />;
  if (unavailable) {
    return (
      <EmptyState
        title={t('page.unavailable')}
        headingLevel={1}
        action={
          <NextSteps
            steps={[
              { to: '/search', label: t('page.searchPeople') },
              { to: '/members', label: t('page.browseMembers') },
            ]}
          />
        }
      >
        {t('page.unavailableHint')}
      </EmptyState>
    );
  }
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;

  const p = query.data;
  const isSelf = p.connection === 'self';
  const noDetails = !p.about && !p.experience?.length && !p.education?.length;
  // The member's own profile also lists, at the side, what is still missing, each a link into the editor.
  const hasSide = Boolean(p.skills?.length || p.offers?.length || p.asks?.length || p.links?.length) || (isSelf && missingSections(p).length > 0);
  const blocked = p.relationship?.blocked ?? false;
  // 1st-degree needs no introduction and out-of-network has no path, so the chain shows only for 2nd and 3rd.
  const showPaths = !blocked && (p.degree === 2 || p.degree === 3);
  const named = { values: { name: p.name }, components: { bdi: <bdi /> } };
  return (
    <Stack gap="lg">
      <ProfileHeader profile={p} />
      {showPaths && <HowConnected key={p.handle} handle={p.handle} name={p.name} />}
      {blocked ? (
        <Alert color="gray" variant="light" icon={<IconBan aria-hidden />} title={<Trans t={t} i18nKey="page.blockedTitle" {...named} />}>
          {t('page.blockedBody')}
        </Alert>
      ) : p.limited ? (
        <Alert color="gray" variant="light" icon={<IconLock aria-hidden />} title={t('page.limitedTitle')}>
          <Trans t={t} i18nKey="page.limitedBody" {...named} />
        </Alert>
      ) : (
        <Grid gutter="lg">
          <Grid.Col span={{ base: 12, md: hasSide ? 8 : 12 }}>
            <Stack gap="lg">
              {p.about && <AboutSection about={p.about} />}
              {p.experience && p.experience.length > 0 && (
                <ExperienceList items={p.experience} below={(id) => <PositionRecommendations items={(p.recommendations ?? []).filter((r) => r.positionId === id)} />} />
              )}
              {p.canRecommend && (
                <ProfileSection title={t('endorsements:profile.title')}>
                  <RecommendationButtons profile={p} />
                </ProfileSection>
              )}
              {p.education && p.education.length > 0 && <EducationList items={p.education} />}
              {noDetails &&
                (isSelf ? (
                  <OwnEmptyProfile profile={p} />
                ) : (
                  <EmptyState title={<Trans t={t} i18nKey="page.noDetailsTitle" {...named} />}>{t('page.noDetailsBody')}</EmptyState>
                ))}
              {!isSelf && <RelationshipPanel key={`relationship-${p.handle}`} handle={p.handle} name={p.name} />}
              <ActivitySection key={p.handle} handle={p.handle} name={p.name} isSelf={isSelf} />
            </Stack>
          </Grid.Col>
          {hasSide && (
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Stack gap="lg">
                {p.offers && p.offers.length > 0 && <TextList title={t('sections.offers')} items={p.offers} />}
                {p.asks && p.asks.length > 0 && <TextList title={t('sections.asks')} items={p.asks} />}
                {p.skillEndorsements && p.skillEndorsements.length > 0 ? (
                  <SkillEndorsements handle={p.handle} skills={p.skillEndorsements} canEndorse={p.canEndorse ?? false} />
                ) : (
                  p.skills && p.skills.length > 0 && <SkillsList skills={p.skills} />
                )}
                {p.links && p.links.length > 0 && <LinksList links={p.links} />}
                {isSelf && <CompleteYourProfile profile={p} skip={noDetails ? ['experience', 'education', 'about'] : []} />}
              </Stack>
            </Grid.Col>
          )}
        </Grid>
      )}
    </Stack>
  );
}
