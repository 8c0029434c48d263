import { Checkbox, NumberInput, Radio, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormSection } from './FormSection.tsx';
import type { ProfileForm } from './profileForm.ts';

const thisYear = new Date().getFullYear();

/**
 * Who sees the full profile, who may follow, who sees connections, and the private birth year with the choice
 * to let its age band (never the year) count in the garden's age mix, mine and my connections'.
 */
export function PrivacySection({ form }: { form: ProfileForm }) {
  const { t } = useTranslation('editProfile');
  return (
    <FormSection id="privacy" title={t('privacy.title')} description={t('privacy.description')}>
      <Radio.Group label={t('privacy.visibility')} {...form.getInputProps('visibility')}>
        <Stack gap="xs" mt="xs">
          <Radio value="signed_in" label={t('privacy.visibilitySignedIn')} />
          <Radio value="network" label={t('privacy.visibilityNetwork')} />
        </Stack>
      </Radio.Group>
      <Radio.Group label={t('privacy.whoCanFollow')} {...form.getInputProps('whoCanFollow')}>
        <Stack gap="xs" mt="xs">
          <Radio value="everyone" label={t('privacy.followEveryone')} />
          <Radio value="connections" label={t('privacy.followConnections')} />
        </Stack>
      </Radio.Group>
      <Radio.Group label={t('privacy.connectionsVisibility')} {...form.getInputProps('connectionsVisibility')}>
        <Stack gap="xs" mt="xs">
          <Radio value="connections" label={t('privacy.connectionsConnections')} />
          <Radio value="only_me" label={t('privacy.connectionsOnlyMe')} />
        </Stack>
      </Radio.Group>
      <NumberInput
        label={t('privacy.birthYear')}
        description={t('privacy.birthYearHint')}
        placeholder={t('privacy.birthYearPlaceholder')}
        min={1900}
        max={thisYear - 13}
        allowDecimal={false}
        allowNegative={false}
        hideControls
        maw={240}
        {...form.getInputProps('birthYear')}
      />
      <Checkbox
        label={t('privacy.ageBandShared')}
        description={t('privacy.ageBandSharedHint')}
        {...form.getInputProps('ageBandShared', { type: 'checkbox' })}
      />
    </FormSection>
  );
}
