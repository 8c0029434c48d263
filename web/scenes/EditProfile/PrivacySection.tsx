import { NumberInput, Radio, Stack } from '@mantine/core';
import { FormSection } from './FormSection.tsx';
import type { ProfileForm } from './profileForm.ts';

const thisYear = new Date().getFullYear();

/** Private birth year (used only for age-band diversity), who sees the full profile, who may follow, who sees connections. */
export function PrivacySection({ form }: { form: ProfileForm }) {
  return (
    <FormSection id="privacy" title="Privacy" description="Control what other members can see.">
      <Radio.Group label="Who can see your full profile" {...form.getInputProps('visibility')}>
        <Stack gap="xs" mt="xs">
          <Radio value="signed_in" label="Every signed-in member of this community" />
          <Radio value="network" label="Only my network (others see name, headline and photo)" />
        </Stack>
      </Radio.Group>
      <Radio.Group label="Who can follow you" {...form.getInputProps('whoCanFollow')}>
        <Stack gap="xs" mt="xs">
          <Radio value="everyone" label="Everyone" />
          <Radio value="connections" label="Only my connections" />
        </Stack>
      </Radio.Group>
      <Radio.Group label="Who can see your connections" {...form.getInputProps('connectionsVisibility')}>
        <Stack gap="xs" mt="xs">
          <Radio value="connections" label="My connections" />
          <Radio value="only_me" label="Only me" />
        </Stack>
      </Radio.Group>
      <NumberInput
        label="Birth year (private)"
        description="Never shown to anyone. Used only for the age mix in your network overview."
        placeholder="e.g. 1988"
        min={1900}
        max={thisYear - 13}
        allowDecimal={false}
        allowNegative={false}
        hideControls
        maw={240}
        {...form.getInputProps('birthYear')}
      />
    </FormSection>
  );
}
