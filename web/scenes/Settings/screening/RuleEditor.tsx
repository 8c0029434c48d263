import { ActionIcon, Checkbox, Fieldset, Group, NumberInput, Select, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScreeningDraft } from './screeningForm.ts';

type Form = UseFormReturnType<ScreeningDraft>;

/** A condition: a checkbox, and (for thresholds) its value beside it, enabled once ticked. */
function Condition({ check, children }: { check: ReactNode; children?: ReactNode }) {
  return (
    <Group gap="sm" wrap="wrap" align="center" mih={36}>
      {check}
      {children}
    </Group>
  );
}

interface Props {
  form: Form;
  index: number;
  count: number;
}

/** One rule: the conditions that must all hold, and where a matching invitation goes; movable and removable. */
export function RuleEditor({ form, index, count }: Props) {
  const { t } = useTranslation('settings');
  const n = index + 1;
  const actions = [
    { value: 'accept', label: t('screening.actions.accept') },
    { value: 'inbox', label: t('screening.actions.inbox') },
    { value: 'other', label: t('screening.actions.other') },
  ];
  const degrees = [
    { value: '1', label: t('screening.rule.degree1') },
    { value: '2', label: t('screening.rule.degree2') },
    { value: '3', label: t('screening.rule.degree3') },
  ];
  const p = (field: string) => `rules.${index}.${field}`;
  const rule = form.getValues().rules[index]!;
  const ruleError = form.errors[`rules.${index}`];
  const num = (field: 'minMutuals' | 'minProfileStrength' | 'maxRisk', label: string, min: number, max: number, on: boolean) => (
    <NumberInput
      {...form.getInputProps(p(field))}
      aria-label={label}
      min={min}
      max={max}
      clampBehavior="none"
      allowDecimal={false}
      disabled={!on}
      w={110}
      size="xs"
    />
  );
  return (
    <Fieldset legend={t('screening.rule.legend', { n })} radius="md" aria-describedby={ruleError ? `rule-${index}-error` : undefined}>
      <Stack gap={6}>
        <Text size="sm">{t('screening.rule.appliesWhen')}</Text>
        <Condition check={<Checkbox {...form.getInputProps(p('hasNote'), { type: 'checkbox' })} label={t('screening.rule.hasNote')} />} />
        <Condition check={<Checkbox {...form.getInputProps(p('useMinMutuals'), { type: 'checkbox' })} label={t('screening.rule.minMutuals')} />}>
          {num('minMutuals', t('screening.rule.minMutualsValue', { n }), 1, 1000, rule.useMinMutuals)}
        </Condition>
        <Condition
          check={<Checkbox {...form.getInputProps(p('sharedOrgOrSchool'), { type: 'checkbox' })} label={t('screening.rule.sharedOrgOrSchool')} />}
        />
        <Condition check={<Checkbox {...form.getInputProps(p('useMinProfileStrength'), { type: 'checkbox' })} label={t('screening.rule.minProfileStrength')} />}>
          {num('minProfileStrength', t('screening.rule.minProfileStrengthValue', { n }), 1, 100, rule.useMinProfileStrength)}
        </Condition>
        <Condition check={<Checkbox {...form.getInputProps(p('useMaxDegree'), { type: 'checkbox' })} label={t('screening.rule.maxDegree')} />}>
          <Select
            {...form.getInputProps(p('maxDegree'))}
            aria-label={t('screening.rule.maxDegreeValue', { n })}
            data={degrees}
            allowDeselect={false}
            disabled={!rule.useMaxDegree}
            w={200}
            size="xs"
          />
        </Condition>
        <Condition check={<Checkbox {...form.getInputProps(p('useMaxRisk'), { type: 'checkbox' })} label={t('screening.rule.maxRisk')} />}>
          {num('maxRisk', t('screening.rule.maxRiskValue', { n }), 0, 99, rule.useMaxRisk)}
        </Condition>
        {ruleError && (
          <Text size="sm" c="red" id={`rule-${index}-error`} role="alert">
            {ruleError}
          </Text>
        )}
        <Group justify="space-between" align="flex-end" wrap="wrap" mt={4}>
          <Select {...form.getInputProps(p('then'))} label={t('screening.rule.then', { n })} data={actions} allowDeselect={false} w={220} size="sm" />
          <Group gap={4}>
            <ActionIcon variant="default" size="lg" aria-label={t('screening.rule.moveUp', { n })} disabled={index === 0} onClick={() => form.reorderListItem('rules', { from: index, to: index - 1 })}>
              <IconArrowUp size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={t('screening.rule.moveDown', { n })}
              disabled={index === count - 1}
              onClick={() => form.reorderListItem('rules', { from: index, to: index + 1 })}
            >
              <IconArrowDown size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon variant="default" color="red" size="lg" aria-label={t('screening.rule.remove', { n })} onClick={() => form.removeListItem('rules', index)}>
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        </Group>
      </Stack>
    </Fieldset>
  );
}
