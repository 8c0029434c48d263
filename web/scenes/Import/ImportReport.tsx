import { Alert, List, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ImportView } from '../../api/imports.ts';
import { useFormat } from '../../i18n/format.ts';
import { useImportWords } from './wording.ts';

/** A failed import: the fatal error in words, naming the file and the line (nothing was half-imported). */
export function ImportFailure({ error }: { error: NonNullable<ImportView['report']['error']> }) {
  const { t } = useTranslation('imports');
  const words = useImportWords();
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title={t('failure.title')} role="alert">
      <Stack gap={4}>
        <Text size="sm">{words.failure(error.code)}</Text>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {error.line !== null ? t('failure.where', { file: error.file, line: error.line }) : t('failure.whereFile', { file: error.file })}
        </Text>
      </Stack>
    </Alert>
  );
}

/** The report of a finished import: what was applied, then each file with its records and its issues by line. */
export function ImportReport({ report }: { report: ImportView['report'] }) {
  const { t } = useTranslation('imports');
  const format = useFormat();
  const words = useImportWords();
  return (
    <Stack gap="sm" component="section" aria-labelledby="import-report-heading">
      <Title order={3} fz="h5" id="import-report-heading">
        {t('report.title')}
      </Title>
      {report.applied.contactsCreated !== undefined && (
        <Text size="sm">{t('report.applied', { created: format.number(report.applied.contactsCreated ?? 0), updated: format.number(report.applied.contactsUpdated ?? 0) })}</Text>
      )}
      {report.files.length === 0 && <Text size="sm">{t('report.noFiles')}</Text>}
      {report.files.map((file) => {
        const records = Object.entries(file.records);
        return (
          <Stack key={file.file} gap={4}>
            <Title order={4} fz="sm" style={{ overflowWrap: 'anywhere' }}>
              {t('report.file', { file: file.file })}
            </Title>
            {records.length > 0 && (
              <Text size="sm" c="dimmed">
                {records.map(([kind, count]) => words.records(kind, count)).join(' · ')}
              </Text>
            )}
            {file.issues.length === 0 ? (
              <Text size="sm">{t('report.noIssues')}</Text>
            ) : (
              <List size="sm" aria-label={t('report.issuesLabel', { file: file.file })} style={{ overflowWrap: 'anywhere' }}>
                {file.issues.map((issue, i) => (
                  <List.Item key={`${issue.line}-${issue.code}-${i}`}>
                    {issue.line > 0 ? t('report.issue', { line: issue.line, text: words.issue(issue.code) }) : t('report.issueNoLine', { text: words.issue(issue.code) })}
                  </List.Item>
                ))}
                {file.issuesOmitted > 0 && <List.Item>{t('report.omitted', { count: file.issuesOmitted })}</List.Item>}
              </List>
            )}
          </Stack>
        );
      })}
    </Stack>
  );
}
