import { TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';

/** The header's people search: Enter goes to /search?q=… The layout places and sizes it through `className`. */
export function HeaderSearch({ className }: { className?: string }) {
  const navigate = useNavigate();
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [value, setValue] = useState(params.get('q') ?? '');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const q = value.trim();
    void navigate(q ? `/search?q=${encodeURIComponent(q)}` : '/search');
  };

  return (
    <form role="search" onSubmit={submit} className={className}>
      <TextInput
        aria-label={t('searchPeople')}
        placeholder={t('searchPeople')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={value}
        onChange={(e) => setValue(e.currentTarget.value)}
        radius="xl"
        type="search"
      />
    </form>
  );
}
