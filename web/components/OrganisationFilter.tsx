import { Autocomplete } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganisationSuggest } from '../hooks/useOrganisationSuggest.ts';

interface Props {
  /** The chosen organisation's id, or '' for any. */
  value: string;
  /** Its name, kept in the URL beside the id so the field can show it after a reload. */
  name: string;
  onChange: (patch: { organisation: string; orgName: string }) => void;
}

/**
 * A filter by organisation, picked from the organisations already on Rapport: a list filters by id, so
 * free text counts only once it is chosen from the suggestions. Clearing the text clears the filter.
 */
export function OrganisationFilter({ value, name, onChange }: Props) {
  const { t } = useTranslation('people');
  const [input, setInput] = useState(name);
  const { items } = useOrganisationSuggest(input);
  return (
    <Autocomplete
      label={t('organisationFilter.label')}
      placeholder={t('organisationFilter.placeholder')}
      description={value ? undefined : t('organisationFilter.hint')}
      value={input}
      onChange={(v) => {
        setInput(v);
        if (!v && value) onChange({ organisation: '', orgName: '' });
      }}
      data={items.map((o) => ({ value: String(o.id), label: o.name }))}
      filter={({ options }) => options}
      onOptionSubmit={(id) => {
        const org = items.find((o) => String(o.id) === id);
        if (!org) return;
        setInput(org.name);
        onChange({ organisation: String(org.id), orgName: org.name });
      }}
      clearable
    />
  );
}
