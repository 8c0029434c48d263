import { Alert, Button, Group, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
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
  const query = useQuery({ queryKey: keys.screeningPolicy, queryFn: screeningApi.policy });
  const ref = useRef<HTMLElement>(null);
  // "Review your screening settings" from an empty invitation folder links here (/settings#screening).
  useScrollToHash(SECTION_ID, ref, query.isSuccess);
  return (
    <Paper ref={ref} tabIndex={-1} p="lg" radius="md" component="section" aria-labelledby={HEADING_ID} id={SECTION_ID}>
      <Title order={2} fz="h4" id={HEADING_ID} mb={4}>
        Invitations &amp; screening
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Decide how invitations reach you. Whatever you choose, the platform holds back invitations from flagged accounts.
      </Text>
      {query.isPending ? (
        <PageLoader label="Loading your screening settings…" />
      ) : query.error ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <ScreeningForm policy={query.data} />
      )}
    </Paper>
  );
}

const MODES = [
  { value: 'open', label: 'Open', description: 'Accept every invitation automatically, unless the platform flags the sender.' },
  { value: 'selective', label: 'Selective', description: 'Your rules decide: accept automatically, put in your inbox, or set aside in Other.' },
  { value: 'manual', label: 'Manual', description: 'Every invitation waits in your inbox for your answer.' },
] as const;

const WHO = [
  { value: 'everyone', label: 'Everyone in this community' },
  { value: 'email', label: 'Only people who know my email address' },
  { value: 'second_degree', label: 'Only people within 2nd degree (a connection in common)' },
] as const;

function ScreeningForm({ policy }: { policy: ScreeningPolicyView }) {
  const queryClient = useQueryClient();
  const form = useForm<ScreeningDraft>({ initialValues: toDraft(policy) });
  const [formError, setFormError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (d: ScreeningDraft) => screeningApi.savePolicy(toPolicy(d)),
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.screeningPolicy, saved);
      form.setValues(toDraft(saved));
      form.resetDirty(toDraft(saved));
      notifications.show({ color: 'teal', message: 'Screening settings saved. They apply to invitations that arrive from now on.' });
    },
    onError: (error) => {
      const { fields, other } = serverErrors(error);
      form.setErrors(fields);
      setFormError(other ?? 'Please fix the highlighted fields.');
    },
  });
  const values = form.getValues();

  const submit = form.onSubmit((d) => {
    setFormError(null);
    const empty = emptyNumberErrors(d);
    if (Object.keys(empty).length) {
      form.setErrors(empty);
      setFormError('Please fix the highlighted fields.');
      return;
    }
    save.mutate(d);
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <Radio.Group label="How invitations reach you" {...form.getInputProps('mode')}>
          <Stack gap="xs" mt="xs">
            {MODES.map((m) => (
              <Radio key={m.value} value={m.value} label={m.label} description={m.description} />
            ))}
          </Stack>
        </Radio.Group>

        {values.mode === 'selective' && (
          <Stack gap="sm" role="group" aria-labelledby="rules-heading">
            <Title order={3} fz="h5" id="rules-heading">
              Your rules
            </Title>
            <Text size="sm" c="dimmed">
              Rules are tried in order; the first whose conditions all hold decides where the invitation goes.
            </Text>
            {form.errors.rules && <Text size="sm" c="red" role="alert">{form.errors.rules}</Text>}
            {values.rules.length === 0 && <Text size="sm">No rules yet: every invitation goes where “When no rule matches” says.</Text>}
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
                Add a rule
              </Button>
            </Group>
            <Radio.Group label="When no rule matches" {...form.getInputProps('otherwise')}>
              <Group gap="lg" mt="xs">
                <Radio value="inbox" label="Put in my inbox" />
                <Radio value="other" label="Put in Other" />
              </Group>
            </Radio.Group>
          </Stack>
        )}

        <Radio.Group label="Who can invite you" {...form.getInputProps('whoCanInvite')}>
          <Stack gap="xs" mt="xs">
            {WHO.map((w) => (
              <Radio key={w.value} value={w.value} label={w.label} />
            ))}
          </Stack>
        </Radio.Group>

        <Alert variant="light" color="gray" icon={<IconInfoCircle aria-hidden />}>
          Changes apply to invitations that arrive after you save. Invitations already waiting stay where they are, each showing the rule
          that placed it.
        </Alert>
        <FormError message={formError} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            Save screening settings
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
