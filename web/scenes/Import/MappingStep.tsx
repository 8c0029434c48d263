import { Button, MultiSelect, Paper, ScrollArea, SimpleGrid, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ColumnMappingInput, type ImportView, importsApi } from '../../api/imports.ts';
import { FormError } from '../../components/FormError.tsx';
import { importKey } from './keys.ts';

const LISTS = ['emails', 'phones', 'urls'] as const;
type Single = 'name' | 'firstName' | 'lastName' | 'organisation' | 'title' | 'birthday' | 'note';
type ListField = (typeof LISTS)[number];
const ORDER = ['name', 'firstName', 'lastName', 'emails', 'phones', 'urls', 'organisation', 'title', 'birthday', 'note'] as const;

/**
 * A contacts CSV the server did not recognise by itself: for each contact field, which of the file's headers
 * fills it (pre-filled with the server's proposal), with the first rows shown so the member can tell the
 * columns apart. Sending the mapping parses the file again; the page's polling picks the import up.
 */
export function MappingStep({ view }: { view: ImportView }) {
  const { t } = useTranslation('imports');
  const queryClient = useQueryClient();
  const mapping = view.mapping!;
  const [value, setValue] = useState<ColumnMappingInput>(() => ({ ...mapping.proposed }));
  const options = mapping.headers.map((h) => ({ value: h, label: h }));
  const save = useMutation({
    mutationFn: () => importsApi.setMapping(view.id, value),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: importKey(view.id) }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const isList = (f: Single | ListField): f is ListField => (LISTS as readonly string[]).includes(f);

  return (
    <Paper p="lg" radius="md" component="section" aria-labelledby="import-mapping-heading">
      <form onSubmit={submit}>
        <Stack gap="md">
          <Title order={3} fz="h4" id="import-mapping-heading">
            {t('mapping.title')}
          </Title>
          <Text size="sm">{t('mapping.intro')}</Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {ORDER.map((field) =>
              isList(field) ? (
                <MultiSelect
                  key={field}
                  label={t(`mapping.fields.${field}`)}
                  data={options}
                  value={value[field] ?? []}
                  onChange={(v) => setValue((m) => ({ ...m, [field]: v.length ? v.slice(0, 10) : undefined }))}
                  placeholder={value[field]?.length ? undefined : t('mapping.none')}
                  clearable
                  comboboxProps={{ withinPortal: true }}
                />
              ) : (
                <Select
                  key={field}
                  label={t(`mapping.fields.${field}`)}
                  data={options}
                  value={value[field] ?? null}
                  onChange={(v) => setValue((m) => ({ ...m, [field]: v ?? undefined }))}
                  placeholder={t('mapping.none')}
                  clearable
                />
              ),
            )}
          </SimpleGrid>
          {mapping.sample.length > 0 && (
            <Stack gap={4}>
              <Title order={4} fz="sm" id="import-sample-heading">
                {t('mapping.sample')}
              </Title>
              <ScrollArea type="auto" tabIndex={0} aria-labelledby="import-sample-heading">
                <Table withTableBorder fz="xs" aria-labelledby="import-sample-heading">
                  <Table.Thead>
                    <Table.Tr>
                      {mapping.headers.map((h, i) => (
                        <Table.Th key={`${h}-${i}`}>{h}</Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {mapping.sample.map((row, r) => (
                      <Table.Tr key={r}>
                        {mapping.headers.map((_, c) => (
                          <Table.Td key={c}>{row[c] ?? ''}</Table.Td>
                        ))}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollArea>
            </Stack>
          )}
          <FormError error={save.error} />
          <div>
            <Button type="submit" loading={save.isPending}>
              {t('mapping.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
