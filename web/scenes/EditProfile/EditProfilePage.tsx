import { Alert, Button, Group, Paper, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { keys } from '../../api/keys.ts';
import { meApi } from '../../api/me.ts';
import type { MeView } from '../../api/types.ts';
import { FormError } from '../../components/FormError.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useMe } from '../../hooks/useMe.ts';
import { applyServerErrors } from '../../hooks/useServerErrors.ts';
import { BasicsSection } from './BasicsSection.tsx';
import { EducationSection } from './EducationSection.tsx';
import { ExperienceSection } from './ExperienceSection.tsx';
import { LinksSection } from './LinksSection.tsx';
import { PhotoSection } from './PhotoSection.tsx';
import { PrivacySection } from './PrivacySection.tsx';
import { SkillsSection } from './SkillsSection.tsx';
import { StringListSection } from './StringListSection.tsx';
import { type ProfileFormValues, toFormValues, toPatch, validateProfile } from './profileForm.ts';

export function EditProfilePage() {
  const { data: me } = useMe();
  if (!me) return null;
  return <ProfileEditor me={me} />;
}

function ProfileEditor({ me }: { me: MeView }) {
  const queryClient = useQueryClient();
  const location = useLocation();
  const [params] = useSearchParams();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<ProfileFormValues>({ initialValues: toFormValues(me), validate: validateProfile });

  const save = useMutation({
    mutationFn: (values: ProfileFormValues) => meApi.updateProfile(toPatch(values)),
    onSuccess: (next) => {
      queryClient.setQueryData(keys.me, next);
      void queryClient.invalidateQueries({ queryKey: keys.member(me.handle) });
      form.resetDirty();
      notifications.show({ color: 'teal', title: 'Profile saved', message: `Profile strength: ${next.strength.score}%.` });
    },
    onError: (error) => setFormError(applyServerErrors(form, error)),
  });

  // Links from the strength card point at a field (#headline, #experience); bring it into view.
  useEffect(() => {
    const target = location.hash ? document.getElementById(location.hash.slice(1)) : null;
    if (!target) return;
    target.scrollIntoView({ block: 'center' });
    (target.matches('input, textarea') ? target : target.querySelector<HTMLElement>('input, textarea, button'))?.focus({
      preventScroll: true,
    });
  }, [location.hash]);

  return (
    <>
      <PageHeader
        title="Edit profile"
        description="Everything here except your birth year is visible to members who can see your profile."
        actions={
          <Button component={Link} to={`/in/${me.handle}`} variant="default">
            View profile
          </Button>
        }
      />
      <Stack gap="lg" maw={860}>
        {params.get('welcome') && (
          <Alert color="brand" variant="light" title="Welcome to Rapport">
            Start with a headline and your current position; they are what people look for first.
          </Alert>
        )}
        <PhotoSection me={me} />
        <form
          noValidate
          aria-label="Profile"
          onSubmit={form.onSubmit(
            (values) => {
              setFormError(null);
              save.mutate(values);
            },
            () => setFormError('Please fix the highlighted fields.'),
          )}
        >
          <Stack gap="lg">
            <BasicsSection form={form} />
            <ExperienceSection form={form} />
            <EducationSection form={form} />
            <SkillsSection form={form} />
            <StringListSection
              form={form}
              field="offers"
              title="I can help with"
              description="What you offer others: advice, introductions, expertise."
              itemLabel="Offer"
              placeholder="e.g. Reviewing pitch decks"
            />
            <StringListSection
              form={form}
              field="asks"
              title="I'm looking for"
              description="What would help you right now."
              itemLabel="Ask"
              placeholder="e.g. An intro to a climate-tech investor"
            />
            <LinksSection form={form} />
            <PrivacySection form={form} />
            <Paper p="md" radius="md" pos="sticky" bottom={0} style={{ zIndex: 5 }} shadow="md">
              <Stack gap="sm">
                <FormError message={formError} />
                <Group justify="flex-end">
                  <Button type="button" variant="default" disabled={!form.isDirty()} onClick={() => form.reset()}>
                    Discard changes
                  </Button>
                  <Button type="submit" loading={save.isPending} leftSection={<IconDeviceFloppy size={16} aria-hidden />}>
                    Save profile
                  </Button>
                </Group>
              </Stack>
            </Paper>
          </Stack>
        </form>
      </Stack>
    </>
  );
}
