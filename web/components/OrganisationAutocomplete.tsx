import { Autocomplete, type AutocompleteProps, Loader } from '@mantine/core';
import { useOrganisationSuggest } from '../hooks/useOrganisationSuggest.ts';

type Props = Omit<AutocompleteProps, 'data' | 'value' | 'onChange'> & {
  value?: string;
  onChange?: (value: string) => void;
};

/** Free text with suggestions from organisations already on Rapport, so members converge on one spelling. */
export function OrganisationAutocomplete({ value, onChange, ...rest }: Props) {
  const { items, loading } = useOrganisationSuggest(value ?? '');
  const names = [...new Set(items.map((o) => o.name))];
  return (
    <Autocomplete
      {...rest}
      value={value ?? ''}
      onChange={onChange}
      data={names}
      filter={({ options }) => options}
      rightSection={loading ? <Loader size={14} aria-hidden /> : null}
    />
  );
}
