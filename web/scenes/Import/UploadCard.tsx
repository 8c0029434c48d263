import { Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { type DragEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { importsApi } from '../../api/imports.ts';
import { FormError } from '../../components/FormError.tsx';
import { useFormat } from '../../i18n/format.ts';

const ACCEPTED = ['.zip', '.csv', '.vcf'];
const acceptable = (file: File) => ACCEPTED.some((ext) => file.name.toLowerCase().endsWith(ext));

/**
 * Choosing a file (an input, or a drop on the zone around it) and sending it with a real upload progress
 * bar: fetch reports no upload progress, so the API client's `upload` uses XMLHttpRequest. The server answers
 * 202 {id} as soon as the file is on its disk; the page then follows the import.
 */
export function UploadCard({ onStarted }: { onStarted: (id: number) => void }) {
  const { t } = useTranslation('imports');
  const format = useFormat();
  const inputId = useId();
  const hintId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [wrongType, setWrongType] = useState(false);
  const [fraction, setFraction] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [dragging, setDragging] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const choose = (chosen: File | null | undefined) => {
    setError(null);
    if (!chosen) return setFile(null);
    setWrongType(!acceptable(chosen));
    setFile(acceptable(chosen) ? chosen : null);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    choose(event.dataTransfer.files[0]);
  };
  const start = async () => {
    if (!file) return;
    setError(null);
    setFraction(0);
    abort.current = new AbortController();
    try {
      const { id } = await importsApi.start(file, setFraction, abort.current.signal);
      setFile(null);
      // Emptied, so choosing the same file again (a re-import) is a change the input reports.
      if (input.current) input.current.value = '';
      onStarted(id);
    } catch (err) {
      if (!(err instanceof DOMException && err.name === 'AbortError')) setError(err);
    } finally {
      setFraction(null);
      abort.current = null;
    }
  };
  const percent = fraction === null ? 0 : Math.round(fraction * 100);

  return (
    <Paper p="lg" radius="md" component="section" aria-labelledby="import-choose-heading">
      <Title order={2} fz="h4" id="import-choose-heading" mb={4}>
        {t('choose.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md" id={hintId}>
        {t('choose.explain')}
      </Text>
      <Stack gap="sm">
        <div
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          style={{
            border: `2px dashed ${dragging ? 'var(--mantine-color-blue-6)' : 'var(--mantine-color-gray-5)'}`,
            borderRadius: 'var(--mantine-radius-md)',
            padding: 'var(--mantine-spacing-md)',
            overflowWrap: 'anywhere',
          }}
        >
          <Stack gap={6}>
            <Text size="sm" component="label" htmlFor={inputId} fw={500}>
              {t('choose.label')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('choose.drop')} {t('choose.browse')}:
            </Text>
            <input
              id={inputId}
              ref={input}
              type="file"
              accept={[...ACCEPTED, 'application/zip', 'text/csv', 'text/vcard'].join(',')}
              aria-describedby={hintId}
              disabled={fraction !== null}
              onChange={(event) => choose(event.currentTarget.files?.[0])}
              style={{ maxWidth: '100%' }}
            />
            {file && <Text size="sm">{t('choose.chosen', { name: file.name, size: format.number(Math.max(0.1, Math.round(file.size / 100_000) / 10)) })}</Text>}
          </Stack>
        </div>
        {wrongType && <FormError message={t('choose.wrongType')} />}
        {fraction !== null && (
          <Stack gap={4}>
            <Text size="sm" aria-hidden>
              {t('choose.uploading', { percent: format.number(percent) })}
            </Text>
            <Progress value={percent} aria-label={t('choose.uploadLabel')} />
          </Stack>
        )}
        <FormError error={error} />
        <Group>
          <Button onClick={() => void start()} disabled={!file || fraction !== null} loading={fraction !== null}>
            {t('choose.start')}
          </Button>
          {fraction !== null && (
            <Button variant="default" onClick={() => abort.current?.abort()}>
              {t('choose.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
