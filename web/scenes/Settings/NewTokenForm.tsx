import { Alert, Button, Code, CopyButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { LIMITS } from '../../../common/limits.ts';
import { keys } from '../../api/keys.ts';
import { meApi } from '../../api/me.ts';
import type { TokenCreated } from '../../api/types.ts';
import { FormError } from '../../components/FormError.tsx';
import { applyServerErrors } from '../../hooks/useServerErrors.ts';

/** Create a token and show its secret exactly once, with a copy button. */
export function NewTokenForm() {
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<TokenCreated | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { name: '' },
    validate: { name: (v) => (v.trim() ? null : 'Name the token after the script that will use it') },
  });
  const create = useMutation({
    mutationFn: (name: string) => meApi.createToken(name),
    onSuccess: (token) => {
      setCreated(token);
      form.reset();
      void queryClient.invalidateQueries({ queryKey: keys.tokens });
    },
    onError: (error) => setFormError(applyServerErrors(form, error, ['name'])),
  });

  return (
    <Stack gap="sm">
      {created && (
        <Alert color="teal" variant="light" title={
            <>
              Token “<bdi>{created.name}</bdi>” created
            </>
          } role="status">
          <Stack gap="xs">
            <Text size="sm">Copy it now. For your safety it will not be shown again.</Text>
            <Group gap="xs" wrap="nowrap">
              <Code style={{ wordBreak: 'break-all', flex: 1 }} aria-label="New access token">
                {created.token}
              </Code>
              <CopyButton value={created.token}>
                {({ copied, copy }) => (
                  <Button
                    size="xs"
                    variant={copied ? 'filled' : 'light'}
                    color={copied ? 'teal' : undefined}
                    leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
                    onClick={copy}
                  >
                    {copied ? 'Copied' : 'Copy token'}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Button size="xs" variant="subtle" onClick={() => setCreated(null)} style={{ alignSelf: 'flex-start' }}>
              Done
            </Button>
          </Stack>
        </Alert>
      )}
      <form
        noValidate
        onSubmit={form.onSubmit((v) => {
          setFormError(null);
          create.mutate(v.name);
        })}
      >
        <Group align="flex-end" gap="xs" wrap="wrap">
          <TextInput
            label="Token name"
            placeholder="e.g. CRM sync script"
            maxLength={LIMITS.tokenNameMax}
            style={{ flex: 1, minWidth: 220 }}
            {...form.getInputProps('name')}
          />
          <Button type="submit" loading={create.isPending}>
            Create token
          </Button>
        </Group>
        <FormError message={formError} />
      </form>
    </Stack>
  );
}
