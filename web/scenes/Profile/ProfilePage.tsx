import { Alert, Grid, Stack } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconBan, IconLock } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { directoryApi } from '../../api/directory.ts';
import { keys } from '../../api/keys.ts';
import { EmptyState, ErrorState, NextSteps, PageLoader } from '../../components/PageState.tsx';
import { HowConnected } from './HowConnected.tsx';
import { CompleteYourProfile, OwnEmptyProfile, missingSections } from './OwnProfilePrompts.tsx';
import { ProfileHeader } from './ProfileHeader.tsx';
import { AboutSection, EducationList, ExperienceList, LinksList, SkillsList, TextList } from './ProfileSections.tsx';

export function ProfilePage() {
  const { handle = '' } = useParams();
  const query = useQuery({ queryKey: keys.member(handle), queryFn: () => directoryApi.member(handle) });
  const unavailable = query.error instanceof ApiError && query.error.status === 404;
  useDocumentTitle(query.data ? `${query.data.name} · Rapport` : unavailable ? 'Profile not available · Rapport' : 'Profile · Rapport');

  if (query.isPending) return <PageLoader label="Loading profile…" />;
  if (unavailable) {
    return (
      <EmptyState
        title="This profile is not available"
        headingLevel={1}
        action={
          <NextSteps
            steps={[
              { to: '/search', label: 'Search people' },
              { to: '/members', label: 'Browse members' },
            ]}
          />
        }
      >
        The member may have changed their handle or left the community.
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
  return (
    <Stack gap="lg">
      <ProfileHeader profile={p} />
      {showPaths && <HowConnected key={p.handle} handle={p.handle} name={p.name} />}
      {blocked ? (
        <Alert color="gray" variant="light" icon={<IconBan aria-hidden />} title={
            <>
              You have blocked <bdi>{p.name}</bdi>
            </>
          }
        >
          Neither of you can see, find, invite or follow the other. To undo this, choose Unblock under More actions.
        </Alert>
      ) : p.limited ? (
        <Alert color="gray" variant="light" icon={<IconLock aria-hidden />} title="Limited profile">
          <bdi>{p.name}</bdi> shares their full profile only with their network. You can see their name, headline and photo.
        </Alert>
      ) : (
        <Grid gutter="lg">
          <Grid.Col span={{ base: 12, md: hasSide ? 8 : 12 }}>
            <Stack gap="lg">
              {p.about && <AboutSection about={p.about} />}
              {p.experience && p.experience.length > 0 && <ExperienceList items={p.experience} />}
              {p.education && p.education.length > 0 && <EducationList items={p.education} />}
              {noDetails &&
                (isSelf ? (
                  <OwnEmptyProfile profile={p} />
                ) : (
                  <EmptyState
                    title={
                      <>
                        <bdi>{p.name}</bdi> has not added details yet
                      </>
                    }
                  >
                    Their experience and education will show here once added.
                  </EmptyState>
                ))}
            </Stack>
          </Grid.Col>
          {hasSide && (
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Stack gap="lg">
                {p.offers && p.offers.length > 0 && <TextList title="I can help with" items={p.offers} />}
                {p.asks && p.asks.length > 0 && <TextList title="I'm looking for" items={p.asks} />}
                {p.skills && p.skills.length > 0 && <SkillsList skills={p.skills} />}
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
