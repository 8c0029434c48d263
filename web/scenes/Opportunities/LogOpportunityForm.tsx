import { Button, Group, NumberInput, Paper, Select, Stack, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OPPORTUNITY_KINDS, OPPORTUNITY_LIMITS, type OpportunityKind } from '../../../common/opportunities.ts';
import { opportunitiesApi, type OpportunityDraft } from '../../api/opportunities.ts';
import { FormError } from '../../components/FormError.tsx';
import { type Picked, PeoplePicker } from './PeoplePicker.tsx';

/** Logging an opportunity: its kind, what it was, the people it came through and, if the member wishes, its value. */
export function LogOpportunityForm() {
  const { t } = useTranslation('opportunities');
  const client = useQueryClient();
  const [kind, setKind] = useState<OpportunityKind>('client');
  const [title, setTitle] = useState('');
  const [people, setPeople] = useState<Picked[]>([]);
  const [value, setValue] = useState<number | string>('');
  const [peopleError, setPeopleError] = useState<string | null>(null);
  const log = useMutation({
    mutationFn: (draft: OpportunityDraft) => opportunitiesApi.log(draft),
    onSuccess: async () => {
      setTitle('');
      setPeople([]);
      setValue('');
      notifications.show({ color: 'teal', message: t('form.logged') });
      await client.invalidateQueries({ queryKey: ['opportunities'] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (people.length === 0) {
      setPeopleError(t('form.peopleRequired'));
      return;
    }
    log.mutate({ kind, title: title.trim(), people: people.map((p) => p.handle), value: typeof value === 'number' ? value : null });
  };
  return (
    <Paper p="md" radius="md" component="section" aria-labelledby="opportunity-form">
      <Title order={2} fz="h4" id="opportunity-form" mb="xs">
        {t('form.title')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Group grow align="flex-start" wrap="wrap">
            <Select
              label={t('form.kind')}
              data={OPPORTUNITY_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
              value={kind}
              onChange={(v) => v && setKind(v as OpportunityKind)}
              allowDeselect={false}
              required
            />
            <TextInput
              label={t('form.what')}
              placeholder={t('form.whatPlaceholder')}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              maxLength={OPPORTUNITY_LIMITS.titleMax}
              required
            />
          </Group>
          <PeoplePicker
            value={people}
            onChange={(p) => {
              setPeople(p);
              setPeopleError(null);
            }}
            error={peopleError}
          />
          <NumberInput
            label={t('form.value')}
            description={t('form.valueHint')}
            value={value}
            onChange={setValue}
            min={0}
            max={OPPORTUNITY_LIMITS.valueMax}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator
          />
          <FormError error={log.error} />
          <Group>
            <Button type="submit" loading={log.isPending}>
              {t('form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
