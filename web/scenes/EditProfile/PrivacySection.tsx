import { NumberInput, Radio, Stack } from '@mantine/core';
import { FormSection } from './FormSection.tsx';
import type { ProfileForm } from './profileForm.ts';

const thisYear = new Date().getFullYear();

/** Private birth year (used only for age-band diversity) and who sees the full profile. */
export function PrivacySection({ form }: { form: ProfileForm }) {
  return (
    <FormSection id="privacy" title="Privacy" description="Control what other members can see.">
      <Radio.Group label="Who can see your full profile" {...form.getInputProps('visibility')}>
        <Stack gap="xs" mt="xs">
          <Radio value="signed_in" label="Every signed-in member of this community" />
          <Radio value="network" label="Only my network (others see name, headline and photo)" />
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
