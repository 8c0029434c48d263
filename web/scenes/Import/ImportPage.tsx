import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ImportedHistory } from './ImportedHistory.tsx';
import { ImportProgress } from './ImportProgress.tsx';
import { PreviousImports } from './PreviousImports.tsx';
import { UploadCard } from './UploadCard.tsx';

/**
 * Settings → Import (issue 14): choose a LinkedIn archive, a vCard or a contacts CSV, upload it, follow it to
 * its report, then connect with who is here and review the profile it offers. The import followed lives in
 * the address (?id=), so a reload or a previous import's link opens its report.
 */
export function ImportPage() {
  const { t } = useTranslation('imports');
  const [params, setParams] = useSearchParams();
  const raw = Number(params.get('id'));
  const id = Number.isInteger(raw) && raw > 0 ? raw : null;
  return (
    <>
      <PageHeader title={t('page.title')} description={t('page.description')} />
      <Stack gap="lg" maw={860}>
        <UploadCard onStarted={(started) => setParams({ id: String(started) })} />
        {id !== null && <ImportProgress key={id} id={id} />}
        <ImportedHistory />
        <PreviousImports current={id} />
      </Stack>
    </>
  );
}
