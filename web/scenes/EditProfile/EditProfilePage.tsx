import { Alert, Button, Group, Paper, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
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
import { type ProfileFormValues, profileValidation, toFormValues, toPatch } from './profileForm.ts';

export function EditProfilePage() {
  const { data: me } = useMe();
  if (!me) return null;
  return <ProfileEditor me={me} />;
}

function ProfileEditor({ me }: { me: MeView }) {
  // Named here so they load with the scene's own: people for the career stages (BasicsSection), errors for
  // the form's text checks (lineError).
  const { t } = useTranslation(['editProfile', 'people', 'errors']);
  const queryClient = useQueryClient();
  const location = useLocation();
  const [params] = useSearchParams();
  const [formError, setFormError] = useState<string | null>(null);
  const validate = useMemo(() => profileValidation(t), [t]);
  const form = useForm<ProfileFormValues>({ initialValues: toFormValues(me), validate });

  const save = useMutation({
    mutationFn: (values: ProfileFormValues) => meApi.updateProfile(toPatch(values)),
    onSuccess: (next) => {
      queryClient.setQueryData(keys.me, next);
      void queryClient.invalidateQueries({ queryKey: keys.member(me.handle) });
      form.resetDirty();
      notifications.show({ color: 'teal', title: t('page.saved'), message: t('page.strength', { score: next.strength.score }) });
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
        title={t('page.title')}
        description={t('page.description')}
        actions={
          <Button component={Link} to={`/in/${me.handle}`} variant="default">
            {t('page.viewProfile')}
          </Button>
        }
      />
      <Stack gap="lg" maw={860}>
        {params.get('welcome') && (
          <Alert color="brand" variant="light" title={t('page.welcomeTitle')}>
            {t('page.welcomeBody')}
          </Alert>
        )}
        <PhotoSection me={me} />
        <form
          noValidate
          aria-label={t('page.form')}
          onSubmit={form.onSubmit(
            (values) => {
              setFormError(null);
              save.mutate(values);
            },
            () => setFormError(t('page.fixFields')),
          )}
        >
          <Stack gap="lg">
            <BasicsSection form={form} />
            <ExperienceSection form={form} />
            <EducationSection form={form} />
            <SkillsSection form={form} />
            <StringListSection form={form} field="offers" />
            <StringListSection form={form} field="asks" />
            <LinksSection form={form} />
            <PrivacySection form={form} />
            <Paper p="md" radius="md" pos="sticky" bottom={0} style={{ zIndex: 5 }} shadow="md">
              <Stack gap="sm">
                <FormError message={formError} />
                <Group justify="flex-end">
                  <Button type="button" variant="default" disabled={!form.isDirty()} onClick={() => form.reset()}>
                    {t('page.discard')}
                  </Button>
                  <Button type="submit" loading={save.isPending} leftSection={<IconDeviceFloppy size={16} aria-hidden />}>
                    {t('page.save')}
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
