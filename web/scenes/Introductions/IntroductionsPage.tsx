import { Paper, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { INTRODUCTION_BOXES, type IntroductionBox } from '../../../common/introductions.ts';
import { introductionsApi } from '../../api/introductions.ts';
import { keys } from '../../api/keys.ts';
import { PagedList } from '../../components/PagedList.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, NextSteps } from '../../components/PageState.tsx';
import { usePagedQuery } from '../../hooks/usePagedQuery.ts';
import { IntroductionItem } from './IntroductionItem.tsx';

const isBox = (v: string | null): v is IntroductionBox => INTRODUCTION_BOXES.includes(v as IntroductionBox);

/**
 * Introductions by the viewer's part in them: asked for, waiting for them to forward, and to them. The
 * box lives in the URL (?box=to-forward) so notifications and links can open the right one.
 */
export function IntroductionsPage() {
  const { t } = useTranslation('introductions');
  const [params, setParams] = useSearchParams();
  const requested = params.get('box');
  const box: IntroductionBox = isBox(requested) ? requested : 'asked';
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <Paper p="md" radius="md">
        <Tabs value={box} onChange={(v) => isBox(v) && setParams(v === 'asked' ? {} : { box: v }, { replace: true })}>
          <Tabs.List mb="sm">
            {INTRODUCTION_BOXES.map((name) => (
              <Tabs.Tab key={name} value={name}>
                {t(`tabs.${name}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {INTRODUCTION_BOXES.map((name) => (
            <Tabs.Panel key={name} value={name}>
              {name === box && <IntroductionBoxList box={name} />}
            </Tabs.Panel>
          ))}
        </Tabs>
      </Paper>
    </>
  );
}

function IntroductionBoxList({ box }: { box: IntroductionBox }) {
  const { t } = useTranslation('introductions');
  const query = usePagedQuery(keys.introductionBox(box), (cursor) => introductionsApi.list(box, cursor));
  return (
    <PagedList
      query={query}
      label={t(`lists.${box}`)}
      loadingLabel={t('loading')}
      empty={
        <EmptyState title={t(`empty.${box}.title`)} action={<NextSteps steps={[{ to: '/search', label: t('empty.action') }]} />}>
          {t(`empty.${box}.body`)}
        </EmptyState>
      }
      renderItem={(introduction) => <IntroductionItem introduction={introduction} />}
    />
  );
}
