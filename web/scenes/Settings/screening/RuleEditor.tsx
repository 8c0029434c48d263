import { ActionIcon, Checkbox, Fieldset, Group, NumberInput, Select, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { ScreeningDraft } from './screeningForm.ts';

type Form = UseFormReturnType<ScreeningDraft>;

export const ACTIONS = [
  { value: 'accept', label: 'Accept automatically' },
  { value: 'inbox', label: 'Put in my inbox' },
  { value: 'other', label: 'Put in Other' },
];

const DEGREES = [
  { value: '1', label: '1st degree' },
  { value: '2', label: '2nd degree or closer' },
  { value: '3', label: '3rd degree or closer' },
];

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
  const n = index + 1;
  const p = (field: string) => `rules.${index}.${field}`;
  const rule = form.getValues().rules[index]!;
  const ruleError = form.errors[`rules.${index}`];
  const num = (field: 'minMutuals' | 'minProfileStrength' | 'maxRisk', label: string, min: number, max: number, on: boolean) => (
    <NumberInput
      {...form.getInputProps(p(field))}
      aria-label={`${label} (rule ${n})`}
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
    <Fieldset legend={`Rule ${n}`} radius="md" aria-describedby={ruleError ? `rule-${index}-error` : undefined}>
      <Stack gap={6}>
        <Text size="sm">Applies when all the ticked conditions hold:</Text>
        <Condition check={<Checkbox {...form.getInputProps(p('hasNote'), { type: 'checkbox' })} label="The invitation has a note" />} />
        <Condition check={<Checkbox {...form.getInputProps(p('useMinMutuals'), { type: 'checkbox' })} label="At least this many mutual connections" />}>
          {num('minMutuals', 'Minimum mutual connections', 1, 1000, rule.useMinMutuals)}
        </Condition>
        <Condition
          check={<Checkbox {...form.getInputProps(p('sharedOrgOrSchool'), { type: 'checkbox' })} label="A shared organisation or school (overlapping years)" />}
        />
        <Condition check={<Checkbox {...form.getInputProps(p('useMinProfileStrength'), { type: 'checkbox' })} label="Profile strength at least" />}>
          {num('minProfileStrength', 'Minimum profile strength', 1, 100, rule.useMinProfileStrength)}
        </Condition>
        <Condition check={<Checkbox {...form.getInputProps(p('useMaxDegree'), { type: 'checkbox' })} label="The sender is within" />}>
          <Select
            {...form.getInputProps(p('maxDegree'))}
            aria-label={`Furthest degree (rule ${n})`}
            data={DEGREES}
            allowDeselect={false}
            disabled={!rule.useMaxDegree}
            w={200}
            size="xs"
          />
        </Condition>
        <Condition check={<Checkbox {...form.getInputProps(p('useMaxRisk'), { type: 'checkbox' })} label="Risk score at most" />}>
          {num('maxRisk', 'Maximum risk score', 0, 99, rule.useMaxRisk)}
        </Condition>
        {ruleError && (
          <Text size="sm" c="red" id={`rule-${index}-error`} role="alert">
            {ruleError}
          </Text>
        )}
        <Group justify="space-between" align="flex-end" wrap="wrap" mt={4}>
          <Select {...form.getInputProps(p('then'))} label={`Then (rule ${n})`} data={ACTIONS} allowDeselect={false} w={220} size="sm" />
          <Group gap={4}>
            <ActionIcon variant="default" size="lg" aria-label={`Move rule ${n} up`} disabled={index === 0} onClick={() => form.reorderListItem('rules', { from: index, to: index - 1 })}>
              <IconArrowUp size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={`Move rule ${n} down`}
              disabled={index === count - 1}
              onClick={() => form.reorderListItem('rules', { from: index, to: index + 1 })}
            >
              <IconArrowDown size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon variant="default" color="red" size="lg" aria-label={`Remove rule ${n}`} onClick={() => form.removeListItem('rules', index)}>
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        </Group>
      </Stack>
    </Fieldset>
  );
}
