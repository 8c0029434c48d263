import { Button, Checkbox, Fieldset, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type ProfileProposal, importsApi } from '../../api/imports.ts';
import { keys } from '../../api/keys.ts';
import type { ProfilePatchInput } from '../../api/types.ts';
import { FormError } from '../../components/FormError.tsx';
import { ErrorState, PageLoader } from '../../components/PageState.tsx';
import { useMe } from '../../hooks/useMe.ts';
import { useFormat } from '../../i18n/format.ts';
import { profileDraftKey } from './keys.ts';

type Experience = ProfileProposal['experience'][number];
/** A position the profile accepts: it needs a title and a start month (the archive may lack either). */
const savable = (x: Experience) => x.title.trim() !== '' && x.startDate !== null;

function DraftForm({ importId, proposal, onSaved }: { importId: number; proposal: ProfileProposal; onSaved: () => void }) {
  const { t } = useTranslation('imports');
  const [headline, setHeadline] = useState(proposal.headline ?? '');
  const [summary, setSummary] = useState(proposal.about ?? '');
  const [location, setLocation] = useState(proposal.location ?? '');
  const [positions, setPositions] = useState(() => proposal.experience.map(savable));
  const [schools, setSchools] = useState(() => proposal.education.map(() => true));
  const [skills, setSkills] = useState(() => proposal.skills.map(() => true));
  const save = useMutation({
    mutationFn: () => {
      // Lists replace the profile's whole list (PATCH semantics): send one only when something in it is ticked.
      const experience = proposal.experience.filter((x, i) => positions[i] && savable(x)).map((x) => ({ ...x, startDate: x.startDate! }));
      const education = proposal.education.filter((_, i) => schools[i]);
      const chosenSkills = proposal.skills.filter((_, i) => skills[i]);
      const patch: ProfilePatchInput = {
        headline: headline.trim(),
        about: summary.trim(),
        location: location.trim(),
        ...(experience.length ? { experience } : {}),
        ...(education.length ? { education } : {}),
        ...(chosenSkills.length ? { skills: chosenSkills } : {}),
      };
      return importsApi.applyProfileDraft(importId, patch);
    },
    onSuccess: onSaved,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const toggle = (set: typeof setPositions, i: number) => (checked: boolean) => set((list) => list.map((v, j) => (j === i ? checked : v)));

  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <TextInput label={t('draft.headline')} value={headline} onChange={(e) => setHeadline(e.currentTarget.value)} maxLength={220} />
        <Textarea label={t('draft.summary')} value={summary} onChange={(e) => setSummary(e.currentTarget.value)} autosize minRows={3} maxRows={10} />
        <TextInput label={t('draft.location')} value={location} onChange={(e) => setLocation(e.currentTarget.value)} maxLength={120} />
        {proposal.experience.length > 0 && (
          <Fieldset legend={t('draft.positions')} variant="unstyled">
            <Stack gap={6} mt={4}>
              {proposal.experience.map((x, i) => {
                const what = t('draft.position', { title: x.title || '—', organisation: x.organisation });
                return (
                  <Checkbox
                    key={i}
                    checked={positions[i] ?? false}
                    disabled={!savable(x)}
                    onChange={(e) => toggle(setPositions, i)(e.currentTarget.checked)}
                    label={savable(x) ? what : `${what} ${t('draft.noStart')}`}
                    style={{ overflowWrap: 'anywhere' }}
                  />
                );
              })}
            </Stack>
          </Fieldset>
        )}
        {proposal.education.length > 0 && (
          <Fieldset legend={t('draft.education')} variant="unstyled">
            <Stack gap={6} mt={4}>
              {proposal.education.map((e, i) => (
                <Checkbox key={i} checked={schools[i] ?? false} onChange={(ev) => toggle(setSchools, i)(ev.currentTarget.checked)} label={[e.school, e.degree].filter(Boolean).join(', ')} style={{ overflowWrap: 'anywhere' }} />
              ))}
            </Stack>
          </Fieldset>
        )}
        {proposal.skills.length > 0 && (
          <Fieldset legend={t('draft.skills')} variant="unstyled">
            <Group gap="sm" mt={4}>
              {proposal.skills.map((s, i) => (
                <Checkbox key={i} checked={skills[i] ?? false} onChange={(ev) => toggle(setSkills, i)(ev.currentTarget.checked)} label={s} />
              ))}
            </Group>
          </Fieldset>
        )}
        <FormError error={save.error} />
        <div>
          <Button type="submit" loading={save.isPending}>
            {t('draft.save')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}

/** "Review your profile from LinkedIn": the profile the archive offers, edited and ticked, then saved to mine. */
export function ProfileDraftSection({ importId }: { importId: number }) {
  const { t } = useTranslation('imports');
  const format = useFormat();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const draft = useQuery({ queryKey: profileDraftKey(importId), queryFn: () => importsApi.profileDraft(importId) });
  const [saved, setSaved] = useState(false);
  return (
    <Paper p="lg" radius="md" component="section" aria-labelledby="import-draft-heading">
      <Title order={2} fz="h4" id="import-draft-heading" mb={4}>
        {t('draft.title')}
      </Title>
      {draft.isPending ? (
        <PageLoader label={t('draft.loading')} />
      ) : draft.error ? (
        <ErrorState error={draft.error} onRetry={() => void draft.refetch()} />
      ) : saved || draft.data.appliedAt ? (
        <Stack gap="xs" role="status">
          <Text size="sm">{saved ? t('draft.saved') : t('draft.applied', { date: format.date(draft.data.appliedAt!) })}</Text>
          {me && (
            <div>
              <Button component={Link} to={`/in/${me.handle}`} variant="light">
                {t('draft.viewProfile')}
              </Button>
            </div>
          )}
        </Stack>
      ) : (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('draft.intro')}
          </Text>
          <DraftForm
            importId={importId}
            proposal={draft.data.proposal}
            onSaved={() => {
              setSaved(true);
              void queryClient.invalidateQueries({ queryKey: keys.me });
            }}
          />
        </Stack>
      )}
    </Paper>
  );
}
