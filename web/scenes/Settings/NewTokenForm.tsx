import { Alert, Button, Code, CopyButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { LIMITS } from '../../../common/limits.ts';
import { keys } from '../../api/keys.ts';
import { meApi } from '../../api/me.ts';
import type { TokenCreated } from '../../api/types.ts';
import { FormError } from '../../components/FormError.tsx';
import { applyServerErrors } from '../../hooks/useServerErrors.ts';

/** Create a token and show its secret exactly once, with a copy button. */
export function NewTokenForm() {
  const { t } = useTranslation(['settings', 'common']);
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<TokenCreated | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { name: '' },
    validate: { name: (v) => (v.trim() ? null : t('tokens.new.nameRequired')) },
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
        <Alert
          color="teal"
          variant="light"
          title={<Trans t={t} i18nKey="tokens.new.created" values={{ name: created.name }} components={{ bdi: <bdi /> }} />}
          role="status"
        >
          <Stack gap="xs">
            <Text size="sm">{t('tokens.new.copyNow')}</Text>
            <Group gap="xs" wrap="nowrap">
              <Code style={{ wordBreak: 'break-all', flex: 1 }} aria-label={t('tokens.new.secret')}>
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
                    {copied ? t('tokens.new.copied') : t('tokens.new.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Button size="xs" variant="subtle" onClick={() => setCreated(null)} style={{ alignSelf: 'flex-start' }}>
              {t('common:actions.done')}
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
            label={t('tokens.new.label')}
            placeholder={t('tokens.new.placeholder')}
            maxLength={LIMITS.tokenNameMax}
            style={{ flex: 1, minWidth: 220 }}
            {...form.getInputProps('name')}
          />
          <Button type="submit" loading={create.isPending}>
            {t('tokens.new.submit')}
          </Button>
        </Group>
        <FormError message={formError} />
      </form>
    </Stack>
  );
}
