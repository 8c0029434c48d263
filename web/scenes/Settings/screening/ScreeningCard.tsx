import { Alert, Button, Group, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keys } from '../../../api/keys.ts';
import { SCREENING_FORM_LIMITS, type ScreeningPolicyView, screeningApi } from '../../../api/screening.ts';
import { FormError } from '../../../components/FormError.tsx';
import { ErrorState, PageLoader } from '../../../components/PageState.tsx';
import { useScrollToHash } from '../../../hooks/useScrollToHash.ts';
import { RuleEditor } from './RuleEditor.tsx';
import { emptyNumberErrors, ruleDraft, serverErrors, toDraft, toPolicy, type ScreeningDraft } from './screeningForm.ts';

const SECTION_ID = 'screening';
const HEADING_ID = 'screening-heading';

/** Settings → Invitations & screening: how invitations reach this member, and who may send them. */
export function ScreeningCard() {
  const { t } = useTranslation('settings');
  const query = useQuery({ queryKey: keys.screeningPolicy, queryFn: screeningApi.policy });
  const ref = useRef<HTMLElement>(null);
  // "Review your screening settings" from an empty invitation folder links here (/settings#screening).
  useScrollToHash(SECTION_ID, ref, query.isSuccess);
  return (
    <Paper ref={ref} tabIndex={-1} p="lg" radius="md" component="section" aria-labelledby={HEADING_ID} id={SECTION_ID}>
      <Title order={2} fz="h4" id={HEADING_ID} mb={4}>
        {t('screening.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('screening.intro')}
      </Text>
      {query.isPending ? (
        <PageLoader label={t('screening.loading')} />
      ) : query.error ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <ScreeningForm policy={query.data} />
      )}
    </Paper>
  );
}

function ScreeningForm({ policy }: { policy: ScreeningPolicyView }) {
  const { t } = useTranslation('settings');
  const modes = [
    { value: 'open', label: t('screening.mode.open'), description: t('screening.mode.openDescription') },
    { value: 'selective', label: t('screening.mode.selective'), description: t('screening.mode.selectiveDescription') },
    { value: 'manual', label: t('screening.mode.manual'), description: t('screening.mode.manualDescription') },
  ];
  const who = [
    { value: 'everyone', label: t('screening.whoCanInvite.everyone') },
    { value: 'email', label: t('screening.whoCanInvite.email') },
    { value: 'second_degree', label: t('screening.whoCanInvite.secondDegree') },
  ];
  const queryClient = useQueryClient();
  const form = useForm<ScreeningDraft>({ initialValues: toDraft(policy) });
  const [formError, setFormError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (d: ScreeningDraft) => screeningApi.savePolicy(toPolicy(d)),
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.screeningPolicy, saved);
      form.setValues(toDraft(saved));
      form.resetDirty(toDraft(saved));
      notifications.show({ color: 'teal', message: t('screening.saved') });
    },
    onError: (error) => {
      const { fields, other } = serverErrors(error, { failed: t('screening.failed'), request: t('screening.request') });
      form.setErrors(fields);
      setFormError(other ?? t('screening.fixFields'));
    },
  });
  const values = form.getValues();

  const submit = form.onSubmit((d) => {
    setFormError(null);
    const empty = emptyNumberErrors(d, t('screening.enterNumber'));
    if (Object.keys(empty).length) {
      form.setErrors(empty);
      setFormError(t('screening.fixFields'));
      return;
    }
    save.mutate(d);
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <Radio.Group label={t('screening.mode.label')} {...form.getInputProps('mode')}>
          <Stack gap="xs" mt="xs">
            {modes.map((m) => (
              <Radio key={m.value} value={m.value} label={m.label} description={m.description} />
            ))}
          </Stack>
        </Radio.Group>

        {values.mode === 'selective' && (
          <Stack gap="sm" role="group" aria-labelledby="rules-heading">
            <Title order={3} fz="h5" id="rules-heading">
              {t('screening.rules.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('screening.rules.intro')}
            </Text>
            {form.errors.rules && <Text size="sm" c="red" role="alert">{form.errors.rules}</Text>}
            {values.rules.length === 0 && <Text size="sm">{t('screening.rules.none')}</Text>}
            {values.rules.map((r, i) => (
              <RuleEditor key={r.key} form={form} index={i} count={values.rules.length} />
            ))}
            <Group>
              <Button
                variant="light"
                leftSection={<IconPlus size={16} aria-hidden />}
                disabled={values.rules.length >= SCREENING_FORM_LIMITS.rulesMax}
                onClick={() => form.insertListItem('rules', { ...ruleDraft(), hasNote: true })}
              >
                {t('screening.rules.add')}
              </Button>
            </Group>
            <Radio.Group label={t('screening.otherwise')} {...form.getInputProps('otherwise')}>
              <Group gap="lg" mt="xs">
                <Radio value="inbox" label={t('screening.actions.inbox')} />
                <Radio value="other" label={t('screening.actions.other')} />
              </Group>
            </Radio.Group>
          </Stack>
        )}

        <Radio.Group label={t('screening.whoCanInvite.label')} {...form.getInputProps('whoCanInvite')}>
          <Stack gap="xs" mt="xs">
            {who.map((w) => (
              <Radio key={w.value} value={w.value} label={w.label} />
            ))}
          </Stack>
        </Radio.Group>

        <Alert variant="light" color="gray" icon={<IconInfoCircle aria-hidden />}>
          {t('screening.applyNote')}
        </Alert>
        <FormError message={formError} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('screening.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
