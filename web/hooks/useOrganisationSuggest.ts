import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { directoryApi } from '../api/directory.ts';
import { keys } from '../api/keys.ts';

/** Organisation names matching what the member is typing, debounced so each keystroke is not a request. */
export function useOrganisationSuggest(input: string) {
  const [debounced] = useDebouncedValue(input.trim(), 200);
  const query = useQuery({
    queryKey: keys.organisationSuggest(debounced),
    queryFn: ({ signal }) => directoryApi.suggestOrganisations(debounced, signal),
    enabled: debounced.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  return { items: debounced ? (query.data?.items ?? []) : [], loading: query.isFetching };
}
